import Foundation

/// `posguide --version`: `posguide 0.1.0 (abc1234)`.
///
/// The commit is read from git when asked, in the checkout the binary sits in (`.build/…/posguide`),
/// not compiled in: a commit compiled in would rebuild the binary for every commit, content-only
/// ones included, and `swift build` alone could not set it. The `./posguide` launcher rebuilds the
/// binary whenever a Swift source changes, so the checkout's commit is the one it was built from;
/// `+` says the Swift sources have changes not yet committed.
public enum VersionCommand {
    /// The release, as CHANGELOG.md names it.
    public static let version = "0.1.0"

    public static func line(executable: URL) -> String {
        guard let commit = commit(near: executable) else { return "posguide \(version)" }
        return "posguide \(version) (\(commit))"
    }

    /// The commit of the repository holding `executable`, nil outside one (or without git).
    static func commit(near executable: URL) -> String? {
        var folder = executable.resolvingSymlinksInPath().deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
            guard folder.path != "/" else { return nil }
            folder = folder.deletingLastPathComponent()
        }
        guard let head = git(["rev-parse", "--short=7", "HEAD"], in: folder), !head.isEmpty else { return nil }
        let changes = git(["status", "--porcelain", "--", "Sources", "Package.swift"], in: folder) ?? ""
        return head + (changes.isEmpty ? "" : "+")
    }

    private static func git(_ arguments: [String], in folder: URL) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder.path] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
