/// The machine-readable files: sitemap.xml, the Atom feed, robots.txt.
enum FeedAndSitemap {
    typealias SitemapEntry = (path: String, lastModified: PartialDate?)

    /// Every page but the 404, with the day it last changed: its own date (`updated`,
    /// else `date`; a record's `checked`; a guide's `date`). A list (the home page, a section, a
    /// kind of record, the guides) changed when the newest thing it lists or its own text did.
    static func sitemapEntries(plan: SitePlan, pages: [PageSource]) -> [SitemapEntry] {
        func changed(_ page: PageSource?) -> PartialDate? { page.flatMap { $0.metadata.updated ?? $0.metadata.date } }
        // Over the dates as they come, with no arrays in between: a section of a large site lists thousands.
        func newest(_ dates: some Sequence<PartialDate?>) -> PartialDate? {
            var newest: PartialDate?
            for case let date? in dates where date.isComplete && newest.map({ date > $0 }) ?? true { newest = date }
            return newest
        }
        let sectionDates = Dictionary(plan.sections.map { ($0.url, newest($0.articles.lazy.map(changed))) }) { first, _ in first }
        let siteDate = newest(sectionDates.values)
        var entries: [SitemapEntry] = []
        entries.reserveCapacity(pages.count + plan.sections.count)
        for page in pages {
            switch page.kind {
            case .home: entries.append((page.url, newest([changed(page), siteDate])))
            case .sectionIndex: entries.append((page.url, newest([changed(page), sectionDates[page.url] ?? nil])))
            case .recordList: continue  // listed below with its records' dates
            case .article, .standalone: entries.append((page.url, changed(page)))
            }
        }
        for section in plan.sections where section.intro == nil { entries.append((section.url, sectionDates[section.url] ?? nil)) }
        if plan.home == nil { entries.append(("/", siteDate)) }
        for list in plan.publishedRecords {
            entries.append((list.kind.listURL, newest([changed(list.intro)] + list.records.map { .some($0.checked) })))
        }
        if !plan.content.guides.isEmpty { entries.append(("/guides/", newest(plan.content.guides.map(\.date)))) }
        for guide in plan.content.guides { entries.append((PrintDocument.url(of: guide.id), guide.date)) }
        for list in plan.publishedRecords {
            for record in list.records { entries.append((list.kind.url(of: record.id), record.checked)) }
        }
        return entries
    }

    /// The entries in path order.
    static func sitemap(paths: [SitemapEntry], baseURL: String) -> OutputFile {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for entry in paths.sorted(by: { $0.path < $1.path }) {
            xml += "<url><loc>\((baseURL + entry.path.dropFirst()).hrefEscaped)</loc>"
            if let date = entry.lastModified, date.isComplete { xml += "<lastmod>\(date)</lastmod>" }
            xml += "</url>\n"
        }
        xml += "</urlset>\n"
        return OutputFile(path: "sitemap.xml", text: xml)
    }

    /// The newest `limit` dated articles, newest first.
    static func atom(articles: [(page: PageSource, summary: String)], config: SiteConfig, limit: Int = 50) -> OutputFile {
        let dated = articles.filter { $0.page.metadata.date != nil }
            .sorted { ($0.page.metadata.updated ?? $0.page.metadata.date!, $0.page.url) > ($1.page.metadata.updated ?? $1.page.metadata.date!, $1.page.url) }
            .prefix(limit)
        let base = config.baseURL
        let newest = dated.first.map { $0.page.metadata.updated ?? $0.page.metadata.date! }
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(config.language.xmlEscaped)">
        <title>\(config.title.xmlEscaped)</title>
        <id>\(base.xmlEscaped)</id>
        <link href="\(base.xmlEscaped)"/>
        <link rel="self" href="\((base + "feed.xml").xmlEscaped)"/>
        <updated>\(timestamp(newest ?? PartialDate(year: 1970, month: 1, day: 1)))</updated>
        <author><name>\(config.title.xmlEscaped)</name></author>

        """
        for (page, summary) in dated {
            let url = (base + page.url.dropFirst()).hrefEscaped
            let published = page.metadata.date!
            xml += """
            <entry>
            <title>\((page.metadata.title ?? "").xmlEscaped)</title>
            <id>\(url)</id>
            <link href="\(url)"/>
            <published>\(timestamp(published))</published>
            <updated>\(timestamp(page.metadata.updated ?? published))</updated>
            <summary>\(summary.xmlEscaped)</summary>
            </entry>

            """
        }
        xml += "</feed>\n"
        return OutputFile(path: "feed.xml", text: xml)
    }

    /// Midnight in China Standard Time, where the dates are written.
    static func timestamp(_ date: PartialDate) -> String {
        "\(date)T00:00:00+08:00"
    }

    static func robots(baseURL: String) -> OutputFile {
        OutputFile(path: "robots.txt", text: "User-agent: *\nAllow: /\n\nSitemap: \(baseURL)sitemap.xml\n")
    }
}
