import Foundation
import Testing
@testable import PosGuide
import Synchronization

/// `posguide export` and the guides in `posguide build`: print documents, PDFs, `/guides/`.
@Suite struct GuideExportTests {
    func export(_ site: SiteFixture, _ ids: [String] = [], pdf: Bool = false, output: URL? = nil) -> CommandResult {
        ExportCommand.run(source: site.root, guides: ids, output: output ?? site.output, pdf: pdf,
                          today: SiteFixture.today, environment: GuidePrintTools.environment)
    }

    func read(_ url: URL) -> String {
        (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }

    func document(_ site: SiteFixture, _ id: String) -> String {
        read(site.output.appendingPathComponent("guides/\(id)/index.html"))
    }

    /// Every `id="…"` in the HTML.
    func elementIDs(_ html: String) -> [String] {
        html.components(separatedBy: " id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    // MARK: print HTML

    @Test func exportWritesOneSelfContainedPrintDocumentPerGuide() throws {
        let site = try GuidePrintFixture.site()
        let result = export(site)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("exported 3 guides (print HTML) to "))
        for id in ["handbook", "checklist", "fees"] {
            let html = document(site, id)
            #expect(html.hasPrefix("<!doctype html>"))
            #expect(html.contains("<style>") && html.contains("@page"), "the print stylesheet is inside the file")
            #expect(!html.contains("<script"), "complete without JavaScript")
            #expect(!html.contains("src=\"/") && !html.contains("href=\"/") && !html.contains("<link rel=\"stylesheet\""),
                    "nothing is fetched relative to a site root")
        }
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("index.html").path), "export writes only guides")
    }

    @Test func bookletHasCoverContentsChaptersAndOneSourceList() throws {
        let site = try GuidePrintFixture.site()
        #expect(export(site, ["handbook"]).exitCode == 0)
        let html = document(site, "handbook")
        #expect(html.contains("<section class=\"cover\">"))
        #expect(html.contains("<h1 class=\"guide-title\">商户 POS 安全手册</h1>"))
        #expect(html.contains("<dd>小微商户</dd>"))
        #expect(html.contains("<h2 id=\"toc-title\">目录</h2>"))
        #expect(html.contains("<a class=\"toc-entry\" href=\"#ch1\"><span class=\"toc-label\">第一章</span> 怎么判断我的 POS 机是不是一清</a>"))
        #expect(html.contains("<a class=\"toc-entry\" href=\"#ch2-发卡行服务费\">发卡行服务费</a>"))
        #expect(html.contains("<span class=\"toc-label\">附录一</span> 一清自查清单"))
        #expect(html.contains("<section class=\"chapter\" id=\"ch1\">"))
        #expect(html.contains("<section class=\"chapter appendix\" id=\"ch3\">"))
        #expect(html.components(separatedBy: "<section id=\"sources\"").count == 2, "one source list for the whole guide")
        #expect(html.contains("<strong>找对机构。</strong>投诉对象是收单机构。"), "bold after full-width punctuation, as on the page")
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("guides/fees").path), "only the chosen guide")
    }

    @Test func citationsShareOneNumberingAcrossChapters() throws {
        let site = try GuidePrintFixture.site()
        #expect(export(site, ["handbook"]).exitCode == 0)
        let html = document(site, "handbook")
        let fees = try #require(html.range(of: "<section class=\"chapter\" id=\"ch2\">"))
        let chapterTwo = html[fees.upperBound...]
        // Chapter 1 cites the 条例 first: it stays [1] in chapter 2, where the 通知 is new and becomes [2].
        #expect(chapterTwo.contains("<a class=\"citation\" href=\"#source-ndrc-2016-557\">《通知》<sup>[2]</sup></a>"))
        #expect(chapterTwo.contains("<a class=\"citation\" href=\"#source-state-council-768\">《条例》<sup>[1]</sup></a>"))
        let sources = try #require(html.range(of: "<section id=\"sources\""))
        let list = html[sources.lowerBound...]
        let first = try #require(list.range(of: "id=\"source-state-council-768\""))
        let second = try #require(list.range(of: "id=\"source-ndrc-2016-557\""))
        #expect(first.lowerBound < second.lowerBound)
        #expect(list.contains("官方页面：<a class=\"source-url\" href=\"https://www.ndrc.gov.cn/\">https://www.ndrc.gov.cn/</a>"), "URLs printed as text")
    }

    @Test func headingIDsAreUniqueAcrossChapters() throws {
        let site = try GuidePrintFixture.site()
        #expect(export(site, ["handbook"]).exitCode == 0)
        let html = document(site, "handbook")
        #expect(html.contains("<h2 id=\"ch1-什么是一清\">什么是一清</h2>"))
        #expect(html.contains("<h2 id=\"ch2-什么是一清\">什么是一清</h2>"))
        let ids = elementIDs(html)
        #expect(ids.count == Set(ids).count, "duplicate ids: \(ids.filter { id in ids.filter { $0 == id }.count > 1 })")
    }

    @Test func linksBetweenChaptersStayInTheDocumentAndOthersPrintTheirURL() throws {
        let site = try GuidePrintFixture.site()
        #expect(export(site, ["handbook"]).exitCode == 0)
        let html = document(site, "handbook")
        #expect(html.contains("<a class=\"in-document\" href=\"#ch2-发卡行服务费\">发卡行服务费</a>"), "fees.md#… is chapter 2")
        #expect(html.contains("<a class=\"in-document\" href=\"#ch1-五步自查\">本章第二节</a>"), "#… on the page itself")
        #expect(html.contains("<a class=\"in-document\" href=\"#ch2\">手续费</a>"), "the checklist's link to /articles/fees/")
        #expect(html.contains("<a class=\"offsite\" href=\"https://posguide.example/articles/other/\">不在手册里的文章</a><span class=\"link-url\">（https://posguide.example/articles/other/）</span>"))
        #expect(html.contains("<a class=\"offsite\" href=\"https://www.pbc.gov.cn/\">人民银行</a><span class=\"link-url\">（https://www.pbc.gov.cn/）</span>"))
        for href in html.components(separatedBy: "href=\"#").dropFirst().map({ String($0.prefix { $0 != "\"" }) }) {
            #expect(elementIDs(html).contains(href), "in-document link to #\(href) has a target")
        }
    }

    @Test func picturesAreEmbeddedAndEachChapterHasItsQRCode() throws {
        let site = try GuidePrintFixture.site()
        #expect(export(site, ["handbook"]).exitCode == 0)
        let html = document(site, "handbook")
        #expect(html.contains("<figure><img src=\"data:image/svg+xml;base64,"))
        #expect(html.components(separatedBy: "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr-code\"").count == 4)
        #expect(html.contains("<span class=\"chapter-url\">https://posguide.example/articles/fees/</span>"))
    }

    @Test func qrCodeModulesHaveTheStandardSize() throws {
        let modules = try #require(QRCodeSVG.modules(for: "https://posguide.example/articles/yiqing/"))
        #expect(modules.count == 29 || modules.count == 33, "version 3 or 4 for a short URL at level M")
        #expect(modules.allSatisfy { $0.count == modules.count })
        // The top-left finder pattern: a dark 7-module row.
        #expect(modules[0].prefix(7).allSatisfy { $0 })
    }

    @Test func chapterLabelsUseChineseNumerals() {
        #expect([1, 2, 10, 11, 12, 20, 21, 100, 105, 110].map(ChineseNumeral.text)
                == ["一", "二", "十", "十一", "十二", "二十", "二十一", "一百", "一百零五", "一百一十"])
    }

    @Test func checklistGuidePrintsAsALeaflet() throws {
        let site = try GuidePrintFixture.site()
        #expect(export(site, ["checklist"]).exitCode == 0)
        let html = document(site, "checklist")
        #expect(html.contains("<body class=\"guide paper-A4 leaflet\">"))
        #expect(!html.contains("class=\"cover\"") && !html.contains("目录"))
        #expect(html.contains("<h1 class=\"guide-title\">一清自查清单</h1>"))
        #expect(!html.contains("<h1 class=\"chapter-title\">"), "the chapter's title is the guide's")
        #expect(html.contains("（https://posguide.example/articles/fees/）"), "a page outside the leaflet prints its URL")
    }

    @Test func a5GuideAsksForA5Paper() throws {
        let site = try GuidePrintFixture.site()
        #expect(export(site, ["fees"]).exitCode == 0)
        #expect(document(site, "fees").contains("@page { size: A5; }"))
    }

    // MARK: errors and the output folder

    @Test func unknownGuideIsAUsageErrorThatListsTheGuides() throws {
        let site = try GuidePrintFixture.site()
        let result = export(site, ["handbok"])
        #expect(result.exitCode == 2)
        #expect(result.stderr == "posguide: error: no guide `handbok` in content/guides/ (guides: checklist, fees, handbook)\n")
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test func contentErrorsStopTheExport() throws {
        var files = GuidePrintFixture.files
        files["content/guides/broken.yaml"] = "title: 坏\ndate: 2026-11-24\nchapters:\n  - articles/missing.md\n"
        let site = try SiteFixture(files)
        let result = export(site, ["handbook"])
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("content/guides/broken.yaml:4:5: error: chapter `articles/missing.md` is not a page under content/"))
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test func missingWeasyPrintSaysHowToInstallIt() throws {
        let site = try GuidePrintFixture.site()
        let result = ExportCommand.run(source: site.root, guides: [], output: site.output, pdf: true, environment: ["PATH": "/nonexistent"])
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("WeasyPrint is not installed"))
        #expect(result.stderr.contains("pip install weasyprint"))
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test func exportIntoAForeignFolderAddsOnlyTheGuides() throws {
        let site = try GuidePrintFixture.site()
        let folder = site.root.appendingPathComponent("handouts")
        try site.write("handouts/notes.txt", "mine")
        #expect(export(site, ["checklist"], output: folder).exitCode == 0)
        #expect(read(folder.appendingPathComponent("notes.txt")) == "mine")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(OutputWriter.markerName).path), "still not posguide's folder")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("guides/checklist/index.html").path))
    }

    @Test func exportIntoANewFolderMarksItSoBuildMayReplaceIt() throws {
        let site = try GuidePrintFixture.site()
        #expect(export(site, ["checklist"]).exitCode == 0)
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent(OutputWriter.markerName).path))
        #expect(BuildCommand.run(site.options, output: site.output, strict: false).exitCode == 0)
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("index.html").path))
    }

    @Test func guidesNeedThePrintTemplate() throws {
        let site = try GuidePrintFixture.site()
        try site.remove("templates/print.mustache")
        #expect(site.diagnostics().contains { $0.hasPrefix("templates/print.mustache:1:1: error: missing template `print.mustache`") })
    }

    @Test func defaultBaseURLWarnsThatQRCodesWouldOpenLocalhost() throws {
        var files = GuidePrintFixture.files
        files["content/site.yaml"] = "title: 商户 POS 安全指南\n"
        let site = try SiteFixture(files)
        #expect(site.diagnostics().contains { $0.hasPrefix("content/site.yaml:1:1: warning: printed guides link their chapters at http://localhost/") })
    }

    // MARK: the site

    @Test func buildPublishesGuidesAndListsThem() throws {
        let site = try GuidePrintFixture.site()
        let result = site.build()
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        #expect(result.paths.contains("guides/handbook/index.html"))
        let list = result.text("guides/index.html")
        #expect(list.contains("<a href=\"/guides/handbook/\">商户 POS 安全手册</a>：一清自查与手续费"))
        #expect(list.contains("<p>写给小店老板的 POS 机安全手册。</p>"))
        #expect(list.contains("2 章、1 篇附录 · A4 纸 · 适用：小微商户"))
        #expect(!list.contains(".pdf"), "no PDF link when the build made no PDF")
        #expect(result.text("sitemap.xml").contains("<loc>https://posguide.example/guides/handbook/</loc>"))
        #expect(!result.paths.contains { $0.hasSuffix(".pdf") })
    }

    @Test func aPagePrintedAsALeafletAndItsSectionLinkThePrintVersion() throws {
        let result = try GuidePrintFixture.site().build()
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        let link = "<a href=\"/guides/checklist/\">打印 / 下载 PDF</a>：一清自查清单"
        #expect(result.text("checklists/self-check/index.html").contains(link))
        #expect(result.text("checklists/index.html").contains(link), "the section list links its pages' leaflets")
        #expect(!result.text("checklists/self-check/index.html").contains(".pdf"), "no PDF link when the build made no PDF")
        // A chapter of a booklet only: printing it would print the whole book.
        #expect(!result.text("articles/yiqing/index.html").contains("class=\"print-link\""))
        // The fees guide is one article: that article and its section list link it, and nothing else.
        let articles = result.text("articles/index.html")
        #expect(articles.contains("<a href=\"/guides/fees/\">打印 / 下载 PDF</a>：看懂刷卡手续费（A5 纸"))
        #expect(!articles.contains("/guides/checklist/"))
    }

    @Test func printStylesheetIsInlinedNotPublished() throws {
        let result = try GuidePrintFixture.site().build()
        #expect(!result.paths.contains("assets/print.css"))
        #expect(result.text("guides/handbook/index.html").contains("string-set: guide-title"))
    }

    @Test func sitesWithoutGuidesHaveNoGuidesPage() throws {
        let site = try SiteFixture(["content/index.md": "你好\n"])
        #expect(!site.build().paths.contains("guides/index.html"))
    }

    @Test func contentMayLinkToAGuideByItsDefinition() throws {
        var files = GuidePrintFixture.files
        files["content/articles/other.md"] = "---\ntitle: 其他\n---\n\n打印[手册](../guides/handbook.yaml)。\n"
        let site = try SiteFixture(files)
        let result = site.build()
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        #expect(result.text("articles/other/index.html").contains("<a href=\"/guides/handbook/\">手册</a>"))
    }

    // MARK: the CLI

    func runExportCLI(_ arguments: [String]) throws -> PosguideBinary.Run? {
        try PosguideBinary.run(arguments)
    }

    @Test func exportCommandLineWritesTheGuidesAndOneSummaryLine() throws {
        let site = try GuidePrintFixture.site()
        guard let run = try runExportCLI(["export", "checklist", "fees", "--source", site.root.path]) else { return }
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("exported 2 guides (print HTML) to \(site.output.path)/guides in "))
        #expect(run.stdout.split(separator: "\n").count == 1)
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("guides/fees/index.html").path))
        #expect(try runExportCLI(["export", "nope", "--source", site.root.path])?.status == 2)
        #expect(try runExportCLI(["export", "--base-url", "ftp://x", "--source", site.root.path])?.status == 2)
        #expect(try runExportCLI(["--help"])?.stdout.contains("export") == true)
    }

    // MARK: PDFs (WeasyPrint, poppler-utils, zbar-tools: scripts/test.sh installs them)

    @Test(.enabled(if: GuidePrintTools.available, "needs weasyprint (.venv), poppler-utils and zbar-tools"))
    func exportedPDFsAreA4WithChineseTextContentsAndWorkingQRCodes() throws {
        let site = try GuidePrintFixture.site()
        let lines = LockedLines()
        let result = ExportCommand.run(source: site.root, guides: [], output: site.output, pdf: true, today: SiteFixture.today,
                                       progress: { lines.append($0) }, environment: GuidePrintTools.environment)
        #expect(result.exitCode == 0, "\(result.stderr)")
        // The fixture keeps a placeholder base_url (its QR codes are checked against it), which export warns about.
        let others = result.stderr.split(separator: "\n").filter { $0.contains("warning") && !$0.hasPrefix("content/site.yaml:") }
        #expect(others.isEmpty, "WeasyPrint had nothing to complain about: \(result.stderr)")
        let progress = lines.all
        #expect(progress.count == 3, "one progress line per guide")
        #expect(progress.allSatisfy { $0.range(of: #"^guides/[a-z]+\.pdf: \d+ pages?, \d+\.\d s$"#, options: .regularExpression) != nil }, "\(progress)")

        let guides = site.output.appendingPathComponent("guides")
        let handbook = guides.appendingPathComponent("handbook.pdf")
        #expect(try GuidePrintTools.pageSize(handbook)?.hasSuffix("(A4)") == true)
        // Cover, contents, three parts on new pages (two chapters may run to two pages), sources.
        let pages = try #require(try GuidePrintTools.pageCount(handbook))
        #expect((6...10).contains(pages), "handbook has \(pages) pages")
        let text = try GuidePrintTools.text(handbook)
        for expected in ["商户 POS 安全手册", "一清自查与手续费", "目录", "第一章", "第二章", "附录一",
                         "怎么判断我的 POS 机是不是一清", "刷卡手续费由哪几部分组成", "一清自查清单",
                         "什么是一清", "发卡行服务费", "资料来源", "非银行支付机构监督管理条例"] {
            #expect(text.contains(expected), "pdftotext finds \(expected)")
        }
        #expect(text.contains("找对机构。投诉对象是收单机构"), "the bold sentence prints")
        #expect(!text.contains("**") && !text.contains("__"), "no literal emphasis marks in the PDF")
        let contents = try GuidePrintTools.text(handbook, page: 2)
        #expect(contents.contains("目录"))
        #expect(contents.range(of: #"怎么判断我的 POS 机是不是一清[ .]*3"#, options: .regularExpression) != nil, "TOC page numbers: \(contents)")
        let footer = #"第\s*3\s*页\s*/\s*共\s*"# + String(pages) + #"\s*页"#
        #expect(try GuidePrintTools.text(handbook, page: 3).range(of: footer, options: .regularExpression) != nil, "footer page X / Y")
        #expect(try GuidePrintTools.text(handbook, page: 3).contains("商户 POS 安全手册"), "running header")
        #expect(Set(try GuidePrintTools.qrCodes(handbook)) == GuidePrintFixture.chapterURLs["handbook"])

        let checklist = guides.appendingPathComponent("checklist.pdf")
        #expect(try GuidePrintTools.pageCount(checklist) == 1, "the checklist fits on one page")
        #expect(try GuidePrintTools.pageSize(checklist)?.hasSuffix("(A4)") == true)
        #expect(try GuidePrintTools.text(checklist).contains("付款方是持牌机构，不是个人"))
        #expect(try GuidePrintTools.qrCodes(checklist) == [GuidePrintFixture.baseURL + "checklists/self-check/"])

        let fees = guides.appendingPathComponent("fees.pdf")
        let size = try #require(try GuidePrintTools.pageSize(fees))
        #expect(size.hasPrefix("419.") && size.contains(" x 595."), "A5: \(size)")
        #expect(Set(try GuidePrintTools.qrCodes(fees)) == GuidePrintFixture.chapterURLs["fees"])
    }

    @Test(.enabled(if: GuidePrintTools.available, "needs weasyprint (.venv), poppler-utils and zbar-tools"))
    func buildWithPDFPublishesThePDFsAndTheirPageCounts() throws {
        var files = GuidePrintFixture.files
        files["content/guides/handbook.yaml"] = nil
        files["content/guides/fees.yaml"] = nil
        let site = try SiteFixture(files)
        // --strict: the fixture's placeholder address is replaced, as a deployment would.
        var options = site.options
        options.baseURL = "https://guides.posguide-deployment.cn/"
        let result = BuildCommand.run(options, output: site.output, strict: true, withPDF: true, environment: GuidePrintTools.environment)
        #expect(result.exitCode == 0, "\(result.stderr)")
        let pdf = site.output.appendingPathComponent("guides/checklist.pdf")
        #expect(try GuidePrintTools.pageCount(pdf) == 1)
        let list = read(site.output.appendingPathComponent("guides/index.html"))
        #expect(list.contains("<a href=\"/guides/checklist.pdf\" download>下载 PDF（1 页）</a>"))
        #expect(document(site, "checklist").contains("<a href=\"../checklist.pdf\">下载 PDF</a>"))
        let page = read(site.output.appendingPathComponent("checklists/self-check/index.html"))
        #expect(page.contains("<a href=\"/guides/checklist/\">打印</a> / <a href=\"/guides/checklist.pdf\" download>下载 PDF</a>"))
    }
}

/// Progress lines collected from the callback.
final class LockedLines: Sendable {
    private let lines = Mutex<[String]>([])

    func append(_ line: String) {
        lines.withLock { $0.append(line) }
    }

    var all: [String] {
        lines.withLock { $0 }
    }
}
