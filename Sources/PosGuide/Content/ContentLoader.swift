import Foundation

/// Reads the content tree: each file once, in parallel, each validated against its schema.
struct ContentLoader: Sendable {
    /// Where the site's files are read from.
    let tree: any SourceTree
    var includeDrafts = false
    /// Whether `load(known:)` returns what it read, for the next build to reuse (the preview);
    /// a build with no next one (`posguide build`) skips making it.
    var remembersWhatItReads = true

    init(tree: any SourceTree) {
        self.tree = tree
    }

    /// Reads the site in the folder `root`.
    init(root: URL) {
        self.init(tree: DiskTree(root: root))
    }

    /// Folders of `content/` with a meaning of their own; any other folder is a section of pages.
    static let specialFolders: Set<String> = Set(["assets", "data", "guides"] + RecordKinds.all.map(\.folder))

    /// Everything of `content/` but the pages, read together: small files that the whole site depends on.
    struct SiteParts {
        var config: SiteConfig
        var sources: SourceRegistry
        var data: DataValues
        /// Each kind's records, by folder.
        var records: [String: [ContentRecord]]
        var guides: [GuideDefinition]
        var diagnostics: [Diagnostic]
        /// Records whose files could not be read into one: source file -> site path.
        var failedRecords: [String: String] = [:]
    }

    /// What an earlier build read of the content tree, for `load(known:)` to use instead of the files.
    struct Known {
        /// The listing, while no file can have come or gone since.
        var inventory: ContentInventory?
        /// Everything but the pages, with the listing it was read from (which names the files it read).
        var siteParts: (parts: SiteParts, listing: [String])?
        /// Pages as read.
        var pages = KnownPages()
    }

    /// Pages as read, in the order of the listing they were read from: a rebuild with the same
    /// listing (an edit of a page) takes them by position, without a lookup per page, which showed
    /// in profiles of a 10,000-page rebuild.
    struct KnownPages {
        /// The listing's page paths, and each page as read there (nil: to be read again).
        private(set) var paths: [String] = []
        private(set) var results: [LoadedPage?] = []
        /// Path -> position in `paths`, made anew only when the listing changes.
        private var positions: [String: Int] = [:]

        init() {}

        /// Pages at `paths`, `results` read there, `positions` already known when the listing is `known`'s.
        init(paths: [String], results: [LoadedPage?], known: KnownPages) {
            self.paths = paths
            self.results = results
            if known.paths == paths {
                positions = known.positions
            } else {
                positions.reserveCapacity(paths.count)
                for (index, path) in paths.enumerated() { positions[path] = index }
            }
        }

        /// Forgets the page at `path`: it is read again.
        mutating func forget(_ path: String) {
            if let index = positions[path] { results[index] = nil }
        }

        /// The paths of `entries`: the known array itself when they are the same, so that comparing
        /// it with `paths` later takes no pass (arrays with one buffer are equal at once).
        func paths(of entries: [ContentInventory.PageEntry]) -> [String] {
            let same = entries.count == paths.count && entries.indices.allSatisfy { entries[$0].path == paths[$0] }
            return same ? paths : entries.map(\.path)
        }

        /// The page read at each of `paths`, in order (nil where none is known), taken out: when the
        /// listing is the same, the array itself, which the caller then changes in place.
        mutating func take(for paths: [String]) -> [LoadedPage?] {
            defer { results = [] }
            if paths == self.paths { return results }
            return paths.map { positions[$0].flatMap { results[$0] } }
        }
    }

    /// A page as read (nil when the file could not be read into one), with what reading it reported.
    typealias LoadedPage = (page: PageSource?, diagnostics: [Diagnostic])

    /// Reads the content tree.
    func load() -> (SiteContent?, [Diagnostic]) {
        let loaded = load(known: Known())
        return (loaded.content, loaded.diagnostics)
    }

    /// Reads the content tree, but not what `known` holds; `read` is what was read anew
    /// (its `siteParts` nil when the known ones still held).
    func load(known: consuming Known) -> (content: SiteContent?, diagnostics: [Diagnostic], read: Known) {
        guard tree.item(at: "content") == .folder else {
            return (nil, [.error("content.missing", "no content folder: looked for \(tree.location(of: "content"))", at: SourceLocation(path: "content"))], Known())
        }
        let inventory = known.inventory ?? ContentInventory.scan(tree)
        var read = Known(inventory: inventory)
        let parts: SiteParts
        if let kept = known.siteParts, known.inventory != nil || kept.listing == inventory.classifiedPaths {
            parts = kept.parts
        } else {
            parts = loadSiteParts(inventory)
            if remembersWhatItReads { read.siteParts = (parts, inventory.classifiedPaths) }
        }
        var diagnostics = inventory.diagnostics + parts.diagnostics

        var drafts: [String: String] = [:]
        var withErrors = parts.failedRecords
        func keep(_ page: PageSource?, _ entry: ContentInventory.PageEntry) -> Bool {
            guard let page else {
                withErrors[entry.path] = entry.url
                return false
            }
            if includeDrafts || !page.metadata.draft { return true }
            drafts[page.file.path] = page.url
            return false
        }
        func content(_ pages: [PageSource]) -> SiteContent {
            SiteContent(config: parts.config, pages: pages, records: parts.records, recordFolders: inventory.recordFolders, guides: parts.guides,
                        sources: parts.sources, data: parts.data, assets: inventory.assets, drafts: drafts, withErrors: withErrors)
        }

        // Pages dominate the work: read and parse their front matter on every core.
        // A build from scratch knows no page: nothing to compare.
        // What was read is kept only for a build that will be followed by another (the preview's):
        // a table of 100,000 paths is not made for nothing.
        let paths = remembersWhatItReads ? known.pages.paths(of: inventory.pages) : []
        var results: [LoadedPage?] = known.pages.paths.isEmpty ? Array(repeating: nil, count: inventory.pages.count)
            : known.pages.take(for: paths)
        let missing = results.indices.filter { results[$0] == nil }
        let loaded = missing.parallelMap { loadPage(inventory.pages[$0]) }
        for (index, result) in zip(missing, loaded) { results[index] = result }
        if remembersWhatItReads { read.pages = KnownPages(paths: paths, results: results, known: known.pages) }
        var pages: [PageSource] = []
        pages.reserveCapacity(inventory.pages.count)
        // By index, reading fields in place: copying each entry and result out took more than the lookups.
        for index in results.indices where results[index] != nil {
            if !results[index]!.diagnostics.isEmpty { diagnostics += results[index]!.diagnostics }
            let page = results[index]!.page
            if keep(page, inventory.pages[index]), let page { pages.append(page) }
        }
        return (content(pages), diagnostics, read)
    }

    func loadSiteParts(_ inventory: ContentInventory) -> SiteParts {
        var diagnostics: [Diagnostic] = []
        let (config, configDiagnostics) = SiteConfig.load(read(inventory.siteConfig, into: &diagnostics))
        diagnostics += configDiagnostics
        let (sources, sourceDiagnostics) = SourceRegistry.load(read(inventory.sources, into: &diagnostics))
        diagnostics += sourceDiagnostics

        var data = DataValues()
        for path in inventory.dataFiles {
            guard let file = read(path, into: &diagnostics) else { continue }
            diagnostics += DataFile.read(file, name: String(path.split(separator: "/").last!.dropLast(5)), into: &data)
        }

        var records: [String: [ContentRecord]] = [:]
        var failedRecords: [String: String] = [:]
        for kind in RecordKinds.all {
            let paths = inventory.records[kind.folder] ?? []
            let results = paths.parallelMap { path -> (ContentRecord?, [Diagnostic]) in
                var readDiagnostics: [Diagnostic] = []
                guard let file = read(path, into: &readDiagnostics) else { return (nil, readDiagnostics) }
                return kind.load(file, id: Self.stem(path))
            }
            for (path, (record, recordDiagnostics)) in zip(paths, results) {
                diagnostics += recordDiagnostics
                if let record { records[kind.folder, default: []].append(record) } else { failedRecords[path] = kind.url(of: Self.stem(path)) }
            }
        }

        var guides: [GuideDefinition] = []
        for path in inventory.guides {
            guard let file = read(path, into: &diagnostics) else { continue }
            let (guide, guideDiagnostics) = GuideDefinition.load(file, id: Self.stem(path))
            diagnostics += guideDiagnostics
            if let guide { guides.append(guide) }
        }
        return SiteParts(config: config, sources: sources, data: data, records: records, guides: guides,
                         diagnostics: diagnostics, failedRecords: failedRecords)
    }

    private func loadPage(_ entry: ContentInventory.PageEntry) -> (PageSource?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let file = read(entry.path, into: &diagnostics) else { return (nil, diagnostics) }
        let split: FrontMatterSplit
        var unclosed = false
        switch FrontMatterSplit.split(file) {
        case .success(let value): split = value
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            split = FrontMatterSplit.recover(file)
            unclosed = true
        }
        let requireTitle = entry.kind != .home
        let (metadata, metadataDiagnostics) = PageMetadata.read(yaml: split.yaml, lineOffset: split.yamlLineOffset, file: file, requireTitle: requireTitle)
        // Without its closing line, where the front matter ends is a guess: its own errors may be the guess's.
        if !unclosed { diagnostics += metadataDiagnostics }
        let page = PageSource(file: file, kind: entry.kind, url: entry.url, metadata: metadata,
                              body: split.body, bodyFirstLine: split.bodyFirstLine)
        // Kept even with front matter errors, so the body's own problems are reported in the same run.
        return (page, diagnostics)
    }

    /// Reads a file relative to the site root; nil (and a diagnostic) when unreadable or not UTF-8.
    func read(_ path: String?, into diagnostics: inout [Diagnostic]) -> SourceFile? {
        guard let path else { return nil }
        let data: Data
        do {
            data = try tree.contents(of: path)
        } catch {
            diagnostics.append(.error("file.unreadable", "cannot read file: \(error.reason)", at: SourceLocation(path: path)))
            return nil
        }
        switch SourceFile.decode(data, path: path) {
        case .success(let file): return file
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
    }

    static func stem(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.split(separator: ".").dropLast().joined(separator: ".")
    }
}
