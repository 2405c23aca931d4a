import Foundation
import Synchronization

/// Where a build's files go, each as soon as it is made, from any of the build's threads.
///
/// The builder is handed one and puts every file it makes into it; nothing else in a build
/// writes a file. `StagingFolder` writes them to disk (`posguide build`); `MemorySink` keeps
/// them (the preview, export, tests).
protocol OutputSink: Sendable {
    /// Takes `file`. A sink that cannot keep it records the failure and says so when asked
    /// (`StagingFolder.firstFailure`): the build goes on, its output is not published.
    func put(_ file: OutputFile)
    /// Takes `files`, in order.
    func put(_ files: [OutputFile])
}

extension OutputSink {
    func put(_ files: [OutputFile]) {
        for file in files { put(file) }
    }
}

/// A build's files kept in memory.
final class MemorySink: OutputSink {
    /// The arrays put, as they came: a preview rebuild puts 10,000 files in one, and copying each file
    /// into one array of all (then sorting them) showed in its profile. Files put one by one wait in
    /// `single` until an array comes, to keep their order.
    private struct Received {
        var batches: [[OutputFile]] = []
        var single: [OutputFile] = []

        mutating func flush() {
            guard !single.isEmpty else { return }
            batches.append(single)
            single = []
        }
    }

    private let received = Mutex(Received())
    private let keeps: (@Sendable (String) -> Bool)?

    /// `keeping` chooses the files worth keeping by output path (export keeps only its guides);
    /// the others are dropped as they come. Without it, every file is kept.
    init(keeping: (@Sendable (String) -> Bool)? = nil) {
        keeps = keeping
    }

    func put(_ file: OutputFile) {
        if let keeps, !keeps(file.path) { return }
        received.withLock { $0.single.append(file) }
    }

    func put(_ files: [OutputFile]) {
        guard !files.isEmpty else { return }
        let kept = keeps.map { keeps in files.filter { keeps($0.path) } } ?? files
        received.withLock {
            $0.flush()
            $0.batches.append(kept)
        }
    }

    /// Every file kept, sorted by path: the same site gives the same order, build after build.
    var files: [OutputFile] {
        Array(inOrder.joined()).sorted { $0.path < $1.path }
    }

    /// Every file kept, in the arrays they were put in, in the order they came. A build that puts
    /// from one thread (one with a cache) puts the same site's files in the same order every time.
    var inOrder: [[OutputFile]] {
        received.withLock {
            $0.flush()
            return $0.batches
        }
    }
}

extension StagingFolder: OutputSink {
    func put(_ file: OutputFile) {
        write(file)
    }
}
