import Foundation
import Testing
@testable import PosGuide

/// `*`, `**`, `_` and `__` next to Chinese, Japanese and Korean text, paired by the
/// CJK-friendly amendment: what opens and closes, what stays literal, and the warning.
@Suite struct CJKEmphasisTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var markdown: String
        /// The paragraph's content, or the whole HTML when it starts with a block tag.
        var html: String
        var why: String
        init(_ markdown: String, _ html: String, _ why: String) {
            self.markdown = markdown
            self.html = html
            self.why = why
        }
        var expected: String {
            ["<blockquote>", "<h2>", "<ul>"].contains { html.hasPrefix($0) } ? html + "\n" : "<p>" + html + "</p>\n"
        }
        var testDescription: String { why }
    }

    static let cases: [Case] = [
        // Full-width punctuation just inside the closing run: CommonMark leaves these literal.
        Case("**找对机构。**投诉对象是收单机构。", "<strong>找对机构。</strong>投诉对象是收单机构。", "。 before a closing ** followed by Han"),
        Case("**注意：**请保留小票。", "<strong>注意：</strong>请保留小票。", "： before a closing **"),
        Case("**真的吗？**她问。", "<strong>真的吗？</strong>她问。", "？ before a closing **"),
        Case("**注意！**Please keep the receipt.", "<strong>注意！</strong>Please keep the receipt.", "！ before a closing ** followed by Latin"),
        Case("**先核实，**再签约。", "<strong>先核实，</strong>再签约。", "， before a closing **"),
        Case("**钱进了谁的账户？**打开结算卡的银行 App。", "<strong>钱进了谁的账户？</strong>打开结算卡的银行 App。", "the home page's sentence"),
        // Full-width punctuation just inside the opening run.
        Case("请先核对**《支付业务许可证》**编号。", "请先核对<strong>《支付业务许可证》</strong>编号。", "《 after an opening ** that follows Han"),
        Case("真**（她）**的", "真<strong>（她）</strong>的", "full-width brackets on both sides"),
        Case("这是*「重点」*内容", "这是<em>「重点」</em>内容", "corner brackets inside single *"),
        Case("費用は**「非公開」**です。", "費用は<strong>「非公開」</strong>です。", "Japanese corner brackets"),
        // Punctuation that is not CJK (curly quotes, ASCII) next to CJK text.
        Case("费率是**“0.6%”**吗？", "费率是<strong>“0.6%”</strong>吗？", "curly quotes inside, Han outside"),
        Case("**1.**请先核实。", "<strong>1.</strong>请先核实。", "ASCII full stop before a closing ** followed by Han"),
        Case("**“变造交易信息”和你有关。**交易上送", "<strong>“变造交易信息”和你有关。</strong>交易上送", "the penalty-cases sentence"),
        // Single * and _.
        Case("*注意：*请保留小票。", "<em>注意：</em>请保留小票。", "： inside single *"),
        Case("中文*强调*中文", "中文<em>强调</em>中文", "* between Han opens and closes, as in CommonMark"),
        Case("注意：__注意事项__", "注意：<strong>注意事项</strong>", "__ after full-width colon opens"),
        Case("__注意__：注意事项", "<strong>注意</strong>：注意事项", "__ before full-width colon closes"),
        Case("_注意。_", "<em>注意。</em>", "_ around a sentence"),
        // Underscores inside words never emphasise.
        Case("正文_强调_正文", "正文_强调_正文", "_ between Han is inside a word"),
        Case("商户编号_MCC_码", "商户编号_MCC_码", "_ between Han and Latin is inside a word"),
        Case("snake_case_name", "snake_case_name", "_ inside a Latin word"),
        Case("_注意：_请保留", "_注意：_请保留", "_ after ： but before Han is inside a word: it may not close"),
        // Nesting and ambiguity.
        Case("**重要。**说明**注意**", "<strong>重要。</strong>说明<strong>注意</strong>", "pairs left to right, not nested as CommonMark would"),
        Case("**外层*内层。*外层。**后文", "<strong>外层<em>内层。</em>外层。</strong>后文", "emphasis inside strong"),
        Case("***三个。***后面", "<em><strong>三个。</strong></em>后面", "a run of three"),
        Case("**注意：*斜体*。**后", "<strong>注意：<em>斜体</em>。</strong>后", "single * inside strong, both before 。"),
        // Around links, citations' link text, code spans and images.
        Case("**[链接](/a)**后文", "<strong><a href=\"/a\">链接</a></strong>后文", "strong around a link followed by Han"),
        Case("请看**[这篇文章](/a)**。", "请看<strong><a href=\"/a\">这篇文章</a></strong>。", "strong around a link after Han"),
        Case("[**注意：**详情](/a)", "<a href=\"/a\"><strong>注意：</strong>详情</a>", "inside link text"),
        Case("**见[条例](/a)。**然后", "<strong>见<a href=\"/a\">条例</a>。</strong>然后", "a link inside strong"),
        Case("[链接**重点：](/a)**后文", "<a href=\"/a\">链接**重点：</a>**后文", "a run never pairs across a link's edge"),
        Case("使用**`posguide`**命令", "使用<strong><code>posguide</code></strong>命令", "strong around a code span"),
        Case("**`code`。**后", "<strong><code>code</code>。</strong>后", "a code span inside strong"),
        Case("`**不变。**`后", "<code>**不变。**</code>后", "a code span is never looked into"),
        Case("![**图。**说明](/a.png)", "<img src=\"/a.png\" alt=\"图。说明\" />", "image description"),
        Case("**<https://pbc.gov.cn>**。", "<strong><a href=\"https://pbc.gov.cn\">https://pbc.gov.cn</a></strong>。", "an autolink inside strong"),
        // Runs that must stay literal.
        Case("**没有闭合。", "**没有闭合。", "nothing to close with"),
        Case("** 空格 **", "** 空格 **", "spaces inside the runs"),
        Case("5 * 3 = 15", "5 * 3 = 15", "a lone asterisk between spaces"),
        Case("**bold.**text", "**bold.**text", "Latin text keeps CommonMark's rule"),
        Case("\\*\\*不是强调。\\*\\*", "**不是强调。**", "escaped asterisks"),
        Case("\\*注\\*：**找对机构。**投诉", "*注*：<strong>找对机构。</strong>投诉", "an escaped asterisk beside a run"),
        // Across lines and blocks.
        Case("第一行\n**第二行。**后文", "第一行\n<strong>第二行。</strong>后文", "on a paragraph's second line"),
        Case("> 引用\n>   **第二行。**后文", "<blockquote>\n<p>引用\n<strong>第二行。</strong>后文</p>\n</blockquote>", "in a block quote, indented"),
        Case("- 列表\n   **续行。**再", "<ul>\n<li>列表\n<strong>续行。</strong>再</li>\n</ul>", "a list item's continuation line"),
        Case("## **标题。**后文", "<h2><strong>标题。</strong>后文</h2>", "a heading"),
        Case("**第一段。\n\n第二段。**", "**第一段。</p>\n<p>第二段。**", "never across paragraphs"),
        // Japanese and Korean.
        Case("**注意。**電源を切ってください。", "<strong>注意。</strong>電源を切ってください。", "Japanese, kana after the run"),
        Case("カードは**必ず**本人が使います。", "カードは<strong>必ず</strong>本人が使います。", "Japanese, as in CommonMark"),
        Case("**주의:**영수증을 보관하세요.", "<strong>주의:</strong>영수증을 보관하세요.", "Korean, ASCII colon then Hangul"),
        Case("가맹점**(상점)**입니다", "가맹점<strong>(상점)</strong>입니다", "Korean, ASCII brackets between Hangul"),
        Case("이것은 **중요한** 내용입니다.", "이것은 <strong>중요한</strong> 내용입니다.", "Korean with spaces, as in CommonMark"),
    ]

    static func render(_ markdown: String, cjkEmphasis: Bool = true) -> String {
        var environment = MarkdownEnvironment.commonMark
        environment.cjkEmphasis = cjkEmphasis
        return MarkdownRenderer(environment: environment, source: SourceText(path: "a.md", text: markdown), pagePath: "/")
            .renderBlocks(markdown, lineOffset: 0, isPageBody: true)
    }

    func renderSite(_ markdown: String, environment: MarkdownEnvironment = MarkdownEnvironment()) -> RenderedMarkdown {
        MarkdownRenderer(environment: environment, source: SourceText(path: "content/articles/a.md", text: markdown), pagePath: "/articles/a/")
            .render(markdown)
    }

    @Test func theTableHasAtLeastFortyCases() {
        #expect(Self.cases.count >= 40)
    }

    @Test(arguments: cases)
    func pairsEmphasisTheWayCJKWritersExpect(_ example: Case) {
        #expect(Self.render(example.markdown) == example.expected, "\(example.why)")
    }

    @Test func withTheAmendmentOffTheRunsStayAsCommonMarkLeavesThem() {
        #expect(Self.render("**找对机构。**投诉", cjkEmphasis: false) == "<p>**找对机构。**投诉</p>\n")
        #expect(Self.render("**重要。**说明**注意**", cjkEmphasis: false) == "<p><strong>重要。<strong>说明</strong>注意</strong></p>\n")
    }

    @Test func strongWrapsACitation() throws {
        let (registry, _) = SourceRegistry.load(SourceFile(path: "content/data/sources.yaml", text: sourcesYAML))
        let rendered = renderSite("请查看**[《条例》](source:state-council-768)**第三十四条。", environment: MarkdownEnvironment(sources: registry))
        #expect(rendered.html == "<p>请查看<strong><a class=\"citation\" href=\"#source-state-council-768\">《条例》<sup>[1]</sup></a></strong>第三十四条。</p>\n")
        #expect(rendered.diagnostics.isEmpty)
        let inside = renderSite("见[**《条例》**第三十四条：](source:state-council-768)**须公示。**", environment: MarkdownEnvironment(sources: registry))
        #expect(inside.html.contains("<strong>《条例》</strong>第三十四条：<sup>[1]</sup></a><strong>须公示。</strong>"))
    }

    @Test func summaryAndHeadingsReadThePairedText() {
        let rendered = renderSite("## **注意：**标题\n\n**找对机构。**投诉对象是收单机构。\n")
        #expect(rendered.summary == "找对机构。投诉对象是收单机构。")
        #expect(rendered.headings.map(\.text) == ["注意：标题"])
    }

    @Test func aRunThatPairsWithNothingIsAWarningWithAHint() {
        let rendered = renderSite("第一段**没有闭合。\n\n- 列表\n  第二行 __孤立\n\n`**代码里不算**`，\\*\\*转义也不算。\n\n星号 *** 三个\n")
        #expect(rendered.diagnostics.map(\.description) == [
            "content/articles/a.md:1:4: warning: `**` shows as literal text: nothing pairs with it",
            "content/articles/a.md:4:7: warning: `__` shows as literal text: nothing pairs with it",
            "content/articles/a.md:8:4: warning: `***` shows as literal text: nothing pairs with it",
        ])
        #expect(rendered.diagnostics.allSatisfy { $0.id == "markdown.literal-emphasis" })
        #expect(rendered.diagnostics.first?.formatted.contains("note: emphasis marks the text it touches: `**重点**`") == true)
    }

    @Test func escapedMarksAreNotWarnedAboutButARealRunBesideThemIs() {
        let rendered = renderSite("转义的\\*\\*不算，**这个算\n")
        #expect(rendered.html == "<p>转义的**不算，**这个算</p>\n")
        #expect(rendered.diagnostics.map(\.description) == ["content/articles/a.md:1:11: warning: `**` shows as literal text: nothing pairs with it"])
    }

    @Test func withTheAmendmentOffTheLiteralRunIsStillWarnedAbout() {
        let rendered = renderSite("**找对机构。**投诉", environment: MarkdownEnvironment(cjkEmphasis: false))
        #expect(rendered.html == "<p>**找对机构。**投诉</p>\n")
        #expect(rendered.diagnostics.map(\.location.column) == [1, 8])
        #expect(renderSite("**找对机构。**投诉").diagnostics.isEmpty)
    }

    @Test func warningsInAProviderRecordPointIntoTheYAMLFile() throws {
        let site = try SiteFixture([
            "content/data/sources.yaml": sourcesYAML,
            "content/providers/demo.yaml": provider(extra: "about: |\n  **没有闭合。\n"),
        ])
        #expect(site.diagnostics().contains("content/providers/demo.yaml:12:3: warning: `**` shows as literal text: nothing pairs with it"))
    }

    @Test func languageDecidesTheDefaultAndSiteYAMLCanSwitchIt() {
        func config(_ yaml: String) -> SiteConfig {
            SiteConfig.load(SourceFile(path: "content/site.yaml", text: yaml)).0
        }
        #expect(SiteConfig().pairsCJKEmphasis)
        #expect(config("language: zh-CN\n").pairsCJKEmphasis)
        #expect(config("language: ja\n").pairsCJKEmphasis)
        #expect(config("language: ko-KR\n").pairsCJKEmphasis)
        #expect(!config("language: en\n").pairsCJKEmphasis)
        #expect(!config("language: zh-TW\ncjk_emphasis: false\n").pairsCJKEmphasis)
        #expect(config("language: en\ncjk_emphasis: true\n").pairsCJKEmphasis)
        let (_, diagnostics) = SiteConfig.load(SourceFile(path: "content/site.yaml", text: "cjk_emphasis: sometimes\n"))
        #expect(diagnostics.count == 1)
    }

    @Test func aSiteBuildFollowsTheSwitch() throws {
        let body = "**找对机构。**投诉对象是收单机构。"
        let on = try SiteFixture(["content/articles/a.md": page("甲", body)])
        #expect(on.build().text("articles/a/index.html").contains("<strong>找对机构。</strong>投诉"))
        #expect(on.diagnostics().isEmpty)
        let off = try SiteFixture(["content/site.yaml": "cjk_emphasis: false\n", "content/articles/a.md": page("甲", body)])
        #expect(off.build().text("articles/a/index.html").contains("**找对机构。**投诉"))
        #expect(off.diagnostics() == [
            "content/articles/a.md:5:1: warning: `**` shows as literal text: nothing pairs with it",
            "content/articles/a.md:5:8: warning: `**` shows as literal text: nothing pairs with it",
        ])
    }

    @Test func renderOutsideASiteUsesTheAmendment() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("posguide-cjk-\(UUID().uuidString).md")
        try "**找对机构。**投诉".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = RenderCommand.run(file: file)
        #expect(result.stdout == "<p><strong>找对机构。</strong>投诉</p>\n")
        #expect(result.exitCode == 0)
    }
}
