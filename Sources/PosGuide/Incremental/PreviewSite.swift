import Foundation

/// The site as the preview serves it: built once, then rebuilt from what changed,
/// always holding the last good build's files in memory.
///
/// Not thread-safe: one rebuild at a time (the preview's rebuild loop); hand the
/// `Snapshot` to whoever serves.
public final class PreviewSite {
    /// A good build's files, by output path (`articles/fees/index.html`), ready to serve.
    public struct Snapshot: Sendable {
        public var files: [String: Data] = [:]
        /// The diagnostics of the newest build, good or failed.
        public var diagnostics: [Diagnostic] = []
        /// Whether the newest build failed: `files` are then the last good build's.
        public var failed = false

        public init(files: [String: Data] = [:], diagnostics: [Diagnostic] = [], failed: Bool = false) {
            self.files = files
            self.diagnostics = diagnostics
            self.failed = failed
        }
    }

    /// What a rebuild did.
    public struct Rebuild: Sendable {
        public var succeeded: Bool
        /// Site paths whose bytes changed (`/articles/fees/`, `/assets/site.css`), removed ones included.
        public var changed: [String]
        public var diagnostics: [Diagnostic]
        public var milliseconds: Int
        public var statistics: BuildStatistics
    }

    let options: BuildOptions
    private let cache = BuildCache()
    public private(set) var snapshot = Snapshot()
    /// The last good build's files in its order, to compare the next build's by position rather than by lookup.
    private var lastFiles: (paths: [String], data: [Data])?

    public init(options: BuildOptions) {
        var options = options
        options.pdf = nil
        options.servesAtRoot = true
        self.options = options
    }

    /// Rebuilds after `changes` (`.all` for the first build).
    public func rebuild(_ changes: SourceChanges) -> Rebuild {
        let start = DispatchTime.now()
        cache.invalidate(changes)
        // Into memory: a failed build's files are never served, the last good build's stay.
        let sink = MemorySink()
        let built = SiteBuilder.build(options, into: sink, cache: cache)
        var diagnostics = built.diagnostics
        var changed: [String] = []
        if diagnostics.hasErrors {
            snapshot.diagnostics = diagnostics
            snapshot.failed = true
        } else {
            // In the order the build put them, not sorted: with a cache, the same site's files come in the same order.
            let batches = sink.inOrder
            if let paths = lastFiles?.paths, Self.samePaths(paths, batches) {
                updateInPlace(batches, changes: changes, changed: &changed, diagnostics: &diagnostics)
            } else {
                replaceAll(batches, changes: changes, changed: &changed, diagnostics: &diagnostics)
            }
        }
        let milliseconds = Int((DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000)
        return Rebuild(succeeded: !snapshot.failed, changed: changed.sorted(), diagnostics: diagnostics,
                       milliseconds: milliseconds, statistics: built.statistics)
    }

    /// The same files as the last good build, in the same order (the usual edit): each compared with
    /// the one at its position, and only those made anew put in the served table.
    private func updateInPlace(_ batches: [[OutputFile]], changes: SourceChanges, changed: inout [String], diagnostics: inout [Diagnostic]) {
        let paths = lastFiles!.paths
        var data = lastFiles!.data
        // Let go here, so that `data` is the only reference and changes in place.
        lastFiles = nil
        var files = snapshot.files
        var index = 0
        // Each file read in place, through the buffer: taking it out of the array copies it.
        for batch in batches {
            batch.withUnsafeBufferPointer { batch in
                for position in batch.indices {
                    let previous = data[index]
                    let (bytes, isChanged) = contents(of: batch[position].contents, previous: previous, changes: changes, diagnostics: &diagnostics)
                    if isChanged { changed.append(Self.sitePath(batch[position].path)) }
                    if !Self.sharesBuffer(bytes, previous) {
                        files[batch[position].path] = bytes
                        data[index] = bytes
                    }
                    index += 1
                }
            }
        }
        lastFiles = (paths, data)
        snapshot = Snapshot(files: files, diagnostics: diagnostics, failed: false)
    }

    /// Other files than the last good build's (the first build, a page added or removed): a new
    /// served table, each file compared with the one at its path before.
    private func replaceAll(_ batches: [[OutputFile]], changes: SourceChanges, changed: inout [String], diagnostics: inout [Diagnostic]) {
        var files: [String: Data] = [:]
        let count = batches.reduce(0) { $0 + $1.count }
        files.reserveCapacity(count)
        var order: (paths: [String], data: [Data]) = ([], [])
        order.paths.reserveCapacity(count)
        order.data.reserveCapacity(count)
        for file in batches.joined() {
            let (data, isChanged) = contents(of: file.contents, previous: snapshot.files[file.path], changes: changes, diagnostics: &diagnostics)
            if isChanged { changed.append(Self.sitePath(file.path)) }
            files[file.path] = data
            order.paths.append(file.path)
            order.data.append(data)
        }
        for path in snapshot.files.keys where files[path] == nil { changed.append(Self.sitePath(path)) }
        lastFiles = order
        snapshot = Snapshot(files: files, diagnostics: diagnostics, failed: false)
    }

    /// Whether `batches` hold files at `paths`, in that order.
    private static func samePaths(_ paths: [String], _ batches: [[OutputFile]]) -> Bool {
        var index = 0
        for batch in batches {
            guard index + batch.count <= paths.count else { return false }
            for position in batch.indices {
                guard paths[index] == batch[position].path else { return false }
                index += 1
            }
        }
        return index == paths.count
    }

    /// The bytes to serve for a file of `contents` and whether they differ from `previous`, the last
    /// good build's (nil when it had no such file).
    private func contents(of contents: OutputFile.Contents, previous: Data?, changes: SourceChanges, diagnostics: inout [Diagnostic]) -> (Data, Bool) {
        switch contents {
        case .bytes(let bytes):
            return (bytes, previous.map { !Self.same($0, bytes) } ?? true)
        case .copy(let source, let tree):
            if let previous, !changes.everything, !changes.paths.contains(source) { return (previous, false) }
            let data: Data
            do {
                data = try tree.contents(of: source)
            } catch {
                // Served empty, and said where the terminal and the page overlay show it.
                data = Data()
                diagnostics.append(.warning("file.unreadable", "cannot read file: \(error.reason)", at: SourceLocation(path: source)))
            }
            return (data, previous != data)
        }
    }

    /// Whether two files are the very same buffer.
    static func sharesBuffer(_ a: Data, _ b: Data) -> Bool {
        a.count == b.count && a.withUnsafeBytes { x in b.withUnsafeBytes { y in x.baseAddress == y.baseAddress } }
    }

    /// Whether two files hold the same bytes. A file the cache reused is the very buffer served
    /// before, which answers without reading it; only files made anew are compared byte by byte.
    static func same(_ a: Data, _ b: Data) -> Bool {
        guard a.count == b.count else { return false }
        return sharesBuffer(a, b) || a == b
    }

    /// `articles/fees/index.html` -> `/articles/fees/`, as a browser's address shows it.
    static func sitePath(_ outputPath: String) -> String {
        if outputPath == "index.html" { return "/" }
        if outputPath.hasSuffix("/index.html") { return "/" + outputPath.dropLast("index.html".count) }
        return "/" + outputPath
    }
}
