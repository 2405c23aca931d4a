import Foundation
import Logging

/// The build, start to finish: (content, templates, config) -> files + diagnostics.
///
/// Writing to disk, serving from memory and exporting guides all consume the
/// `BuildResult`; none of them is part of it.
enum SiteBuilder {
    static let logger = Logger(label: "posguide.build")

    /// Builds the site. With a `cache` (the preview), the results of the stages whose inputs are as in
    /// the last build are reused (its memos decide, item by item): same bytes, less work.
    ///
    /// With a `staging` folder (`posguide build`), pages are written to it as they are rendered
    /// and come back as `.written`, so the site's HTML is never all in memory at once.
    static func build(_ options: BuildOptions, cache: BuildCache? = nil, staging: StagingFolder? = nil) -> BuildResult {
        var clock = StageClock()
        var diagnostics: [Diagnostic] = []
        cache?.beginBuild()
        let memos = cache?.memos ?? BuildMemos(keeps: false)

        // 1. load: every file read once and checked against its schema.
        let tree = options.tree
        var loader = ContentLoader(tree: tree)
        loader.includeDrafts = options.includeDrafts
        let (loaded, loadDiagnostics, read) = loader.load(known: cache?.loaded ?? ContentLoader.Known())
        cache?.keep(read)
        let site = SiteInputs(generations: cache?.generations ?? SiteInputs.Generations(), options: options)
        let (templates, templateDiagnostics) = cache?.templates ?? TemplateSet.load(from: tree)
        cache?.templates = (templates, templateDiagnostics)
        diagnostics += loadDiagnostics + templateDiagnostics
        clock.lap("load")
        guard let content = loaded, let templates else {
            return BuildResult(files: [], diagnostics: diagnostics, statistics: clock.statistics())
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
        let markers = memos.fillInMarkers.results(for: pageInputs, site: 0) { $0.map { FillInMarker.diagnostics(of: content.pages[$0]) } }
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
        let pages = memos.markdown.results(for: pageInputs, site: site.markdown(plan)) {
            MarkdownStage.renderPages($0.map { content.pages[$0] }, environment: environment)
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
        let checker = LinkStage.checker(plan: plan, pages: pages, records: records)
        let paths = memos.linkPaths.results(for: pages.map(Identical.init), site: memos.plan.generation) {
            LinkStage.checkPaths($0.map { pages[$0] }, checker: checker)
        }
        diagnostics += LinkStage.diagnostics(pages: paths, records: records, plan: plan, checker: checker)
        clock.lap("links")

        // Nothing is rendered from content with errors: the result would not be published anyway.
        guard !diagnostics.hasErrors else {
            return BuildResult(files: [], diagnostics: diagnostics.sortedByLocation(), statistics: clock.statistics())
        }

        // 5. render templates.
        let stylesheet = plan.assets["site.css"].map { plan.paths.href("/assets/site.css?v=") + fingerprint($0, in: tree) } ?? ""
        let stage = TemplateStage(templates: templates, contexts: TemplateContexts(plan: plan, today: options.today, stylesheet: stylesheet, withPDF: options.pdf != nil), staging: staging)
        let jobs = stage.jobs(pages)
        let listed = TemplateInput.listed(pages)
        var files = memos.templates.results(for: jobs.map { TemplateInput($0, listed: listed) }, site: site.templates(plan, stylesheet: stylesheet)) {
            stage.render($0.map { jobs[$0] }, pages: pages)
        }
        files.append(stage.renderHome(pages))
        files += stage.renderRecords(records, intros: pages.filter { if case .recordList = $0.source.kind { return true } else { return false } })
        files.append(stage.render404())
        if let search = stage.renderSearchPage() { files.append(search) }
        clock.lap("templates")

        // 6. guides: each guide as one print document, its chapters through the Markdown stage again
        // (print ids, in-document links, one citation numbering); PDFs only when asked, as they take seconds.
        let guideStage = GuideStage(plan: plan, environment: environment, templates: templates, tree: tree, withPDF: options.pdf != nil)
        let (documents, guideDiagnostics) = guideStage.renderDocuments()
        diagnostics += guideDiagnostics
        files += documents.map { OutputFile(path: $0.htmlPath, text: $0.html) }
        clock.lap("guides")
        // A partial that recursed without end cut its pages short: nothing is published (nor printed).
        func failedRendering() -> BuildResult? {
            diagnostics += templates.problems.drain()
            guard diagnostics.hasErrors else { return nil }
            return BuildResult(files: [], diagnostics: diagnostics.sortedByLocation(), statistics: clock.statistics())
        }
        if let failed = failedRendering() { return failed }
        var pdfs = GuidePDFs.Result()
        if let pdf = options.pdf {
            pdfs = GuidePDFs.render(documents, options: pdf)
            diagnostics += pdfs.diagnostics
            files += pdfs.files
            clock.lap("pdf")
        }
        // The list shows page counts, known only once the PDFs exist.
        if let list = stage.renderGuideList(documents, pageCounts: pdfs.pageCounts) { files.append(list) }
        if let failed = failedRendering() { return failed }

        // 7. emit the files around the pages.
        // The sitemap and the feed list every page: on a large site, making them costs more than comparing what they list.
        let entries = FeedAndSitemap.sitemapEntries(plan: plan, pages: pages.map(\.source))
        let articles = pages.filter { if case .article = $0.source.kind { return true } else { return false } }
        let lists: [ListInput] = [.sitemap(baseURL: plan.config.baseURL, paths: entries.map(\.path), dates: entries.map(\.lastModified)),
                                  .feed(listed: articles.map(\.listSignature))]
        let config = plan.config
        files += memos.lists.results(for: lists, site: site.markdown(plan)) { missing in
            missing.parallelMap { list in
                list == 0 ? FeedAndSitemap.sitemap(paths: entries, baseURL: config.baseURL)
                    : FeedAndSitemap.atom(articles: articles.map { ($0.source, $0.summary) }, config: config)
            }
        }
        files += emit(plan: plan, options: options)
        files.sort { $0.path < $1.path }
        clock.lap("emit")

        var statistics = clock.statistics()
        statistics.pages = files.filter { $0.path.hasSuffix(".html") }.count
        statistics.providers = records.filter { $0.kind is ProviderKind }.count
        statistics.files = files.count
        for stage in statistics.stages { logger.debug("\(stage.name): \(stage.milliseconds) ms") }
        // Freeing every page's text and renderings takes a core tens of milliseconds on a large
        // site: another thread does it while the caller commits the output (and a command-line
        // build may exit before it is done). The closure holds the last references.
        let retired = (content, plan, pages, records)
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(retired) {} }
        return BuildResult(files: files, diagnostics: diagnostics.sortedByLocation(), statistics: statistics)
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
