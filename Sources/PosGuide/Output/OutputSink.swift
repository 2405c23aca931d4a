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
    private let received = Mutex<[OutputFile]>([])
    private let keeps: @Sendable (String) -> Bool

    /// `keeping` chooses the files worth keeping by output path (export keeps only its guides);
    /// the others are dropped as they come.
    init(keeping: @escaping @Sendable (String) -> Bool = { _ in true }) {
        keeps = keeping
    }

    func put(_ file: OutputFile) {
        guard keeps(file.path) else { return }
        received.withLock { $0.append(file) }
    }

    func put(_ files: [OutputFile]) {
        let kept = files.filter { keeps($0.path) }
        received.withLock { $0 += kept }
    }

    /// Every file kept, sorted by path: the same site gives the same order, build after build.
    var files: [OutputFile] {
        received.withLock { $0 }.sorted { $0.path < $1.path }
    }
}

extension StagingFolder: OutputSink {
    func put(_ file: OutputFile) {
        write(file)
    }
}
