import Foundation
import Logging

/// The build, start to finish: (content, templates, config) -> files + diagnostics.
///
/// Every file goes into the `OutputSink` the build is handed, as soon as it is made: the
/// staging folder of `posguide build`, or memory (the preview, export, tests). The build
/// itself touches no output on disk.
enum SiteBuilder {
    static let logger = Logger(label: "posguide.build")

    /// Builds the site. With a `cache` (the preview), files and renderings that the changes
    /// recorded in it cannot have affected are reused from the last build: same bytes, less work.
    ///
    /// A build with errors may have put some files into `sink` already: they are not to be published.
    static func build(_ options: BuildOptions, into sink: OutputSink, cache: BuildCache? = nil) -> BuildResult {
        var clock = StageClock()
        // What went into the sink, for the statistics.
        var paths: [String] = []
        func put(_ files: [OutputFile]) {
            sink.put(files)
            paths += files.map(\.path)
        }
        var diagnostics: [Diagnostic] = []
        cache?.beginBuild()

        // 1. load: every file read once and checked against its schema.
        var loader = ContentLoader(root: options.source)
        loader.includeDrafts = options.includeDrafts
        let (loaded, loadDiagnostics) = loader.load(cache: cache)
        let (templates, templateDiagnostics) = cache?.templates ?? TemplateSet.load(from: options.source.appendingPathComponent("templates"))
        cache?.templates = (templates, templateDiagnostics)
        diagnostics += loadDiagnostics + templateDiagnostics
        clock.lap("load")
        guard let content = loaded, let templates else {
            return BuildResult(diagnostics: diagnostics, statistics: clock.statistics())
        }
        diagnostics += GuideStage.check(templates, assets: templates.assets, guides: content.guides)
        diagnostics += RecordKinds.checkTemplates(templates, content: content)
        // A `--base-url` replaces site.yaml's address; the command checks that one itself.
        if let severity = options.reservedAddress, options.baseURL == nil,
           let placeholder = PublishingAddress.check(content.config, severity: severity) {
            diagnostics.append(placeholder)
        }
        // Text `posguide new` left to write: a warning in a draft, an error in anything published.
        diagnostics += FillInMarker.diagnostics(pages: content.pages, records: content.allRecords, guides: content.guides, memo: cache?.fillInMarkers)

        // 2. resolve: URLs, sections, records, guides; what may be linked.
        // The print stylesheet is inlined into each guide's print document, never linked: not a site asset.
        let themeAssets = templates.assets.filter { $0 != GuideStage.stylesheet }
        let (resolved, planDiagnostics) = resolve(content, themeAssets: themeAssets, options: options, cache: cache)
        var plan = resolved
        if options.servesAtRoot { plan.paths = .root }
        diagnostics += planDiagnostics
        clock.lap("resolve")

        // 3. render Markdown: every page and record on its own, on all cores. A page's HTML depends on
        // nothing but the page and the plan: without a cache it is rendered here too (step 5).
        let environment = MarkdownStage.environment(for: plan)
        let keys = cache.map { CacheKeys(cache: $0, options: options, plan: plan) }
        let stylesheet = plan.assets["site.css"].map { plan.paths.href("/assets/site.css?v=") + fingerprint(options.source.appendingPathComponent($0)) } ?? ""
        let stage = TemplateStage(templates: templates, contexts: TemplateContexts(plan: plan, today: options.today, stylesheet: stylesheet, withPDF: options.pdf != nil), sink: sink)
        let pages: [RenderedPage]
        if cache == nil {
            // Each page's own HTML page is rendered with its Markdown and put into the sink, so its
            // body HTML is not kept: the only stage that reads it is done with it (`TemplateStage+Streaming`).
            let streamed = stage.renderMarkdownAndPages(content.pages, environment: environment)
            pages = streamed.pages
            paths += streamed.paths
        } else {
            pages = MarkdownStage.renderPages(content.pages, environment: environment, cache: cache, key: keys?.markdown ?? 0)
        }
        let records = MarkdownStage.renderRecords(plan, environment: environment)
        diagnostics += pages.flatMap(\.markdown.diagnostics) + records.flatMap(\.diagnostics)
        // The site's editorial rules need each page's rendered text and citations. A page that already
        // has an error (front matter, an unknown source) is not measured too: its counts would be follow-ons.
        let filesWithErrors = Set(diagnostics.lazy.filter { $0.severity == .error }.map(\.location.path))
        diagnostics += SectionRules.check(pages, rules: plan.config.rules, sections: plan.sections.map(\.name),
                                          skipping: filesWithErrors)
        clock.lap("markdown")

        // 4. check links: needs every page's anchors, so only after all pages rendered.
        diagnostics += LinkResults.check(pages: pages, records: records, plan: plan, cache: cache)
        clock.lap("links")

        // Nothing more is rendered from content with errors: the result would not be published anyway
        // (nor are the pages already in the sink).
        guard !diagnostics.hasErrors else {
            return BuildResult(diagnostics: diagnostics.sortedByLocation(), statistics: clock.statistics())
        }

        // 5. render templates (without a cache, the pages with a template of their own are done: step 3).
        let templateKey = keys?.templates(stylesheet: stylesheet) ?? 0
        paths += stage.renderPagesAndSections(pages, cache: cache, key: templateKey)
        put(stage.renderRecords(records, intros: pages.filter { if case .recordList = $0.source.kind { return true } else { return false } }))
        put([stage.renderHomeIfMissing(pages), stage.render404(), stage.renderSearchPage()].compactMap { $0 })
        clock.lap("templates")

        // 6. guides: each guide as one print document, its chapters through the Markdown stage again
        // (print ids, in-document links, one citation numbering); PDFs only when asked, as they take seconds.
        let guideStage = GuideStage(plan: plan, environment: environment, templates: templates, source: options.source, withPDF: options.pdf != nil)
        let (documents, guideDiagnostics) = guideStage.renderDocuments()
        diagnostics += guideDiagnostics
        put(documents.map { OutputFile(path: $0.htmlPath, text: $0.html) })
        clock.lap("guides")
        // A partial that recursed without end cut its pages short: nothing is published (nor printed).
        func failedRendering() -> BuildResult? {
            diagnostics += templates.problems.drain()
            guard diagnostics.hasErrors else { return nil }
            return BuildResult(diagnostics: diagnostics.sortedByLocation(), statistics: clock.statistics())
        }
        if let failed = failedRendering() { return failed }
        var pdfs = GuidePDFs.Result()
        if let pdf = options.pdf {
            pdfs = GuidePDFs.render(documents, options: pdf)
            diagnostics += pdfs.diagnostics
            put(pdfs.files)
            clock.lap("pdf")
        }
        // The list shows page counts, known only once the PDFs exist.
        if let list = stage.renderGuideList(documents, pageCounts: pdfs.pageCounts) { put([list]) }
        if let failed = failedRendering() { return failed }

        // 7. emit the files around the pages.
        put(emit(plan: plan, pages: pages, options: options, cache: cache))
        clock.lap("emit")

        var statistics = clock.statistics()
        statistics.pages = paths.filter { $0.hasSuffix(".html") }.count
        statistics.providers = records.filter { $0.kind is ProviderKind }.count
        statistics.files = paths.count
        for stage in statistics.stages { logger.debug("\(stage.name): \(stage.milliseconds) ms") }
        // Freeing every page's text and renderings takes a core tens of milliseconds on a large
        // site: another thread does it while the caller commits the output (and a command-line
        // build may exit before it is done). The closure holds the last references.
        let retired = (content, plan, pages, records)
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(retired) {} }
        return BuildResult(diagnostics: diagnostics.sortedByLocation(), statistics: statistics)
    }

    /// Builds into memory: the files of a build without errors, sorted by path (none when it has errors).
    /// `keeping` chooses which files are kept, by output path.
    static func buildInMemory(_ options: BuildOptions, cache: BuildCache? = nil,
                              keeping: @escaping @Sendable (String) -> Bool = { _ in true }) -> MemoryBuild {
        let sink = MemorySink(keeping: keeping)
        let result = build(options, into: sink, cache: cache)
        return MemoryBuild(files: result.diagnostics.hasErrors ? [] : sink.files, diagnostics: result.diagnostics, statistics: result.statistics)
    }

    /// The plan of the last build when only page bodies changed since, else a new one.
    static func resolve(_ content: SiteContent, themeAssets: [String], options: BuildOptions, cache: BuildCache?) -> (SitePlan, [Diagnostic]) {
        cache?.planReused = false
        if let cache, let previous = cache.resolved, previous.contentGeneration == cache.contentGeneration,
           previous.templateGeneration == cache.templateGeneration, previous.today == options.today.dayNumber,
           previous.baseURL == options.baseURL, let plan = SitePlan.reuse(previous, for: content) {
            cache.planReused = true
            cache.resolved?.plan = plan
            return (plan, previous.diagnostics)
        }
        let (plan, diagnostics) = SitePlan.resolve(content, themeAssets: themeAssets, baseURL: options.baseURL, today: options.today, cache: cache)
        cache?.resolved = .init(plan: plan, diagnostics: diagnostics, contentGeneration: cache?.contentGeneration ?? 0,
                                templateGeneration: cache?.templateGeneration ?? 0, today: options.today.dayNumber, baseURL: options.baseURL)
        return (plan, diagnostics)
    }

    /// Browsers ask for /favicon.ico whatever a page links to: `assets/favicon.ico` is published there too.
    static let rootIcon = "favicon.ico"

    static func emit(plan: SitePlan, pages: [RenderedPage], options: BuildOptions, cache: BuildCache? = nil) -> [OutputFile] {
        var files: [OutputFile] = []
        let sitemapEntries = FeedAndSitemap.sitemapEntries(plan: plan, pages: pages.map(\.source))
        let makeSitemap = { @Sendable in FeedAndSitemap.sitemap(paths: sitemapEntries, baseURL: plan.config.baseURL) }

        let articles = pages.compactMap { page -> (page: PageSource, summary: String)? in
            guard case .article = page.source.kind else { return nil }
            return (page.source, page.source.metadata.summary ?? page.markdown.summary)
        }
        let makeFeed = { @Sendable in FeedAndSitemap.atom(articles: articles, config: plan.config) }

        if let cache {
            // Both list every page: on a large site, making them costs more than checking their inputs.
            var sitemapKey = Hasher()
            sitemapKey.combine(utf8: plan.config.baseURL)
            for entry in sitemapEntries {
                sitemapKey.combine(utf8: entry.path)
                sitemapKey.combine(entry.lastModified)
            }
            let site = cache.contentGeneration
            files.append(cache.output("sitemap.xml", key: .init(site: site, item: sitemapKey.finalize()), make: makeSitemap))
            var feedKey = Hasher()
            for page in pages { feedKey.combine(page.listSignature) }
            files.append(cache.output("feed.xml", key: .init(site: site, item: feedKey.finalize()), make: makeFeed))
        } else {
            // Both list every page; on a large site each takes a core for a while.
            files += [makeSitemap, makeFeed].parallelMap { $0() }
        }
        files.append(FeedAndSitemap.robots(baseURL: plan.config.baseURL))
        for (asset, source) in plan.assets.sorted(by: { $0.key < $1.key }) {
            files.append(OutputFile(path: "assets/" + asset, contents: .copy(options.source.appendingPathComponent(source))))
        }
        if let icon = plan.assets[rootIcon] {
            files.append(OutputFile(path: rootIcon, contents: .copy(options.source.appendingPathComponent(icon))))
        }
        return files
    }

    /// A short content hash for cache-busting the stylesheet URL.
    static func fingerprint(_ url: URL) -> String {
        let data = (try? Data(contentsOf: url)) ?? Data()
        return String(String(data.fnv1a64, radix: 16).prefix(8))
    }
}

/// Times the stages of a build.
struct StageClock {
    private let start = DispatchTime.now()
    private var last = DispatchTime.now()
    private var stages: [(name: String, milliseconds: Int)] = []

    mutating func lap(_ name: String) {
        let now = DispatchTime.now()
        stages.append((name, Int((now.uptimeNanoseconds - last.uptimeNanoseconds) / 1_000_000)))
        last = now
    }

    func statistics() -> BuildStatistics {
        var statistics = BuildStatistics()
        statistics.milliseconds = Int((DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000)
        statistics.stages = stages
        return statistics
    }
}
