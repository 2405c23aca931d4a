import Foundation

/// What one build keeps for the next, so that a preview rebuild after a one-page edit
/// re-reads and re-renders only what the edit can affect.
///
/// Two parts: what changed on disk (the files to read again, and the generations of the site-wide
/// inputs), and the stages' memos, which reuse a result only for equal inputs, so a rebuild with the
/// cache makes exactly the bytes a build without it makes (tests compare both). The cache is used
/// by one build at a time.
final class BuildCache {
    /// Changes since the last build; the next build re-reads these.
    private(set) var pending = SourceChanges.all
    /// What the loader read, less what changed since.
    private(set) var loaded = ContentLoader.Known()
    var templates: (set: TemplateSet?, diagnostics: [Diagnostic])?
    /// Counts changes to the site-wide inputs of the content and of the templates.
    private(set) var generations = SiteInputs.Generations()
    let memos = BuildMemos(keeps: true)

    init() {}

    /// Records what changed on disk; the next build re-reads those files.
    func invalidate(_ changes: SourceChanges) {
        pending.formUnion(changes)
    }

    // MARK: used by the build

    /// Drops what the recorded changes invalidate; the build then fills the gaps.
    func beginBuild() {
        let changes = pending
        pending = SourceChanges()
        if changes.everything {
            loaded = ContentLoader.Known()
            templates = nil
        }
        // Listed again; whether files really came or went is decided by the loader, by the listing the
        // site's parts were read from: an editor that saves by writing a temporary file and renaming it only replaces one.
        if changes.structural { loaded.inventory = nil }
        for path in changes.paths {
            loaded.pages.forget(path)
            if path.hasPrefix("templates/") { templates = nil }
        }
        if changes.paths.contains(where: { $0.hasPrefix("content/") && SourceChanges.isSiteWide($0) }) {
            loaded.siteParts = nil
        }
        if changes.everything || changes.paths.contains(where: { $0.hasPrefix("templates/") }) {
            generations.templates += 1
        }
    }

    /// What the last build read, its pages taken out of the cache for the loader (which hands them
    /// back, with those it read anew, to `keep`): the loader's is then the only reference, changed in place.
    func takeLoaded() -> ContentLoader.Known {
        defer { loaded.pages = ContentLoader.KnownPages() }
        return loaded
    }

    /// Keeps what the loader read anew. Site parts read anew (a site-wide file changed, or files
    /// came or went, which changes what every page may link to) start a new content generation.
    func keep(_ read: ContentLoader.Known) {
        loaded.inventory = read.inventory
        if let parts = read.siteParts {
            loaded.siteParts = parts
            generations.content += 1
        }
        // Every page of the listing, as reused or read anew.
        loaded.pages = read.pages
    }
}

/// The memo of every stage that reuses its results, each keyed by its items' inputs.
final class BuildMemos {
    let plan: PlanMemo
    /// Each page's fill-in markers: scanning all of a 10,000-page site's text was a fifth of a rebuild.
    let fillInMarkers: StageMemo<Identical<PageSource>, [Diagnostic]>
    let markdown: StageMemo<Identical<PageSource>, RenderedPage>
    let linkPaths: StageMemo<Identical<RenderedPage>, LinkChecker.PathCheck>
    let templates: StageMemo<TemplateInput, OutputFile>
    /// The sitemap and the feed: both list every page, and making them costs more than comparing their inputs.
    let lists: StageMemo<ListInput, OutputFile>

    /// Whether results are kept for the next build (the preview). A full build keeps none, and so
    /// streams each page's HTML into the sink with its Markdown instead (`SiteBuilder.build`).
    let keeps: Bool

    /// With `keeps` false (a full build), nothing is kept: every result is made.
    init(keeps: Bool) {
        self.keeps = keeps
        plan = PlanMemo(keeps: keeps)
        fillInMarkers = StageMemo(keeps: keeps)
        markdown = StageMemo(keeps: keeps)
        linkPaths = StageMemo(keeps: keeps)
        templates = StageMemo(keeps: keeps)
        lists = StageMemo(keeps: keeps)
    }
}

extension Hasher {
    /// Hashes a string's UTF-8 bytes as they are: `String`'s own hashing normalises
    /// Unicode first, which is slow for Chinese text and not needed for exact-match keys.
    mutating func combine(utf8 text: String) {
        var text = text
        text.withUTF8 { bytes in
            combine(bytes.count)
            combine(bytes: UnsafeRawBufferPointer(bytes))
        }
    }
}
