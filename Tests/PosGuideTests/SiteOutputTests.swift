import Foundation
import Testing
@testable import PosGuide

/// The whole fixture site: page structure, emitted files, and no broken internal link anywhere.
@Suite struct SiteOutputTests {
    static func fixture() throws -> SiteFixture {
        try SiteFixture([
            "content/site.yaml": """
            title: 测试站点
            description: 测试用的站点。
            base_url: https://posguide.example/
            allowed_domains: [gov.cn, ndrc.gov.cn]
            nav:
              - title: 首页
                url: /
              - title: 文章
                url: /articles/
              - title: 支付机构
                url: /providers/
            """,
            "content/index.md": "首页介绍，见[一清](/articles/yiqing/)。\n",
            "content/articles/index.md": page("文章", "全部文章。"),
            "content/articles/yiqing.md": page("什么是一清", "一清的意思。[条例](source:state-council-768)\n\n## 第一节\n\n见[费率](/articles/fees/#费率构成)和[机构](/providers/demo/)。\n\n![图](/assets/img/a.svg \"说明\")\n", extra: "date: 2026-11-20\nweight: 1\n"),
            "content/articles/fees.md": page("费率", "## 费率构成\n\n[通知](source:ndrc-2016-557)。[回到一清](yiqing.md)\n", extra: "date: 2026-11-21\n"),
            "content/checklists/self.md": page("自查表", "```checklist\n- 一\n- 二\n```\n"),
            "content/about.md": page("关于本站", "中立。"),
            "content/assets/img/a.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
            "content/data/sources.yaml": sourcesYAML,
            "content/providers/demo.yaml": provider(),
            "content/providers/stale.yaml": provider(name: "旧记录", checked: "2025-01-01"),
            "content/guides/handbook.yaml": "title: 手册\ndate: 2026-11-24\nchapters:\n  - articles/yiqing.md\n",
        ])
    }

    static let htmlPages = [
        "index.html", "articles/index.html", "articles/yiqing/index.html", "articles/fees/index.html",
        "checklists/index.html", "checklists/self/index.html", "about/index.html",
        "providers/index.html", "providers/demo/index.html", "providers/stale/index.html", "404.html",
    ]

    @Test func buildsEveryPageAndFile() throws {
        let result = try Self.fixture().build()
        #expect(!result.diagnostics.hasErrors)
        for path in Self.htmlPages + ["sitemap.xml", "feed.xml", "robots.txt", "assets/site.css", "assets/img/a.svg"] {
            #expect(result.file(path) != nil, "\(path) missing")
        }
    }

    @Test func publishesTheThemeFaviconAtTheRootWhereBrowsersAskForIt() throws {
        let fixture = try Self.fixture()
        let result = fixture.build()
        let root = try #require(result.file("favicon.ico")), asset = try #require(result.file("assets/favicon.ico"))
        // Both are copies of the theme's file, read from the fixture folder while it exists.
        let (rootBytes, assetBytes) = try withExtendedLifetime(fixture) { (try root.data(), try asset.data()) }
        #expect(rootBytes == assetBytes && rootBytes.starts(with: [0, 0, 1, 0]))
        #expect(result.text("index.html").contains("<link rel=\"icon\" href=\"/favicon.ico\" sizes=\"32x32\">"))
    }

    @Test func everyPageHasTheRequiredHead() throws {
        let result = try Self.fixture().build()
        for path in Self.htmlPages {
            let html = result.text(path)
            #expect(html.hasPrefix("<!doctype html>\n<html lang=\"zh-CN\">"), "\(path)")
            #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"), "\(path)")
            #expect(html.components(separatedBy: "<h1").count == 2, "\(path) must have exactly one <h1>")
            #expect(html.contains("<meta name=\"description\" content=\""), "\(path)")
            #expect(html.contains("<meta property=\"og:title\""), "\(path)")
            let canonical = path == "index.html" ? "https://posguide.example/" : "https://posguide.example/" + path.replacingOccurrences(of: "index.html", with: "")
            #expect(html.contains("<link rel=\"canonical\" href=\"\(canonical)\">"), "\(path)")
        }
    }

    @Test func makesNoThirdPartyRequests() throws {
        let result = try Self.fixture().build()
        for path in Self.htmlPages {
            let html = result.text(path)
            for attribute in ["src=\"http", "src=\"//", "<link rel=\"stylesheet\" href=\"http", "<script src=\"http"] {
                #expect(!html.contains(attribute), "\(path) has \(attribute)")
            }
        }
    }

    @Test func stylesheetStaysSmall() throws {
        let site = try Self.fixture()  // kept alive: assets are read from its folder
        let result = site.build()
        #expect(try result.file("assets/site.css")!.data().count < 20_000)
        #expect(result.text("articles/yiqing/index.html").contains("<link rel=\"stylesheet\" href=\"/assets/site.css?v="))
        #expect(result.text("assets/site.css").contains("@media print"))
    }

    @Test func emitsSitemapFeedRobotsAnd404() throws {
        let result = try Self.fixture().build()
        let sitemap = result.text("sitemap.xml")
        for path in Self.htmlPages where path != "404.html" {
            let url = "https://posguide.example/" + path.replacingOccurrences(of: "index.html", with: "")
            #expect(sitemap.contains("<loc>\(url)</loc>"), "\(url) not in sitemap")
        }
        let feed = result.text("feed.xml")
        #expect(feed.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\""))
        #expect(feed.components(separatedBy: "<entry>").count == 3)
        #expect(feed.range(of: "费率")!.lowerBound < feed.range(of: "什么是一清")!.lowerBound, "newest first")
        #expect(result.text("robots.txt").contains("Sitemap: https://posguide.example/sitemap.xml"))
        #expect(result.text("404.html").contains("页面不存在"))
    }

    @Test func sectionWithoutIntroGetsGeneratedList() throws {
        let html = try Self.fixture().build().text("checklists/index.html")
        #expect(html.contains("<h1>checklists</h1>"))
        #expect(html.contains("<a href=\"/checklists/self/\">自查表</a>"))
    }

    @Test func sectionListsFollowWeightThenDate() throws {
        let html = try Self.fixture().build().text("articles/index.html")
        #expect(html.range(of: "什么是一清")!.lowerBound < html.range(of: "/articles/fees/")!.lowerBound)
    }

    @Test func providerPageShowsStatusCheckedDateAndStaleNotice() throws {
        let result = try Self.fixture().build()
        let fresh = result.text("providers/demo/index.html")
        #expect(fresh.contains("记录核对于 <time datetime=\"2026-11-01\">2026年11月1日</time>"))
        #expect(fresh.contains("当前状态未核实"))
        #expect(fresh.contains("本站未找到可靠来源，不予列出"))
        #expect(!fresh.contains("这份记录可能已过时"))
        #expect(!fresh.contains("官方网站"), "no website row without a website")
        #expect(!fresh.contains("nil"))
        let stale = result.text("providers/stale/index.html")
        #expect(stale.contains("这份记录可能已过时"))
        #expect(result.diagnostics.map(\.description).contains("content/providers/stale.yaml:9:10: warning: record last checked 2025-01-01 (695 days ago, over freshness_days 180)"))
        #expect(result.text("providers/index.html").contains("（待复核）"))
    }

    @Test func navMarksTheCurrentSection() throws {
        let html = try Self.fixture().build().text("articles/fees/index.html")
        #expect(html.contains("<a href=\"/articles/\" aria-current=\"page\">文章</a>"))
        #expect(html.contains("<a href=\"/\">首页</a>"))
    }

    @Test func findsNoBrokenInternalLinkInTheFixture() throws {
        let result = try Self.fixture().build()
        #expect(BuiltSiteLinkChecker(result).brokenLinks() == [])
    }

    @Test func findsNoBrokenInternalLinkInTheRealSite() throws {
        let root = SiteFixture.packageRoot
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("content").path) else { return }
        let result = SiteBuilder.buildInMemory(BuildOptions(source: root, today: SiteFixture.today))
        #expect(result.diagnostics.errors.map(\.description) == [])
        #expect(BuiltSiteLinkChecker(result).brokenLinks() == [])
    }
}

/// Reads the generated HTML the way a crawler would: every `href`/`src` to this site must exist,
/// and every `#fragment` must be an id on the target page.
struct BuiltSiteLinkChecker {
    let files: [String: String]

    init(_ result: MemoryBuild) {
        var files: [String: String] = [:]
        for file in result.files where file.path.hasSuffix(".html") {
            files[file.path] = (try? file.data()).map { String(decoding: $0, as: UTF8.self) } ?? ""
        }
        for file in result.files where !file.path.hasSuffix(".html") { files[file.path] = files[file.path] ?? "" }
        self.files = files
    }

    func brokenLinks() -> [String] {
        var broken: [String] = []
        for (path, html) in files where path.hasSuffix(".html") {
            for url in Self.attributes(in: html) where url.hasPrefix("/") && !url.hasPrefix("//") {
                let withoutQuery = url.split(separator: "?", maxSplits: 1).first.map(String.init) ?? url
                let parts = withoutQuery.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let target = String(parts[0].percentDecoded.dropFirst())
                let file = target.isEmpty || target.hasSuffix("/") ? target + "index.html" : target
                guard let targetHTML = files[file] else {
                    broken.append("\(path): \(url)")
                    continue
                }
                if parts.count == 2, !parts[1].isEmpty, !targetHTML.contains("id=\"\(parts[1].percentDecoded)\"") {
                    broken.append("\(path): \(url) (no such id)")
                }
            }
            for fragment in Self.attributes(in: html).filter({ $0.hasPrefix("#") }) where fragment.count > 1 {
                if !html.contains("id=\"\(fragment.dropFirst().description.percentDecoded)\"") {
                    broken.append("\(path): \(fragment) (no such id)")
                }
            }
        }
        return broken.sorted()
    }

    static func attributes(in html: String) -> [String] {
        var values: [String] = []
        for attribute in ["href=\"", "src=\""] {
            var rest = html[...]
            while let start = rest.range(of: attribute) {
                let tail = rest[start.upperBound...]
                guard let end = tail.firstIndex(of: "\"") else { break }
                values.append(String(tail[..<end]).replacingOccurrences(of: "&amp;", with: "&"))
                rest = tail[end...]
            }
        }
        return values
    }
}
