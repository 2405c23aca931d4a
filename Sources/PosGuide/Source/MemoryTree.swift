import Foundation

/// The site's source files held in memory, by path relative to the site root
/// (`content/site.yaml`): a build from them reads no disk at all.
///
/// Listings follow `DiskTree`'s rules (hidden names skipped); nothing in memory can link out of the site.
struct MemoryTree: SourceTree {
    let files: [String: Data]
    /// Every folder above a file, "" (the root) included.
    private let folders: Set<String>

    init(_ files: [String: Data]) {
        self.files = files
        var folders: Set<String> = [""]
        for path in files.keys {
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                guard folders.insert(String(folder)).inserted else { break }
            }
        }
        self.folders = folders
    }

    /// Every file under `folders` of `tree` (e.g. a `DiskTree`), read into memory.
    init(copying tree: some SourceTree, folders: [String]) throws(FileSystemError) {
        var files: [String: Data] = [:]
        for folder in folders {
            for relative in tree.files(under: folder).files {
                let path = folder.isEmpty ? relative : folder + "/" + relative
                files[path] = try tree.contents(of: path)
            }
        }
        self.init(files)
    }

    func files(under folder: String) -> SourceListing {
        let prefix = folder.isEmpty ? "" : folder + "/"
        var listing = SourceListing()
        for path in files.keys where path.hasPrefix(prefix) {
            let relative = path.dropFirst(prefix.count)
            // Hidden files and folders are skipped on disk too.
            guard !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
            listing.files.append(String(relative))
        }
        return listing
    }

    func contents(of path: String) throws(FileSystemError) -> Data {
        if let data = files[path] { return data }
        throw FileSystemError("read", path, reason: FileSystemError.words(errno: folders.contains(path) ? EISDIR : ENOENT))
    }

    func item(at path: String) -> SourceItem {
        if files[path] != nil { return .file }
        return folders.contains(path) ? .folder : .missing
    }

    func location(of path: String) -> String {
        path
    }
}
