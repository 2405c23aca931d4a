import Foundation
import Synchronization

/// The folder a build is written into before it is swapped in: the output sink of `posguide build`
/// (`OutputSink.swift`). Files go to disk as soon as they are made, so a large site never holds
/// all its HTML in memory at once.
///
/// Nothing here touches the output folder; `OutputWriter.commit` swaps the staging folder
/// in once the build has succeeded, and `discard` removes it when it has not.
/// The folder stays open and locked while the build runs (`StagingFolder+Lock.swift`).
final class StagingFolder: Sendable {
    let url: URL
    /// `url.path` with a `/` after it, made once: the getter builds a new String each call.
    private let prefix: String
    private let failure = Mutex<Error?>(nil)
    /// The folder, open with a `flock` on it; -1 when not locked.
    private let descriptor: Int32

    init(url: URL, descriptor: Int32 = -1) {
        self.url = url
        self.descriptor = descriptor
        prefix = url.path + "/"
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Writes `file` now (from any thread); a failure is kept for `firstFailure`.
    func write(_ file: OutputFile) {
        // Not `url.appendingPathComponent`: it stats the path it builds.
        let path = prefix + file.path
        do {
            try OutputWriter.makeParent(of: path)
            try OutputWriter.write(file.data(), to: path)
        } catch {
            failure.withLock { if $0 == nil { $0 = error } }
        }
    }

    /// The first write that failed, if any.
    var firstFailure: Error? {
        failure.withLock { $0 }
    }

    /// Removes the folder and everything written to it.
    func discard() {
        try? FileTree.remove(url.path)
    }
}
