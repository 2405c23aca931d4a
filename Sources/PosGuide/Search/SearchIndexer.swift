import Foundation

/// Pagefind's extended binary (the build that segments Chinese), run over a built site.
///
/// The binary is run directly, not through `python -m pagefind`: Python's start-up would add
/// a few hundred milliseconds to every build and every preview rebuild for nothing.
public struct SearchIndexer: Sendable {
    /// The `pagefind_extended` binary that was found.
    let binary: URL

    /// Where the index lives in the site: `/pagefind/pagefind.js` is what the search page loads.
    public static let folder = "pagefind"
    /// Pagefind's ready-made UI bundles: the search page has a script of its own, so they are not published.
    static let unusedFiles = ["pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
                              "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js"]
    /// What the build says when there is no index.
    public static let skippedNote = "search skipped: Pagefind is not installed (scripts/ensure-pagefind.sh installs it into .venv)"

    /// What one run indexed.
    public struct Report: Sendable {
        public var pages: Int
        public var milliseconds: Int
    }

    /// Finds the extended binary: `$PAGEFIND`, then the one `pip install 'pagefind[extended]'` put in
    /// `<source>/.venv`, then `pagefind_extended` on `PATH`. Nil when there is none: search is optional.
    public static func locate(source: URL, environment: [String: String] = ProcessInfo.processInfo.environment) -> SearchIndexer? {
        var candidates: [String] = []
        if let explicit = environment["PAGEFIND"], !explicit.isEmpty { candidates.append(explicit) }
        let lib = source.appendingPathComponent(".venv/lib").path
        // The Python version is part of the path: python3.11, python3.12, ...
        for python in ((try? FileManager.default.contentsOfDirectory(atPath: lib)) ?? []).sorted() where python.hasPrefix("python") {
            candidates.append("\(lib)/\(python)/site-packages/pagefind_bin_extended/pagefind_extended")
        }
        for directory in (environment["PATH"] ?? "").split(separator: ":") {
            candidates.append(String(directory) + "/pagefind_extended")
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }.map { SearchIndexer(binary: URL(fileURLWithPath: $0)) }
    }

    /// Indexes the HTML under `site` into `output` (default `<site>/pagefind`), then removes the UI bundles.
    func index(site: URL, output: URL? = nil) throws -> Report {
        let start = DispatchTime.now()
        let bundle = output ?? site.appendingPathComponent(Self.folder)
        let child: Subprocess
        do {
            child = try Subprocess.start(binary, ["--site", site.path, "--output-path", bundle.path], in: site)
        } catch {
            throw SearchIndexError("cannot run \(binary.path): \(FileSystemError.words(for: error))")
        }
        // Its log is read to the end on another thread: a long one never blocks Pagefind on a full pipe.
        let stdout = PipeReader(child.stdout)
        let process = child.process
        process.waitUntilExit()
        let log = stdout.text(), errors = child.stderr.text()
        guard process.terminationStatus == 0 else {
            let reason = (errors + log).split(separator: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            throw SearchIndexError("Pagefind failed (exit status \(process.terminationStatus)): \(reason.map(String.init) ?? "no message")")
        }
        for name in Self.unusedFiles { try? FileManager.default.removeItem(at: bundle.appendingPathComponent(name)) }
        let milliseconds = Int((DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000)
        return Report(pages: Self.pageCount(in: log), milliseconds: milliseconds)
    }

    /// The `Indexed N pages` line of Pagefind's log (its total comes last).
    static func pageCount(in log: String) -> Int {
        var count = 0
        for line in log.split(separator: "\n") {
            let words = line.split(separator: " ")
            if words.count == 3, words[0] == "Indexed", words[2].hasPrefix("page"), let n = Int(words[1]) { count = n }
        }
        return count
    }
}

/// Why the search index could not be made.
struct SearchIndexError: Error, Sendable, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
