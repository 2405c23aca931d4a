import Foundation

/// The previous output, once a new one is swapped in, is deleted in the background.
///
/// Deleting 10,000 files took about as long as building them, so `build` renames the old tree
/// to a trash folder beside the output (`.public.posguide-trash-<pid>-<n>`) and hands it to a
/// detached `find`/`rm` in its own session: the command returns as soon as the new output is in
/// place, and a Ctrl-C in the terminal does not stop the deletion. The output marker is deleted
/// last, so a deletion cut short (a reboot, a kill) leaves a folder that still carries it, and the
/// next build hands every such leftover to the background again. A folder beside the output
/// without the marker is never touched, whatever its name (a killed build's staging folder is
/// given the marker first: `StagingFolder+Lock.swift`).
enum Trash {
    /// The start of the names of `output`'s trash folders.
    static func prefix(of output: URL) -> String {
        ".\(output.lastPathComponent).posguide-trash-"
    }

    /// A name no trash folder beside `output` has yet.
    static func newFolder(beside output: URL) -> URL {
        let parent = output.deletingLastPathComponent()
        let base = prefix(of: output) + "\(ProcessInfo.processInfo.processIdentifier)-"
        var number = 1
        while true {
            let candidate = parent.appendingPathComponent(base + "\(number)")
            var info = stat()
            if lstat(candidate.path, &info) != 0 { return candidate }
            number += 1
        }
    }

    /// Moves the tree at `path` (the previous output) to a new trash folder and deletes it
    /// in the background. A tree without the marker (an empty folder that was the output)
    /// is deleted now: without the marker a leftover could not be told from a reader's folder.
    static func discard(_ path: String, beside output: URL) throws {
        guard carriesMarker(path) else {
            try FileTree.remove(path)
            return
        }
        let trash = newFolder(beside: output)
        guard rename(path, trash.path) == 0 else {
            try FileTree.remove(path)
            return
        }
        if !deleteInBackground(trash.path) { try FileTree.remove(trash.path) }
    }

    /// Hands every leftover trash folder of `output` that carries the marker to the background.
    /// Returns the folders handed over.
    @discardableResult
    static func sweep(beside output: URL) -> [String] {
        let parent = output.deletingLastPathComponent().path
        let leftovers = FileTree.names(in: parent, startingWith: prefix(of: output)).map { parent + "/" + $0 }.filter(carriesMarker)
        for leftover in leftovers where !deleteInBackground(leftover) {
            try? FileTree.remove(leftover)
        }
        return leftovers
    }

    /// Whether `path` is a folder itself (not a link to one) holding posguide's output marker as a file.
    static func carriesMarker(_ path: String) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return false }
        guard lstat(path + "/" + OutputWriter.markerName, &info) == 0 else { return false }
        return info.st_mode & S_IFMT == S_IFREG
    }

    /// Everything but the top-level marker first (`find -delete` works depth first and never
    /// follows links), then the marker and the folder.
    static let script = "cd -- \"$1\" && find . -mindepth 1 ! -path ./\(OutputWriter.markerName) -delete; cd / && rm -rf -- \"$1\""

    /// `POSIX_SPAWN_SETSID`, which Glibc declares only for GNU sources, so Swift does not see it.
    #if os(Linux)
    private static let newSession: Int16 = 0x80
    #else
    private static let newSession: Int16 = 0x400
    #endif

    /// Starts the deletion of `path` in a new session, with no terminal and no output, and
    /// returns at once; false when it could not be started. A thread reaps the child, so a
    /// long-running process (the tests, a server) collects no zombies; a command that exits
    /// first leaves the child to init.
    static func deleteInBackground(_ path: String) -> Bool {
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        guard posix_spawn_file_actions_init(&actions) == 0 else { return false }
        defer { posix_spawn_file_actions_destroy(&actions) }
        guard posix_spawnattr_init(&attributes) == 0 else { return false }
        defer { posix_spawnattr_destroy(&attributes) }
        for descriptor: Int32 in [0, 1, 2] {
            posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        posix_spawnattr_setflags(&attributes, newSession)
        let arguments = ["/bin/sh", "-c", script, "posguide-trash", path]
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var spawned = pid_t()
        guard posix_spawn(&spawned, "/bin/sh", &actions, &attributes, argv, environ) == 0 else { return false }
        let child = spawned
        Thread.detachNewThread {
            var status: Int32 = 0
            while waitpid(child, &status, 0) < 0 && errno == EINTR {}
        }
        return true
    }
}
