/// What a command prints and how it exits; the CLI only passes these on.
public struct CommandResult: Sendable {
    /// 0 success, 1 content errors, 2 usage errors (the CLI contract).
    public var exitCode: Int32
    public var stdout: String
    public var stderr: String

    init(exitCode: Int32 = 0, stdout: String = "", stderr: String = "") {
        self.exitCode = exitCode
        self.stdout = stdout
        self.stderr = stderr
    }

    static func diagnostics(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { $0.formatted + "\n" }.joined()
    }

    /// The one line a command prints when it cannot go on: `posguide: error: cannot write …: read-only file system`.
    /// A file-system failure says what was being done to which path; any other error is said in words too,
    /// never as a Foundation error dump.
    static func errorLine(_ error: Error) -> String {
        let message = (error is FileSystemError || error is OutputError) ? "\(error)" : FileSystemError.words(for: error)
        return "posguide: error: \(message)\n"
    }
}
