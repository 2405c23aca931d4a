import Foundation
import Synchronization

/// A child process (WeasyPrint's Python, Pagefind) with its standard output and error on pipes
/// and nothing on its standard input.
struct Subprocess {
    let process: Process
    /// Read by the caller, as it likes: line by line as the child works, or to the end.
    let stdout: FileHandle
    /// Drained on its own thread from the start, so a chatty child never blocks on a full pipe.
    let stderr: PipeReader

    static func start(_ executable: URL, _ arguments: [String], in directory: URL? = nil) throws -> Subprocess {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return Subprocess(process: process, stdout: out.fileHandleForReading, stderr: PipeReader(err.fileHandleForReading))
    }
}

/// Reads a pipe to its end on a background thread.
final class PipeReader: Sendable {
    private let data = Mutex(Data())
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        DispatchQueue.global().async {
            let read = handle.readDataToEndOfFile()
            self.data.withLock { $0 = read }
            self.done.signal()
        }
    }

    func text() -> String {
        done.wait()
        return data.withLock { String(decoding: $0, as: UTF8.self) }
    }
}
