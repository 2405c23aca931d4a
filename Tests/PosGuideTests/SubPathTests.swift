import Foundation
import Testing
@testable import PosGuide

/// A site published under a sub-path (`https://org.example/guide/`: a GitHub Pages project
/// site, a folder on a shared host) links within it, and a root site is unchanged.
@Suite struct SubPathTests {
    static let subPathURL = "https://org.example/guide/"

    @Test func theRealSiteBuiltUnderASubPathHasNoBrokenLinks() throws {
        let result = SiteBuilder.buildInMemory(BuildOptions(source: SiteFixture.packageRoot, baseURL: Self.subPathURL, today: SiteFixture.today))
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.map(\.description))")
        let crawl = try SubPathLinkCrawl(result, origin: "https://org.example", basePath: "/guide/")
        let (checked, problems) = crawl.crawl()
        #expect(checked > 1000, "the crawl followed \(checked) links")
        #expect(problems.map(\.description) == [])
    }

    @Test func theCrawlFindsALinkThatLeavesTheBasePath() throws {
        let site = try SiteFixture(["content/index.md": page("首页")], templates: .repositoryWith(["footer": "<a href=\"/feed.xml\">订阅</a>"]))
        var options = site.options
        options.baseURL = Self.subPathURL
        let crawl = try SubPathLinkCrawl(SiteBuilder.buildInMemory(options), origin: "https://org.example", basePath: "/guide/")
        #expect(crawl.crawl().problems.contains { $0.file == "index.html" && $0.link == "/feed.xml" && $0.reason.contains("leaves the base path") })
        #expect(crawl.problem(with: "/guide/nowhere/", in: "index.html") == "no file nowhere/index.html in the output")
        #expect(crawl.problem(with: "feed.xml", in: "index.html") == nil)
    }

    static let site: [String: String] = [
        "content/site.yaml": "title: 指南\nbase_url: https://org.example/guide/\nnav:\n  - title: 文章\n    url: /articles/\n",
        "content/index.md": page("首页", "见 [一清](/articles/yiqing/#要点)、[费率](articles/fees.md) 和 [相对](articles/yiqing/)。\n\n![图](/assets/pic.svg)\n"),
        "content/articles/yiqing.md": page("一清", "## 要点\n\n回到 [费率](../fees/)，或 [首页](/)。\n\n```fee-calculator\namount=50000 rate=0.6\n```\n"),
        "content/articles/fees.md": page("费率"),
        "content/assets/pic.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    ]

    @Test func siteAbsoluteLinksWrittenByAuthorsGetTheBasePath() throws {
        let result = try SiteFixture(Self.site).build()
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.map(\.description))")
        let home = result.text("index.html")
        #expect(home.contains("<a href=\"/guide/articles/yiqing/#%E8%A6%81%E7%82%B9\">一清</a>"))
        #expect(home.contains("<a href=\"/guide/articles/fees/\">费率</a>"), "a link to a source file becomes its page's href")
        #expect(home.contains("<a href=\"articles/yiqing/\">相对</a>"), "a relative link works under any base path as written")
        #expect(home.contains("<img src=\"/guide/assets/pic.svg\""))
        let article = result.text("articles/yiqing/index.html")
        #expect(article.contains("<a href=\"../fees/\">费率</a>"))
        #expect(article.contains("<a href=\"/guide/\">首页</a>"))
        #expect(article.contains("<script src=\"/guide/assets/tools.js\" defer></script>"), "directives link their script under the base path")
    }

    @Test func templatesLinkNavAssetsAndListsUnderTheBasePath() throws {
        let result = try SiteFixture(Self.site).build()
        let article = result.text("articles/yiqing/index.html")
        #expect(article.contains("<a class=\"site-title\" href=\"/guide/\">"))
        #expect(article.contains("<li><a href=\"/guide/articles/\" aria-current=\"page\">文章</a></li>"), "nav from site.yaml, still marked current")
        #expect(article.range(of: #"<link rel="stylesheet" href="/guide/assets/site\.css\?v=[0-9a-f]+">"#, options: .regularExpression) != nil)
        #expect(article.contains("<link rel=\"icon\" href=\"/guide/favicon.ico\""))
        #expect(article.contains("<link rel=\"canonical\" href=\"https://org.example/guide/articles/yiqing/\">"))
        #expect(article.contains("<p class=\"breadcrumb\"><a href=\"/guide/articles/\">"))
        #expect(result.text("articles/index.html").contains("<a href=\"/guide/articles/fees/\">费率</a>"))
        #expect(result.text("sitemap.xml").contains("<loc>https://org.example/guide/articles/fees/</loc>"))
        #expect(result.text("feed.xml").contains("<link rel=\"self\" href=\"https://org.example/guide/feed.xml\"/>"))
    }

    @Test func theNotFoundPageLinksAbsolutelyUnderTheBasePath() throws {
        let result = try SiteFixture(Self.site).build()
        let hrefs = SubPathLinkCrawl.matches(#"(?:href|src)="([^"]*)""#, in: result.text("404.html"))
        #expect(hrefs.contains("/guide/"))
        #expect(hrefs.contains("/guide/providers/"))
        // Served for any missing path, so nothing may be relative to where it is.
        #expect(hrefs.filter { !$0.hasPrefix("/guide/") && !$0.hasPrefix("https://") && !$0.hasPrefix("#") } == [])
    }

    @Test func printedGuidesPointAtTheLiveSiteUnderTheBasePath() throws {
        var files = Self.site
        files["content/guides/card.yaml"] = "title: 一清卡\ndate: 2026-11-01\nchapters:\n  - articles/yiqing.md\n"
        let result = try SiteFixture(files).build()
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.map(\.description))")
        let print = result.text("guides/card/index.html")
        #expect(print.contains("https://org.example/guide/articles/yiqing/"), "the chapter's QR code and address")
        #expect(print.contains("https://org.example/guide/articles/fees/"), "a link leaving the document")
        #expect(!print.contains("/guide/guide/"))
        #expect(result.text("guides/index.html").contains("<a href=\"/guide/guides/card/\">"))
    }

    @Test func thePreviewServesAtTheRootWhateverTheBasePath() throws {
        let site = try SiteFixture(Self.site)
        let preview = PreviewSite(options: site.options)
        _ = preview.rebuild(.all)
        let home = preview.snapshot.files["index.html"].map { String(decoding: $0, as: UTF8.self) } ?? ""
        #expect(home.contains("<a href=\"/articles/yiqing/#%E8%A6%81%E7%82%B9\">一清</a>"))
        #expect(home.contains("<a class=\"site-title\" href=\"/\">"))
        #expect(!home.contains("\"/guide/"))
    }

    @Test func basePathsComeFromTheAddress() {
        #expect(SitePaths(baseURL: "https://posguide.cn/").basePath == "/")
        #expect(SitePaths(baseURL: "https://posguide.cn").basePath == "/")
        #expect(SitePaths(baseURL: "https://org.example/guide/").basePath == "/guide/")
        #expect(SitePaths(baseURL: "https://org.example/a/b").basePath == "/a/b/")
        let paths = SitePaths(basePath: "/guide/")
        #expect(paths.href("/articles/x/") == "/guide/articles/x/")
        #expect(paths.href("/") == "/guide/")
        #expect(paths.href("../x/") == "../x/")
        #expect(paths.href("//cdn.example/x") == "//cdn.example/x")
        #expect(SitePaths.root.href("/articles/x/") == "/articles/x/")
    }
}
