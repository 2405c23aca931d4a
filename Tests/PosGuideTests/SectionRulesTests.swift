import Foundation
import Testing
@testable import PosGuide

/// `site.yaml`'s `rules:`: what every page of a section needs, enforced by `build` and `check`.
@Suite struct SectionRulesTests {
    static let rules = "rules:\n  articles:\n    min_chinese_characters: 20\n    min_sources: 2\n"

    func printed(_ files: [String: String], includeDrafts: Bool = false) throws -> [String] {
        let site = try SiteFixture(files)
        var options = site.options
        options.includeDrafts = includeDrafts
        return SiteBuilder.buildInMemory(options).diagnostics.map(\.formatted)
    }

    @Test func readsTheRulesOfEachSection() throws {
        let site = try SiteFixture(["content/site.yaml": Self.rules])
        let (content, diagnostics) = ContentLoader(root: site.root).load()
        #expect(diagnostics.isEmpty)
        #expect(content?.config.rules["articles"] == SectionRules(minChineseCharacters: 20, minSources: 2,
                                                                   location: SourceLocation(path: "content/site.yaml", line: 2, column: 3)))
    }

    @Test func aShortArticleWithTooFewSourcesFailsWithTheNumbers() throws {
        let result = try SiteFixture([
            "content/site.yaml": Self.rules,
            "content/data/sources.yaml": sourcesYAML,
            "content/articles/a.md": page("甲", "只有十个汉字的正文啊[条例](source:state-council-768)。"),
        ]).build()
        #expect(result.diagnostics.map(\.formatted) == [
            "content/articles/a.md:1:1: error: cites 1 source; articles need at least 2\ncontent/articles/a.md:1:1: note: cite an entry of content/data/sources.yaml as [text](source:<id>); the rule is `min_sources` under `rules: articles:` in content/site.yaml",
            "content/articles/a.md:1:1: error: has 12 Chinese characters; articles need at least 20\ncontent/articles/a.md:1:1: note: the rule is `min_chinese_characters` under `rules: articles:` in content/site.yaml; mark the page `draft: true` until it is finished",
        ])
        #expect(result.files.isEmpty)
    }

    @Test func countsAreGroupedLikeTheMessagesSayThem() throws {
        let found = try printed([
            "content/site.yaml": "rules:\n  articles:\n    min_chinese_characters: 1200\n",
            "content/articles/a.md": page("甲", String(repeating: "字", count: 980)),
        ])
        #expect(found.map { $0.prefix { $0 != "\n" } } == ["content/articles/a.md:1:1: error: has 980 Chinese characters; articles need at least 1,200"])
    }

    @Test func aPageThatFollowsTheRulesPassesAndOtherSectionsAreFree() throws {
        #expect(try printed([
            "content/site.yaml": Self.rules,
            "content/data/sources.yaml": sourcesYAML,
            "content/articles/index.md": page("文章", "短。"),
            "content/articles/a.md": page("甲", "这是一篇足够长的文章，有二十个以上的汉字，也有两个来源：[条例](source:state-council-768)、[通知](source:ndrc-2016-557)。"),
            "content/checklists/b.md": page("乙", "短。"),
        ]) == [])
    }

    @Test func draftsAreExempt() throws {
        #expect(try printed([
            "content/site.yaml": Self.rules,
            "content/articles/a.md": "---\ntitle: 草稿\ndraft: true\n---\n\n短。\n",
        ], includeDrafts: true) == [])
    }

    @Test func aPageWithBrokenFrontMatterGetsThatErrorAloneNotTheRulesToo() throws {
        #expect(try printed(["content/site.yaml": Self.rules, "content/articles/a.md": ""])
            == ["content/articles/a.md:1:1: error: page has no front matter\ncontent/articles/a.md:1:1: note: start the file with `---`, a `title: ...` line and a closing `---`"])
    }

    @Test func anUnclosedFrontMatterOrAnUnknownSourceIsNotAlsoCountedAgainstTheRules() throws {
        let unclosed = try printed(["content/site.yaml": Self.rules, "content/articles/a.md": "---\ntitle: 没有结束\ndate: 2026-11-27\n\n正文。\n"])
        #expect(unclosed.count == 1 && unclosed[0].hasPrefix("content/articles/a.md:1:1: error: front matter is not closed"), "\(unclosed)")
        let unknown = try printed(["content/site.yaml": Self.rules, "content/articles/a.md": "---\ntitle: 甲\n---\n\n正文（[条例](source:no-such-source)）。\n"])
        #expect(unknown.count == 1 && unknown[0].contains("unknown source `no-such-source`"), "\(unknown)")
    }

    @Test func rulesAreValidatedLikeEveryOtherKey() throws {
        let found = try printed([
            "content/site.yaml": "rules:\n  articles:\n    min_chinese: 1200\n    min_sources: two\n",
            "content/articles/a.md": page("甲"),
        ])
        #expect(found == [
            "content/site.yaml:3:5: error: unknown key `min_chinese` in rules for `articles`\ncontent/site.yaml:3:5: note: known keys: min_chinese_characters, min_sources",
            "content/site.yaml:4:18: error: `min_sources` must be a whole number",
        ])
        #expect(try printed(["content/site.yaml": "rules: [articles]\n"])
            == ["content/site.yaml:1:8: error: `rules` must be a mapping of `key: value` lines"])
    }

    @Test func rulesForASectionThatDoesNotExistAreAWarningWithASuggestion() throws {
        let found = try printed([
            "content/site.yaml": "rules:\n  artciles:\n    min_sources: 2\n",
            "content/articles/a.md": page("甲"),
        ])
        #expect(found == ["content/site.yaml:2:3: warning: rules for section `artciles`, but there is no such section: they check nothing\ncontent/site.yaml:2:3: note: did you mean `articles`?"])
    }
}
