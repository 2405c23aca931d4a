import Foundation
@testable import PosGuide

/// The built `posguide` binary, started without waiting for it: for a build to be killed, raced
/// or bounded in time and memory. stdout and stderr go to files, so a full pipe never stalls it.
final class BackgroundRun {
    let process = Process()
    private let stdoutFile: URL
    private let stderrFile: URL

    /// Starts `posguide arguments`; with `memoryLimitKiB`, under `ulimit -v` of that size.
    init(_ arguments: [String], memoryLimitKiB: Int? = nil) throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("posguide-run-\(UUID().uuidString)")
        stdoutFile = base.appendingPathExtension("out")
        stderrFile = base.appendingPathExtension("err")
        FileManager.default.createFile(atPath: stdoutFile.path, contents: nil)
        FileManager.default.createFile(atPath: stderrFile.path, contents: nil)
        if let memoryLimitKiB {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "ulimit -v \(memoryLimitKiB) && exec \"$0\" \"$@\"", PosguideBinary.url.path] + arguments
        } else {
            process.executableURL = PosguideBinary.url
            process.arguments = arguments
        }
        process.standardOutput = try FileHandle(forWritingTo: stdoutFile)
        process.standardError = try FileHandle(forWritingTo: stderrFile)
        try process.run()
    }

    deinit {
        if process.isRunning { process.terminate() }
        try? FileManager.default.removeItem(at: stdoutFile)
        try? FileManager.default.removeItem(at: stderrFile)
    }

    var pid: Int32 { process.processIdentifier }

    /// Waits for the process to end, killing it after `seconds`; nil if it had to be killed.
    func finish(within seconds: TimeInterval) -> PosguideBinary.Run? {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            kill(pid, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        process.waitUntilExit()
        return PosguideBinary.Run(
            status: process.terminationStatus,
            stdout: String(decoding: FileSystem.read(stdoutFile.path) ?? Data(), as: UTF8.self),
            stderr: String(decoding: FileSystem.read(stderrFile.path) ?? Data(), as: UTF8.self)
        )
    }

    /// Polls `condition` every 10 ms while the process runs, for up to `seconds`; whether it came true.
    func waitWhileRunning(upTo seconds: TimeInterval, for condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            if !process.isRunning { return false }
            usleep(10_000)
        }
        return false
    }

    /// Kills the process with SIGKILL (no handler, no cleanup: as a power cut would) and waits for it.
    func killNow() {
        kill(pid, SIGKILL)
        process.waitUntilExit()
    }
}
