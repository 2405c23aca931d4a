import Foundation
import Testing
@testable import PosGuide

/// Site search: the build indexes the staging folder with Pagefind before the swap, and
/// without Pagefind still succeeds and says search was skipped. Tests that need the real
/// Pagefind (scripts/ensure-pagefind.sh puts it in the repository's .venv) are skipped without it.
@Suite struct SearchIndexTests {
    /// The repository's own Pagefind, when installed.
    static let pagefind = SearchIndexer.locate(source: SiteFixture.packageRoot, environment: [:])

    static func site() throws -> SiteFixture {
        try SiteFixture([
            "content/data/sources.yaml": sourcesYAML,
            "content/index.md": "首页。\n",
            "content/articles/deposit.md": page("交押金要当心", "代理商要求先交押金才装机，这是常见的套路。"),
            "content/articles/jump.md": page("什么是跳码", "跳码就是交易上送的商户类别码和实际经营不符。"),
            "content/providers/demo.yaml": provider(name: "示例支付", extra: "aliases: [示列支付, 示例]"),
        ])
    }

    /// A stand-in for Pagefind: records which folder it was asked to index and what was in it.
    static func fakeIndexer(in site: SiteFixture, script: String) throws -> [String: String] {
        try site.write("bin/pagefind_extended", "#!/bin/sh\n" + script)
        let path = site.root.appendingPathComponent("bin/pagefind_extended").path
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return ["PAGEFIND": path]
    }

    @Test func withoutPagefindTheBuildSucceedsAndItsSummarySaysSearchWasSkipped() throws {
        let site = try Self.site()
        let outcome = BuildCommand.run(site.options, output: site.output, strict: false, environment: ["PATH": "/nonexistent"])
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("built "))
        #expect(outcome.stdout.hasSuffix("; search skipped: Pagefind is not installed (scripts/ensure-pagefind.sh installs it into .venv)\n"))
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("search/index.html").path))
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("pagefind").path))
    }

    @Test func theIndexIsMadeInTheStagingFolderWithEveryPageBeforeTheSwap() throws {
        let site = try Self.site()
        // Arguments: --site SITE --output-path BUNDLE
        let environment = try Self.fakeIndexer(in: site, script: """
            mkdir -p "$4" && echo "$2" > "$4/site" && ls "$2/articles" > "$4/seen" && touch "$4/pagefind.js" "$4/pagefind-ui.js"
            echo "  Indexed 3 pages"
            """)
        let outcome = BuildCommand.run(site.options, output: site.output, strict: false, environment: environment)
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("; search index of 3 pages in "))
        let bundle = site.output.appendingPathComponent("pagefind")
        let indexed = try String(contentsOf: bundle.appendingPathComponent("site"), encoding: .utf8)
        #expect(indexed.contains(".public.posguide-staging-"), "Pagefind ran on \(indexed), not the staging folder")
        #expect(try String(contentsOf: bundle.appendingPathComponent("seen"), encoding: .utf8) == "deposit\nindex.html\njump\n")
        #expect(FileManager.default.fileExists(atPath: bundle.appendingPathComponent("pagefind.js").path))
        // Pagefind's ready-made UI is not published: the search page has a script of its own.
        #expect(!FileManager.default.fileExists(atPath: bundle.appendingPathComponent("pagefind-ui.js").path))
    }

    @Test func aFailingIndexFailsTheBuildAndLeavesThePreviousOutputAsItWas() throws {
        let site = try Self.site()
        #expect(BuildCommand.run(site.options, output: site.output, strict: false, environment: ["PATH": "/nonexistent"]).exitCode == 0)
        let before = try FileManager.default.contentsOfDirectory(atPath: site.output.path).sorted()
        let home = try Data(contentsOf: site.output.appendingPathComponent("articles/deposit/index.html"))
        try site.write("content/articles/deposit.md", page("交押金要当心", "改过的正文。"))

        let environment = try Self.fakeIndexer(in: site, script: "echo 'Error: the index is broken' >&2\nexit 3\n")
        let outcome = BuildCommand.run(site.options, output: site.output, strict: false, environment: environment)
        #expect(outcome.exitCode == 1)
        #expect(outcome.stderr.hasPrefix("posguide: error: Pagefind failed (exit status 3): Error: the index is broken; the previous output was left untouched\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.output.path).sorted() == before)
        #expect(try Data(contentsOf: site.output.appendingPathComponent("articles/deposit/index.html")) == home)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.contains("posguide-staging") }
        #expect(leftovers.isEmpty)
    }

    @Test func pagesMarkWhatIsIndexedAndProvidersCarryTheirAliasesHidden() throws {
        let site = try Self.site()
        let result = site.build()
        let article = result.text("articles/deposit/index.html")
        #expect(article.contains("<article class=\"article\" data-pagefind-meta=\"section:articles\">"))  // the section's title: no site.yaml here
        // The title and the body are indexed; breadcrumb, date line, table of contents and sources are not.
        #expect(article.contains("<h1 data-pagefind-body data-pagefind-weight=\"10\">交押金要当心</h1>"))
        #expect(article.contains("<div class=\"article-body\" data-pagefind-body>"))
        let provider = result.text("providers/demo/index.html")
        #expect(provider.contains("data-pagefind-body data-pagefind-meta=\"section:支付机构\""))
        #expect(provider.contains("<p hidden data-pagefind-weight=\"8\">示列支付 示例 </p>"))
        // Lists, the home page and the search page itself are not indexed.
        for path in ["index.html", "articles/index.html", "providers/index.html", "search/index.html", "404.html"] {
            #expect(!result.text(path).contains("data-pagefind-body"), "\(path)")
        }
        #expect(result.text("search/index.html").contains("<script src=\"/assets/search.js\" data-root=\"/\" defer></script>"))
        #expect(!article.contains("search.js"))
        #expect(article.contains("<form class=\"site-search\" role=\"search\" action=\"/search/\" method=\"get\">"))
    }

    @Test func providerAliasesMustBeAListOfStrings() throws {
        let site = try SiteFixture([
            "content/data/sources.yaml": sourcesYAML,
            "content/providers/demo.yaml": provider(extra: "aliases: {short: 示例}"),
        ])
        let diagnostics = site.diagnostics()
        #expect(diagnostics.contains { $0.hasPrefix("content/providers/demo.yaml:11:") && $0.hasSuffix("error: `aliases` must be a list") }, "\(diagnostics)")
    }

    @Test(.enabled(if: pagefind != nil, "Pagefind is not installed: scripts/ensure-pagefind.sh"))
    func realPagefindIndexesArticlesAndProvidersOnly() throws {
        let site = try Self.site()
        let outcome = BuildCommand.run(site.options, output: site.output, strict: false, environment: ["PAGEFIND": Self.pagefind!.binary.path])
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        // Two articles and one provider: no lists, home, search page or 404.
        #expect(outcome.stdout.contains("; search index of 3 pages in "), "\(outcome.stdout)")
        let bundle = site.output.appendingPathComponent("pagefind")
        #expect(FileManager.default.fileExists(atPath: bundle.appendingPathComponent("pagefind.js").path))
        #expect(FileManager.default.fileExists(atPath: bundle.appendingPathComponent("pagefind-entry.json").path))
    }

    @Test(.enabled(if: pagefind != nil, "Pagefind is not installed: scripts/ensure-pagefind.sh"))
    func thePreviewIndexFollowsTheBuildInMemory() throws {
        let site = try Self.site()
        let preview = PreviewSite(options: site.options)
        #expect(preview.rebuild(.all).succeeded)
        let search = PreviewSearchIndex(indexer: Self.pagefind!)
        let first = try search.index(preview.snapshot.files)
        #expect(first.report.pages == 3)
        #expect(first.files["pagefind/pagefind.js"] != nil)

        try site.remove("content/articles/jump.md")
        #expect(preview.rebuild(SourceChanges(paths: ["content/articles/jump.md"], structural: true)).succeeded)
        let second = try search.index(preview.snapshot.files)
        #expect(second.report.pages == 2)
    }

    @Test func servingWithoutPagefindSaysOnceThatSearchIsSkipped() throws {
        let site = try ServedSite(environment: ["PATH": "/usr/bin:/bin"])
        #expect(site.startup.components(separatedBy: SearchIndexer.skippedNote).count == 2, "\(site.startup)")
        #expect(try site.client.request("/pagefind/pagefind.js").status == 404)
        #expect(site.interrupt() == 0)
    }

    @Test(.enabled(if: pagefind != nil, "Pagefind is not installed: scripts/ensure-pagefind.sh"))
    func servingKeepsTheIndexCurrentAfterEachSave() throws {
        let site = try ServedSite(environment: ["PAGEFIND": Self.pagefind!.binary.path])
        #expect(!site.startup.contains("search skipped"))
        #expect(try site.client.request("/pagefind/pagefind.js").status == 200)
        let before = try site.client.request("/pagefind/pagefind-entry.json").text
        let events = try HTTPTestClient.EventStream(client: site.client)
        #expect(events.next(timeout: 5)?.event == "hello")
        try site.fixture.write("content/articles/blueberry.md", IncrementalBuildTests.newArticle(title: "预览搜索") + "\n蓝莓芝士蛋糕。\n")
        let reload = events.next(timeout: 20)
        #expect(reload?.event == "reload")
        // The index changed with the pages, and the reload says so: an open search page reloads too.
        #expect(reload?.data.contains("/pagefind/pagefind-entry.json") == true, "\(reload?.data ?? "")")
        let after = try site.client.request("/pagefind/pagefind-entry.json").text
        #expect(after != before)
        #expect(Self.pageCount(after) == Self.pageCount(before).map { $0 + 1 }, "\(before) -> \(after)")
        #expect(site.interrupt() == 0)
    }

    /// `page_count` of a `pagefind-entry.json`.
    static func pageCount(_ entry: String) -> Int? {
        guard let range = entry.range(of: #""page_count":\d+"#, options: .regularExpression) else { return nil }
        return Int(entry[range].split(separator: ":").last!)
    }
}
