import Foundation
import PosGuide
#if canImport(Glibc)
import Glibc
#endif

/// Watches `content/` and `templates/` and reports what changed, debounced: a burst of
/// saves (an editor's temp file and rename, a `git checkout`) arrives as one `SourceChanges`.
///
/// What the debounce protects against: an editor that saves by renaming (the file is missing,
/// or a temporary stands in its place, for a moment), several files saved together (a page and
/// the page it links to: built apart, the first build shows a broken link that is not there), and
/// a file half-written (truncated, then written). Files added, removed or renamed wait out
/// `quiet`; a file still open for writing waits for its close; a plain save in place, once
/// closed, waits only `settle` for a file saved with it, as "save all" writes them back to back
/// (one that comes later, while the rebuild runs, makes `Rebuilder` hold that rebuild back).
///
/// inotify on Linux; elsewhere (or with `POSGUIDE_WATCH=poll`) it compares file stamps
/// every `pollInterval`. Runs on its own thread; `onChange` is called from it.
final class FileWatcher: Sendable {
    let root: URL
    /// How long the tree must stay quiet before a change is reported.
    let quiet: TimeInterval
    /// The same after files changed in place and closed, and nothing else: nothing is missing or half-written.
    let settle: TimeInterval
    /// The longest a steady stream of events may delay a report.
    let maxDelay: TimeInterval
    let pollInterval: TimeInterval
    let onChange: @Sendable (SourceChanges) -> Void
    static let watchedFolders = ["content", "templates"]

    init(root: URL, quiet: TimeInterval = 0.01, settle: TimeInterval = 0.005, maxDelay: TimeInterval = 0.3, pollInterval: TimeInterval = 0.25,
         onChange: @escaping @Sendable (SourceChanges) -> Void) {
        self.root = root
        self.quiet = quiet
        self.settle = settle
        self.maxDelay = maxDelay
        self.pollInterval = pollInterval
        self.onChange = onChange
    }

    /// Starts watching on a thread of its own; returns the mechanism used.
    func start(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        #if os(Linux)
        if environment["POSGUIDE_WATCH"] != "poll", let inotify = Inotify(root: root, folders: Self.watchedFolders) {
            Thread.detachNewThread { self.runInotify(inotify) }
            return "inotify"
        }
        #endif
        Thread.detachNewThread { self.runPolling() }
        return "polling"
    }

    /// Whether a change to this file cannot matter: hidden files (the build skips them), editor
    /// temporaries, and the scratch files editors write while saving (vim's `4913`, `*.tmp`).
    static func isIgnored(_ relativePath: String) -> Bool {
        guard let name = relativePath.split(separator: "/").last.map(String.init) else { return true }
        return name.hasPrefix(".") || ContentRules.isEditorTemporary(name) || name == "4913" || name.hasSuffix(".tmp")
    }

    #if os(Linux)
    private func runInotify(_ inotify: Inotify) {
        var pending = SourceChanges()
        var firstEvent: Date?
        while true {
            // Block until an event; with changes pending, wait only out the quiet (or settling) period.
            var timeout: Int32 = -1
            if let first = firstEvent {
                let settled = !pending.structural && !pending.everything && !inotify.hasFilesOpenForWriting
                timeout = Int32(max(0, min(settled ? settle : quiet, maxDelay - Date().timeIntervalSince(first))) * 1000)
            }
            let batch = inotify.next(timeoutMilliseconds: timeout)
            if let batch, !batch.isEmpty {
                pending.formUnion(batch)
                if firstEvent == nil { firstEvent = Date() }
            }
            let overdue = firstEvent.map { Date().timeIntervalSince($0) >= maxDelay } ?? false
            // A file written in place (truncate, then write) is half-written until it is closed: on a
            // busy machine the writer can pause longer than the quiet period in between, and building
            // then would show the editor a false error. Wait for the close, up to `maxDelay`.
            if !pending.isEmpty, batch == nil && !inotify.hasFilesOpenForWriting || overdue {
                onChange(pending)
                pending = SourceChanges()
                firstEvent = nil
            }
        }
    }
    #endif

    // MARK: polling

    struct Stamp: Equatable {
        var modified: Date
        var size: Int
    }

    func stamps() -> [String: Stamp] {
        var result: [String: Stamp] = [:]
        let keys: [URLResourceKey] = [.contentModificationDateKey, .fileSizeKey, .isRegularFileKey]
        for folder in Self.watchedFolders {
            let base = root.appendingPathComponent(folder)
            guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: keys) else { continue }
            for case let url as URL in enumerator {
                guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { continue }
                let relative = folder + "/" + url.path.dropFirst(base.path.count + 1)
                if Self.isIgnored(relative) { continue }
                result[relative] = Stamp(modified: values.contentModificationDate ?? .distantPast, size: values.fileSize ?? 0)
            }
        }
        return result
    }

    private func runPolling() {
        var known = stamps()
        var pending = SourceChanges()
        while true {
            Thread.sleep(forTimeInterval: pending.isEmpty ? pollInterval : quiet)
            let now = stamps()
            var changes = SourceChanges()
            for (path, stamp) in now where known[path] != stamp {
                changes.paths.insert(path)
                if known[path] == nil { changes.structural = true }
            }
            for path in known.keys where now[path] == nil {
                changes.paths.insert(path)
                changes.structural = true
            }
            known = now
            if changes.isEmpty, !pending.isEmpty {
                onChange(pending)
                pending = SourceChanges()
            } else {
                pending.formUnion(changes)
            }
        }
    }
}

#if os(Linux)
/// The inotify watches on a folder tree, with the path of each watched folder.
// Unchecked: made by `FileWatcher.start` and from then on used only by the one thread it is handed to.
final class Inotify: @unchecked Sendable {
    private let fd: Int32
    private let root: URL
    private var folders: [Int32: String] = [:]
    private var buffer = [UInt8](repeating: 0, count: 64 * 1024)
    /// Files modified since they were last closed after writing.
    private var openForWriting: Set<String> = []
    var hasFilesOpenForWriting: Bool { !openForWriting.isEmpty }
    private static let fileEvents = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_ATTRIB)
    private static let treeEvents = UInt32(IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF)

    init?(root: URL, folders watched: [String]) {
        fd = inotify_init1(Int32(IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        self.root = root
        // The root itself, to notice `content/` or `templates/` appearing or being replaced.
        add(relative: "", recursive: false)
        for folder in watched { add(relative: folder, recursive: true) }
    }

    deinit { close(fd) }

    private func add(relative: String, recursive: Bool) {
        let path = relative.isEmpty ? root.path : root.appendingPathComponent(relative).path
        let wd = inotify_add_watch(fd, path, Self.fileEvents | Self.treeEvents | UInt32(IN_ONLYDIR))
        guard wd >= 0 else { return }
        folders[wd] = relative
        guard recursive, let children = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for child in children where !child.hasPrefix(".") {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path + "/" + child, isDirectory: &isDirectory), isDirectory.boolValue {
                add(relative: relative + "/" + child, recursive: true)
            }
        }
    }

    /// The changes in the next batch of events; nil when `timeoutMilliseconds` passed without one.
    func next(timeoutMilliseconds: Int32) -> SourceChanges? {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let ready = poll(&poller, 1, timeoutMilliseconds)
        guard ready > 0 else { return nil }
        let count = read(fd, &buffer, buffer.count)
        guard count > 0 else { return SourceChanges() }
        var changes = SourceChanges()
        var offset = 0
        let headerSize = MemoryLayout<inotify_event>.size
        while offset + headerSize <= count {
            let (wd, mask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                return (event.wd, event.mask, Int(event.len))
            }
            let nameBytes = buffer[(offset + headerSize)..<(offset + headerSize + length)]
            let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
            offset += headerSize + length

            if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                changes.formUnion(.all)
                continue
            }
            guard let folder = folders[wd] else { continue }
            if mask & UInt32(IN_IGNORED) != 0 {
                folders[wd] = nil
                continue
            }
            let relative = folder.isEmpty ? name : (name.isEmpty ? folder : folder + "/" + name)
            if folder.isEmpty {
                // Only `content/` and `templates/` matter at the root; one of them came or went.
                if FileWatcher.watchedFolders.contains(name) {
                    if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { add(relative: name, recursive: true) }
                    changes.formUnion(.all)
                }
                continue
            }
            if mask & UInt32(IN_ISDIR) != 0 {
                if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { add(relative: relative, recursive: true) }
                if mask & Self.treeEvents != 0 { changes.structural = true }
                // Files inside a folder that moved in or out are not named one by one: distrust them all.
                if mask & UInt32(IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE) != 0 { changes.formUnion(.all) }
                continue
            }
            if FileWatcher.isIgnored(relative) { continue }
            if mask & UInt32(IN_CLOSE_WRITE | IN_DELETE | IN_MOVED_FROM) != 0 {
                openForWriting.remove(relative)
            } else if mask & UInt32(IN_MODIFY) != 0 {
                openForWriting.insert(relative)
            }
            changes.paths.insert(relative)
            if mask & Self.treeEvents != 0 { changes.structural = true }
        }
        return changes
    }
}
#endif
