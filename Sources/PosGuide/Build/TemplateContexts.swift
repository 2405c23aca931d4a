/// Builds the values templates see. Keys are snake_case, as Mustache templates read them.
///
/// Every value is plain data; Mustache escapes each `{{value}}`, and only
/// fields named `*_html` or `body` hold markup the build made (render with `{{{ }}}`).
struct TemplateContexts {
    let plan: SitePlan
    let today: PartialDate
    let stylesheet: String
    /// `content/data/*.yaml`, converted once: every page carries it as `data`.
    let data: TemplateValue
    /// Whether this build renders the guides' PDFs, so pages may link them.
    let withPDF: Bool
    /// One-page guides (leaflets) by the page they print, `content/<path>`: that page links its print version.
    let leaflets: [String: [GuideDefinition]]
    /// What `base` puts on every page, made once: a large build asks for it ten thousand times.
    private let site: SiteValues
    private let feedURL: String
    private let subscribeURL: String
    /// Every page's date and update as templates show them: a large site's pages share a few
    /// hundred dates, and each shows on its page and in its section's list.
    private let dates: [PartialDate: TemplateValue]

    init(plan: SitePlan, today: PartialDate, stylesheet: String, withPDF: Bool = false) {
        self.plan = plan
        self.today = today
        self.stylesheet = stylesheet
        self.withPDF = withPDF
        data = TemplateValue(plain: plan.content.data.values)
        var leaflets: [String: [GuideDefinition]] = [:]
        for guide in plan.content.guides.sorted(by: { $0.id < $1.id }) where PrintDocument.isLeaflet(guide) {
            leaflets[GuideDefinition.sourcePath(of: guide.chapters[0].value), default: []].append(guide)
        }
        self.leaflets = leaflets
        site = Self.siteValues(plan: plan, today: today)
        feedURL = plan.paths.href("/feed.xml")
        subscribeURL = plan.paths.href(plan.knownPaths.contains(Self.subscribePage) ? Self.subscribePage : "/feed.xml")
        var dates: [PartialDate: TemplateValue] = [:]
        for date in plan.pageDates { dates[date] = Self.dateValue(date) }
        self.dates = dates
    }

    /// `print_versions`: the leaflets that print these pages (a page's own, or a section's pages),
    /// each with its print page and, when this build renders PDFs, its PDF.
    func printVersions(of pages: [PageSource]) -> TemplateValue.Map {
        // Most sites have a few leaflets, if any: a section of 100,000 articles is not looked up page by page then.
        let guides = leaflets.isEmpty ? [] : pages.flatMap { leaflets[$0.file.path] ?? [] }
        let versions: [TemplateValue] = guides.map { guide in
            var item: TemplateValue.Map = ["title": .string(guide.title), "url": .string(href(PrintDocument.url(of: guide.id))),
                                           "paper": .string(guide.paper.rawValue)]
            if withPDF { item["pdf_url"] = .string(href("/" + PrintDocument.pdfPath(of: guide.id))) }
            return .map(item)
        }
        return ["print_versions": .list(versions), "has_print_versions": .bool(!versions.isEmpty)]
    }

    /// The href for a site path (`/providers/`), under the site's base path.
    func href(_ sitePath: String) -> String {
        plan.paths.href(sitePath)
    }

    /// The parts every page has: site, nav with the current item marked, assets.
    /// `root` is the site's base path (`/`, or `/guide/` under a sub-path): templates write `{{root}}guides/`.
    /// `capacity`: room for the names the caller adds, so the mapping is not moved as it grows.
    func base(path: String, title: String, description: String, capacity: Int = 16) -> TemplateValue.Map {
        let config = plan.config
        let pageTitle = path == "/" || title == config.title ? config.title : "\(title) · \(config.title)"
        var context = TemplateValue.Map(minimumCapacity: 11 + capacity)
        context["site"] = site.value(path: path)
        context["head_title"] = .string(pageTitle)
        context["title"] = .string(title)
        context["description"] = .string(description)
        context["url"] = .string(path)
        context["root"] = .string(plan.paths.basePath)
        context["canonical"] = .string(canonical(path))
        context["stylesheet"] = .string(stylesheet)
        context["data"] = data
        context["feed_url"] = .string(feedURL)
        // A page that explains the feed in words, where the site has one: opened in WeChat,
        // the feed itself is a screen of XML.
        context["subscribe_url"] = .string(subscribeURL)
        return context
    }

    static let subscribePage = "/subscribe/"

    func canonical(_ path: String) -> String {
        plan.config.baseURL + path.dropFirst()
    }

    func page(_ rendered: RenderedPage) -> TemplateValue.Map {
        let page = rendered.source
        let metadata = page.metadata
        let title = metadata.title ?? plan.config.title
        let summary = metadata.summary ?? rendered.markdown.summary
        // Room for the 13 names set below.
        var context = base(path: page.url, title: title, description: metadata.description ?? summary, capacity: 13)
        context["body"] = .string(rendered.markdown.html)
        context["sources_html"] = .string(rendered.sourcesHTML)
        context["summary"] = .string(summary)
        context["reading_minutes"] = .int(rendered.markdown.statistics.readingMinutes)
        context["toc"] = metadata.toc ? toc(rendered.markdown.headings) : []
        context["has_toc"] = .bool(metadata.toc && rendered.markdown.headings.contains { $0.level == 2 })
        context["tags"] = .list(metadata.tags.map(TemplateValue.string))
        if let date = metadata.date { context["date"] = dateValue(date) }
        if let updated = metadata.updated { context["updated"] = dateValue(updated) }
        if let section = page.section, let info = plan.sections.first(where: { $0.name == section }) {
            context["section"] = ["title": .string(info.title), "url": .string(href(info.url))]
        }
        context["is_article"] = .bool({ if case .article = page.kind { return true } else { return false } }())
        context.merge(printVersions(of: [page])) { $1 }
        return context
    }

    func dateValue(_ date: PartialDate) -> TemplateValue {
        dates[date] ?? Self.dateValue(date)
    }

    private static func dateValue(_ date: PartialDate) -> TemplateValue {
        ["iso": .string(date.description), "text": .string(date.chinese)]
    }

    /// Level-2 headings with their level-3 children.
    func toc(_ headings: [Heading]) -> TemplateValue {
        var entries: [TemplateValue] = []
        var open: Heading?
        var children: [TemplateValue] = []
        // Each entry is made whole once its children are known: a mapping grown key by key is rehashed.
        func flush() {
            guard let heading = open else { return }
            entries.append(["id": .string(heading.id), "text": .string(heading.text),
                            "children": .list(children), "has_children": .bool(!children.isEmpty)])
            children = []
        }
        for heading in headings where heading.level == 2 || heading.level == 3 {
            if heading.level == 2 {
                flush()
                open = heading
            } else if open != nil {
                children.append(["id": .string(heading.id), "text": .string(heading.text)])
            }
        }
        flush()
        return .list(entries)
    }

    func listItem(_ page: PageSource, summary: String) -> TemplateValue {
        var item: TemplateValue.Map = ["title": .string(page.metadata.title ?? page.url), "url": .string(href(page.url)), "summary": .string(summary)]
        if let date = page.metadata.date { item["date"] = dateValue(date) }
        return .map(item)
    }

    /// `[1][3]` links to the page's source list.
    func citationMarks(_ ids: [String], numbers: [String: Int]) -> String {
        ids.compactMap { id in numbers[id].map { "<a class=\"citation\" href=\"#source-\(id.htmlEscaped)\"><sup>[\($0)]</sup></a>" } }.joined()
    }
}
