import Foundation

/// Deletes a folder tree with plain directory reads and `unlinkat`.
///
/// `FileManager.removeItem` stats each entry several times; on a large
/// output that took almost as long as rendering the site. Symbolic links are
/// removed, never followed.
enum FileTree {
    static func remove(_ path: String) throws {
        let directory = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard directory >= 0 else { throw error(path) }
        try removeContents(of: directory, path: path)
        close(directory)
        guard rmdir(path) == 0 else { throw error(path) }
    }

    /// Empties the open folder `directory`, then closes nothing: the caller owns it.
    private static func removeContents(of directory: Int32, path: String) throws {
        let duplicate = dup(directory)
        guard duplicate >= 0, let stream = fdopendir(duplicate) else { throw error(path) }
        defer { closedir(stream) }
        while let entry = readdir(stream) {
            let name = FileSystem.name(of: entry)
            if name == "." || name == ".." { continue }
            let childPath = path + "/" + name
            if Int32(entry.pointee.d_type) == Int32(DT_DIR) {
                let child = openat(directory, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                guard child >= 0 else { throw error(childPath) }
                defer { close(child) }
                try removeContents(of: child, path: childPath)
                guard unlinkat(directory, name, AT_REMOVEDIR) == 0 else { throw error(childPath) }
            } else {
                guard unlinkat(directory, name, 0) == 0 else { throw error(childPath) }
            }
        }
    }

    /// The names in the folder `parent` that start with `prefix` (none when it cannot be read).
    static func names(in parent: String, startingWith prefix: String) -> [String] {
        guard let stream = opendir(parent) else { return [] }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = FileSystem.name(of: entry)
            if name.hasPrefix(prefix) { names.append(name) }
        }
        return names
    }

    private static func error(_ path: String) -> FileSystemError {
        FileSystemError("remove", path, errno: errno)
    }
}
