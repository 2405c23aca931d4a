import Foundation

/// One file of the built site.
struct OutputFile: Sendable {
    enum Contents: Sendable {
        case bytes(Data)
        /// A file of the site copied as it is (assets), by its path in the tree: read only when written or served.
        case copy(String, from: any SourceTree)
    }

    /// Relative to the output folder: `articles/fees/index.html`.
    var path: String
    var contents: Contents

    init(path: String, contents: Contents) {
        self.path = path
        self.contents = contents
    }

    init(path: String, text: String) {
        // One memcpy: `Data(text.utf8)` copies byte by byte through the generic Sequence path,
        // which profiling put at 4% of a large build.
        var text = text
        self.init(path: path, contents: .bytes(text.withUTF8 { Data($0) }))
    }

    /// The bytes, reading copied files from their source tree.
    func data() throws -> Data {
        switch contents {
        case .bytes(let data): return data
        case .copy(let source, let tree): return try tree.contents(of: source)
        }
    }
}

/// What a build says about itself; its files went into the sink it was handed.
struct BuildResult: Sendable {
    var diagnostics: [Diagnostic]
    var statistics: BuildStatistics

    /// Whether the files may be published: no errors, and no warnings when `strict`.
    func isPublishable(strict: Bool) -> Bool {
        !diagnostics.hasErrors && !(strict && !diagnostics.isEmpty)
    }
}

/// A build made into memory (`SiteBuilder.buildInMemory`): its files and what it says.
struct MemoryBuild: Sendable {
    /// Sorted by path; none when the build has errors.
    var files: [OutputFile]
    var diagnostics: [Diagnostic]
    var statistics: BuildStatistics

    var paths: [String] { files.map(\.path) }

    func file(_ path: String) -> OutputFile? {
        files.first { $0.path == path }
    }
}

public struct BuildStatistics: Sendable {
    var pages = 0
    /// Each kind's published records, in `RecordKinds.all` order: `12 providers`, `30 glossary terms`.
    var records: [String] = []
    var files = 0
    var milliseconds = 0
    /// Milliseconds per stage, in order.
    public var stages: [(name: String, milliseconds: Int)] = []

    /// `built 15 pages, 12 providers, 30 glossary terms, 48 files in 120 ms`
    public var summary: String {
        "built \(counts), \(files) files in \(milliseconds) ms"
    }

    /// `15 pages, 12 providers, 30 glossary terms`: the pages, then each kind that has records.
    var counts: String {
        (["\(pages) pages"] + records).joined(separator: ", ")
    }
}
