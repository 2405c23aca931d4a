import Testing
@testable import PosGuide

/// A list long enough to render in parts on all cores renders exactly as item after item would.
@Suite struct TemplateListInPartsTests {
    func render(_ templates: [String: String], _ context: TemplateValue.Map) throws -> String {
        var parsed: [String: Template] = [:]
        for (key, text) in templates { parsed[key] = try TemplateParser.parse(text) }
        var renderer = TemplateRenderer(templates: parsed, context: context)
        renderer.render(parsed["main"]!.nodes)
        return renderer.output
    }

    static let count = TemplateRenderer.itemsRenderedInParts * 3 + 17

    static var items: TemplateValue {
        .list((0..<count).map { index in
            ["title": .string("第 \(index) 篇 <&>"), "url": .string("/a/p\(index)/"), "new": .bool(index % 7 == 0)]
        })
    }

    @Test func aLongListRendersAsItsItemsOneAfterAnother() throws {
        let templates = [
            "main": "<ul>\n{{#pages}}\n<li>{{> item}}</li>\n{{/pages}}\n</ul>{{site}}\n",
            "item": "<a href=\"{{url}}\">{{title}}</a>{{#new}} 新{{/new}}{{^new}}{{site}}{{/new}}",
        ]
        let html = try render(templates, ["pages": Self.items, "site": "站"])
        var expected = "<ul>\n"
        for index in 0..<Self.count {
            expected += "<li><a href=\"/a/p\(index)/\">第 \(index) 篇 &lt;&amp;&gt;</a>" + (index % 7 == 0 ? " 新" : "站") + "</li>\n"
        }
        expected += "</ul>站\n"
        #expect(html == expected)
    }

    @Test func aLongListInsideAnIndentedPartialIsIndentedLineByLine() throws {
        // Indented: rendered item after item, as each line's indentation depends on the output before it.
        let templates = [
            "main": "<div>\n  {{> list}}\n</div>\n",
            "list": "{{#pages}}\n<p>{{url}}</p>\n{{/pages}}\n",
        ]
        let html = try render(templates, ["pages": Self.items])
        let expected = "<div>\n" + (0..<Self.count).map { "  <p>/a/p\($0)/</p>\n" }.joined() + "</div>\n"
        #expect(html == expected)
    }

    @Test func aPartialThatRunsAwayInALongListStopsAsItDoesItemByItem() throws {
        let templates = ["main": "{{#pages}}{{> again}}{{/pages}}", "again": "x{{> again}}"]
        var parsed: [String: Template] = [:]
        for (key, text) in templates { parsed[key] = try TemplateParser.parse(text) }
        var renderer = TemplateRenderer(templates: parsed, context: ["pages": Self.items])
        renderer.render(parsed["main"]!.nodes)
        #expect(renderer.runaway == "again")
        // The first item expands the partial to the depth limit; no later item expands it again.
        #expect(renderer.output == String(repeating: "x", count: TemplateRenderer.maximumDepth))
    }
}
