import Foundation

/// Renders every HTML page through its template, on all cores.
struct TemplateStage {
    let templates: TemplateSet
    let contexts: TemplateContexts
    /// Where the pages and section lists go, each as soon as it is rendered.
    let sink: OutputSink

    var plan: SitePlan { contexts.plan }

    static func outputPath(for url: String) -> String {
        url == "/" ? "index.html" : String(url.dropFirst()) + "index.html"
    }

    static func template(for kind: PageSource.Kind) -> String? {
        switch kind {
        case .home: return "home"
        case .article, .standalone: return "article"
        case .sectionIndex, .recordList: return nil
        }
    }

    /// Whether a page of `kind` is rendered on its own, from nothing but itself and the plan: every
    /// page with a template but the home page, which lists other pages (`renderHome`).
    static func rendersAlone(_ kind: PageSource.Kind) -> Bool {
        kind != .home && template(for: kind) != nil
    }

    /// One file of the stage: a section's list (with its intro page, if it has one) or a page with a template of its own.
    enum Job: Sendable {
        case section(SitePlan.Section, intro: RenderedPage?)
        case page(RenderedPage)
    }

    /// Every section list, then every page with a template of its own but the home page, which
    /// lists other pages (`renderHome`). Lists first: a list of every article is the largest page
    /// of a large site, and rendered after the articles it kept one core busy while the other idled.
    /// `streamed`: the pages went into the sink with their Markdown (`renderMarkdownAndPages`), so only the lists are left.
    func jobs(_ pages: [RenderedPage], streamed: Bool = false) -> [Job] {
        // Intros found through the plan, and one array: a preview rebuild of a large site makes the jobs every time.
        var jobs = plan.sections.map { section in
            Job.section(section, intro: section.intro.flatMap { plan.pageIndex[$0.url] }.map { pages[$0] })
        }
        if streamed { return jobs }
        jobs.reserveCapacity(jobs.count + pages.count)
        for page in pages where Self.rendersAlone(page.source.kind) { jobs.append(.page(page)) }
        return jobs
    }

    /// Renders `jobs`, on all cores; `pages` are every rendered page (lists show their summaries).
    func render(_ jobs: [Job], pages: [RenderedPage]) -> [OutputFile] {
        jobs.parallelMap { job in
            let file: OutputFile
            switch job {
            case .section(let section, let intro): file = renderSection(section, intro: intro, pages: pages)
            case .page(let page): file = renderPage(page, pages: pages)
            }
            return file
        }
    }

    /// The home page: `content/index.md`, or without it the site's lists alone.
    func renderHome(_ pages: [RenderedPage]) -> OutputFile {
        if let home = pages.first(where: { $0.source.kind == .home }) { return render([.page(home)], pages: pages)[0] }
        var context = contexts.base(path: "/", title: plan.config.title, description: plan.config.description)
        context["body"] = ""
        context.merge(homeExtras(pages)) { $1 }
        return templates.renderFile("home", context, path: "index.html")
    }

    func renderPage(_ rendered: RenderedPage, pages: [RenderedPage]) -> OutputFile {
        var context = contexts.page(rendered)
        if rendered.source.kind == .home { context.merge(homeExtras(pages)) { $1 } }
        // The page is its body and sources, the template's few kilobytes, and values (the table of contents).
        let size = rendered.markdown.html.utf8.count + rendered.sourcesHTML.utf8.count + 16_384
        return templates.renderFile(Self.template(for: rendered.source.kind)!, context, path: Self.outputPath(for: rendered.source.url), capacity: size)
    }

    /// Sections with their newest few articles, for the home page.
    func homeExtras(_ pages: [RenderedPage]) -> TemplateValue.Map {
        let shown = plan.sections.map { Array($0.articles.prefix(6)) }
        var extras: TemplateValue.Map = ["sections": .list(zip(plan.sections, shown).map { section, articles in
            let items = articles.map { contexts.listItem($0, summary: summary(of: $0, in: pages)) }
            return ["title": .string(section.title), "url": .string(contexts.href(section.url)), "pages": .list(items),
                    "count": .int(section.articles.count), "more": .bool(section.articles.count > items.count)]
        }), "guide_count": .int(plan.content.guides.count), "has_guides": .bool(!plan.content.guides.isEmpty)]
        for list in plan.publishedRecords { extras.merge(list.kind.homeContext(list.records)) { $1 } }
        return extras
    }

    /// The list summary of `page`, one of the plan's, from its rendering in `pages` (every rendered page,
    /// in the plan's order): looked up by position, as a list shows a few pages of a site's thousands.
    func summary(of page: PageSource, in pages: [RenderedPage]) -> String {
        guard let index = plan.pageIndex[page.url], index < pages.count else { return "" }
        return pages[index].summary
    }

    func renderSection(_ section: SitePlan.Section, intro: RenderedPage?, pages: [RenderedPage]) -> OutputFile {
        var context: TemplateValue.Map
        if let intro {
            context = contexts.page(intro)
        } else {
            context = contexts.base(path: section.url, title: section.title, description: "\(section.title)：全部文章")
            context["body"] = ""
        }
        // On all cores: a section of every article is the largest page of a large site, made
        // after all others, while the other core has nothing else to do.
        context["pages"] = .list(section.articles.parallelMap { contexts.listItem($0, summary: summary(of: $0, in: pages)) })
        context.merge(contexts.printVersions(of: section.articles)) { $1 }
        return templates.renderFile("section", context, path: Self.outputPath(for: section.url))
    }

    /// Every record's page and each published kind's list page.
    /// `intros`: the rendered `content/<folder>/index.md` pages.
    func renderRecords(_ records: [RenderedRecord], intros: [RenderedPage]) -> [OutputFile] {
        var files = records.parallelMap { rendered in
            templates.renderFile(rendered.kind.recordTemplate, rendered.kind.context(rendered, contexts: contexts),
                                 path: Self.outputPath(for: rendered.url))
        }
        for list in plan.publishedRecords {
            let kind = list.kind
            var context: TemplateValue.Map
            if let intro = intros.first(where: { $0.source.kind == .recordList(folder: kind.folder) }) {
                context = contexts.page(intro)
            } else {
                context = contexts.base(path: kind.listURL, title: kind.listTitle, description: kind.listDescription)
                context["body"] = ""
            }
            context.merge(kind.listContext(records.filter { $0.kind.folder == kind.folder }, contexts: contexts)) { $1 }
            files.append(templates.renderFile(kind.listTemplate, context, path: Self.outputPath(for: kind.listURL)))
        }
        return files
    }

    /// `/search/`, where the site has a `search` template: the page the header's search box sends its query to.
    func renderSearchPage() -> OutputFile? {
        guard templates.has("search") else { return nil }
        var context = contexts.base(path: Self.searchPage, title: "搜索", description: "搜索本站的文章、名词解释、支付机构、工具和自查表")
        // Without JavaScript the page offers the lists to browse instead: sections, then each kind's list page.
        let lists = plan.sections.map { (title: $0.title, url: $0.url) } + plan.publishedRecords.map { (title: $0.kind.listTitle, url: $0.kind.listURL) }
        context["lists"] = .list(lists.enumerated().map { index, list in
            ["title": .string(list.title), "url": .string(contexts.href(list.url)), "last": .bool(index == lists.count - 1)]
        })
        return templates.renderFile("search", context, path: Self.outputPath(for: Self.searchPage))
    }

    static let searchPage = "/search/"

    func render404() -> OutputFile {
        var context = contexts.base(path: "/404.html", title: "页面不存在", description: "页面不存在")
        context["sections"] = .list(plan.sections.map { ["title": .string($0.title), "url": .string(contexts.href($0.url))] })
        return templates.renderFile("404", context, path: "404.html")
    }
}
