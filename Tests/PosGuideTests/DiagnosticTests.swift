import Foundation
import Testing
@testable import PosGuide

/// Every way content can be wrong gets its own tiny site and the exact diagnostic it must print.
@Suite struct DiagnosticTests {
    func diagnostics(_ files: [String: String], templates: SiteFixture.Templates = .repository) throws -> [String] {
        try SiteFixture(files, templates: templates).diagnostics()
    }

    @Test func reportsUnknownFrontMatterKeyWithSuggestion() throws {
        let site = try SiteFixture(["content/articles/a.md": "---\ntitle: 标题\ntitel: 错字\n---\n\n正文。\n"])
        let result = site.build()
        #expect(result.diagnostics.map(\.description) == ["content/articles/a.md:3:1: error: unknown key `titel` in front matter"])
        #expect(result.diagnostics.first?.formatted.contains("did you mean `title`?") == true)
    }

    @Test func reportsWrongTypeAtTheValue() throws {
        #expect(try diagnostics(["content/articles/a.md": "---\ntitle: 标题\nweight: abc\n---\n"])
            == ["content/articles/a.md:3:9: error: `weight` must be a whole number"])
    }

    @Test func reportsImpossibleDate() throws {
        #expect(try diagnostics(["content/articles/a.md": "---\ntitle: 标题\ndate: 2026-02-30\n---\n"])
            == ["content/articles/a.md:3:7: error: `date` 2026-02-30 is not a date: 2026-02 has 28 days, so there is no day 30"])
        #expect(try diagnostics(["content/articles/a.md": "---\ntitle: 标题\ndate: 24.11.2026\n---\n"])
            == ["content/articles/a.md:3:7: error: `date` is not a valid date; write it as YYYY-MM-DD"])
    }

    @Test func reportsMissingTitle() throws {
        #expect(try diagnostics(["content/articles/a.md": "---\ndate: 2026-11-24\n---\n\n正文\n"])
            == ["content/articles/a.md:2:1: error: front matter is missing required key `title`"])
    }

    @Test func reportsUnclosedFrontMatterWithHint() throws {
        let site = try SiteFixture(["content/articles/a.md": "---\ntitle: 标题\n\n正文\n"])
        let result = site.build()
        #expect(result.diagnostics.map(\.description) == ["content/articles/a.md:1:1: error: front matter is not closed"])
        #expect(result.diagnostics[0].formatted.contains("did you forget the closing `---`?"))
    }

    @Test func translatesYAMLSyntaxErrorsToTheFilesOwnLines() throws {
        // The YAML's line 2 is the file's line 3: the opening `---` comes first.
        let found = try diagnostics(["content/articles/a.md": "---\ntitle: 标题\ndescription: a: b\n---\n"])
        #expect(found == ["content/articles/a.md:3:15: error: YAML syntax error: mapping values are not allowed in this context"])
    }

    @Test func pointsAtTabsInYAML() throws {
        let site = try SiteFixture(["content/articles/a.md": "---\ntitle: 标题\n\ttags: [a]\n---\n"])
        let result = site.build()
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics[0].location.line == 3)
        #expect(result.diagnostics[0].formatted.contains("this line has a tab"))
    }

    @Test func reportsDuplicateKeysAtTheCopyWithWhereTheFirstStands() throws {
        let result = try SiteFixture(["content/articles/a.md": "---\ntitle: 一\ntitle: 二\n---\n"]).build()
        #expect(result.diagnostics.map(\.formatted)
            == ["content/articles/a.md:3:1: error: duplicate key `title`\ncontent/articles/a.md:3:1: note: first defined at content/articles/a.md:2"])
    }

    @Test func reportsNonUTF8FileAtTheBadByteCountingCharacters() throws {
        let site = try SiteFixture([:])
        // Line 2: two Chinese characters, then a broken sequence (0xC3 0x28).
        try site.write("content/articles/a.md", Data("---\n中文".utf8) + Data([0xC3, 0x28]) + Data("\n---\n".utf8))
        #expect(site.diagnostics() == ["content/articles/a.md:2:3: error: file is not valid UTF-8 text"])
    }

    @Test func reportsUnknownCitationAtTheLinkCountingCharacters() throws {
        let found = try diagnostics([
            "content/data/sources.yaml": sourcesYAML,
            "content/articles/a.md": page("标题", "中文中文 [条例](source:state-council-769)。"),
        ])
        #expect(found == ["content/articles/a.md:5:6: error: unknown source `state-council-769` in citation"])
    }

    @Test func reportsBrokenInternalLinkAtItsLine() throws {
        let found = try diagnostics(["content/articles/a.md": page("标题", "第一行\n\n见[这里](/articles/missing/)。")])
        #expect(found == ["content/articles/a.md:7:2: error: broken link `/articles/missing/`: no page or file at /articles/missing/"])
    }

    @Test func reportsBrokenAnchorOnAnotherPage() throws {
        let found = try diagnostics([
            "content/articles/a.md": page("甲", "[乙](/articles/b/#不存在)"),
            "content/articles/b.md": page("乙", "## 存在\n"),
        ])
        #expect(found == ["content/articles/a.md:5:1: error: broken link `/articles/b/#不存在`: /articles/b/ has no heading or element with id `不存在`"])
    }

    @Test func reportsLinkToMissingMarkdownFile() throws {
        let found = try diagnostics(["content/articles/a.md": page("甲", "[乙](b.md)")])
        #expect(found == ["content/articles/a.md:5:1: error: link to `b.md`: content/articles/b.md is not a page of this site"])
    }

    @Test func reportsUnknownKeysInProviderRecordsAndNestedMappings() throws {
        let found = try diagnostics([
            "content/data/sources.yaml": sourcesYAML,
            "content/providers/demo.yaml": provider() + "\nwebsit: https://example.com/\n",
        ])
        #expect(found.contains("content/providers/demo.yaml:12:1: error: unknown key `websit` in provider record"))
        let nested = try diagnostics([
            "content/data/sources.yaml": sourcesYAML,
            "content/providers/demo.yaml": provider().replacingOccurrences(of: "  status: unknown\n", with: "  status: unknown\n  numbr: Z1\n"),
        ])
        #expect(nested == ["content/providers/demo.yaml:5:3: error: unknown key `numbr` in licence"])
    }

    @Test func reportsMissingVerifyInProvider() throws {
        let record = provider().components(separatedBy: "\n").filter { !$0.hasPrefix("verify") && !$0.hasPrefix("  1.") && !$0.hasPrefix("  2.") }.joined(separator: "\n")
        let found = try diagnostics(["content/data/sources.yaml": sourcesYAML, "content/providers/demo.yaml": record])
        #expect(found == ["content/providers/demo.yaml:1:1: error: provider record is missing required key `verify`"])
    }

    @Test func reportsUnknownSourceInPenalty() throws {
        let record = provider(extra: """
        penalties:
          - date: 2024-09-10
            authority: 中国人民银行北京市分行
            summary: 罚款。
            sources: [no-such-source]
        """)
        let found = try diagnostics(["content/data/sources.yaml": sourcesYAML, "content/providers/demo.yaml": record])
        #expect(found == ["content/providers/demo.yaml:15:15: error: unknown source `no-such-source`"])
    }

    @Test func reportsUnknownKeyAndBadConfidenceInSources() throws {
        let found = try diagnostics([
            "content/data/sources.yaml": "x:\n  title: 标题\n  publisher: 国务院\n  checked: 2026-11-24\n  confidence: certain\n  urll: https://gov.cn/\n",
        ])
        #expect(found == [
            "content/data/sources.yaml:5:15: error: `confidence` must be one of high, medium-high, medium, low-medium, low",
            "content/data/sources.yaml:6:3: error: unknown key `urll` in source `x`",
        ])
    }

    @Test func reportsGuideChapterThatIsNotAPage() throws {
        let found = try diagnostics([
            "content/articles/a.md": page("甲"),
            "content/guides/handbook.yaml": "title: 手册\ndate: 2026-11-24\nchapters:\n  - articles/a.md\n  - articles/nope.md\n",
        ])
        #expect(found == ["content/guides/handbook.yaml:5:5: error: chapter `articles/nope.md` is not a page under content/"])
    }

    @Test func reportsMissingTemplatesFolderNamingWhereItLooked() throws {
        let site = try SiteFixture(["content/index.md": "你好\n"], templates: .none)
        let found = site.diagnostics()
        #expect(found == ["templates:1:1: error: no templates folder: looked for \(site.root.appendingPathComponent("templates").path)"])
    }

    @Test func reportsMissingRequiredTemplate() throws {
        let site = try SiteFixture(["content/index.md": "你好\n"])
        try site.remove("templates/provider.mustache")
        let found = site.diagnostics()
        #expect(found == ["templates/provider.mustache:1:1: error: missing template `provider.mustache` in \(site.root.appendingPathComponent("templates").path)"])
    }

    @Test func reportsTemplateSyntaxErrorWithFileAndLine() throws {
        let found = try diagnostics(["content/index.md": "你好\n"], templates: .repositoryWith(["404": "<p>\n{{#sections}}\n</p>\n"]))
        // At the tag left open, not at the end of the file where the parser noticed.
        #expect(found == ["templates/404.mustache:2:1: error: template syntax error: `{{#sections}}` is never closed (missing `{{/sections}}`)"])
    }

    @Test func reportsTemplateUsingMissingPartial() throws {
        let found = try diagnostics(["content/index.md": "你好\n"], templates: .repositoryWith(["404": "<p>页面</p>\n  {{> sidebar}}\n"]))
        #expect(found == ["templates/404.mustache:2:3: error: template uses partial `sidebar`, but there is no sidebar.mustache"])
    }

    @Test func reportsNavLinkToMissingPage() throws {
        let found = try diagnostics(["content/site.yaml": "title: 站点\nnav:\n  - title: 文章\n    url: /articles/\n"])
        #expect(found == ["content/site.yaml:3:5: error: broken link `/articles/`: no page or file at /articles/"])
    }

    @Test func warnsAboutStrayFiles() throws {
        #expect(try diagnostics(["content/articles/notes.txt": "x"]) == ["content/articles/notes.txt:1:1: warning: file ignored: not a page, record, guide, data file or asset"])
    }

    @Test func collectsEveryErrorNotJustTheFirst() throws {
        let found = try diagnostics([
            "content/articles/a.md": "---\ntitle: 甲\nweight: x\n---\n\n[坏](/nope/)\n",
            "content/articles/b.md": "---\ntitel: 乙\n---\n",
        ])
        #expect(found.count == 4)
        #expect(found.contains { $0.hasPrefix("content/articles/a.md:3:9: error:") })
        #expect(found.contains { $0.hasPrefix("content/articles/a.md:6:1: error: broken link") })
        #expect(found.contains { $0.hasPrefix("content/articles/b.md:2:1: error: front matter is missing required key") })
        #expect(found.contains { $0.hasPrefix("content/articles/b.md:2:1: error: unknown key `titel`") })
    }

    @Test func checkExitsOneWithDiagnosticsOnStderr() throws {
        let site = try SiteFixture(["content/articles/a.md": "---\ntitel: x\n---\n"])
        let result = BuildCommand.run(site.options, output: nil, strict: false)
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("content/articles/a.md:2:1: error: unknown key `titel` in front matter\n"))
        #expect(result.stdout.isEmpty)
    }

    @Test func warningsFailOnlyWithStrict() throws {
        let site = try SiteFixture(["content/index.md": "你好\n", "content/articles/notes.txt": "x"])
        #expect(BuildCommand.run(site.options, output: nil, strict: false).exitCode == 0)
        let strict = BuildCommand.run(site.options, output: nil, strict: true)
        #expect(strict.exitCode == 1)
        #expect(strict.stderr.contains("1 warning with --strict"))
    }
}
