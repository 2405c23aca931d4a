import Foundation

/// The site's source files in a folder on disk: what `posguide build`, `check` and the preview read.
///
/// Each call is the `FileSystem` call it stands for, with no more system calls: a listing is one
/// `opendir` per folder (a `realpath` only for links), a read one `open`, `fstat` and `read`.
struct DiskTree: SourceTree {
    /// The site root, the folder holding `content/` and `templates/`.
    let root: String

    init(root: URL) {
        self.root = root.path
    }

    func files(under folder: String) -> SourceListing {
        FileSystem.files(under: location(of: folder), within: root)
    }

    func contents(of path: String) throws(FileSystemError) -> Data {
        try FileSystem.contents(of: location(of: path))
    }

    func item(at path: String) -> SourceItem {
        var info = stat()
        guard stat(location(of: path), &info) == 0 else { return .missing }
        return info.st_mode & S_IFMT == S_IFDIR ? .folder : .file
    }

    func location(of path: String) -> String {
        path.isEmpty ? root : root + "/" + path
    }
}
