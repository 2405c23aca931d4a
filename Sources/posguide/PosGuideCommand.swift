import ArgumentParser
import Foundation
import PosGuide
import PosGuidePreview
import Synchronization

/// The CLI: parses arguments, calls one library function, maps the outcome to an exit code.
@main
struct PosGuideCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "posguide",
        abstract: "Build, check and preview the 商户 POS 安全指南 site.",
        version: VersionCommand.version,
        subcommands: [Build.self, Check.self, Serve.self, Export.self, Render.self, Fee.self, Decode.self,
                      New.self, List.self]
    )

    /// ArgumentParser exits 64 on usage errors; the posguide contract says 2.
    static func main() {
        // With the commit, which ArgumentParser's own `--version` (a fixed string) cannot know.
        if CommandLine.arguments.dropFirst() == ["--version"] {
            print(VersionCommand.line(executable: Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])))
            return
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            // Anything a command throws that is not a usage error is said in words, never as a Foundation dump.
            let message = code == .failure ? "posguide: error: \(FileSystemError.words(for: error))" : fullMessage(for: error)
            FileHandle.standardError.write(Data((message + "\n").utf8))
            Foundation.exit(code == .failure ? 1 : 2)
        }
    }
}

struct SourceOptions: ParsableArguments {
    @Option(help: "The site folder, holding content/ and templates/.")
    var source: String = "."

    var sourceURL: URL { URL(fileURLWithPath: source).standardizedFileURL }
}

/// Prints a command's output and exits with its code.
func finish(_ result: CommandResult) throws {
    if !result.stdout.isEmpty { FileHandle.standardOutput.write(Data(result.stdout.utf8)) }
    if !result.stderr.isEmpty { FileHandle.standardError.write(Data(result.stderr.utf8)) }
    if result.exitCode != 0 { throw ExitCode(result.exitCode) }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site into the output folder (default: <source>/public).")

    @OptionGroup var site: SourceOptions

    @Option(help: "The output folder. A non-empty folder not made by posguide is never replaced.")
    var output: String?

    @Option(name: .customLong("base-url"), help: "Overrides base_url from content/site.yaml.")
    var baseURL: String?

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(help: "Include pages marked draft: true.")
    var drafts = false

    @Flag(name: .shortAndLong, help: "Print every warning (not only the first \(DiagnosticReport.shownPerKind) of each kind) and how long each build stage took.")
    var verbose = false

    @Flag(name: .customLong("with-pdf"), help: "Also render every guide to guides/<id>.pdf with WeasyPrint (takes seconds).")
    var withPDF = false

    func validate() throws {
        if let baseURL, !baseURL.isAbsoluteHTTPURL {
            throw ValidationError("--base-url must start with http:// or https://")
        }
    }

    func run() throws {
        let outputURL = output.map { URL(fileURLWithPath: $0).standardizedFileURL } ?? site.sourceURL.appendingPathComponent("public")
        let options = BuildOptions(source: site.sourceURL, baseURL: baseURL, includeDrafts: drafts)
        try finish(BuildCommand.run(options, output: outputURL, strict: strict, verbose: verbose, withPDF: withPDF, progress: printProgress))
    }
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export printable guides: <output>/guides/<id>/index.html, and <id>.pdf with --pdf.",
        discussion: "Writes only those files: nothing else in the output folder is replaced or deleted."
    )

    @Argument(help: "Guide ids (content/guides/<id>.yaml). None exports every guide.")
    var guides: [String] = []

    @OptionGroup var site: SourceOptions

    @Option(help: "The output folder (default: <source>/public).")
    var output: String?

    @Option(name: .customLong("base-url"), help: "Overrides base_url from content/site.yaml (the chapters' QR codes open it).")
    var baseURL: String?

    @Flag(help: "Also render guides/<id>.pdf with WeasyPrint.")
    var pdf = false

    @Flag(name: .shortAndLong, help: "Print every warning, not only the first \(DiagnosticReport.shownPerKind) of each kind.")
    var verbose = false

    func validate() throws {
        if let baseURL, !baseURL.isAbsoluteHTTPURL {
            throw ValidationError("--base-url must start with http:// or https://")
        }
    }

    func run() throws {
        let outputURL = output.map { URL(fileURLWithPath: $0).standardizedFileURL } ?? site.sourceURL.appendingPathComponent("public")
        try finish(ExportCommand.run(source: site.sourceURL, guides: guides, output: outputURL, pdf: pdf, baseURL: baseURL, verbose: verbose, progress: printProgress))
    }
}

/// Progress lines go to stderr as they happen; stdout keeps the one summary line.
@Sendable func printProgress(_ line: String) {
    FileHandle.standardError.write(Data("posguide: \(line)\n".utf8))
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Validate content, templates and links; write nothing.")

    @OptionGroup var site: SourceOptions

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(help: "Also check pages marked draft: true, and say what is still to fill in.")
    var drafts = false

    @Flag(name: .shortAndLong, help: "Print every warning (not only the first \(DiagnosticReport.shownPerKind) of each kind) and how long each stage took.")
    var verbose = false

    func run() throws {
        try finish(BuildCommand.run(BuildOptions(source: site.sourceURL, includeDrafts: drafts), output: nil, strict: strict, verbose: verbose))
    }
}

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site at http://127.0.0.1:8080/, rebuilding and reloading the browser on every save.",
        discussion: """
            Serves the build from memory (public/ is not written). Pages reload when a save changes them; \
            after a failed rebuild every page shows the errors over the last good version until a save fixes them.
            """
    )

    @OptionGroup var site: SourceOptions

    @Option(help: "The address to listen on. Only this machine can connect to the default.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port = 8080

    @Flag(help: "Include pages marked draft: true.")
    var drafts = false

    @Flag(name: .shortAndLong, help: "Print every warning of each rebuild (not only the first \(DiagnosticReport.shownPerKind) of each kind) and how long each stage took.")
    var verbose = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0 to 65535 (0 picks a free port)") }
    }

    func run() throws {
        let options = PreviewServer.Options(build: BuildOptions(source: site.sourceURL, includeDrafts: drafts), host: host, port: port, verbose: verbose)
        // ParsableCommand is synchronous; the server is async. Block this thread until it stops.
        let done = DispatchSemaphore(value: 0)
        let code = ExitCodeBox()
        Task.detached {
            code.value = await PreviewServer.run(options)
            done.signal()
        }
        done.wait()
        if code.value != 0 { throw ExitCode(code.value) }
    }
}

final class ExitCodeBox: Sendable {
    private let code = Mutex<Int32>(0)

    var value: Int32 {
        get { code.withLock { $0 } }
        set { code.withLock { $0 = newValue } }
    }
}

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print one Markdown file's body HTML to stdout.")

    @Argument(help: "The Markdown file.")
    var file: String

    func run() throws {
        try finish(RenderCommand.run(file: URL(fileURLWithPath: file)))
    }
}

struct Fee: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "What a POS offer really costs in a month, a year and its first year: rate, per-transaction fees, annual fees and deposit together.",
        discussion: """
        Amounts are in 元 (at most two decimals), rates in percent (at most three decimals). Parts are summed exactly; \
        the monthly total is rounded half-up to the fen once, and so is the yearly total (12 months summed exactly, \
        not 12 × the rounded month). The first year adds the deposit unless --deposit-refunded.
        """
    )

    @Option(help: "Card sales in a month, in 元.")
    var amount: String

    @Option(help: "The quoted rate in percent, e.g. 0.6.")
    var rate: String

    @Option(name: .customLong("per-txn-fee"), help: "A fee on every transaction, in 元.")
    var perTransactionFee: String = "0"

    @Option(name: .customLong("txn-count"), help: "Transactions in the month.")
    var transactionCount: Int = 0

    @Option(name: .customLong("annual-fee"), help: "Fixed fees per year, in 元 (spread over 12 months).")
    var annualFee: String = "0"

    @Option(help: "A deposit for the terminal, in 元 (counted in the first year).")
    var deposit: String = "0"

    @Flag(name: .customLong("deposit-refunded"), help: "The deposit's refund and its conditions are in the contract with the licensed institution.")
    var depositRefunded = false

    @Flag(help: "Print the result as JSON.")
    var json = false

    func run() throws {
        let input = FeeInput(amount: amount, rate: rate, perTransactionFee: perTransactionFee,
                             transactionCount: transactionCount, annualFee: annualFee,
                             deposit: deposit, depositRefunded: depositRefunded)
        try finish(FeeCommand.run(input, json: json))
    }
}

struct Decode: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Split a receipt's 15-digit merchant number the way the industry commonly describes it.",
        discussion: "The structure is an industry convention, not an official standard. MCC names come from content/data/mcc.yaml."
    )

    @Argument(help: "The merchant number (full-width digits and spaces are accepted).")
    var merchantNumber: String

    @OptionGroup var site: SourceOptions

    @Flag(help: "Print the result as JSON.")
    var json = false

    func run() throws {
        try finish(DecodeCommand.run(merchantNumber, source: site.sourceURL, json: json))
    }
}
