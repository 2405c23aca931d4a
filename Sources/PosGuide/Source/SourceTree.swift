import Foundation

/// The site's source files (`content/`, `templates/`), the only way a build reads them.
///
/// Paths are relative to the site root, as diagnostics print them: `content/site.yaml`.
/// `DiskTree` reads a folder; `MemoryTree` holds the files, so a build is a function from
/// them to the output files, with no disk in between (tests, tools).
protocol SourceTree: Sendable {
    /// Every file under `folder` (following links to files, not into linked folders), relative
    /// to it, skipping hidden files and folders (names starting with `.`); unsorted. A link to a
    /// file outside the site is not listed but returned in `outside`: reported, never read.
    func files(under folder: String) -> SourceListing

    /// The whole file; a failure says why (`cannot read …: permission denied`).
    func contents(of path: String) throws(FileSystemError) -> Data

    /// Whether `path` is a file, a folder or nothing.
    func item(at path: String) -> SourceItem

    /// Where a person finds `path`, for messages: the absolute path on disk, else `path` itself.
    func location(of path: String) -> String
}

/// What `SourceTree.files(under:)` found.
struct SourceListing: Sendable, Equatable {
    /// A link in a listed folder to a file outside the folder the site may read from.
    struct LinkOutside: Sendable, Equatable {
        /// Relative to the listed folder.
        var path: String
        /// Where the link leads, resolved.
        var target: String
    }

    var files: [String] = []
    var outside: [LinkOutside] = []
}

/// What a path of a `SourceTree` names.
enum SourceItem: Sendable, Equatable {
    case file, folder, missing
}

extension SourceTree {
    /// The file as text of the site's encoding, or nil when it cannot be read (a missing optional file).
    func text(of path: String) -> String? {
        guard let data = try? contents(of: path) else { return nil }
        return String(data: data, encoding: .utf8)
    }
}
