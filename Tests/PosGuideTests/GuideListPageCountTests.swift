import Foundation
import Testing
@testable import PosGuide

/// `/guides/` states each PDF's page count; `export --pdf` replaces PDFs, so it must never
/// leave the list stating the count of a PDF that is no longer there.
@Suite struct GuideListPageCountTests {
    func read(_ url: URL) -> String {
        (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }

    @Test(.enabled(if: GuidePrintTools.available, "needs weasyprint (.venv), poppler-utils and zbar-tools"))
    func exportingAPDFIntoABuiltSiteRewritesTheListWithItsPageCount() throws {
        var files = GuidePrintFixture.files
        files["content/guides/handbook.yaml"] = nil
        files["content/guides/fees.yaml"] = nil
        let site = try SiteFixture(files)
        let options = site.options
        #expect(BuildCommand.run(options, output: site.output, strict: false).exitCode == 0)
        let listURL = site.output.appendingPathComponent("guides/index.html")
        #expect(!read(listURL).contains("下载 PDF"), "a plain build renders no PDF and states no count")

        // The checklist grows to two pages; the export must say so in the list.
        try site.write("content/checklists/self-check.md", try String(contentsOf: site.root.appendingPathComponent("content/checklists/self-check.md"), encoding: .utf8)
            + "\n## 附加\n\n" + String(repeating: "这是一段为了让自查表变长而加的文字，用来检验列表里的页数。\n\n", count: 60))
        let result = ExportCommand.run(source: site.root, guides: ["checklist"], output: site.output, pdf: true,
                                       today: SiteFixture.today, environment: GuidePrintTools.environment)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("exported 1 guide (print HTML and PDF, and the /guides/ list) to "))
        let pages = try #require(try GuidePrintTools.pageCount(site.output.appendingPathComponent("guides/checklist.pdf")))
        #expect(pages >= 2)
        #expect(read(listURL).contains("<a href=\"/guides/checklist.pdf\" download>下载 PDF（\(pages) 页）</a>"))
    }

    @Test(.enabled(if: GuidePrintTools.available, "needs weasyprint (.venv), poppler-utils and zbar-tools"))
    func exportingIntoAFolderWithNoSiteWritesNoList() throws {
        var files = GuidePrintFixture.files
        files["content/guides/handbook.yaml"] = nil
        files["content/guides/fees.yaml"] = nil
        let site = try SiteFixture(files)
        let result = ExportCommand.run(source: site.root, guides: [], output: site.output, pdf: true,
                                       today: SiteFixture.today, environment: GuidePrintTools.environment)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("exported 1 guide (print HTML and PDF) to "))
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("guides/index.html").path))
    }
}
