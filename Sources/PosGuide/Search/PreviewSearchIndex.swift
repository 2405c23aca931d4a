import Foundation

/// The preview's search index. The preview's site lives in memory, so its pages are mirrored
/// into a temporary folder (only those whose bytes changed are written again), Pagefind indexes
/// the mirror, and the index comes back as files to serve beside the pages under `/pagefind/`.
///
/// Not thread-safe: one rebuild at a time, like `PreviewSite`.
public final class PreviewSearchIndex {
    let indexer: SearchIndexer
    private let mirror: URL
    /// The pages in the mirror as last written, by output path.
    private var written: [String: Data] = [:]
    private var runs = 0

    public init(indexer: SearchIndexer) {
        self.indexer = indexer
        mirror = FileManager.default.temporaryDirectory.appendingPathComponent("posguide-search-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
    }

    deinit {
        try? FileTree.remove(mirror.path)
    }

    /// Indexes the pages among `files` (a preview snapshot); returns the index's files by output path (`pagefind/…`).
    public func index(_ files: [String: Data]) throws -> (files: [String: Data], report: SearchIndexer.Report) {
        let site = mirror.appendingPathComponent("site")
        do {
            try FileSystem.makeFolder(site.path)
            let pages = files.filter { $0.key.hasSuffix(".html") && !$0.key.hasPrefix(SearchIndexer.folder + "/") }
            for path in written.keys where pages[path] == nil {
                try? FileManager.default.removeItem(atPath: site.path + "/" + path)
                written[path] = nil
            }
            for (path, data) in pages where written[path].map({ !PreviewSite.same($0, data) }) ?? true {
                try OutputWriter.makeParent(of: site.path + "/" + path)
                try OutputWriter.write(data, to: site.path + "/" + path)
                written[path] = data
            }
        } catch {
            written = [:]
            throw SearchIndexError("cannot write the preview's pages for Pagefind: \(FileSystemError.words(for: error))")
        }
        runs += 1
        let bundle = mirror.appendingPathComponent("index-\(runs)")
        defer { try? FileTree.remove(bundle.path) }
        let report = try indexer.index(site: site, output: bundle)
        var index: [String: Data] = [:]
        for relative in FileSystem.files(under: bundle.path) {
            index[SearchIndexer.folder + "/" + relative] = try? FileSystem.contents(of: bundle.path + "/" + relative)
        }
        return (index, report)
    }
}
