import Foundation
import Testing
@testable import PosGuide

/// A `base_url` on a name reserved for examples, tests or one's own machine: a warning on every
/// build, check and export (an error with `--strict`), named at its line or as `--base-url`; never in the preview.
@Suite struct PublishingAddressTests {
    static let warning = "content/site.yaml:2:11: warning: `base_url` https://posguide.example/ is not a real address "
        + "(names under `.example` are reserved for examples): canonical links, the sitemap, the feed and the QR codes in printed guides would point nowhere"

    func site(baseURL: String = "https://posguide.example/") throws -> SiteFixture {
        try SiteFixture(["content/site.yaml": "title: 指南\nbase_url: \(baseURL)\n", "content/articles/a.md": page("甲")])
    }

    @Test func reservedNamesAreRecognisedAndRealOnesAreNot() {
        let reserved = [
            "https://posguide.example/", "https://staging.test/", "http://site.invalid/", "http://localhost:8080/",
            "http://preview.localhost/", "https://example.com/", "https://www.example.org/x/", "http://127.0.0.1/",
            "http://[::1]:8080/", "https://POSGUIDE.EXAMPLE./", "https://user@10.0.0.8:443/",
        ]
        for url in reserved {
            #expect(PublishingAddress.placeholderReason(url) != nil, "\(url)")
        }
        let real = ["https://www.pbc.gov.cn/", "https://example.community/", "https://myexample.com/", "https://test.cn/",
                    "https://posguide.cn/", "https://1.2.3.4.example-cdn.cn/", "https://localhost-shop.cn/"]
        for url in real {
            #expect(PublishingAddress.placeholderReason(url) == nil, "\(url)")
        }
        #expect(PublishingAddress.placeholderReason("http://[::1]:8080/")?.contains("`::1` is an IP address") == true)
    }

    @Test func aBuildWarnsAtTheLineOfBaseURLWithTheWayOut() throws {
        let fixture = try site()
        let outcome = BuildCommand.run(fixture.options, output: fixture.output, strict: false)
        #expect(outcome.exitCode == 0)
        #expect(outcome.stderr == Self.warning + "\n"
            + "content/site.yaml:2:11: note: set `base_url` to the address the site is published at, or pass it to this build with --base-url https://…\n")
        #expect(outcome.stdout.contains(" ms, 1 warning; search "))  // the summary ends with what became of the search index
    }

    @Test func checkWarnsTooAndStrictMakesItAnError() throws {
        let fixture = try site()
        let check = BuildCommand.run(fixture.options, output: nil, strict: false)
        #expect(check.exitCode == 0 && check.stderr.hasPrefix(Self.warning))
        let strict = BuildCommand.run(fixture.options, output: fixture.output, strict: true)
        #expect(strict.exitCode == 1)
        #expect(strict.stderr.hasPrefix(Self.warning.replacingOccurrences(of: ": warning: ", with: ": error: ")))
        #expect(strict.stderr.hasSuffix("posguide: build failed: 1 error; the previous output was left untouched\n"))
        #expect(!FileManager.default.fileExists(atPath: fixture.output.path))
    }

    @Test func aRealBaseURLFlagReplacesThePlaceholderWithoutAWord() throws {
        let fixture = try site()
        var options = fixture.options
        options.baseURL = "https://pos.deployment-site.cn/"
        let outcome = BuildCommand.run(options, output: fixture.output, strict: true)
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.isEmpty)
        let sitemap = try String(contentsOf: fixture.output.appendingPathComponent("sitemap.xml"), encoding: .utf8)
        #expect(sitemap.contains("<loc>https://pos.deployment-site.cn/articles/a/</loc>"))
    }

    @Test func aPlaceholderFlagIsNamedAsTheFlag() throws {
        let fixture = try site(baseURL: "https://pos.deployment-site.cn/")
        var options = fixture.options
        options.baseURL = "https://staging.test/"
        let flagged = "--base-url https://staging.test/ is not a real address (names under `.test` are reserved for testing): "
            + "canonical links, the sitemap, the feed and the QR codes in printed guides would point nowhere\nnote: pass the address the site is published at\n"
        let outcome = BuildCommand.run(options, output: fixture.output, strict: false)
        #expect(outcome.exitCode == 0)
        #expect(outcome.stderr == "posguide: warning: " + flagged)
        let strict = BuildCommand.run(options, output: fixture.output, strict: true)
        #expect(strict.exitCode == 1)
        #expect(strict.stderr == "posguide: error: " + flagged + "posguide: build failed: 1 error; the previous output was left untouched\n")
    }

    @Test func theFlagOverridesAPlaceholderInSiteYAMLSoOnlyTheFlagIsJudged() throws {
        let fixture = try site()
        var options = fixture.options
        options.baseURL = "http://localhost:1313/"
        let outcome = BuildCommand.run(options, output: nil, strict: false)
        #expect(outcome.stderr.hasPrefix("posguide: warning: --base-url http://localhost:1313/ is not a real address (`localhost` is the reader's own device)"))
        #expect(!outcome.stderr.contains("content/site.yaml"))
    }

    @Test func exportWarnsBecauseTheGuidesQRCodesOpenTheAddress() throws {
        let fixture = try SiteFixture(GuidePrintFixture.files)
        let outcome = ExportCommand.run(source: fixture.root, guides: ["checklist"], output: fixture.output, pdf: false, today: SiteFixture.today)
        #expect(outcome.exitCode == 0)
        #expect(outcome.stderr.contains("content/site.yaml:2:11: warning: `base_url` https://posguide.example/ is not a real address"))
    }

    @Test func localhostWrittenInSiteYAMLIsReportedOnceThoughTheGuidesUseIt() throws {
        var files = GuidePrintFixture.files
        files["content/site.yaml"] = "title: 指南\nbase_url: http://localhost/\n"
        let fixture = try SiteFixture(files)
        let outcome = BuildCommand.run(fixture.options, output: nil, strict: false)
        #expect(outcome.stderr.split(separator: "\n").filter { $0.contains(": warning: ") }
            == ["content/site.yaml:2:11: warning: `base_url` http://localhost/ is not a real address (`localhost` is the reader's own device): "
                + "canonical links, the sitemap, the feed and the QR codes in printed guides would point nowhere"])
    }

    @Test func thePreviewAndLibraryBuildsSayNothing() throws {
        let fixture = try site()
        #expect(fixture.build().diagnostics.isEmpty)
        let preview = PreviewSite(options: fixture.options)
        #expect(preview.rebuild(.all).diagnostics.isEmpty)
    }

    @Test func aSiteThatSetsNoAddressIsNotWarned() throws {
        let fixture = try SiteFixture(["content/articles/a.md": page("甲")])
        #expect(BuildCommand.run(fixture.options, output: nil, strict: true).exitCode == 0)
    }
}
