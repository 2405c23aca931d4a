import Foundation

/// What one build keeps for the next, so that a preview rebuild after a one-page edit
/// re-reads and re-renders only what the edit can affect.
///
/// Every memo is keyed by everything its result depends on, so a rebuild with the cache
/// makes exactly the bytes a build without it makes (tests compare both). The cache is
/// used by one build at a time; the parallel stages only read it.
final class BuildCache {
    /// Changes since the last build; the next build re-reads these.
    private(set) var pending = SourceChanges.all

    // MARK: load

    struct LoadedPage {
        var page: PageSource?
        var diagnostics: [Diagnostic]
        /// Bumped each time the file is read again.
        var version: Int
    }

    private(set) var inventory: ContentInventory?
    private var listedPaths: [String]?
    var pages: [String: LoadedPage] = [:]
    /// Everything of `content/` but the pages: config, sources, data, records, guides.
    var siteParts: ContentLoader.SiteParts?
    var templates: (set: TemplateSet?, diagnostics: [Diagnostic])?
    private var nextVersion = 0

    /// Counts changes to anything a page's Markdown may depend on besides its own text.
    private(set) var contentGeneration = 0
    /// Counts changes to templates and theme assets.
    private(set) var templateGeneration = 0

    // MARK: resolve and render

    var resolved: SitePlan.Resolved?
    /// Whether this build reuses the last plan (so link targets are as they were).
    var planReused = false

    struct MarkdownEntry {
        var version: Int
        var key: Int
        var page: RenderedPage
    }

    var markdown: [String: MarkdownEntry] = [:]
    /// The last build's pages and their renderings, in order: when a page is the very same object
    /// again, its rendering is reused without a lookup.
    var lastMarkdown: (key: Int, sources: [PageSource], rendered: [RenderedPage])?
    var lastPageFiles: (key: Int, sources: [RenderedPage], files: [OutputFile])?
    var lastLinks: LinkResults?
    let fillInMarkers = FillInMarker.Memo()
    /// Each section's list order as positions in its unsorted articles, with the hash of what decides it.
    var sectionOrders: [String: (key: Int, order: [Int])] = [:]
    /// What an output file was made from: the site-wide inputs and the item's own.
    struct OutputKey: Equatable {
        var site: Int
        var item: Int
    }

    /// Output path -> what it was made from, and the file.
    var outputs: [String: (key: OutputKey, file: OutputFile)] = [:]

    init() {}

    /// Records what changed on disk; the next build re-reads those files.
    func invalidate(_ changes: SourceChanges) {
        pending.formUnion(changes)
    }

    // MARK: used by the build

    /// Drops what the recorded changes invalidate; the build then fills the gaps.
    func beginBuild() {
        let changes = pending
        if changes.everything {
            pages = [:]
            siteParts = nil
            templates = nil
            inventory = nil
        }
        // Listed again; whether files really came or went is decided in `adopt(_:)`: an editor
        // that saves by writing a temporary file and renaming it only replaces one.
        if changes.structural { inventory = nil }
        for path in changes.paths {
            pages[path] = nil
            if path.hasPrefix("templates/") { templates = nil }
        }
        if changes.everything || changes.paths.contains(where: { $0.hasPrefix("content/") && SourceChanges.isSiteWide($0) }) {
            siteParts = nil
            contentGeneration += 1
        }
        if changes.everything || changes.paths.contains(where: { $0.hasPrefix("templates/") }) {
            templateGeneration += 1
        }
        pending = SourceChanges()
    }

    /// Takes a fresh listing of `content/`; files added or removed change what every page may link to.
    func adopt(_ listing: ContentInventory) {
        if let previous = listedPaths, previous != listing.classifiedPaths {
            siteParts = nil
            contentGeneration += 1
        }
        listedPaths = listing.classifiedPaths
        inventory = listing
    }

    func newVersion() -> Int {
        nextVersion += 1
        return nextVersion
    }

    func version(of path: String) -> Int? {
        pages[path]?.version
    }

    /// One file, reused when `key` matches the last build's.
    func output(_ path: String, key: OutputKey, make: () -> OutputFile) -> OutputFile {
        if let cached = outputs[path], cached.key == key { return cached.file }
        let file = make()
        outputs[path] = (key, file)
        return file
    }

    /// The files for `items`: those whose key matches the last build's are reused, the rest made on all cores.
    func outputs<Item: Sendable>(_ items: [Item], path: (Item) -> String, key: (Item) -> OutputKey,
                       make: @Sendable (Item) -> OutputFile) -> [OutputFile] {
        var files: [OutputFile?] = Array(repeating: nil, count: items.count)
        var missing: [(index: Int, key: OutputKey)] = []
        for (index, item) in items.enumerated() {
            let itemKey = key(item)
            if let cached = outputs[path(item)], cached.key == itemKey {
                files[index] = cached.file
            } else {
                missing.append((index, itemKey))
            }
        }
        let made = missing.parallelMap { make(items[$0.index]) }
        for (slot, file) in zip(missing, made) {
            files[slot.index] = file
            outputs[path(items[slot.index])] = (slot.key, file)
        }
        return files.map { $0! }
    }
}

/// The site-wide inputs of the cached stages, each folded into one key.
struct CacheKeys {
    /// What a page's Markdown depends on besides its own file.
    let markdown: Int
    private let base: Int

    init(cache: BuildCache, options: BuildOptions, plan: SitePlan) {
        var hasher = Hasher()
        hasher.combine(cache.contentGeneration)
        hasher.combine(options.includeDrafts)
        hasher.combine(plan.config.baseURL)
        hasher.combine(plan.paths.basePath)
        // The provider-list directive marks records gone stale by today.
        hasher.combine(options.today.dayNumber)
        markdown = hasher.finalize()

        // Pages show their section's title, which its intro page sets.
        var base = Hasher()
        base.combine(markdown)
        base.combine(cache.templateGeneration)
        base.combine(options.today.dayNumber)
        // Pages printed as leaflets link the PDF only when the build renders it.
        base.combine(options.pdf != nil)
        for section in plan.sections {
            base.combine(section.name)
            base.combine(section.title)
        }
        self.base = base.finalize()
    }

    /// What a page's HTML depends on besides its own file.
    func templates(stylesheet: String) -> Int {
        var hasher = Hasher()
        hasher.combine(base)
        hasher.combine(stylesheet)
        return hasher.finalize()
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
