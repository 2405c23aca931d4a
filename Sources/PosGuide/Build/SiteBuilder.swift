import Foundation
import Logging

/// The build, start to finish: (content, templates, config) -> files + diagnostics.
///
/// Every file goes into the `OutputSink` the build is handed, as soon as it is made: the
/// staging folder of `posguide build`, or memory (the preview, export, tests). The build
/// itself touches no output on disk.
enum SiteBuilder {
    static let logger = Logger(label: "posguide.build")

    /// Builds the site. With a `cache` (the preview), the results of the stages whose inputs are as in
    /// the last build are reused (its memos decide, item by item): same bytes, less work.
    ///
    /// A build with errors may have put some files into `sink` already: they are not to be published.
    static func build(_ options: BuildOptions, into sink: OutputSink, cache: BuildCache? = nil) -> BuildResult {
        var clock = StageClock()
        // What went into the sink, for the statistics: counted, as a preview rebuild puts thousands of files.
        var counts = (files: 0, pages: 0)
        func count(_ paths: some Sequence<String>) {
            for path in paths { count(path: path) }
        }
        func count(path: String) {
            counts.files += 1
            if isHTML(path) { counts.pages += 1 }
        }
        func put(_ files: [OutputFile]) {
            sink.put(files)
            // Each path read in place: taking a file out of the array copies it, retaining its bytes
            // (and a copied file's tree, an existential), for 10,000 files at each preview rebuild.
            files.withUnsafeBufferPointer { files in
                for index in files.indices { count(path: files[index].path) }
            }
        }
        var diagnostics: [Diagnostic] = []
        cache?.beginBuild()
        let memos = cache?.memos ?? BuildMemos(keeps: false)

        // 1. load: every file read once and checked against its schema.
        let tree = options.tree
        var loader = ContentLoader(tree: tree)
        loader.includeDrafts = options.includeDrafts
        loader.remembersWhatItReads = cache != nil
        let (loaded, loadDiagnostics, read) = loader.load(known: cache?.takeLoaded() ?? ContentLoader.Known())
        cache?.keep(read)
        let site = SiteInputs(generations: cache?.generations ?? SiteInputs.Generations(), options: options)
        let (templates, templateDiagnostics) = cache?.templates ?? TemplateSet.load(from: tree)
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
        let pageInputs = content.pages.map(Identical.init)
        let markers = memos.fillInMarkers.results(for: pageInputs, site: 0) { $0.parallelMap { FillInMarker.diagnostics(of: content.pages[$0]) } }
        for page in markers where !page.isEmpty { diagnostics += page }
        diagnostics += FillInMarker.diagnostics(records: content.allRecords, guides: content.guides)

        // 2. resolve: URLs, sections, records, guides; what may be linked.
        // The print stylesheet is inlined into each guide's print document, never linked: not a site asset.
        let themeAssets = templates.assets.filter { $0 != GuideStage.stylesheet }
        let (resolved, planDiagnostics) = memos.plan.plan(for: content, site: site.plan) {
            SitePlan.resolve(content, themeAssets: themeAssets, baseURL: options.baseURL, today: options.today)
        }
        var plan = resolved
        if options.servesAtRoot { plan.paths = .root }
        diagnostics += planDiagnostics
        clock.lap("resolve")

        // 3. render Markdown: every page and record on its own, on all cores.
        let environment = MarkdownStage.environment(for: plan)
        let stylesheet = plan.assets["site.css"].map { plan.paths.href("/assets/site.css?v=") + fingerprint($0, in: tree) } ?? ""
        let stage = TemplateStage(templates: templates, contexts: TemplateContexts(plan: plan, today: options.today, stylesheet: stylesheet, withPDF: options.pdf != nil), sink: sink)
        let pages: [RenderedPage]
        if memos.keeps {
            pages = memos.markdown.results(for: pageInputs, site: site.markdown(plan)) {
                MarkdownStage.renderPages($0.map { content.pages[$0] }, environment: environment)
            }
        } else {
            // Nothing is kept for a next build: a page's HTML page depends on nothing but the page and the
            // plan, so it is rendered with its Markdown and goes into the sink at once, and the page keeps
            // only what later stages read (`TemplateStage+Streaming`): the site's HTML is never all in memory.
            let streamed = stage.renderMarkdownAndPages(content.pages, environment: environment)
            pages = streamed.pages
            count(streamed.paths)
        }
        let records = MarkdownStage.renderRecords(plan, environment: environment)
        for page in pages where !page.markdown.diagnostics.isEmpty { diagnostics += page.markdown.diagnostics }
        diagnostics += records.flatMap(\.diagnostics)
        // The site's editorial rules need each page's rendered text and citations. A page that already
        // has an error (front matter, an unknown source) is not measured too: its counts would be follow-ons.
        let filesWithErrors = Set(diagnostics.lazy.filter { $0.severity == .error }.map(\.location.path))
        diagnostics += SectionRules.check(pages, rules: plan.config.rules, sections: plan.sections.map(\.name),
                                          skipping: filesWithErrors)
        clock.lap("markdown")

        // 4. check links: needs every page's anchors, so only after all pages rendered.
        let checker = LinkStage.checker(plan: plan, pages: pages, records: records)
        let linkPaths = memos.linkPaths.results(for: pages.map(Identical.init), site: memos.plan.generation) {
            LinkStage.checkPaths($0.map { pages[$0] }, checker: checker)
        }
        diagnostics += LinkStage.diagnostics(pages: linkPaths, records: records, plan: plan, checker: checker)
        clock.lap("links")

        // Nothing more is rendered from content with errors: the result would not be published anyway
        // (nor are the pages already in the sink).
        guard !diagnostics.hasErrors else {
            return BuildResult(diagnostics: diagnostics.sortedByLocation(), statistics: clock.statistics())
        }

        // 5. render templates (the pages with a template of their own are done when they streamed: step 3).
        let jobs = stage.jobs(pages, streamed: !memos.keeps)
        let listed = TemplateInput.listed(pages)
        put(memos.templates.results(for: jobs.map { TemplateInput($0, listed: listed) }, site: site.templates(plan, stylesheet: stylesheet)) {
            stage.render($0.map { jobs[$0] }, pages: pages)
        })
        put([stage.renderHome(pages)])
        // The lists' intro pages found through the plan, rather than by a pass over every page.
        let recordIntros = plan.records.compactMap { $0.intro.flatMap { plan.pageIndex[$0.url] }.map { pages[$0] } }
        put(stage.renderRecords(records, intros: recordIntros))
        put([stage.render404(), stage.renderSearchPage()].compactMap { $0 })
        clock.lap("templates")

        // 6. guides: each guide as one print document, its chapters through the Markdown stage again
        // (print ids, in-document links, one citation numbering); PDFs only when asked, as they take seconds.
        let guideStage = GuideStage(plan: plan, environment: environment, templates: templates, tree: tree, withPDF: options.pdf != nil)
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
        // The sitemap and the feed list every page: on a large site, making them costs more than comparing what they list.
        let entries = FeedAndSitemap.sitemapEntries(plan: plan, pages: content.pages)
        let articles = pages.filter { if case .article = $0.source.kind { return true } else { return false } }
        let lists: [ListInput] = [.sitemap(baseURL: plan.config.baseURL, paths: entries.map(\.path), dates: entries.map(\.lastModified)),
                                  .feed(listed: articles.map(\.listSignature))]
        let config = plan.config
        put(memos.lists.results(for: lists, site: site.markdown(plan)) { missing in
            missing.parallelMap { list in
                list == 0 ? FeedAndSitemap.sitemap(paths: entries, baseURL: config.baseURL)
                    : FeedAndSitemap.atom(articles: articles.map { ($0.source, $0.summary) }, config: config)
            }
        })
        put(emit(plan: plan, options: options))
        clock.lap("emit")

        var statistics = clock.statistics()
        statistics.pages = counts.pages
        statistics.records = plan.publishedRecords.filter { !$0.records.isEmpty }.map { $0.kind.counted($0.records.count) }
        statistics.files = counts.files
        for stage in statistics.stages { logger.debug("\(stage.name): \(stage.milliseconds) ms") }
        // Freeing every page's text and renderings takes a core tens of milliseconds on a large
        // site: another thread does it, a moment later. By then this function has returned and
        // dropped its own references, so the closure's are the last ones and nothing is freed on
        // this thread (freed at once, the other thread could finish first, and this one would then
        // free whatever its locals still held). A command-line build has usually exited by then.
        let retired = (content, plan, pages, records, linkPaths, checker, articles, entries, jobs, listed)
        DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + .milliseconds(200)) { withExtendedLifetime(retired) {} }
        return BuildResult(diagnostics: diagnostics.sortedByLocation(), statistics: statistics)
    }

    /// Builds into memory: the files of a build without errors, sorted by path (none when it has errors).
    /// `keeping` chooses which files are kept, by output path.
    static func buildInMemory(_ options: BuildOptions, cache: BuildCache? = nil,
                              keeping: (@Sendable (String) -> Bool)? = nil) -> MemoryBuild {
        let sink = MemorySink(keeping: keeping)
        let result = build(options, into: sink, cache: cache)
        return MemoryBuild(files: result.diagnostics.hasErrors ? [] : sink.files, diagnostics: result.diagnostics, statistics: result.statistics)
    }

    /// Whether `path` names an HTML file, by its last bytes: `hasSuffix` compares characters, which
    /// showed in profiles of a preview rebuild counting 10,000 paths.
    static func isHTML(_ path: String) -> Bool {
        path.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.count >= 5 && bytes[bytes.count - 5] == UInt8(ascii: ".") && bytes[bytes.count - 4] == UInt8(ascii: "h")
                && bytes[bytes.count - 3] == UInt8(ascii: "t") && bytes[bytes.count - 2] == UInt8(ascii: "m")
                && bytes[bytes.count - 1] == UInt8(ascii: "l")
        } ?? path.hasSuffix(".html")
    }

    /// Browsers ask for /favicon.ico whatever a page links to: `assets/favicon.ico` is published there too.
    static let rootIcon = "favicon.ico"

    /// The files around the pages: robots.txt and the assets.
    static func emit(plan: SitePlan, options: BuildOptions) -> [OutputFile] {
        var files: [OutputFile] = []
        files.append(FeedAndSitemap.robots(baseURL: plan.config.baseURL))
        let tree = options.tree
        for (asset, source) in plan.assets.sorted(by: { $0.key < $1.key }) {
            files.append(OutputFile(path: "assets/" + asset, contents: .copy(source, from: tree)))
        }
        if let icon = plan.assets[rootIcon] {
            files.append(OutputFile(path: rootIcon, contents: .copy(icon, from: tree)))
        }
        return files
    }

    /// A short content hash of the file `path` for cache-busting the stylesheet URL.
    static func fingerprint(_ path: String, in tree: some SourceTree) -> String {
        let data = (try? tree.contents(of: path)) ?? Data()
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
