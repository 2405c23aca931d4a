import Foundation

/// `posguide new article <section>/<slug>`, `new guide <id>`, `new <record kind> <id>`: a new file from its archetype.
public enum NewCommand {
    /// What to start, by the name the command line gives: `article`, `guide` or the name of a
    /// kind in `RecordKinds.all` (`provider`, `glossary`). Any other name is a usage error.
    public struct Kind: RawRepresentable, Hashable, Sendable {
        public var rawValue: String

        public init(rawValue: String) { self.rawValue = rawValue }

        static let article = Kind(rawValue: "article")
        static let guide = Kind(rawValue: "guide")

        /// Every kind `new` starts, in the order `--help` lists them: articles, each kind of record, guides.
        static var all: [Kind] { [.article] + RecordKinds.all.map { Kind(rawValue: $0.name) } + [.guide] }
    }

    /// The kinds as `posguide new --help` lists them: what to give each and the file it makes.
    public static var kindsHelp: String {
        let lines = [("article <section>/<slug>", "a draft article: content/<section>/<slug>.md")]
            + RecordKinds.all.map { ("\($0.name) <id>", "a \($0.name) record: content/\($0.folder)/<id>.yaml") }
            + [("guide <id>", "a printable guide: content/guides/<id>.yaml")]
        let width = lines.map(\.0.count).max() ?? 0
        return lines.map { "  " + $0.0.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.1 }.joined(separator: "\n")
    }

    public struct Request: Sendable {
        var kind: Kind
        /// `<section>/<slug>` for an article, `<id>` for a record or a guide.
        var name: String
        /// The title (a provider's name); without one the archetype leaves it to fill in.
        var title: String?
        /// The site root, holding `content/` and `templates/`.
        var source: URL
        var today: PartialDate
        /// How the editor runs posguide (`./posguide`), for the commands the output suggests.
        var commandName: String

        public init(kind: Kind, name: String, title: String? = nil, source: URL, today: PartialDate = .today(), commandName: String = "posguide") {
            self.kind = kind
            self.name = name
            self.title = title
            self.source = source
            self.today = today
            self.commandName = commandName
        }
    }

    /// Where `serve` listens by default: the preview address printed for a new file.
    static let previewRoot = "http://127.0.0.1:8080"

    /// Creates the file, never over an existing one. Exit 1 when it exists or the archetype fails, 2 for a bad name.
    public static func run(_ request: Request) -> CommandResult {
        if let title = request.title, let problem = titleProblem(title) {
            return usageError(NewTarget.Problem(message: problem))
        }
        let content = request.source.appendingPathComponent("content")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: content.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return CommandResult(exitCode: 1, stderr: "posguide: error: no content folder: looked for \(content.path)\n"
                                 + "posguide: note: run posguide in the site's folder (the one holding content/ and templates/), or give it with --source\n")
        }
        let target: NewTarget
        switch NewTarget.resolve(request.kind, name: request.name, sections: NewTarget.sections(in: content)) {
        case .success(let resolved): target = resolved
        case .failure(let problem): return usageError(problem)
        }
        var values: TemplateValue.Map = ["slug": .string(target.slug), "id": .string(target.slug), "date": .string(request.today.description)]
        if let section = target.section { values["section"] = .string(section) }
        if let title = request.title?.trimmingWhitespace { values["title"] = .string(NewArchetype.yamlScalar(title)) }

        let text: String
        switch NewArchetype.render(target.archetype, source: request.source, values: values) {
        case .success(let rendered): text = rendered
        case .failure(let diagnostic): return CommandResult(exitCode: 1, stderr: diagnostic.formatted + "\n")
        }
        if let problem = create(target.path, text: text, in: request.source) {
            return CommandResult(exitCode: 1, stderr: "posguide: error: cannot create \(target.path): \(problem)\n")
        }
        return CommandResult(stdout: report(target, kind: request.kind, text: text, commandName: request.commandName))
    }

    /// What the editor reads after the file is made: where it is, how to see it, what is left to do.
    static func report(_ target: NewTarget, kind: Kind, text: String, commandName: String) -> String {
        let markers = FillInMarker.find(in: text).count
        let isDraft = kind == .article && isDraftPage(SourceFile(path: target.path, text: text))
        var lines = ["created \(target.path)" + (isDraft ? " (a draft)" : "")]
        lines.append("preview: \(commandName) serve\(isDraft ? " --drafts" : ""), then open \(previewRoot)\(target.url)")
        if markers > 0 {
            let places = markers == 1 ? "1 place is" : "\(markers) places are"
            if isDraft {
                lines.append("still to write: \(places) marked 【待填写】; `\(commandName) check --drafts` lists them")
                lines.append("to publish: delete the `draft: true` line once they are written")
            } else {
                lines.append("still to write: \(places) marked 【待填写】; `\(commandName) check` lists them")
                lines.append("until they are written the site does not build: a \(kind == .guide ? "guide" : "\(kind.rawValue) record") has no draft state")
            }
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// Whether the page's front matter says `draft: true` (archetypes of other sites may not).
    static func isDraftPage(_ file: SourceFile) -> Bool {
        guard case .success(let split) = FrontMatterSplit.split(file) else { return false }
        return PageMetadata.read(yaml: split.yaml, lineOffset: split.yamlLineOffset, file: file, requireTitle: false).0.draft
    }

    private static func titleProblem(_ title: String) -> String? {
        if title.trimmingWhitespace.isEmpty { return "--title is empty" }
        if title.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "--title must be one line of text"
        }
        return nil
    }

    private static func usageError(_ problem: NewTarget.Problem) -> CommandResult {
        CommandResult(exitCode: 2, stderr: "posguide: error: \(problem.message)\n" + (problem.note.map { "posguide: note: \($0)\n" } ?? ""))
    }

    /// Writes `text` to a new file (its folder made if needed); the reason when it cannot.
    /// `O_EXCL`: the file is never replaced, even when another process creates it in the meantime.
    private static func create(_ path: String, text: String, in source: URL) -> String? {
        let url = source.appendingPathComponent(path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            return "cannot make its folder (\(error.localizedDescription))"
        }
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            return errno == EEXIST ? "it already exists" : String(cString: strerror(errno))
        }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                let reason = String(cString: strerror(errno))
                unlink(url.path)
                return reason
            }
            written += count
        }
        return nil
    }
}
