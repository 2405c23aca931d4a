import Foundation
import Testing
@testable import PosGuide

/// The front-matter fast path must read exactly what the YAML reader reads, and leave to it
/// everything it is not sure of.
@Suite struct SimpleFrontMatterTests {
    static func yamlReader(_ yaml: String, requireTitle: Bool = true) -> (PageMetadata, [Diagnostic]) {
        PageMetadata.readWithYAMLParser(yaml: yaml, lineOffset: 1, file: SourceFile(path: "content/a/b.md", text: "---\n" + yaml + "---\n"), requireTitle: requireTitle)
    }

    /// Accepted cases read as the YAML reader reads them (which finds nothing wrong).
    func expectSame(_ yaml: String, requireTitle: Bool = true, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        guard let fast = SimpleFrontMatter.read(yaml, requireTitle: requireTitle) else { return }
        let (full, diagnostics) = Self.yamlReader(yaml, requireTitle: requireTitle)
        #expect(diagnostics.isEmpty, "fast path accepted what the YAML reader reports: \(yaml.debugDescription)", sourceLocation: sourceLocation)
        #expect(fast == full, "\(yaml.debugDescription)", sourceLocation: sourceLocation)
    }

    @Test func readsTheUsualFrontMatter() {
        let yaml = "title: \"什么是一清：3 个信号\"\ndate: 2026-07-15\nupdated: 2026-11-01\nsummary: 刷卡的钱由谁结算？\ndescription: 'POS 机选购 · 核实'\nweight: 3\ntoc: false\ndraft: false\ntags: [签购单, \"MCC 码\", D0]\n"
        let fast = SimpleFrontMatter.read(yaml, requireTitle: true)
        #expect(fast?.title == "什么是一清：3 个信号")
        #expect(fast?.date == PartialDate(year: 2026, month: 7, day: 15))
        #expect(fast?.tags == ["签购单", "MCC 码", "D0"])
        #expect(fast?.weight == 3)
        #expect(fast?.toc == false)
        expectSame(yaml)
    }

    @Test func leavesEverythingUnusualToTheYAMLReader() {
        let unusual = [
            "title: a: b\n", "title: a #note\n", "title: \"esc\\\"aped\"\n", "title: 'it''s'\n", "title:\n", "title: ~\n",
            "title: null\n", "title: |\n  block\n", "title: >\n  folded\n", "title: &anchor x\n", "title: *alias\n",
            "title: !!str x\n", "  title: x\n", "title: x\n  continued\n", "# comment\ntitle: x\n", "title: x\ntitle: y\n",
            "Title: x\n", "title: x\nunknown: y\n", "title: x\ndate: 2026-02-30\n", "title: x\ndate: 2026-07\n",
            "title: x\nweight: 1.5\n", "title: x\nweight: -1\n", "title: x\ntoc: yes\n", "title: x\ntoc: \"true\"\n",
            "title: x\ntags: 单个\n", "title: x\ntags: [a, b,]\n", "title: x\ntags: [\"a,b\"]\n", "title: x\ntags: [a:b]\n",
            "title: x\ntags: [[a]]\n", "title:\tx\n", "title: x\u{2028}y\n", "title: x\u{85}y\n", "title: \u{FEFF}x\n",
            "title: -x\n", "title: [a]\n", "title: {a: b}\n", "title: @x\n", "title: `x`\n", "title: %x\n", "title: x:\n",
            "description: no title\n", "title: \"\"\n", "title: \" \"\n",
            "title: x\u{2029}y\n", "title: x\u{FFFE}\n", "title: x\u{FFFF}\n", "title: x\u{9F}\n", "title: x\u{7F}\n",
            "title: x\r\n", "title: 中\n 文\n",
        ]
        for yaml in unusual {
            #expect(SimpleFrontMatter.read(yaml, requireTitle: true) == nil, "\(yaml.debugDescription)")
        }
        // Not needing a title (the home page), a page without one is fine.
        #expect(SimpleFrontMatter.read("summary: 首页\n", requireTitle: false)?.summary == "首页")
    }

    @Test func agreesWithTheYAMLReaderOnEdgeCasesItAccepts() {
        let cases = [
            "title: 什么是\"二清\"\n", "title: a:b\n", "title: a [b] {c}, d\n", "title: x#y\n",
            "title:   spaced   value\n", "title: '单引号'\n", "title: \"  padded  \"\n", "title: x\u{3000}\n", "title: yes\n",
            "title: 2026-01-01\n", "title: x\ntags: []\n", "title: x\ntags: [ ]\n", "title: x\ntags: [ a ,  b  ]\n",
            "title: x\nweight: +5\n", "title: x\nweight: 007\n", "title: x\ndate: \"2026-01-31\"\n", "title: x\n\n\nsummary: y\n",
            "title: 'a \"quoted\" word'\n", "title: x\ntags: ['单', \"双\"]\n", "title: a - b\n", "title: a ? b\n", "title: a | b\n",
            "title: 中文   \n", "title: \"引号\"   \n", "title: x\ntags: [ 中 ,文 ]\n", "title: x\ntags: [\"中\" , \"文\"  ]\n",
        ]
        for yaml in cases {
            #expect(SimpleFrontMatter.read(yaml, requireTitle: true) != nil, "not taken by the fast path: \(yaml.debugDescription)")
            expectSame(yaml)
        }
        expectSame("summary: 首页\n", requireTitle: false)
    }

    @Test func agreesWithTheYAMLReaderOnEveryPageOfTheSite() throws {
        let content = SiteFixture.packageRoot.appendingPathComponent("content")
        var pages = 0
        var accepted = 0
        for relative in FileSystem.files(under: content.path) where relative.hasSuffix(".md") {
            let data = try #require(FileSystem.read(content.path + "/" + relative))
            let file = try SourceFile.decode(data, path: relative).get()
            guard case .success(let split) = FrontMatterSplit.split(file), let yaml = split.yaml else { continue }
            // The home page needs no title.
            let requireTitle = relative != "index.md"
            pages += 1
            if SimpleFrontMatter.read(yaml, requireTitle: requireTitle) != nil { accepted += 1 }
            expectSame(yaml, requireTitle: requireTitle)
        }
        // The fast path is worth having only if the site's own pages take it.
        #expect(pages >= 15 && accepted == pages)
    }
}
