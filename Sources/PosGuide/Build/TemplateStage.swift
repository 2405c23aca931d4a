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

    /// Every page with a template of its own and every section list, on all cores, into the sink.
    /// Returns their output paths.
    func renderPagesAndSections(_ pages: [RenderedPage], cache: BuildCache? = nil, key: Int = 0) -> [String] {
        if let cache {
            let files = renderPages(pages, cache: cache, key: key) + renderSections(pages, cache: cache, key: key)
            sink.put(files)
            return files.map(\.path)
        }
        // One batch, section lists first: a list of every article is the largest page of a
        // large site, and rendered after the articles it kept one core busy while the other idled.
        enum Job {
            case section(SitePlan.Section)
            case page(RenderedPage)
        }
        // Without a cache, the other pages went into the sink with their Markdown (`renderMarkdownAndPages`).
        let jobs = plan.sections.map(Job.section) + pages.filter { $0.source.kind == .home }.map(Job.page)
        let intros = sectionIntros(pages)
        return jobs.parallelMap { job in
            let file: OutputFile
            switch job {
            case .section(let section): file = renderSection(section, pages: pages, intros: intros)
            case .page(let page): file = renderPage(page, pages: pages)
            }
            // Nothing keeps the page once the sink has it: a large site's HTML is never all in memory.
            sink.put(file)
            return file.path
        }
    }

    func renderPage(_ rendered: RenderedPage, pages: [RenderedPage]) -> OutputFile {
        var context = contexts.page(rendered)
        if rendered.source.kind == .home { context.merge(homeExtras(pages)) { $1 } }
        return OutputFile(path: Self.outputPath(for: rendered.source.url), text: templates.render(Self.template(for: rendered.source.kind)!, context))
    }

    /// Every page with a template of its own. With a `cache`, a page whose file and whose
    /// site-wide inputs (`key`) are as in the last build keeps its last HTML; the home page,
    /// which lists other pages, is always rendered again.
    func renderPages(_ pages: [RenderedPage], cache: BuildCache, key: Int) -> [OutputFile] {
        let templated = pages.filter { Self.template(for: $0.source.kind) != nil }
        let render = { @Sendable (rendered: RenderedPage) -> OutputFile in renderPage(rendered, pages: pages) }
        let articles = templated.filter { $0.source.kind != .home }
        let home = templated.filter { $0.source.kind == .home }.map(render)
        // The same rendered pages in the same order as last time: a page that is the very same
        // object keeps its file, with no lookup; the rest go through the cache by path.
        if let last = cache.lastPageFiles, last.key == key, last.sources.count == articles.count {
            var files = last.files
            let changed = articles.indices.filter { articles[$0] !== last.sources[$0] }
            for (index, file) in zip(changed, changed.map { articles[$0] }.parallelMap(render)) { files[index] = file }
            cache.lastPageFiles = (key, articles, files)
            return files + home
        }
        let files = cache.outputs(articles, path: { $0.source.url }, key: { page in
            BuildCache.OutputKey(site: key, item: cache.version(of: page.source.file.path) ?? -1)
        }, make: render)
        cache.lastPageFiles = (key, articles, files)
        return files + home
    }

    /// A home page without `content/index.md` still gets rendered, from the site's lists alone.
    func renderHomeIfMissing(_ pages: [RenderedPage]) -> OutputFile? {
        guard !pages.contains(where: { $0.source.kind == .home }) else { return nil }
        var context = contexts.base(path: "/", title: plan.config.title, description: plan.config.description)
        context["body"] = ""
        context.merge(homeExtras(pages)) { $1 }
        return OutputFile(path: "index.html", text: templates.render("home", context))
    }

    /// Sections with their newest few articles, for the home page.
    func homeExtras(_ pages: [RenderedPage]) -> TemplateValue.Map {
        let shown = plan.sections.map { Array($0.articles.prefix(6)) }
        let summaries = Self.summaries(pages, of: Set(shown.joined().map(\.url)))
        var extras: TemplateValue.Map = ["sections": .list(zip(plan.sections, shown).map { section, articles in
            let items = articles.map { contexts.listItem($0, summary: summaries[$0.url] ?? "") }
            return ["title": .string(section.title), "url": .string(contexts.href(section.url)), "pages": .list(items),
                    "count": .int(section.articles.count), "more": .bool(section.articles.count > items.count)]
        }), "guide_count": .int(plan.content.guides.count), "has_guides": .bool(!plan.content.guides.isEmpty)]
        for list in plan.publishedRecords { extras.merge(list.kind.homeContext(list.records)) { $1 } }
        return extras
    }

    /// Each page's list summary by URL, for the pages at `urls` (all when nil).
    static func summaries(_ pages: [RenderedPage], of urls: Set<String>? = nil) -> [String: String] {
        var summaries: [String: String] = [:]
        for page in pages where urls?.contains(page.source.url) ?? true {
            if summaries[page.source.url] == nil { summaries[page.source.url] = page.summary }
        }
        return summaries
    }

    /// Each section's intro page (`<section>/index.md`), by section name.
    func sectionIntros(_ pages: [RenderedPage]) -> [String: RenderedPage] {
        var intros: [String: RenderedPage] = [:]
        for page in pages {
            if case .sectionIndex(let section) = page.source.kind { intros[section] = page }
        }
        return intros
    }

    func renderSection(_ section: SitePlan.Section, pages: [RenderedPage], intros: [String: RenderedPage]) -> OutputFile {
        let summaries = Self.summaries(pages, of: Set(section.articles.map(\.url)))
        var context: TemplateValue.Map
        if let intro = intros[section.name] {
            context = contexts.page(intro)
        } else {
            context = contexts.base(path: section.url, title: section.title, description: "\(section.title)：全部文章")
            context["body"] = ""
        }
        context["pages"] = .list(section.articles.map { contexts.listItem($0, summary: summaries[$0.url] ?? "") })
        context.merge(contexts.printVersions(of: section.articles)) { $1 }
        return OutputFile(path: Self.outputPath(for: section.url), text: templates.render("section", context))
    }

    func renderSections(_ pages: [RenderedPage], cache: BuildCache, key: Int) -> [OutputFile] {
        let intros = sectionIntros(pages)
        let render = { @Sendable (section: SitePlan.Section) -> OutputFile in renderSection(section, pages: pages, intros: intros) }
        // A list changes only when its intro does or what it shows of an article (title, date, summary):
        // an edit further down an article's body leaves it as it was.
        // The list is its articles sorted by what their signatures cover, so hashing the signatures
        // in the order the pages were read identifies it.
        var signatures: [String: Hasher] = [:]
        for page in pages {
            if case .article(let section) = page.source.kind { signatures[section, default: Hasher()].combine(page.listSignature) }
        }
        return cache.outputs(plan.sections, path: { $0.url }, key: { section in
            var hasher = signatures[section.name] ?? Hasher()
            hasher.combine(section.intro.flatMap { cache.version(of: $0.file.path) })
            return BuildCache.OutputKey(site: key, item: hasher.finalize())
        }, make: render)
    }

    /// Every record's page and each published kind's list page.
    /// `intros`: the rendered `content/<folder>/index.md` pages.
    func renderRecords(_ records: [RenderedRecord], intros: [RenderedPage]) -> [OutputFile] {
        var files = records.parallelMap { rendered in
            OutputFile(path: Self.outputPath(for: rendered.url),
                       text: templates.render(rendered.kind.recordTemplate, rendered.kind.context(rendered, contexts: contexts)))
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
            files.append(OutputFile(path: Self.outputPath(for: kind.listURL), text: templates.render(kind.listTemplate, context)))
        }
        return files
    }

    /// `/search/`, where the site has a `search` template: the page the header's search box sends its query to.
    func renderSearchPage() -> OutputFile? {
        guard templates.has("search") else { return nil }
        var context = contexts.base(path: Self.searchPage, title: "搜索", description: "搜索本站的文章、支付机构、工具和自查表")
        context["sections"] = .list(plan.sections.map { ["title": .string($0.title), "url": .string(contexts.href($0.url))] })
        return OutputFile(path: Self.outputPath(for: Self.searchPage), text: templates.render("search", context))
    }

    static let searchPage = "/search/"

    func render404() -> OutputFile {
        var context = contexts.base(path: "/404.html", title: "页面不存在", description: "页面不存在")
        context["sections"] = .list(plan.sections.map { ["title": .string($0.title), "url": .string(contexts.href($0.url))] })
        return OutputFile(path: "404.html", text: templates.render("404", context))
    }
}
