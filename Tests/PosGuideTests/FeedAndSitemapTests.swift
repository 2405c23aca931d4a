import Foundation
import Testing
@testable import PosGuide

/// sitemap.xml dates every page by its content; feed.xml has every element Atom requires.
@Suite struct FeedAndSitemapTests {
    static func fixture() throws -> SiteFixture {
        try SiteFixture([
            "content/site.yaml": "title: 测试站点\nbase_url: https://posguide.example/\n",
            "content/index.md": "首页。\n",
            "content/articles/index.md": page("文章", "全部文章。", extra: "date: 2026-10-01\n"),
            "content/articles/a.md": page("甲", extra: "date: 2026-11-20\nupdated: 2026-11-23\n"),
            "content/articles/b.md": page("乙", extra: "date: 2026-11-21\n"),
            "content/notes/c.md": page("丙", extra: "date: 2026-11-25\n"),
            "content/about.md": page("关于"),
            "content/data/sources.yaml": sourcesYAML,
            "content/providers/p.yaml": provider(name: "甲支付", checked: "2026-11-01"),
            "content/providers/q.yaml": provider(name: "乙支付", checked: "2026-11-05"),
            "content/guides/g.yaml": "title: 手册\ndate: 2026-11-24\nchapters:\n  - articles/a.md\n",
        ])
    }

    /// loc -> lastmod ("" when the entry has none).
    static func sitemap(_ result: MemoryBuild) throws -> [String: String] {
        let entry = try Regex(#"<url><loc>https://posguide\.example/([^<]*)</loc>(?:<lastmod>([^<]*)</lastmod>)?</url>"#)
        let pairs = result.text("sitemap.xml").matches(of: entry).map { match in
            ("/" + String(match[1].substring ?? ""), String(match[2].substring ?? ""))
        }
        return Dictionary(pairs) { first, _ in first }
    }

    /// The first group of `pattern` in `text`.
    static func first(_ pattern: String, in text: String) throws -> String? {
        try text.firstMatch(of: Regex(pattern)).flatMap { $0[1].substring.map(String.init) }
    }

    @Test func sitemapDatesEachPageByItsOwnDateAndEachListByTheNewestPageItLists() throws {
        let result = try Self.fixture().build()
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        #expect(try Self.sitemap(result) == [
            "/": "2026-11-25",  // the home page lists every section's pages
            "/articles/": "2026-11-23", "/articles/a/": "2026-11-23", "/articles/b/": "2026-11-21",
            "/notes/": "2026-11-25", "/notes/c/": "2026-11-25",
            "/about/": "",  // no date written: no date made up
            "/providers/": "2026-11-05", "/providers/p/": "2026-11-01", "/providers/q/": "2026-11-05",
            "/guides/": "2026-11-24", "/guides/g/": "2026-11-24",
        ])
    }

    @Test func aListWhoseOwnTextIsNewerThanItsPagesTakesItsOwnDate() throws {
        let site = try Self.fixture()
        try site.write("content/articles/index.md", page("文章", "全部文章。", extra: "date: 2026-11-26\n"))
        #expect(try Self.sitemap(site.build())["/articles/"] == "2026-11-26")
    }

    @Test func feedHasEveryElementAtomRequiresNewestFirst() throws {
        let feed = try Self.fixture().build().text("feed.xml")
        #expect(feed.hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-CN\">"))
        let head = feed.components(separatedBy: "<entry>")[0]
        for element in ["<title>测试站点</title>", "<id>https://posguide.example/</id>", "<updated>2026-11-25T00:00:00+08:00</updated>",
                        "<link rel=\"self\" href=\"https://posguide.example/feed.xml\"/>", "<author><name>测试站点</name></author>"] {
            #expect(head.contains(element), "feed lacks \(element)")
        }
        let entries = feed.components(separatedBy: "<entry>").dropFirst()
        #expect(try entries.map { try Self.first("<title>([^<]*)</title>", in: $0) } == ["丙", "甲", "乙"])
        for entry in entries {
            let url = try #require(try Self.first("<id>([^<]+)</id>", in: entry))
            #expect(entry.contains("<link href=\"\(url)\"/>"))
            #expect(try Self.first(#"<updated>(\d{4}-\d\d-\d\dT00:00:00\+08:00)</updated>"#, in: entry) != nil)
            #expect(entry.contains("</entry>"))
        }
        #expect(entries.first { $0.contains("<title>甲</title>") }?.contains("<updated>2026-11-23T00:00:00+08:00</updated>") == true)
    }

    @Test func aPrintDocumentHasTheSharingTagsAndNoPDFLinkWhenTheBuildMadeNoPDF() throws {
        let html = try Self.fixture().build().text("guides/g/index.html")
        for tag in ["<meta name=\"description\" content=\"手册\">", "<meta property=\"og:type\" content=\"article\">",
                    "<meta property=\"og:title\" content=\"手册\">", "<meta property=\"og:url\" content=\"https://posguide.example/guides/g/\">",
                    "<meta property=\"og:site_name\" content=\"测试站点\">", "<meta property=\"og:locale\" content=\"zh_CN\">"] {
            #expect(html.contains(tag), "no \(tag)")
        }
        #expect(!html.contains("下载 PDF"))
        #expect(!html.contains("href=\"\""))
    }
}
