import Testing
@testable import PosGuide

/// The Mustache engine on its own: each rule of the Mustache manual the site's templates rely on,
/// and the errors a template author sees.
@Suite struct TemplateEngineTests {
    /// Renders `name` from `templates` (the first one when not given) with `context`.
    func render(_ templates: [String: String], _ name: String = "main", _ context: TemplateValue.Map = [:]) throws -> String {
        var parsed: [String: Template] = [:]
        for (key, text) in templates { parsed[key] = try TemplateParser.parse(text) }
        var renderer = TemplateRenderer(templates: parsed, context: context)
        renderer.render(parsed[name]!.nodes)
        return renderer.output
    }

    func render(_ text: String, _ context: TemplateValue.Map = [:]) throws -> String {
        try render(["main": text], "main", context)
    }

    func syntaxError(_ text: String) -> String? {
        do {
            _ = try TemplateParser.parse(text)
            return nil
        } catch {
            return "\(error.line):\(error.column): \(error.message)"
        }
    }

    @Test func escapesValuesUnlessTripleOrAmpersand() throws {
        let context: TemplateValue.Map = ["v": "<a href=\"x\">Tom & 'Jerry'</a>"]
        #expect(try render("{{v}}", context) == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;")
        #expect(try render("{{{v}}}|{{& v}}", context) == "<a href=\"x\">Tom & 'Jerry'</a>|<a href=\"x\">Tom & 'Jerry'</a>")
        #expect(try render("中文{{v}}", ["v": "商户"]) == "中文商户")
    }

    /// The renderer escapes values byte by byte into its output (`RenderedBytes.appendEscaped`), copying
    /// the runs between: a character to escape must come out as `htmlEscaped` has it wherever it falls.
    @Test func valuesAreEscapedAsHTMLEscapedWhereverTheCharactersFall() throws {
        for special in ["&", "<", ">", "\"", "'"] {
            for offset in 0..<20 {
                for filler in ["x", "商户"] {
                    let text = String(repeating: filler, count: offset) + special + String(repeating: filler, count: 20 - offset)
                    #expect(try render("{{v}}", ["v": .string(text)]) == text.htmlEscaped, "\(text)")
                }
            }
        }
    }

    @Test func printsNumbersAndBooleansAndNothingForMissingNames() throws {
        #expect(try render("{{n}} {{t}} {{f}} [{{missing}}] [{{m}}]", ["n": 42, "t": true, "f": false, "m": ["k": "v"]]) == "42 true false [] []")
    }

    @Test func dottedNamesResolveTheFirstPartOutwardsAndTheRestInside() throws {
        let context: TemplateValue.Map = ["a": ["b": ["c": "deep"]], "c": "outer", "x": ["y": "1"]]
        #expect(try render("{{a.b.c}}", context) == "deep")
        // `a.c` finds `a`, which has no `c`: nothing, not the outer `c`.
        #expect(try render("[{{a.c}}]", context) == "[]")
        #expect(try render("{{#x}}{{a.b.c}}{{/x}}", context) == "deep")
    }

    @Test func sectionsFollowTheValue() throws {
        let context: TemplateValue.Map = [
            "yes": true, "no": false, "empty": [], "text": "", "zero": 0,
            "items": [["name": "一"], ["name": "二"]], "person": ["name": "张三"], "name": "outer",
        ]
        #expect(try render("{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{#missing}}M{{/missing}}{{#empty}}E{{/empty}}", context) == "Y")
        // Present text and numbers count as true, even when empty or zero.
        #expect(try render("{{#text}}T{{/text}}{{#zero}}Z{{/zero}}", context) == "TZ")
        #expect(try render("{{#items}}<{{name}}>{{/items}}", context) == "<一><二>")
        #expect(try render("{{#person}}{{name}}{{/person}} {{name}}", context) == "张三 outer")
        #expect(try render("{{#items}}{{#person}}{{name}}{{/person}}{{/items}}", context) == "张三张三")
        #expect(try render("{{#list}}[{{.}}]{{/list}}", ["list": ["a", "b"]]) == "[a][b]")
    }

    @Test func invertedSectionsShowForFalseMissingAndEmpty() throws {
        let context: TemplateValue.Map = ["no": false, "empty": [], "yes": true, "text": "x"]
        #expect(try render("{{^no}}1{{/no}}{{^empty}}2{{/empty}}{{^missing}}3{{/missing}}{{^yes}}4{{/yes}}{{^text}}5{{/text}}", context) == "123")
    }

    @Test func standaloneTagsTakeTheirLineWithThem() throws {
        let template = "<ul>\n  {{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n  {{! a comment }}\n</ul>\n"
        #expect(try render(template, ["items": ["a", "b"]]) == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
        // Not alone on the line: the line stays, spaces and all.
        #expect(try render("  {{#t}}x{{/t}}  \n", ["t": true]) == "  x  \n")
        // A value tag never stands alone.
        #expect(try render("a\n{{v}}\nb", ["v": ""]) == "a\n\nb")
        #expect(try render("a\r\n{{#t}}\r\nb\r\n{{/t}}\r\n", ["t": true]) == "a\r\nb\r\n")
        // The last line needs no line end to stand alone.
        #expect(try render("a\n{{! end }}", [:]) == "a\n")
        #expect(try render("{{!\nmulti-line\n}}\nb\n") == "b\n")
    }

    @Test func standalonePartialsIndentEveryLine() throws {
        let templates = ["main": "<div>\n  {{> item}}\n</div>\n", "item": "<p>\n{{v}}\n</p>\n"]
        #expect(try render(templates, "main", ["v": "a\nb"]) == "<div>\n  <p>\n  a\nb\n  </p>\n</div>\n")
        #expect(try render(["main": "[{{>item}}]", "item": "x"]) == "[x]")
        // An unknown partial renders as nothing (the build reports it before rendering).
        #expect(try render("[{{>nope}}]") == "[]")
    }

    @Test func parentsReplaceBlocksAndTheOutermostOverrideWins() throws {
        let templates = [
            "base": "<title>{{$title}}默认{{/title}}</title>\n<main>\n{{$main}}{{/main}}\n</main>\n",
            "middle": "{{<base}}{{$title}}middle{{/title}}{{$main}}middle main{{/main}}{{/base}}",
            "page": "{{<middle}}\n{{$title}}{{heading}}{{/title}}\n{{/middle}}\n",
            "plain": "{{<base}}\n这里的文字被忽略\n{{/base}}\n",
        ]
        #expect(try render(templates, "page", ["heading": "页"]) == "<title>页</title>\n<main>\nmiddle main\n</main>\n")
        #expect(try render(templates, "plain") == "<title>默认</title>\n<main>\n\n</main>\n")
        // A block's content renders in the context where the parent places it.
        let scoped = ["main": "{{<p}}{{$b}}{{name}}{{/b}}{{/p}}", "p": "{{#inner}}{{$b}}{{/b}}{{/inner}}"]
        #expect(try render(scoped, "main", ["name": "outer", "inner": ["name": "inner"]]) == "inner")
    }

    @Test func overridesTakeTheIndentationOfTheBlockTheyReplace() throws {
        let templates = [
            "layout": "<main>\n  {{$main}}\n  {{/main}}\n</main>\n<p>{{$note}}{{/note}}</p>\n",
            // Written flush with the tag, or indented any way: the layout decides.
            "page": "{{<layout}}\n{{$main}}\n    <h1>{{title}}</h1>\n      <p>正文</p>\n{{/main}}\n{{$note}}注{{/note}}\n{{/layout}}\n",
            "empty": "{{<layout}}{{$main}}{{/main}}{{/layout}}\n",
        ]
        #expect(try render(templates, "page", ["title": "标题"]) == "<main>\n  <h1>标题</h1>\n    <p>正文</p>\n</main>\n<p>注</p>\n")
        // An empty override leaves no indented blank line behind.
        #expect(try render(templates, "empty") == "<main>\n</main>\n<p></p>\n")
    }

    @Test func aParentStandsAloneOnlyWhenItsTagsClearTheLineOutwards() throws {
        let templates = ["p": "a\nb"]
        #expect(try render(templates.merging(["main": "  {{<p}}{{/p}}\nz"]) { $1 }) == "  a\n  bz")
        #expect(try render(templates.merging(["main": "x {{<p}}{{/p}}\nz"]) { $1 }) == "x a\nb\nz")
        #expect(try render(templates.merging(["main": "  {{<p}}{{/p}} x\nz"]) { $1 }) == "  a\nb x\nz")
    }

    @Test func delimitersCanChange() throws {
        #expect(try render("{{=<% %>=}}\n<% v %> {{v}} <%={{ }}=%>{{v}}", ["v": "x"]) == "x {{v}} x")
    }

    @Test func syntaxErrorsPointAtTheTag() {
        #expect(syntaxError("a\n  {{#list}}\nb\n") == "2:3: `{{#list}}` is never closed (missing `{{/list}}`)")
        #expect(syntaxError("{{#a}}{{#b}}{{/a}}{{/b}}") == "1:13: `{{/a}}` cannot close `{{#b}}`, opened on line 1")
        #expect(syntaxError("x {{/a}}") == "1:3: `{{/a}}` closes nothing: no `{{#a}}` is open")
        #expect(syntaxError("中文 {{name") == "1:4: tag is not closed with `}}`")
        #expect(syntaxError("{{{html}}") == "1:1: tag is not closed with `}}}`")
        #expect(syntaxError("{{upper(name)}}") == "1:1: `(` cannot appear in a name (`upper(name)`); names are letters, digits, `_`, `-` and dots")
        #expect(syntaxError("{{a..b}}") == "1:1: `a..b` has an empty part between dots")
        #expect(syntaxError("{{% PRAGMA }}") == "1:1: pragmas (`{{% … }}`) are not supported")
        #expect(syntaxError("{{<base}}{{#x}}{{/x}}{{/base}}") == "1:10: only `{{$block}}` overrides may appear inside `{{<base}}`")
        #expect(syntaxError("{{=<%=}}") == "1:1: a delimiter change is two delimiters and a space, like `{{=<% %>=}}`")
        #expect(syntaxError("{{>}}") == "1:1: the tag names no template")
        #expect(syntaxError("a {{>*name}}") == "1:3: dynamic partial names (`*name`) are not supported")
        #expect(syntaxError("{{<*name}}{{/*name}}") == "1:1: dynamic partial names (`*name`) are not supported")
    }

    @Test func recordsPartialReferencesWithPositions() throws {
        let template = try TemplateParser.parse("<p>\n  {{> header}}{{<base}}{{/base}}\n")
        #expect(template.references.map { "\($0.name)@\($0.line):\($0.column)" } == ["header@2:3", "base@2:15"])
    }

    @Test func plainDataBecomesTemplateValues() throws {
        let data: [String: Any] = ["fees": ["rate": "0.38%", "count": 3, "free": false, "list": [1, "二"] as [Any]] as [String: Any]]
        let rendered = try render("{{#data.fees}}{{rate}} {{count}} {{free}} {{#list}}[{{.}}]{{/list}}{{/data.fees}}", ["data": TemplateValue(plain: data)])
        #expect(rendered == "0.38% 3 false [1][二]")
    }
}

@Suite struct TemplateRecursionTests {
    @Test func recursivePartialsRenderTreesAndRunawaysStop() throws {
        let node = try TemplateParser.parse("<li>{{name}}{{#has_children}}<ul>{{#children}}{{> node}}{{/children}}</ul>{{/has_children}}</li>")
        let tree: TemplateValue = ["name": "根", "has_children": true, "children": [
            ["name": "甲", "has_children": false, "children": []],
            ["name": "乙", "has_children": true, "children": [["name": "丙", "has_children": false, "children": []]]],
        ]]
        var renderer = TemplateRenderer(templates: ["node": node], context: ["root": tree])
        renderer.render(try TemplateParser.parse("{{#root}}{{> node}}{{/root}}").nodes)
        #expect(renderer.output == "<li>根<ul><li>甲</li><li>乙<ul><li>丙</li></ul></li></ul></li>")
        #expect(renderer.runaway == nil)

        var runaway = TemplateRenderer(templates: ["loop": try TemplateParser.parse("x{{> loop}}")], context: [:])
        runaway.render(try TemplateParser.parse("{{> loop}}").nodes)
        #expect(runaway.runaway == "loop")
        #expect(runaway.output == String(repeating: "x", count: TemplateRenderer.maximumDepth))
    }

    @Test func aBuildWithARunawayPartialFailsWithAnErrorAtThePartial() throws {
        let site = try SiteFixture(["content/index.md": "你好\n"], templates: .repositoryWith(["footer": "<footer>{{> footer}}</footer>\n"]))
        let found = site.diagnostics()
        #expect(found.first?.hasPrefix("templates/footer.mustache:1:1: error: partial `footer` includes itself more than 100 levels deep") == true, "\(found)")
    }
}
