import Foundation
import Testing
@testable import PosGuide

/// Markdown with the site's transforms: ids, contents, citations, directives, figures, safety.
@Suite struct MarkdownTests {
    func render(_ markdown: String, environment: MarkdownEnvironment = MarkdownEnvironment(), path: String = "content/articles/a.md", pagePath: String = "/articles/a/") -> RenderedMarkdown {
        MarkdownRenderer(environment: environment, source: SourceText(path: path, text: markdown), pagePath: pagePath).render(markdown)
    }

    func registry() throws -> SourceRegistry {
        let (registry, diagnostics) = SourceRegistry.load(SourceFile(path: "content/data/sources.yaml", text: sourcesYAML))
        #expect(diagnostics.isEmpty)
        return registry
    }

    @Test func givesChineseHeadingsStableIds() {
        let rendered = render("## 什么是\"二清\"？\n\n## Step 1: MCC 码\n\n## 什么是\"二清\"？\n")
        #expect(rendered.headings.map(\.id) == ["什么是二清", "step-1-mcc-码", "什么是二清-2"])
        #expect(rendered.html.contains("<h2 id=\"什么是二清\">什么是&quot;二清&quot;？</h2>"))
        #expect(rendered.html.contains("<h2 id=\"什么是二清-2\">"))
    }

    @Test func headingsNeverTakeIdsThePageUses() {
        #expect(render("## Sources\n").headings.map(\.id) == ["sources-2"])
    }

    @Test func buildsTableOfContentsFromLevelTwoAndThree() throws {
        let site = try SiteFixture(["content/articles/a.md": page("甲", "## 第一节\n\n### 小节\n\n## 第二节\n")])
        let html = site.build().text("articles/a/index.html")
        let toc = html.components(separatedBy: "<nav class=\"toc\"").last?.components(separatedBy: "</nav>").first ?? ""
        #expect(toc.contains("<li><a href=\"#第一节\">第一节</a>\n<ol>\n<li><a href=\"#小节\">小节</a></li>\n</ol>\n</li>"))
        #expect(toc.contains("<li><a href=\"#第二节\">第二节</a></li>"))
    }

    @Test func countsReadingTimeInChineseCharacters() {
        let text = String(repeating: "商户", count: 1000)
        let rendered = render(text)
        #expect(rendered.statistics.cjkCharacters == 2000)
        #expect(rendered.statistics.readingMinutes == 5)
        #expect(render("one two three").statistics.words == 3)
    }

    @Test func summarizesTheFirstParagraph() {
        #expect(render("## 标题\n\n第一段 **重点**。\n\n第二段。").summary == "第一段 重点。")
        let long = String(repeating: "字", count: 200)
        #expect(render(long).summary.count == 120)
        #expect(render(long).summary.hasSuffix("…"))
    }

    @Test func rendersCitationAsNumberedSource() throws {
        let environment = MarkdownEnvironment(sources: try registry())
        let rendered = render("甲[《条例》](source:state-council-768)，乙[通知](source:ndrc-2016-557)，再引[条例](source:state-council-768)。", environment: environment)
        #expect(rendered.citations == ["state-council-768", "ndrc-2016-557"])
        #expect(rendered.html.contains("<a class=\"citation\" href=\"#source-state-council-768\">《条例》<sup>[1]</sup></a>"))
        #expect(rendered.html.contains("<a class=\"citation\" href=\"#source-ndrc-2016-557\">通知<sup>[2]</sup></a>"))
        #expect(rendered.html.contains("条例<sup>[1]</sup>"))
        let list = SourceListHTML.render(rendered.citations, registry: environment.sources)
        #expect(list.hasPrefix("<section id=\"sources\" class=\"sources\">"))
        #expect(list.contains("<li id=\"source-state-council-768\"><cite>《非银行支付机构监督管理条例》</cite>，国务院，国务院令第768号，2023年12月9日。"))
        #expect(list.contains("核对于 2026年11月24日；以官方公布为准。"))
        #expect(list.contains("<a href=\"https://www.ndrc.gov.cn/\" rel=\"noopener\">官方页面</a>"))
        // Confirmed on the official site: no "以官方公布为准" for that entry.
        #expect(list.contains("发改价格〔2016〕557号，2016年3月。<a href=\"https://www.ndrc.gov.cn/\" rel=\"noopener\">官方页面</a>。<span class=\"source-checked\">核对于 2026年11月24日。</span>"))
    }

    @Test func articlePageEndsWithItsSourceList() throws {
        let site = try SiteFixture([
            "content/data/sources.yaml": sourcesYAML,
            "content/articles/a.md": page("甲", "见[条例](source:state-council-768)。"),
        ])
        let html = site.build().text("articles/a/index.html")
        #expect(html.contains("<section id=\"sources\" class=\"sources\">"))
        #expect(html.range(of: "id=\"sources\"")!.lowerBound > html.range(of: "<div class=\"article-body\"")!.lowerBound)
    }

    @Test func rendersCalloutsWithMarkdownBodies() throws {
        let environment = MarkdownEnvironment(sources: try registry())
        for kind in ["tip", "warning", "danger"] {
            let rendered = render("```callout \(kind) 小心押金\n不要交**押金**，见[条例](source:state-council-768)。\n```\n", environment: environment)
            #expect(rendered.diagnostics.isEmpty)
            #expect(rendered.html.contains("<aside class=\"callout callout-\(kind)\" role=\"note\">"))
            #expect(rendered.html.contains("<p class=\"callout-title\">小心押金</p>"))
            #expect(rendered.html.contains("<strong>押金</strong>"))
            #expect(rendered.citations == ["state-council-768"])
        }
    }

    @Test func calloutWithoutKindIsAnError() {
        let rendered = render("正文\n\n```callout\n内容\n```\n")
        #expect(rendered.diagnostics.map(\.description) == ["content/articles/a.md:3:1: error: callout needs a kind: tip, warning or danger"])
    }

    @Test func rendersChecklistAsCheckboxes() {
        let rendered = render("```checklist 自查\n- [ ] 看到账户名\n- 看**签购单**\n```\n")
        #expect(rendered.diagnostics.isEmpty)
        #expect(rendered.html.contains("<p class=\"checklist-title\">自查</p>"))
        #expect(rendered.html.contains("<li><label><input type=\"checkbox\"> <span>看到账户名</span></label></li>"))
        #expect(rendered.html.contains("<span>看<strong>签购单</strong></span>"))
    }

    @Test func checklistLineWithoutDashIsAnError() {
        let rendered = render("```checklist\n- 好\n坏\n```\n")
        #expect(rendered.diagnostics.map(\.description)
                == ["content/articles/a.md:3:1: error: checklist lines start with `- ` (an item) or `## ` (a group heading)"])
    }

    @Test func checklistGroupsGetHeadingsAndBlanksGetLinesInsteadOfBoxes() {
        let rendered = render("```checklist 自查表\n## 先抄下来\n- 商户编号：____\n- Terminal ID: ___\n## 在柜台查\n- [ ] 店名是**我的**\n- 下划线不在冒号后___\n```\n")
        // Underscores that do not follow a colon are text, and literal runs are reported as elsewhere.
        #expect(rendered.diagnostics.map(\.description)
                == ["content/articles/a.md:7:11: warning: `___` shows as literal text: nothing pairs with it"])
        let html = rendered.html
        #expect(html.contains("<div class=\"checklist-group\">\n<h3 class=\"checklist-group-title\">先抄下来</h3>\n<ul class=\"blanks\">\n"
                              + "<li class=\"blank\"><span class=\"blank-label\">商户编号：</span><span class=\"blank-line\" aria-hidden=\"true\">"))
        #expect(html.contains("<li class=\"blank\"><span class=\"blank-label\">Terminal ID：</span>"), "a half-width colon works too")
        #expect(html.contains("<h3 class=\"checklist-group-title\">在柜台查</h3>\n<ul>\n<li><label><input type=\"checkbox\"> <span>店名是<strong>我的</strong></span>"))
        #expect(html.contains("<span>下划线不在冒号后___</span>"), "underscores without a colon are text, not a blank")
        #expect(html.components(separatedBy: "type=\"checkbox\"").count == 3, "two boxes: blanks have none")
        #expect(html.components(separatedBy: "<ul").count == 3, "one list per group, none outside them")
    }

    @Test func checklistWithoutGroupsKeepsOneList() {
        let html = render("```checklist\n- 一\n- 二\n```\n").html
        #expect(html == "<div class=\"checklist\">\n<ul>\n<li><label><input type=\"checkbox\"> <span>一</span></label></li>\n"
                + "<li><label><input type=\"checkbox\"> <span>二</span></label></li>\n</ul>\n</div>\n")
    }

    @Test func checklistGroupWithoutItemsIsAnError() {
        let rendered = render("```checklist\n## 空的\n## 有内容\n- 一\n## 结尾也空\n```\n")
        #expect(rendered.diagnostics.map(\.description) == [
            "content/articles/a.md:2:1: error: checklist group `空的` has no items",
            "content/articles/a.md:5:1: error: checklist group `结尾也空` has no items",
        ])
    }

    @Test func providerListShowsEveryRecord() throws {
        let site = try SiteFixture([
            "content/data/sources.yaml": sourcesYAML,
            "content/providers/demo.yaml": provider(name: "示例支付"),
            "content/providers/other.yaml": provider(name: "另一家"),
            "content/articles/a.md": page("甲", "```provider-list\n```\n"),
        ])
        let html = site.build().text("articles/a/index.html")
        #expect(html.contains("<table class=\"provider-list\">"))
        #expect(html.contains("<a href=\"/providers/demo/\">示例支付</a>"))
        #expect(html.contains("<a href=\"/providers/other/\">另一家</a>"))
        #expect(html.contains("当前状态未核实"))
    }

    @Test func reservedDirectiveWithoutImplementationIsAnError() {
        let rendered = render("```fee-calculator\n```\n")
        #expect(rendered.diagnostics.map(\.description) == ["content/articles/a.md:1:1: error: directive `fee-calculator` is not available in this build"])
    }

    @Test func otherInfoStringsStayCodeBlocks() {
        let rendered = render("```swift\nlet x = 1\n```\n")
        #expect(rendered.html == "<pre><code class=\"language-swift\">let x = 1\n</code></pre>\n")
    }

    @Test func imageWithTitleBecomesFigure() {
        let rendered = render("![资金流向](/assets/img/flow.svg \"一清：钱不经过代理商\")\n")
        #expect(rendered.html == "<figure><img src=\"/assets/img/flow.svg\" alt=\"资金流向\" loading=\"lazy\"><figcaption>一清：钱不经过代理商</figcaption></figure>\n")
        #expect(rendered.links.map(\.path) == ["/assets/img/flow.svg"])
    }

    @Test func dropsRawHTMLWithWarning() {
        let rendered = render("<script>alert(1)</script>\n\n正文 <b>粗</b>。\n")
        #expect(!rendered.html.contains("<script"))
        #expect(!rendered.html.contains("<b>"))
        #expect(rendered.diagnostics.map(\.description) == [
            "content/articles/a.md:1:1: warning: raw HTML dropped: <script>alert(1)</script>",
            "content/articles/a.md:3:4: warning: raw HTML dropped: <b>",
            "content/articles/a.md:3:8: warning: raw HTML dropped: </b>",
        ])
    }

    @Test func keepsRawHTMLWhenTheSiteAllowsIt() {
        let rendered = render("正文 <b>粗</b>。\n", environment: MarkdownEnvironment(allowRawHTML: true))
        #expect(rendered.html == "<p>正文 <b>粗</b>。</p>\n")
        #expect(rendered.diagnostics.isEmpty)
    }

    @Test func neverEmitsJavascriptLinks() {
        for allowRaw in [false, true] {
            let rendered = render("[点我](javascript:alert(1)) 和 [也是](JavaScript:void(0))", environment: MarkdownEnvironment(allowRawHTML: allowRaw))
            #expect(!rendered.html.lowercased().contains("javascript"))
            #expect(rendered.html.contains("点我"))
            #expect(rendered.diagnostics.count == 2)
            #expect(rendered.diagnostics.allSatisfy { $0.id == "link.unsafe-url" && $0.severity == .warning })
        }
    }

    @Test func thirdPartyImageIsAnError() {
        let rendered = render("![x](https://cdn.example.com/a.png)")
        #expect(!rendered.html.contains("cdn.example.com"))
        #expect(rendered.diagnostics.map(\.id) == ["image.third-party"])
    }

    @Test func rewritesLinksToMarkdownFiles() throws {
        let site = try SiteFixture([
            "content/articles/a.md": page("甲", "[乙](b.md#第二节) [记录](../providers/demo.yaml)"),
            "content/articles/b.md": page("乙", "## 第二节\n"),
            "content/data/sources.yaml": sourcesYAML,
            "content/providers/demo.yaml": provider(),
        ])
        let result = site.build()
        #expect(result.diagnostics.isEmpty)
        let html = result.text("articles/a/index.html")
        #expect(html.contains("<a href=\"/articles/b/#%E7%AC%AC%E4%BA%8C%E8%8A%82\">乙</a>"))
        #expect(html.contains("<a href=\"/providers/demo/\">记录</a>"))
    }

    @Test func warnsOnExternalLinksOffTheAllowlist() {
        let environment = MarkdownEnvironment(allowedDomains: ["gov.cn"])
        let rendered = render("[国务院](https://www.gov.cn/zhengce/) [别处](https://example.com/)", environment: environment)
        #expect(rendered.diagnostics.map(\.description) == ["content/articles/a.md:1:36: warning: external link to `example.com` is not on the site's allowed domains"])
    }

    @Test func warnsThatPipeTablesAreNotCommonMark() {
        let rendered = render("正文。\n\n| 甲 | 乙 |\n|---|---|\n| 1 | 2 |\n")
        #expect(rendered.diagnostics.map(\.description) == ["content/articles/a.md:3:1: warning: pipe tables are not CommonMark: this renders as a paragraph of `|` characters"])
    }
}

/// The slug's fast paths (ASCII, ideographs) must say exactly what the Unicode properties say.
@Suite struct HeadingSlugFastPathTests {
    /// The definition the fast paths stand in for: lower-case, keep letters, digits and `_`,
    /// spaces and `-` become one `-`, everything else goes.
    static func reference(_ text: String) -> String {
        var out = ""
        var pendingDash = false
        for scalar in text.lowercased().unicodeScalars {
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil || scalar == "_" {
                if pendingDash && !out.isEmpty { out += "-" }
                pendingDash = false
                out.unicodeScalars.append(scalar)
            } else if properties.isWhitespace || scalar == "-" {
                pendingDash = true
            }
        }
        return out.isEmpty ? "section" : out
    }

    @Test func everyBasicPlaneCharacterSlugsAsTheUnicodePropertiesSay() {
        var mismatches: [String] = []
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "A" + String(Character(scalar)) + " b"
            if HeadingSlugger.baseSlug(text) != Self.reference(text) { mismatches.append(String(value, radix: 16)) }
        }
        #expect(mismatches.isEmpty, "differs for U+\(mismatches.prefix(10).joined(separator: ", U+"))")
    }

    @Test func headingsOfTheRealSiteSlugAsBefore() {
        for text in ["什么是\"二清\"？", "Step 1: MCC", "费率 0.38% 与 0.6%", "İstanbul ΣΑΣ", "一清 vs 二清 —— 区别", "  _x_  ", "!!!"] {
            #expect(HeadingSlugger.baseSlug(text) == Self.reference(text), "\(text)")
        }
    }
}
