import Foundation

/// Listing and reading the site's files with as few system calls as the job needs.
///
/// On a 10,000-page site every call per file counts: `FileManager`'s enumerator stats each entry
/// twice, `URL.appendingPathComponent` stats the path it builds (to decide on a trailing slash),
/// and `FileManager.contents(atPath:)` stats again before reading. strace showed five stats
/// per page, two seconds of system time on this machine kind's disk.
enum FileSystem {
    /// Every file under `root` (following links to files, not into linked folders), as paths
    /// relative to it, skipping hidden files and folders (names starting with `.`). Unsorted.
    static func files(under root: String) -> [String] {
        var found: [String] = []
        var outside: [SourceListing.LinkOutside] = []
        collect(root, prefix: "", boundary: nil, into: &found, outside: &outside)
        return found
    }

    /// Like `files(under:)`, but a link to a file outside `boundary` (the site's folder) is not
    /// listed: it is returned in `outside`, so a link to `/etc/passwd` is reported, never read
    /// and published. Only links cost the extra `realpath`.
    static func files(under root: String, within boundary: String) -> SourceListing {
        var found: [String] = []
        var outside: [SourceListing.LinkOutside] = []
        let resolvedBoundary = resolved(boundary) ?? boundary
        collect(root, prefix: "", boundary: resolvedBoundary.hasSuffix("/") ? resolvedBoundary : resolvedBoundary + "/",
                into: &found, outside: &outside)
        return SourceListing(files: found, outside: outside)
    }

    private static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    private static func collect(_ path: String, prefix: String, boundary: String?, into found: inout [String],
                                outside: inout [SourceListing.LinkOutside]) {
        guard let stream = opendir(path) else { return }
        defer { closedir(stream) }
        while let entry = readdir(stream) {
            let name = self.name(of: entry)
            if name.hasPrefix(".") { continue }
            let childPath = path + "/" + name
            let relative = prefix + name
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) || type == Int32(DT_LNK) {
                // Some file systems do not say; links count as what they point at.
                var info = stat()
                guard stat(childPath, &info) == 0 else { continue }
                let isDirectory = info.st_mode & S_IFMT == S_IFDIR
                if type == Int32(DT_LNK) && isDirectory { continue }
                if type == Int32(DT_LNK), let boundary, let target = resolved(childPath), !target.hasPrefix(boundary) {
                    outside.append(SourceListing.LinkOutside(path: relative, target: target))
                    continue
                }
                type = Int32(isDirectory ? DT_DIR : DT_REG)
            }
            if type == Int32(DT_DIR) {
                collect(childPath, prefix: relative + "/", boundary: boundary, into: &found, outside: &outside)
            } else {
                found.append(relative)
            }
        }
    }

    /// The name in a `readdir` entry.
    static func name(of entry: UnsafeMutablePointer<dirent>) -> String {
        withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    }

    /// Makes the folder `path` and any missing folders above it, like `mkdir -p`.
    /// Not `FileManager.createDirectory`: on Linux it loses the errno of some failures
    /// (a file where a folder should be comes back as "unknown error" 512).
    static func makeFolder(_ path: String) throws(FileSystemError) {
        if mkdir(path, 0o755) == 0 { return }
        let code = errno
        switch code {
        case EEXIST:
            var info = stat()
            if stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { return }
            throw FileSystemError("create the folder", path, reason: FileSystemError.words(errno: EEXIST))
        case ENOENT:
            let parent = (path as NSString).deletingLastPathComponent
            guard !parent.isEmpty, parent != path else { throw FileSystemError("create the folder", path, errno: code) }
            try makeFolder(parent)
            if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
            throw FileSystemError("create the folder", path, errno: errno)
        default:
            throw FileSystemError("create the folder", path, errno: code)
        }
    }

    /// The whole file at `path`, or nil when it cannot be read.
    static func read(_ path: String) -> Data? {
        try? contents(of: path)
    }

    /// The whole file at `path`; a failure says why, in words (`cannot read …: permission denied`).
    static func contents(of path: String) throws(FileSystemError) -> Data {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileSystemError("read", path, errno: errno) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw FileSystemError("read", path, errno: errno) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw FileSystemError("read", path, reason: info.st_mode & S_IFMT == S_IFDIR ? FileSystemError.words(errno: EISDIR) : "it is not a regular file")
        }
        // Read into memory the Data then owns, not into `Data(count:)`, which zeroes every byte
        // first and is written through Data's copy-on-write checks (every page is read here).
        let size = Int(info.st_size)
        guard let buffer = malloc(max(size, 1)) else { throw FileSystemError("read", path, errno: ENOMEM) }
        var filled = 0
        while filled < size {
            let count = Foundation.read(descriptor, buffer + filled, size - filled)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                if count == 0 { break }
                let code = errno
                free(buffer)
                throw FileSystemError("read", path, errno: code)
            }
            filled += count
        }
        // A file that shrank while being read: keep what was there.
        return Data(bytesNoCopy: buffer, count: filled, deallocator: .free)
    }
}
