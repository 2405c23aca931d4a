import Foundation
import Testing
@testable import PosGuide

/// The published site itself: enough articles, long enough, sourced, linked only where allowed.
@Suite struct RealContentTests {
    static let root = SiteFixture.packageRoot
    static let build = SiteBuilder.buildInMemory(BuildOptions(source: root, today: SiteFixture.today))
    static let loaded = ContentLoader(root: root).load()

    var content: SiteContent { Self.loaded.0! }
    var articles: [PageSource] {
        content.pages.filter { if case .article(section: "articles") = $0.kind { return true } else { return false } }
    }

    func rendered(_ page: PageSource) -> RenderedMarkdown {
        let (plan, _) = SitePlan.resolve(content, themeAssets: [], baseURL: nil, today: SiteFixture.today)
        let renderer = MarkdownRenderer(environment: MarkdownStage.environment(for: plan),
                                        source: SourceText(path: page.file.path, text: page.file.text), pagePath: page.url)
        return renderer.render(page.body, firstLine: page.bodyFirstLine)
    }

    @Test func buildsWithoutErrorsOrWarnings() {
        #expect(Self.build.diagnostics.map(\.description) == [])
    }

    /// site.yaml keeps a placeholder address until the site has its own; a deployment passes the real one.
    @Test func passesAStrictCheckGivenARealAddress() {
        let options = BuildOptions(source: Self.root, baseURL: "https://pos-guide-deployment.cn/", today: SiteFixture.today)
        let outcome = BuildCommand.run(options, output: nil, strict: true)
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.isEmpty)
    }

    @Test func hasAtLeastTwelveLongArticles() {
        #expect(articles.count >= 12)
        // How long, and how sourced, is the site's own rule (content/site.yaml), which `check` enforces for editors too.
        let rules = content.config.rules["articles"]
        #expect((rules?.minChineseCharacters ?? 0) >= 1200)
        #expect((rules?.minSources ?? 0) >= 2)
        let (plan, _) = SitePlan.resolve(content, themeAssets: [], baseURL: nil, today: SiteFixture.today)
        let pages = MarkdownStage.renderPages(content.pages, environment: MarkdownStage.environment(for: plan))
        #expect(SectionRules.check(pages, rules: content.config.rules, sections: plan.sections.map(\.name)).map(\.description) == [])
    }

    @Test func everyArticleCitesOnlyResolvableSources() {
        for article in articles {
            let markdown = rendered(article)
            #expect(markdown.citations.allSatisfy { content.sources.entries[$0] != nil })
            #expect(!markdown.diagnostics.contains { $0.id == "citation.unknown-source" })
        }
    }

    @Test func everyArticlePageEndsWithItsSourceList() {
        for article in articles {
            let html = Self.build.text(TemplateStage.outputPath(for: article.url))
            #expect(html.contains("<section id=\"sources\" class=\"sources\">"), "\(article.url)")
        }
    }

    @Test func externalLinksAreOnlyToAllowedDomains() {
        #expect(!content.config.allowedDomains.isEmpty)
        // The site's own address (canonical URLs, printed guides' links to live pages) is not external.
        let allowed = content.config.allowedDomains + [LinkResolver.host(of: content.config.baseURL)]
        for file in Self.build.files where file.path.hasSuffix(".html") {
            let html = Self.build.text(file.path)
            for url in BuiltSiteLinkChecker.attributes(in: html) where url.hasPrefix("http") {
                let host = LinkResolver.host(of: url)
                #expect(MarkdownEnvironment.isAllowed(host: host, by: allowed), "\(file.path) links to \(url)")
            }
        }
        for id in content.sources.ids {
            if let url = content.sources.entries[id]?.url {
                #expect(MarkdownEnvironment.isAllowed(host: LinkResolver.host(of: url), by: allowed), "source \(id): \(url)")
            }
        }
    }

    @Test func everyProviderRecordIsDatedAndSourced() {
        let providers = (content.records["providers"] ?? []).compactMap { $0 as? ProviderRecord }
        #expect(providers.count >= 12)
        for record in providers {
            #expect(!record.sources.isEmpty, "\(record.id)")
            let html = Self.build.text("providers/\(record.id)/index.html")
            #expect(html.contains("记录核对于 <time datetime=\"\(record.checked)\">"), "\(record.id)")
        }
    }

    /// /glossary/ and the handbook's appendix order a topic's terms by their pinyin.
    @Test func everyGlossaryTermHasItsPinyin() {
        let terms = (content.records["glossary"] ?? []).compactMap { $0 as? GlossaryKind.Record }
        #expect(terms.count >= 30)
        for term in terms {
            #expect(term.pinyin != nil, "\(term.id)")
        }
    }

    /// Search engines are told the day each page last changed.
    @Test func everyPageInTheSitemapHasALastModifiedDay() {
        let urls = Self.build.text("sitemap.xml").components(separatedBy: "<url>").dropFirst()
        #expect(urls.count >= 60)
        for url in urls {
            #expect(url.contains("</loc><lastmod>"), "\(url)")
        }
    }

    /// The summary line counts each kind's records: an editor sees the glossary terms went in too.
    @Test func theSummaryCountsEveryKindOfRecord() {
        let providers = content.records["providers"]?.count ?? 0
        let terms = content.records["glossary"]?.count ?? 0
        #expect(providers >= 12 && terms >= 20)
        #expect(Self.build.statistics.counts.hasSuffix("pages, \(providers) providers, \(terms) glossary terms"))
    }

    /// Search needs JavaScript; without it the page offers every list there is to browse instead.
    @Test func theSearchPageWithoutScriptOffersEveryListToBrowse() throws {
        let page = Self.build.text("search/index.html")
        let start = try #require(page.range(of: "<p id=\"search-nojs\">"))
        let paragraph = page[start.upperBound...].prefix { $0 != "\n" }
        for list in ["/articles/", "/checklists/", "/tools/", "/providers/", "/glossary/"] {
            #expect(paragraph.contains("<a href=\"\(list)\">"), "\(paragraph)")
        }
        #expect(paragraph.hasSuffix("名词解释</a>。</p>"), "\(paragraph)")
    }

    @Test func guideChaptersExist() {
        #expect(Set(content.guides.map(\.id)).isSuperset(of: ["handbook", "checklist", "fees"]))
        let pages = Set(content.pages.map(\.file.path))
        for guide in content.guides {
            for chapter in guide.chapters + guide.appendices {
                #expect(pages.contains("content/" + chapter.value), "\(guide.id): \(chapter.value)")
            }
        }
    }

    @Test func picturesHaveAltTextAndCaptions() {
        for article in articles {
            let html = rendered(article).html
            for figure in html.components(separatedBy: "<figure>").dropFirst() {
                #expect(!figure.contains("alt=\"\""), "\(article.file.path)")
                #expect(figure.contains("<figcaption>"), "\(article.file.path)")
            }
        }
    }
}
