import Foundation
import Testing
@testable import PosGuide

/// The glossary kind: records read through their schema, term pages, the topic index,
/// `glossary:` links everywhere Markdown is written, and the printed appendix.
@Suite struct GlossaryTests {
    func errors(_ result: MemoryBuild) -> [String] {
        result.diagnostics.filter { $0.severity == .error }.map(\.description)
    }

    @Test func aTermPageShowsTheTermItsNamesDefinitionRelatedTermsAndSources() throws {
        let result = try SiteFixture(GlossaryFixture.files()).build()
        #expect(errors(result).isEmpty)
        let html = result.text("glossary/yiqing/index.html")
        #expect(html.contains("<h1 data-pagefind-weight=\"10\">一清</h1>"))
        #expect(html.contains("<dd lang=\"zh-Latn-pinyin\">yī qīng</dd>"))
        #expect(html.contains("<dt data-pagefind-ignore>又称</dt><dd data-pagefind-weight=\"8\">一清机、一清POS</dd>"))
        #expect(html.contains("测试释义：钱直接结算到商户自己的账户"))
        #expect(html.contains("<a href=\"/glossary/erqing/\">二清</a>"))
        #expect(html.contains("<li><a href=\"/glossary/mcc/\">商户类别码</a></li>"))
        #expect(html.contains("<li id=\"source-state-council-768\">"))
        #expect(html.contains("核对于 <time datetime=\"2026-11-20\">"))
        #expect(html.contains("data-pagefind-body"))
        #expect(!html.contains("<script>") && !html.contains("style="))
    }

    @Test func theIndexGroupsTermsByTopicInTheSpecsOrderUnderTheIntro() throws {
        let result = try SiteFixture(GlossaryFixture.files()).build()
        let html = result.text("glossary/index.html")
        #expect(html.contains("测试用的术语表引言。"))
        let settlement = try #require(html.range(of: "<h2 id=\"topic-settlement\">资金与结算</h2>"))
        let terminal = try #require(html.range(of: "<h2 id=\"topic-terminal\">机具与单据</h2>"))
        #expect(settlement.upperBound < terminal.lowerBound)
        #expect(!html.contains("topic-fees"), "a topic without terms is left out")
        // Definitions are shown, their citation marks pointing at the term's own source list.
        #expect(html.contains("href=\"/glossary/yiqing/#source-state-council-768\""))
    }

    /// Settlement terms whose ids run in another order than their pinyin: 收银 (c) and 手动 (b) share
    /// their letters up to the second syllable, 一清 and 已清 (a) differ only by tone, and 二清 and 付款方 (d)
    /// have no pinyin.
    static func termsToOrder() -> [String: String] {
        func term(_ term: String, pinyin: String?) -> String {
            "term: \(term)\n" + (pinyin.map { "pinyin: \($0)\n" } ?? "")
                + "topic: settlement\ndefinition: |\n  测试释义。\nsources: [state-council-768]\nchecked: 2026-11-20\n"
        }
        var files = GlossaryFixture.files()
        files["content/glossary/a.yaml"] = term("已清", pinyin: "yǐ qīng")
        files["content/glossary/b.yaml"] = term("手动", pinyin: "shǒu dòng")
        files["content/glossary/c.yaml"] = term("收银", pinyin: "shōu yín")
        files["content/glossary/d.yaml"] = term("付款方", pinyin: nil)
        return files
    }

    /// 收 (shōu) before 手 (shǒu) whatever follows, as a dictionary orders words; a tone before a later
    /// tone; terms without pinyin last, by their term.
    static let readingOrder = ["c", "b", "yiqing", "a", "erqing", "d"]

    /// Where each of `needles` first occurs in `html`, in their order; nil where one is missing.
    func offsets(of needles: [String], in html: String) -> [String.Index?] {
        needles.map { html.range(of: $0)?.lowerBound }
    }

    @Test func theIndexListsATopicsTermsInPinyinOrderThenTermsWithoutPinyin() throws {
        let result = try SiteFixture(Self.termsToOrder()).build()
        #expect(errors(result).isEmpty)
        let html = result.text("glossary/index.html")
        let found = offsets(of: Self.readingOrder.map { "<li><a href=\"/glossary/\($0)/\">" }, in: html)
        #expect(!found.contains(nil), "every term is listed")
        #expect(found.compactMap { $0 } == found.compactMap { $0 }.sorted())
    }

    @Test func theAppendixPrintsATopicsTermsInTheIndexsOrder() throws {
        var files = Self.termsToOrder()
        files["content/guides/book.yaml"] = GlossaryFixture.bookWithGlossaryAppendix
        let result = try SiteFixture(files).build()
        #expect(errors(result).isEmpty)
        let html = result.text("guides/book/index.html")
        let found = offsets(of: Self.readingOrder.map { "<h3 id=\"ch2-glossary-\($0)\">" }, in: html)
        #expect(!found.contains(nil), "every term is printed")
        #expect(found.compactMap { $0 } == found.compactMap { $0 }.sorted())
        #expect(html.contains("<h3 id=\"ch2-glossary-c\">收银 <small>shōu yín</small></h3>"))
    }

    @Test func thePinyinKeyFoldsToneMarksAndPutsEachSyllablesToneAfterItsLetters() {
        #expect(PinyinCollation.key("bèi fù jīn") == "bei4 fu4 jin1")
        #expect(PinyinCollation.key("Lǜ shī") == "lu4 shi1", "ü sorts as u; case is ignored")
        #expect(PinyinCollation.key("ma") == "ma5", "a syllable without a mark has the neutral tone, after the fourth")
        #expect(PinyinCollation.key("xī'ān") == "xi1 an1", "an apostrophe parts syllables")
        // The same letters written with combining marks (as some input methods do) give the same key.
        #expect(PinyinCollation.key("yi\u{0304} qi\u{0304}ng") == PinyinCollation.key("yī qīng"))
        #expect(PinyinCollation.key("fā kǎ") < PinyinCollation.key("fān"), "a syllable before the longer ones it begins")
        #expect(PinyinCollation.key("shōu dān") < PinyinCollation.key("shōu dān jī gòu"), "a word before the words it begins")
    }

    @Test func glossaryLinksWorkFromPagesProviderFieldsAndOtherTerms() throws {
        var files = GlossaryFixture.files(article: page("甲", "见[一清](glossary:yiqing)。"))
        files["content/providers/demo.yaml"] = provider(extra: "about: |\n  与[二清](glossary:erqing)无关。\n")
        let result = try SiteFixture(files).build()
        #expect(errors(result).isEmpty)
        #expect(result.text("articles/a/index.html").contains("<a href=\"/glossary/yiqing/\">一清</a>"))
        #expect(result.text("providers/demo/index.html").contains("<a href=\"/glossary/erqing/\">二清</a>"))
        #expect(result.text("glossary/erqing/index.html").contains("<a href=\"/glossary/yiqing/\">一清</a>"))
    }

    @Test func anUnknownGlossaryIDIsAnErrorAtTheLinkWithAGuess() throws {
        let result = try SiteFixture(GlossaryFixture.files(article: page("甲", "见[一清](glossary:yiqng)。"))).build()
        let diagnostic = try #require(result.diagnostics.first { $0.id == "link.glossary-unknown" })
        #expect(diagnostic.description == "content/articles/a.md:5:2: error: unknown glossary id `yiqng`")
        #expect(diagnostic.hint == "did you mean `yiqing`?")
    }

    @Test func aGlossaryLinkWithAnAnchorIsAnError() throws {
        let result = try SiteFixture(GlossaryFixture.files(article: page("甲", "见[一清](glossary:yiqing#why)。"))).build()
        #expect(errors(result) == ["content/articles/a.md:5:2: error: `glossary:` links name a whole record; `#` anchors are not supported"])
    }

    @Test func withoutAGlossaryTheSiteHasNoGlossaryPagesAndGlossaryLinksSaySo() throws {
        let plain = try SiteFixture(["content/data/sources.yaml": sourcesYAML, "content/articles/a.md": page("甲")]).build()
        #expect(errors(plain).isEmpty)
        #expect(!plain.paths.contains { $0.hasPrefix("glossary/") })
        #expect(!plain.text("sitemap.xml").contains("glossary"))

        let linked = try SiteFixture(["content/articles/a.md": page("甲", "见[一清](glossary:yiqing)。")]).build()
        #expect(errors(linked) == ["content/articles/a.md:5:2: error: there is no glossary: content/glossary/ has no records, so `glossary:yiqing` links nowhere"])
    }

    @Test func schemaErrorsPointIntoTheRecordWithGuesses() throws {
        var files = GlossaryFixture.files()
        files["content/glossary/yiqing.yaml"] = GlossaryFixture.yiqing
            .replacingOccurrences(of: "pinyin:", with: "pinyn:")
            .replacingOccurrences(of: "topic: settlement", with: "topic: setlement")
            .replacingOccurrences(of: "related: [erqing, mcc]", with: "related: [erqing, mmc]")
        files["content/glossary/erqing.yaml"] = GlossaryFixture.erqing.replacingOccurrences(of: "ndrc-2016-557", with: "ndrc-2016-558")
        let result = try SiteFixture(files).build()
        let found = Dictionary(result.diagnostics.map { ($0.description, $0.hint) }) { a, _ in a }
        #expect(found["content/glossary/yiqing.yaml:2:1: error: unknown key `pinyn` in glossary record"] == "did you mean `pinyin`?")
        #expect(found["content/glossary/yiqing.yaml:4:8: error: `topic` must be one of institutions, settlement, fees, terminal, risks"]
            == "did you mean `settlement`?")
        #expect(found["content/glossary/erqing.yaml:6:11: error: unknown source `ndrc-2016-558`"] == "did you mean `ndrc-2016-557`?")
        // yiqing.yaml cannot be used, so only the other records' references are checked.
        let missing = try SiteFixture(GlossaryFixture.files().merging(["content/glossary/erqing.yaml": GlossaryFixture.erqing
            .replacingOccurrences(of: "related: [yiqing]", with: "related: [yiqin]")]) { $1 }).build()
        let related = try #require(missing.diagnostics.first { $0.id == "glossary.unknown-related" })
        #expect(related.description == "content/glossary/erqing.yaml:5:11: error: unknown glossary id `yiqin` in `related`")
        #expect(related.hint == "did you mean `yiqing`?")
    }

    @Test func aRecordNeedsItsRequiredKeysAndACheckedDateNotInTheFuture() throws {
        let files = GlossaryFixture.files().merging([
            "content/glossary/mcc.yaml": "term: 商户类别码\ntopic: terminal\nsources: [state-council-768]\nchecked: 2026-11-20\n",
            "content/glossary/erqing.yaml": GlossaryFixture.erqing.replacingOccurrences(of: "2026-11-20", with: "2027-01-01"),
        ]) { $1 }
        let found = errors(try SiteFixture(files).build())
        #expect(found.contains("content/glossary/mcc.yaml:1:1: error: glossary record is missing required key `definition`"))
        #expect(found.contains("content/glossary/erqing.yaml:7:10: error: `checked` 2027-01-01 is in the future (today is 2026-11-27)"))
    }

    @Test func theSitemapListsTheIndexAndEveryTermWithItsCheckedDate() throws {
        let sitemap = try SiteFixture(GlossaryFixture.files()).build().text("sitemap.xml")
        #expect(sitemap.contains("/glossary/</loc><lastmod>2026-11-20</lastmod>"))
        #expect(sitemap.contains("/glossary/mcc/</loc><lastmod>2026-11-20</lastmod>"))
    }

    @Test func aGuideWithTheGlossaryAsItsAppendixPrintsEveryTermWithInDocumentLinksAndOneNumbering() throws {
        var files = GlossaryFixture.files(article: page("甲", "见[《通知》](source:ndrc-2016-557)和[一清](glossary:yiqing)。"))
        files["content/guides/book.yaml"] = """
        title: 测试手册
        date: 2026-11-24
        paper: A4
        chapters:
          - articles/a.md
        appendices:
          - glossary/index.md

        """
        let result = try SiteFixture(files).build()
        #expect(errors(result).isEmpty)
        let html = result.text("guides/book/index.html")
        // The article is chapter 1, the glossary chapter 2: the article's link goes to the entry.
        #expect(html.contains("<a class=\"in-document\" href=\"#ch2-glossary-yiqing\">一清</a>"))
        #expect(html.contains("<h2 id=\"ch2-topic-settlement\">资金与结算</h2>"))
        #expect(html.contains("<h3 id=\"ch2-glossary-yiqing\">一清 <small>yī qīng</small></h3>"))
        #expect(html.contains("<a class=\"in-document\" href=\"#ch2-glossary-erqing\">二清</a>"))
        // ndrc-2016-557 is [1] in the article; the terms continue the numbering: state-council-768 is [2].
        #expect(html.contains("《条例》<sup>[2]</sup>"))
        #expect(html.contains("href=\"#source-ndrc-2016-557\"><sup>[1]</sup></a>"))
        #expect(html.components(separatedBy: "<li id=\"source-state-council-768\">").count == 2, "one source list for the document")
    }

    @Test func theAppendixPrintsDefinitionsNotExplanations() throws {
        var files = GlossaryFixture.files()
        files["content/guides/book.yaml"] = GlossaryFixture.bookWithGlossaryAppendix
        let result = try SiteFixture(files).build()
        #expect(errors(result).isEmpty)
        let html = result.text("guides/book/index.html")
        #expect(html.contains("测试释义：钱直接结算到商户自己的账户"))
        #expect(!html.contains("测试说明"), "the explanation is on the term's page, not in print")
        #expect(result.text("glossary/yiqing/index.html").contains("测试说明"))
    }

    @Test func headingsInPrintedTermsGetTheirEntrysPrefixSoIdsStayUnique() throws {
        var files = GlossaryFixture.files()
        files["content/glossary/yiqing.yaml"] = GlossaryFixture.yiqing.replacingOccurrences(of: "definition: |\n", with: "definition: |\n  ### 怎么核实\n\n")
        files["content/glossary/erqing.yaml"] = GlossaryFixture.erqing.replacingOccurrences(of: "definition: |\n", with: "definition: |\n  ### 怎么核实\n\n")
        files["content/guides/book.yaml"] = GlossaryFixture.bookWithGlossaryAppendix
        let result = try SiteFixture(files).build()
        #expect(errors(result).isEmpty)
        let html = result.text("guides/book/index.html")
        #expect(html.contains("<h3 id=\"ch2-glossary-yiqing-怎么核实\">"))
        #expect(html.contains("<h3 id=\"ch2-glossary-erqing-怎么核实\">"))
    }

    @Test func aSiteWithGlossaryRecordsNeedsTheGlossaryTemplates() throws {
        let fixture = try SiteFixture(GlossaryFixture.files())
        try fixture.remove("templates/glossary-index.mustache")
        let found = errors(fixture.build())
        #expect(found.contains { $0.hasPrefix("templates/glossary-index.mustache:1:1: error: missing template `glossary-index.mustache`") }, "\(found)")
    }
}
