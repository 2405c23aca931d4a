import Foundation

/// Which staging folders beside an output belong to a running build.
///
/// A build holds a `flock` on its staging folder from the moment it makes it; the kernel lets go
/// when the process ends, however it ends. A staging folder nobody holds was left by a build that
/// was killed (`kill -9`, a power cut, Ctrl-C) before its swap: the next build hands it to the
/// trash. One that is held belongs to a build running now, into the same output, and is left alone.
extension StagingFolder {
    /// The start of the names of `output`'s staging folders; the process id follows.
    static func prefix(of output: URL) -> String {
        ".\(output.lastPathComponent).posguide-staging-"
    }

    /// Makes an empty staging folder beside `output`, named for this process, and locks it.
    static func make(beside output: URL) throws -> StagingFolder {
        let path = output.deletingLastPathComponent().path + "/" + prefix(of: output) + "\(ProcessInfo.processInfo.processIdentifier)"
        // Another build's `sweep` may catch the folder between its making and its locking, and take it
        // away: then it is made again.
        for _ in 0..<5 {
            var info = stat()
            // One of this name is a killed build's that had this process id (ids are reused).
            if lstat(path, &info) == 0 { try FileTree.remove(path) }
            do {
                try FileSystem.makeFolder(path)
            } catch {
                throw FileSystemError("create the staging folder", path, reason: error.reason)
            }
            let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard descriptor >= 0 else { throw FileSystemError("create the staging folder", path, errno: errno) }
            while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
            if isOpen(descriptor, at: path) { return StagingFolder(url: URL(fileURLWithPath: path), descriptor: descriptor) }
            close(descriptor)
        }
        throw FileSystemError("create the staging folder", path, reason: "another posguide build keeps removing it")
    }

    /// Hands every staging folder of `output` that no running build holds to the trash.
    /// Returns the folders handed over.
    @discardableResult
    static func sweep(beside output: URL) -> [String] {
        let parent = output.deletingLastPathComponent().path
        let prefix = prefix(of: output)
        // Only posguide's own names: the prefix and a process id, nothing else.
        let candidates = FileTree.names(in: parent, startingWith: prefix).filter { name in
            let id = name.dropFirst(prefix.count)
            return !id.isEmpty && id.allSatisfy { ("0"..."9").contains($0) }
        }.map { parent + "/" + $0 }
        var swept: [String] = []
        for path in candidates {
            // Not followed if it is a link: a link is no staging folder.
            let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard descriptor >= 0 else { continue }
            defer { close(descriptor) }
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0, isOpen(descriptor, at: path) else { continue }
            // The trash deletes in the background and keeps only folders with the marker (so that a
            // deletion cut short is finished later): a killed build's folder gets one.
            try? OutputWriter.write(Data(OutputWriter.markerText.utf8), to: path + "/" + OutputWriter.markerName)
            try? Trash.discard(path, beside: output)
            swept.append(path)
        }
        return swept
    }

    /// Whether `path` is still the folder open as `descriptor` (not removed or replaced meanwhile).
    private static func isOpen(_ descriptor: Int32, at path: String) -> Bool {
        var open = stat(), named = stat()
        guard fstat(descriptor, &open) == 0, lstat(path, &named) == 0 else { return false }
        return open.st_dev == named.st_dev && open.st_ino == named.st_ino
    }
}
