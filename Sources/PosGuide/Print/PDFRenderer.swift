import Foundation

/// WeasyPrint, run as a subprocess, turning print documents into PDFs.
///
/// One Python process renders every guide of a run through WeasyPrint's
/// library API: Python and WeasyPrint start once (about a second), and the
/// API gives each PDF's page count. The process prints one line per guide as
/// it finishes, which is what the progress lines report.
struct PDFRenderer: Sendable {
    /// The `weasyprint` command that was found.
    let weasyprint: URL
    /// The command line of the Python that runs it, from its `#!` line.
    let python: [String]

    /// A rendered PDF.
    struct Output: Sendable {
        var pdf: Data
        var pages: Int
        var seconds: Double
        /// WeasyPrint's warnings (unsupported CSS, missing fonts), one line each.
        var warnings: [String]
    }

    /// Finds WeasyPrint: `$WEASYPRINT`, then `<source>/.venv/bin/weasyprint`, then `PATH`.
    static func locate(source: URL, environment: [String: String] = ProcessInfo.processInfo.environment) -> Result<PDFRenderer, PDFRendererError> {
        var candidates: [String] = []
        if let explicit = environment["WEASYPRINT"], !explicit.isEmpty { candidates.append(explicit) }
        candidates.append(source.appendingPathComponent(".venv/bin/weasyprint").path)
        for directory in (environment["PATH"] ?? "").split(separator: ":") {
            candidates.append(String(directory) + "/weasyprint")
        }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            return .failure(PDFRendererError(
                "WeasyPrint is not installed: looked for $WEASYPRINT, \(source.path)/.venv/bin/weasyprint and weasyprint on PATH",
                hint: "install it into the site's venv: python3 -m venv .venv && .venv/bin/pip install weasyprint; "
                    + "Chinese text needs `apt-get install fonts-noto-cjk libharfbuzz-subset0` (scripts/build-site.sh does all of this)"
            ))
        }
        let url = URL(fileURLWithPath: found)
        guard let python = interpreter(of: url) else {
            return .failure(PDFRendererError(
                "\(found) is not a Python script; posguide runs WeasyPrint through the Python that runs it",
                hint: "point WEASYPRINT at a pip-installed weasyprint, e.g. .venv/bin/weasyprint"
            ))
        }
        return .success(PDFRenderer(weasyprint: url, python: python))
    }

    /// The `#!` line of a script as a command line: `#!/usr/bin/env python3` gives `["/usr/bin/env", "python3"]`.
    static func interpreter(of script: URL) -> [String]? {
        guard let handle = try? FileHandle(forReadingFrom: script) else { return nil }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 512)) ?? Data()
        guard head.starts(with: Array("#!".utf8)) else { return nil }
        let line = String(decoding: head.dropFirst(2).prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
        let words = line.split(separator: " ").map(String.init)
        guard let command = words.first, (words.last ?? "").contains("python") else { return nil }
        return [command] + words.dropFirst()
    }

    /// Renders each `(id, html)` to PDF, in order, calling `finished` as each one is done.
    func render(_ jobs: [(id: String, html: String)], finished: (String, Result<Output, PDFRendererError>) -> Void) {
        guard !jobs.isEmpty else { return }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("posguide-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var arguments = Array(python.dropFirst()) + ["-c", Self.script]
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for job in jobs {
                let input = folder.appendingPathComponent("\(job.id).html")
                try Data(job.html.utf8).write(to: input)
                arguments += [input.path, folder.appendingPathComponent("\(job.id).pdf").path]
            }
        } catch {
            for job in jobs { finished(job.id, .failure(PDFRendererError("cannot write a temporary file for WeasyPrint: \(FileSystemError.words(for: error))"))) }
            return
        }

        let child: Subprocess
        do {
            child = try Subprocess.start(URL(fileURLWithPath: python[0]), arguments)
        } catch {
            for job in jobs { finished(job.id, .failure(PDFRendererError("cannot run \(python[0]): \(error)"))) }
            return
        }
        let process = child.process, errors = child.stderr

        var pending = jobs[...]
        var warnings: [String] = []
        var started = DispatchTime.now()
        var buffer = Data()
        let reader = child.stdout
        while !pending.isEmpty {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            buffer += chunk
            while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                buffer = Data(buffer[buffer.index(after: newline)...])
                let fields = line.split(separator: "\t", maxSplits: 1).map(String.init)
                guard let kind = fields.first, let job = pending.first else { continue }
                let detail = fields.count > 1 ? fields[1] : ""
                switch kind {
                case "warning":
                    warnings.append(detail)
                case "done", "failed":
                    let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
                    let pdf = folder.appendingPathComponent("\(job.id).pdf")
                    if kind == "done", let pages = Int(detail), let data = try? Data(contentsOf: pdf) {
                        finished(job.id, .success(Output(pdf: data, pages: pages, seconds: seconds, warnings: warnings)))
                    } else {
                        finished(job.id, .failure(PDFRendererError("WeasyPrint failed: \(detail)", warnings: warnings)))
                    }
                    pending = pending.dropFirst()
                    warnings = []
                    started = DispatchTime.now()
                default:
                    continue
                }
            }
        }
        process.waitUntilExit()
        let stderr = errors.text()
        for job in pending {
            let reason = stderr.split(separator: "\n").last.map(String.init) ?? "exit status \(process.terminationStatus)"
            finished(job.id, .failure(PDFRendererError("WeasyPrint stopped before this guide: \(reason)")))
        }
    }

    /// Renders `argv[1::2]` to `argv[2::2]`; prints `warning`, then `done <pages>` or `failed <why>`, per document.
    /// Only `data:` URLs may be fetched: print documents are self-contained, and rendering makes no requests.
    static let script = #"""
    import logging, sys
    import weasyprint

    class Report(logging.Handler):
        def emit(self, record):
            print("warning\t" + " ".join(record.getMessage().split()), flush=True)

    for name in ("weasyprint", "fontTools"):
        logger = logging.getLogger(name)
        logger.handlers = [Report()]
        logger.setLevel(logging.WARNING)
        logger.propagate = False

    try:
        from weasyprint.urls import URLFetcher
        fetcher = URLFetcher(allowed_protocols={"data"})
    except ImportError:  # WeasyPrint before 66
        def fetcher(url, *args, **kwargs):
            if not url.startswith("data:"):
                raise ValueError("print documents fetch nothing: " + url)
            return weasyprint.default_url_fetcher(url, *args, **kwargs)

    for source, target in zip(sys.argv[1::2], sys.argv[2::2]):
        try:
            document = weasyprint.HTML(filename=source, url_fetcher=fetcher).render()
            document.write_pdf(target)
            print("done\t%d" % len(document.pages), flush=True)
        except Exception as error:
            print("failed\t" + " ".join(str(error).split()), flush=True)
    """#
}

/// Why a PDF could not be made, with a hint when there is one.
struct PDFRendererError: Error, Sendable, CustomStringConvertible {
    var message: String
    var hint: String?
    var warnings: [String]

    init(_ message: String, hint: String? = nil, warnings: [String] = []) {
        self.message = message
        self.hint = hint
        self.warnings = warnings
    }

    var description: String { message }
}

extension PDFRendererError {
    /// `posguide: error: …` with its `note:` line, as the CLI prints it.
    var formatted: String {
        "posguide: error: \(message)\n" + (hint.map { "note: \($0)\n" } ?? "")
    }
}
