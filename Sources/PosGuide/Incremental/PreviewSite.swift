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
        var result = SiteBuilder.build(options, cache: cache)
        var changed: [String] = []
        if result.diagnostics.hasErrors {
            snapshot.diagnostics = result.diagnostics
            snapshot.failed = true
        } else {
            var files: [String: Data] = [:]
            files.reserveCapacity(result.files.count)
            for file in result.files {
                let previous = snapshot.files[file.path]
                let data: Data
                switch file.contents {
                case .bytes(let bytes):
                    data = bytes
                    if previous.map({ !Self.same($0, bytes) }) ?? true { changed.append(Self.sitePath(file.path)) }
                case .copy(let url):
                    let source = url.path.hasPrefix(options.source.path + "/") ? String(url.path.dropFirst(options.source.path.count + 1)) : url.path
                    if let previous, !changes.everything, !changes.paths.contains(source) {
                        data = previous
                    } else {
                        do {
                            data = try FileSystem.contents(of: url.path)
                        } catch {
                            // Served empty, and said where the terminal and the page overlay show it.
                            data = Data()
                            result.diagnostics.append(.warning("file.unreadable", "cannot read file: \(error.reason)", at: SourceLocation(path: source)))
                        }
                        if previous != data { changed.append(Self.sitePath(file.path)) }
                    }
                case .written:
                    continue  // only `posguide build` streams files to disk; the preview never does
                }
                files[file.path] = data
            }
            for path in snapshot.files.keys where files[path] == nil { changed.append(Self.sitePath(path)) }
            snapshot = Snapshot(files: files, diagnostics: result.diagnostics, failed: false)
        }
        let milliseconds = Int((DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000)
        return Rebuild(succeeded: !snapshot.failed, changed: changed.sorted(), diagnostics: result.diagnostics,
                       milliseconds: milliseconds, statistics: result.statistics)
    }

    /// Whether two files hold the same bytes. A file the cache reused is the very buffer served
    /// before, which answers without reading it; only files made anew are compared byte by byte.
    static func same(_ a: Data, _ b: Data) -> Bool {
        guard a.count == b.count else { return false }
        let shared = a.withUnsafeBytes { x in b.withUnsafeBytes { y in x.baseAddress == y.baseAddress } }
        return shared || a == b
    }

    /// `articles/fees/index.html` -> `/articles/fees/`, as a browser's address shows it.
    static func sitePath(_ outputPath: String) -> String {
        if outputPath == "index.html" { return "/" }
        if outputPath.hasSuffix("/index.html") { return "/" + outputPath.dropLast("index.html".count) }
        return "/" + outputPath
    }
}
