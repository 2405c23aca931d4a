import Foundation
import Testing
@testable import PosGuide

/// The mistakes an editor makes, each with the one error it must print, where, and the note that says the fix.
@Suite struct ErrorHintTests {
    /// Every diagnostic as `check` prints it, note line included.
    func printed(_ files: [String: String], includeDrafts: Bool = false) throws -> [String] {
        let site = try SiteFixture(files)
        var options = site.options
        options.includeDrafts = includeDrafts
        return SiteBuilder.buildInMemory(options).diagnostics.map(\.formatted)
    }

    static let twoSources = """
    state-council-768:
      title: 非银行支付机构监督管理条例
      publisher: 国务院
      checked: 2026-11-24
      confidence: high
    ndrc-2016-557:
      title: 关于完善银行卡刷卡手续费定价机制的通知
      publisher: 国家发展改革委、中国人民银行
      checked: 2026-11-24
      confidence: high

    """

    static let citingPage = page("甲", "见[条例](source:state-council-768)和[通知](source:ndrc-2016-557)。")

    // MARK: follow-on errors

    @Test func aSourceIDDefinedTwiceIsOneErrorAtTheCopyAndCitationsStillResolve() throws {
        let copy = "state-council-768:\n  title: 重复的条目\n  publisher: 国务院\n  checked: 2026-11-24\n  confidence: high\n"
        let found = try printed([
            "content/data/sources.yaml": Self.twoSources + copy,
            "content/articles/a.md": Self.citingPage,
            "content/providers/demo.yaml": provider(),
        ])
        #expect(found == ["content/data/sources.yaml:11:1: error: duplicate key `state-council-768`\ncontent/data/sources.yaml:11:1: note: first defined at content/data/sources.yaml:1"])
    }

    @Test func theFirstDefinitionIsKeptAndEveryCopyIsReported() throws {
        let sources = Self.twoSources + "ndrc-2016-557:\n  title: 又一个\n" + "state-council-768:\n  title: 再一个\n"
        let site = try SiteFixture(["content/data/sources.yaml": sources])
        let (content, diagnostics) = ContentLoader(root: site.root).load()
        #expect(diagnostics.map(\.description) == [
            "content/data/sources.yaml:11:1: error: duplicate key `ndrc-2016-557`",
            "content/data/sources.yaml:13:1: error: duplicate key `state-council-768`",
        ])
        #expect(content?.sources.entries["state-council-768"]?.title == "非银行支付机构监督管理条例")
        #expect(content?.sources.ids == ["state-council-768", "ndrc-2016-557"])
    }

    @Test func aKeyWrittenTwiceInsideAnEntryIsOneErrorAndTheEntryStillCounts() throws {
        let sources = Self.twoSources.replacingOccurrences(of: "  confidence: high\nndrc", with: "  confidence: high\n  checked: 2026-11-20\nndrc")
        let site = try SiteFixture(["content/data/sources.yaml": sources, "content/articles/a.md": Self.citingPage])
        #expect(site.build().diagnostics.map(\.formatted)
            == ["content/data/sources.yaml:6:3: error: duplicate key `checked`\ncontent/data/sources.yaml:6:3: note: first defined at content/data/sources.yaml:4"])
        let (content, _) = ContentLoader(root: site.root).load()
        #expect(content?.sources.entries["state-council-768"]?.checked == PartialDate(year: 2026, month: 11, day: 24))
    }

    @Test func anUnreadableSourcesFileIsOneErrorNotOnePerCitation() throws {
        let found = try printed([
            "content/data/sources.yaml": Self.twoSources + "broken: [\n",
            "content/articles/a.md": Self.citingPage,
            "content/articles/b.md": Self.citingPage,
            "content/providers/demo.yaml": provider(),
        ])
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("content/data/sources.yaml:") == true)
    }

    @Test func citingAnEntryWithErrorsOfItsOwnIsNoFurtherError() throws {
        let sources = Self.twoSources.replacingOccurrences(of: "  publisher: 国务院\n", with: "")
        #expect(try printed(["content/data/sources.yaml": sources, "content/articles/a.md": Self.citingPage])
            == ["content/data/sources.yaml:2:3: error: source `state-council-768` is missing required key `publisher`"])
    }

    @Test func anUnclosedFrontMatterIsOneErrorAndThePageStillExists() throws {
        let found = try printed([
            "content/articles/a.md": "---\ntitle: 甲\ndate: 2026-11-24\n\n正文。\n\n## 小节\n",
            "content/articles/b.md": page("乙", "见[甲](/articles/a/)、[小节](/articles/a/#小节)和[文件](a.md)。"),
            "content/guides/handbook.yaml": "title: 手册\ndate: 2026-11-24\nchapters:\n  - articles/a.md\n",
        ])
        #expect(found == ["content/articles/a.md:1:1: error: front matter is not closed\ncontent/articles/a.md:1:1: note: front matter starts with `---` on line 1; did you forget the closing `---`? It belongs before line 4, where the front matter seems to end"])
    }

    @Test func linksToARecordOrPageThatFailedToLoadAreNoFurtherErrors() throws {
        let site = try SiteFixture([
            "content/data/sources.yaml": sourcesYAML,
            "content/providers/demo.yaml": provider().replacingOccurrences(of: "legal_name:", with: "legal_nam:"),
            "content/articles/a.md": page("甲", "见[机构](/providers/demo/)、[记录](../providers/demo.yaml)和[乙](b.md)。"),
            "content/guides/handbook.yaml": "title: 手册\ndate: 2026-11-24\nchapters:\n  - articles/b.md\n",
        ])
        try site.write("content/articles/b.md", Data("---\ntitle: 乙\n---\n\n".utf8) + Data([0xC3, 0x28]))
        #expect(site.build().diagnostics.map(\.description) == [
            "content/articles/b.md:5:1: error: file is not valid UTF-8 text",
            "content/providers/demo.yaml:1:1: error: provider record is missing required key `legal_name`",
            "content/providers/demo.yaml:2:1: error: unknown key `legal_nam` in provider record",
        ])
    }

    @Test func anUnclosedFrontMatterEndsAtTheFirstHeadingOrBlankLine() throws {
        let found = try printed([
            "content/articles/a.md": "---\ntitle: 甲\n## 小节\n\n正文。\n",
            "content/articles/b.md": page("乙", "见[小节](/articles/a/#小节)。"),
        ])
        #expect(found == ["content/articles/a.md:1:1: error: front matter is not closed\ncontent/articles/a.md:1:1: note: front matter starts with `---` on line 1; did you forget the closing `---`? It belongs before line 3, where the front matter seems to end"])
    }

    // MARK: links and anchors

    @Test func aMistypedPageLinkSuggestsThePage() throws {
        let found = try printed([
            "content/articles/complaints.md": page("投诉"),
            "content/articles/a.md": page("甲", "[投诉](/articles/complaint/)"),
        ])
        #expect(found == ["content/articles/a.md:5:1: error: broken link `/articles/complaint/`: no page or file at /articles/complaint/\ncontent/articles/a.md:5:1: note: did you mean `/articles/complaints/`?"])
    }

    @Test func aLinkToAPageThatIsNotThereSuggestsNothingFarFetched() throws {
        let found = try printed([
            "content/articles/fee-components.md": page("费率"),
            "content/articles/a.md": page("甲", "[投诉](/articles/complaints/)"),
        ])
        #expect(found == ["content/articles/a.md:5:1: error: broken link `/articles/complaints/`: no page or file at /articles/complaints/"])
    }

    @Test func aMistypedAnchorSuggestsTheNearestHeadingID() throws {
        let found = try printed([
            "content/articles/b.md": page("乙", "## 第一部分\n\n## 第三部分费用\n"),
            "content/articles/a.md": page("甲", "[第三部分](/articles/b/#第三部)"),
        ])
        #expect(found == ["content/articles/a.md:5:1: error: broken link `/articles/b/#第三部`: /articles/b/ has no heading or element with id `第三部`\ncontent/articles/a.md:5:1: note: did you mean `#第三部分费用`?"])
    }

    @Test func aPastedHeadingWithPunctuationShowsTheID() throws {
        let found = try printed([
            "content/articles/b.md": page("乙", "## 第一步：向持牌机构投诉\n"),
            "content/articles/a.md": page("甲", "[第一步](/articles/b/#第一步：向持牌机构投诉)"),
        ])
        #expect(found == ["content/articles/a.md:5:1: error: broken link `/articles/b/#第一步：向持牌机构投诉`: /articles/b/ has no heading or element with id `第一步：向持牌机构投诉`\ncontent/articles/a.md:5:1: note: heading ids drop punctuation and turn spaces into `-`: the id is `第一步向持牌机构投诉`, so link to `#第一步向持牌机构投诉`"])
    }

    @Test func aWebAddressWithoutSchemeSaysToAddHTTPS() throws {
        let found = try printed(["content/articles/a.md": page("甲", "官网：[人民银行](www.pbc.gov.cn)")])
        #expect(found == ["content/articles/a.md:5:4: error: broken link `www.pbc.gov.cn`: no page or file at /articles/a/www.pbc.gov.cn\ncontent/articles/a.md:5:4: note: a web address needs `https://` in front: https://www.pbc.gov.cn"])
    }

    @Test func onlyWhatReadsAsAWebAddressGetsTheHTTPSHint() {
        #expect(LinkResolver.schemeHint(for: "pbc.gov.cn/zhengwugongkai/") == "a web address needs `https://` in front: https://pbc.gov.cn/zhengwugongkai/")
        #expect(LinkResolver.schemeHint(for: "www.example.org") != nil)
        for notAnAddress in ["fees.md", "../assets/img/x.svg", "report.pdf", "/articles/fees/", "https://www.gov.cn/", "#小节"] {
            #expect(LinkResolver.schemeHint(for: notAnAddress) == nil, "\(notAnAddress)")
        }
    }

    @Test func aSourceURLWithoutSchemeSaysToAddHTTPS() throws {
        let sources = Self.twoSources.replacingOccurrences(of: "  publisher: 国务院\n", with: "  publisher: 国务院\n  url: www.gov.cn/zhengce/\n")
        #expect(try printed(["content/data/sources.yaml": sources])
            == ["content/data/sources.yaml:4:8: error: `url` must be an absolute http(s) URL\ncontent/data/sources.yaml:4:8: note: a web address needs `https://` in front: https://www.gov.cn/zhengce/"])
    }

    @Test func aBaseURLWithoutSchemeSaysToAddHTTPSAsSourceURLsDo() throws {
        // One check for every absolute address: base_url, a source's url, a provider's website.
        #expect(try printed(["content/site.yaml": "title: 站\nbase_url: posguide.cn/guide/\n"])
            == ["content/site.yaml:2:11: error: `base_url` must be an absolute http(s) URL\ncontent/site.yaml:2:11: note: a web address needs `https://` in front: https://posguide.cn/guide/"])
    }

    // MARK: drafts

    static let draft = "---\ntitle: 草稿\ndraft: true\n---\n\n草稿正文。\n"

    @Test func aLinkToADraftSaysItIsADraft() throws {
        let found = try printed([
            "content/articles/draft.md": Self.draft,
            "content/articles/a.md": page("甲", "[草稿](/articles/draft/)\n\n[草稿文件](draft.md)"),
        ])
        let hint = "note: build with `--drafts` to include drafts (`posguide serve --drafts`), or remove `draft: true` from content/articles/draft.md when it is ready"
        #expect(found == [
            "content/articles/a.md:5:1: error: link `/articles/draft/` goes to a draft: content/articles/draft.md has `draft: true`, so it is not built\ncontent/articles/a.md:5:1: " + hint,
            "content/articles/a.md:7:1: error: link `draft.md` goes to a draft: content/articles/draft.md has `draft: true`, so it is not built\ncontent/articles/a.md:7:1: " + hint,
        ])
    }

    @Test func aGuideChapterThatIsADraftSaysItIsADraft() throws {
        let files = [
            "content/site.yaml": "base_url: https://posguide.example/\n",
            "content/articles/draft.md": Self.draft,
            "content/guides/handbook.yaml": "title: 手册\ndate: 2026-11-24\nchapters:\n  - articles/draft.md\n",
        ]
        #expect(try printed(files) == ["content/guides/handbook.yaml:4:5: error: chapter `articles/draft.md` is a draft (`draft: true`), so it is not built\ncontent/guides/handbook.yaml:4:5: note: build with `--drafts` to include drafts, or remove `draft: true` from content/articles/draft.md when it is ready"])
        #expect(try printed(files, includeDrafts: true) == [])
    }

    // MARK: front matter values

    @Test func aTitleWithAColonSaysToQuoteTheValue() throws {
        #expect(try printed(["content/articles/a.md": "---\ntitle: 新商户: 第一次装机\n---\n\n正文。\n"])
            == ["content/articles/a.md:2:11: error: YAML syntax error: mapping values are not allowed in this context\ncontent/articles/a.md:2:11: note: quote the value, as it contains `: `: title: \"新商户: 第一次装机\""])
    }

    @Test func anImpossibleDateSaysWhichPartIsWrong() throws {
        #expect(try printed(["content/articles/a.md": "---\ntitle: 甲\ndate: 2026-13-01\n---\n"])
            == ["content/articles/a.md:3:7: error: `date` 2026-13-01 is not a date: there is no month 13 (months run 01 to 12)"])
        #expect(try printed(["content/articles/a.md": "---\ntitle: 甲\nupdated: 2026-04-31\n---\n"])
            == ["content/articles/a.md:3:10: error: `updated` 2026-04-31 is not a date: 2026-04 has 30 days, so there is no day 31"])
    }

    @Test func tagsWrittenAsTextAreATypeErrorWithTheListToWrite() throws {
        #expect(try printed(["content/articles/a.md": "---\ntitle: 甲\ntags: 费率, 短信\n---\n"])
            == ["content/articles/a.md:3:7: error: `tags` must be a list\ncontent/articles/a.md:3:7: note: write it in brackets: `tags: [费率, 短信]`"])
    }

    // MARK: checked dates

    @Test func aCheckedDateInTheFutureIsAnErrorAtThatLine() throws {
        let found = try printed([
            "content/data/sources.yaml": Self.twoSources.replacingOccurrences(of: "  checked: 2026-11-24\n  confidence: high\nndrc", with: "  checked: 2026-12-01\n  confidence: high\nndrc"),
            "content/providers/demo.yaml": provider(checked: "2027-01-05"),
        ])
        #expect(found == [
            "content/data/sources.yaml:4:12: error: `checked` 2026-12-01 is in the future (today is 2026-11-27)\ncontent/data/sources.yaml:4:12: note: write the date you last checked it, today or earlier",
            "content/providers/demo.yaml:9:10: error: `checked` 2027-01-05 is in the future (today is 2026-11-27)\ncontent/providers/demo.yaml:9:10: note: write the date you last checked it, today or earlier",
        ])
    }

    @Test func staleRecordsAndSourcesPointAtTheirCheckedLine() throws {
        let found = try printed([
            "content/data/sources.yaml": Self.twoSources.replacingOccurrences(of: "  checked: 2026-11-24\n  confidence: high\nndrc", with: "  checked: 2025-01-01\n  confidence: high\nndrc"),
            "content/providers/demo.yaml": provider(checked: "2025-01-01"),
        ])
        #expect(found == [
            "content/data/sources.yaml:4:12: warning: source `state-council-768` last checked 2025-01-01 (695 days ago)\ncontent/data/sources.yaml:4:12: note: check the source again and update `checked`",
            "content/providers/demo.yaml:9:10: warning: record last checked 2025-01-01 (695 days ago, over freshness_days 180)\ncontent/providers/demo.yaml:9:10: note: check the record against the official sources and update `checked`",
        ])
    }

    // MARK: images and files

    @Test func aRelativeImagePathResolvesFromTheMarkdownFile() throws {
        let site = try SiteFixture([
            "content/articles/a.md": page("甲", "![收据](../assets/img/x.svg \"收据\")\n\n[表格](../assets/forms/form.pdf)\n\n![同一张](/assets/img/x.svg)"),
            "content/assets/img/x.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
            "content/assets/forms/form.pdf": "%PDF-1.4",
        ])
        let result = site.build()
        #expect(result.diagnostics.map(\.formatted) == [])
        let html = result.text("articles/a/index.html")
        #expect(html.contains("src=\"/assets/img/x.svg\" alt=\"收据\""))
        #expect(html.contains("href=\"/assets/forms/form.pdf\""))
    }

    @Test func aRelativeImagePathToNoFileIsReportedWhereItWouldBe() throws {
        let found = try printed(["content/articles/a.md": page("甲", "![收据](../assets/img/missing.svg)")])
        #expect(found == ["content/articles/a.md:5:1: error: broken link `../assets/img/missing.svg`: no page or file at /assets/img/missing.svg"])
    }
}
