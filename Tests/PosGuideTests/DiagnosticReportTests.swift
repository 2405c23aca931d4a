import Foundation
import Testing
@testable import PosGuide

/// Thousands of warnings of one kind are grouped; errors are all printed.
@Suite struct DiagnosticReportTests {
    /// One article with 30 links to a host not on `allowed_domains` and 2 blocks of raw HTML.
    func site() throws -> SiteFixture {
        let links = (1...30).map { "- [链接\($0)](https://news\($0).example.com/)" }.joined(separator: "\n")
        let body = links + "\n\n<div>甲</div>\n\n<div>乙</div>\n"
        return try SiteFixture([
            "content/site.yaml": "title: 周刊\nallowed_domains: [gov.cn]\n",
            "content/articles/a.md": page("甲", body),
        ])
    }

    static func lines(_ text: String, containing part: String) -> [Substring] {
        text.split(separator: "\n").filter { $0.contains(part) }
    }

    @Test func theFirstFiveOfEachKindArePrintedThenOneLineCountsTheRest() throws {
        let fixture = try site()
        let outcome = BuildCommand.run(fixture.options, output: nil, strict: false)
        #expect(outcome.exitCode == 0)
        let external = Self.lines(outcome.stderr, containing: ": warning: external link to ")
        #expect(external.count == 5)
        #expect(external.first == "content/articles/a.md:5:3: warning: external link to `news1.example.com` is not on the site's allowed domains")
        #expect(external.last?.contains("`news5.example.com`") == true)
        #expect(Self.lines(outcome.stderr, containing: ": warning: raw HTML dropped").count == 2)
        #expect(Self.lines(outcome.stderr, containing: "… and ") == [
            "… and 25 more \"external link not on allowed_domains\" (posguide check -v lists them all)",
        ])
        #expect(outcome.stdout.hasSuffix(": 32 warnings: 30 external link, 2 raw HTML\n"))
    }

    @Test func theHintOnASiteWideChoiceIsSaidOnceAfterItsGroup() throws {
        let fixture = try site()
        let outcome = BuildCommand.run(fixture.options, output: nil, strict: false)
        let notes = Self.lines(outcome.stderr, containing: "note:")
        #expect(notes.count == 2, "\(outcome.stderr)")
        #expect(notes.allSatisfy { $0.hasPrefix("note: ") })
        #expect(notes.contains { $0.contains("`allowed_domains` in content/site.yaml") })
        #expect(notes.contains { $0.contains("`allow_raw_html: true` in content/site.yaml") })
        let lines = outcome.stderr.split(separator: "\n")
        let more = try #require(lines.firstIndex { $0.hasPrefix("… and 25 more") })
        #expect(lines[more + 1].contains("`allowed_domains`"))
    }

    @Test func verbosePrintsEveryWarning() throws {
        let fixture = try site()
        let outcome = BuildCommand.run(fixture.options, output: nil, strict: false, verbose: true)
        #expect(Self.lines(outcome.stderr, containing: ": warning: ").count == 32)
        #expect(Self.lines(outcome.stderr, containing: "… and ").isEmpty)
    }

    @Test func strictStillFailsOnTheWarningsItDoesNotPrint() throws {
        let fixture = try site()
        let outcome = BuildCommand.run(fixture.options, output: fixture.output, strict: true)
        #expect(outcome.exitCode == 1)
        #expect(outcome.stderr.hasSuffix("posguide: build failed: 32 warnings with --strict; the previous output was left untouched\n"))
        #expect(outcome.stderr.contains("(posguide build -v lists them all)"))
    }

    @Test func everyErrorIsPrintedEvenFifty() throws {
        let images = (1...50).map { "![图\($0)](https://img\($0).example.com/a.jpg)" }.joined(separator: "\n\n")
        let fixture = try SiteFixture(["content/articles/a.md": page("甲", images)])
        let outcome = BuildCommand.run(fixture.options, output: nil, strict: false)
        #expect(outcome.exitCode == 1)
        #expect(Self.lines(outcome.stderr, containing: ": error: image from ").count == 50)
        #expect(Self.lines(outcome.stderr, containing: "… and ").isEmpty)
        #expect(outcome.stderr.hasSuffix("posguide: check failed: 50 errors\n"))
    }

    @Test func aSingleWarningKeepsItsNoteAtItsPosition() {
        let warning = Diagnostic.warning("markdown.raw-html", "raw HTML dropped: <b>", at: SourceLocation(path: "a.md", line: 3, column: 1), hint: "write it in Markdown")
        #expect(DiagnosticReport([warning], command: "posguide build").text == "a.md:3:1: warning: raw HTML dropped: <b>\na.md:3:1: note: write it in Markdown\n")
    }

    @Test func errorsComeFirstThenWarningsByKindInTheOrderFound() {
        let at = SourceLocation(path: "a.md")
        let report = DiagnosticReport([
            .warning("b.kind", "b1", at: at), .warning("a.kind", "a1", at: at), .error("x", "e1", at: at), .warning("b.kind", "b2", at: at),
        ], command: "posguide build")
        #expect(report.lines == ["a.md:1:1: error: e1", "a.md:1:1: warning: b1", "a.md:1:1: warning: b2", "a.md:1:1: warning: a1"])
    }

    @Test func countsOverAThousandAreWrittenWithCommas() {
        let ids = Array(repeating: "image.third-party", count: 18_000) + Array(repeating: "link.external-domain", count: 5_900)
            + Array(repeating: "markdown.raw-html", count: 100)
        #expect(DiagnosticReport.warningCount(ids: ids) == "24,000 warnings: 18,000 remote image, 5,900 external link, 100 raw HTML")
        #expect(DiagnosticReport.warningCount(ids: ["a"]) == "1 warning")
        #expect(DiagnosticReport.warningCount(ids: ["a", "a"]) == "2 warnings")
        let many = (1...23_417).map { _ in Diagnostic.warning("link.external-domain", "x", at: SourceLocation(path: "a.md")) }
        #expect(DiagnosticReport(many, command: "posguide build").lines.last == "… and 23,412 more \"external link not on allowed_domains\" (posguide build -v lists them all)")
    }
}
