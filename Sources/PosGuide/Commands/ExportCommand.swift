import Foundation

/// `posguide export [GUIDE_ID ...] [--pdf]`: printable guides into `OUTPUT/guides/`.
public enum ExportCommand {
    /// Builds the site in memory (so guides are validated and rendered exactly as
    /// `build` makes them) and writes the chosen guides' print HTML and, with
    /// `pdf`, their PDFs. `verbose` prints every warning, not only the first few of each kind.
    /// `progress` gets one line per PDF as it is done;
    /// `environment` is where WeasyPrint is looked for (`WEASYPRINT`, `PATH`).
    static let guideList = "guides/index.html"

    public static func run(source: URL, guides ids: [String], output: URL, pdf: Bool, baseURL: String? = nil,
                           verbose: Bool = false, today: PartialDate = .today(), progress: @escaping @Sendable (String) -> Void = { _ in },
                           environment: [String: String] = ProcessInfo.processInfo.environment) -> CommandResult {
        let start = DispatchTime.now()
        let available = GuideExporter.availableGuides(in: source)
        let unknown = ids.filter { !available.contains($0) }
        guard unknown.isEmpty else {
            let known = available.isEmpty ? "there are none" : "guides: " + available.joined(separator: ", ")
            return CommandResult(exitCode: 2, stderr: "posguide: error: no guide \(unknown.map { "`\($0)`" }.joined(separator: ", ")) in content/guides/ (\(known))\n")
        }
        guard !available.isEmpty else {
            return CommandResult(exitCode: 1, stderr: "posguide: error: nothing to export: \(source.path)/content/guides/ has no <id>.yaml guide definitions\n")
        }
        let chosen = ids.isEmpty ? available : Array(Set(ids)).sorted()

        var options = BuildOptions(source: source, baseURL: baseURL, today: today)
        // The guides' QR codes open the site's address: say when it points nowhere.
        options.reservedAddress = .warning
        let flagProblem = baseURL.flatMap { PublishingAddress.flagProblem($0, severity: .warning) } ?? ""
        if pdf {
            switch PDFRenderer.locate(source: source, environment: environment) {
            case .success(let renderer): options.pdf = PDFOptions(renderer: renderer, guides: Set(chosen), progress: progress)
            case .failure(let error): return CommandResult(exitCode: 1, stderr: error.formatted)
            }
        }
        var paths = chosen.map(PrintDocument.htmlPath(of:))
        if pdf { paths += chosen.map(PrintDocument.pdfPath(of:)) }
        // A built site's /guides/ states each PDF's page count: it is rewritten with the PDFs just
        // made, so it never states the count of a PDF this export replaced. An export into a folder
        // with no site gets no list (it would link a stylesheet and pages that are not there).
        if pdf, FileManager.default.fileExists(atPath: output.appendingPathComponent(guideList).path) { paths.append(guideList) }
        // Only the files exported are kept: the site's pages are dropped as they are rendered.
        let wanted = Set(paths)
        let result = SiteBuilder.buildInMemory(options, keeping: { wanted.contains($0) })
        var outcome = CommandResult(stderr: flagProblem + DiagnosticReport(result.diagnostics, command: "posguide export", verbose: verbose).text)
        let errors = result.diagnostics.errors.count
        guard errors == 0 else {
            outcome.stderr += "posguide: export failed: \(errors) error\(errors == 1 ? "" : "s"); nothing was written\n"
            outcome.exitCode = 1
            return outcome
        }
        let files = paths.compactMap(result.file)
        do {
            try GuideExporter.write(files, to: output)
        } catch {
            outcome.stderr += CommandResult.errorLine(error)
            outcome.exitCode = 1
            return outcome
        }
        let milliseconds = (DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000
        let what = pdf ? "print HTML and PDF" + (paths.contains(guideList) ? ", and the /guides/ list" : "") : "print HTML"
        outcome.stdout = "exported \(chosen.count) guide\(chosen.count == 1 ? "" : "s") (\(what)) to \(output.appendingPathComponent("guides").path) in \(milliseconds) ms\n"
        return outcome
    }
}
