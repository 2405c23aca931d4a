import Foundation

/// `posguide build` and `posguide check`.
public enum BuildCommand {
    /// Builds the site and, unless `output` is nil (check), writes it.
    /// `verbose` prints every warning (not only the first few of each kind) and adds the time
    /// each stage took, one line each, to stderr.
    /// `withPDF` also renders every guide to PDF (WeasyPrint), calling `progress` as each is done,
    /// so the PDFs and the page counts on `/guides/` land in the same atomic swap as the site.
    /// `environment` is where WeasyPrint and Pagefind are looked for (`WEASYPRINT`, `PAGEFIND`, `PATH`).
    /// When Pagefind's extended build is found, the written site is indexed for search before the swap;
    /// without it the build succeeds and its summary says search was skipped.
    public static func run(_ options: BuildOptions, output: URL?, strict: Bool, verbose: Bool = false,
                           withPDF: Bool = false, progress: @escaping @Sendable (String) -> Void = { _ in },
                           environment: [String: String] = ProcessInfo.processInfo.environment) -> CommandResult {
        var options = options
        options.reservedAddress = strict ? .error : .warning
        // An address given as --base-url has no line in site.yaml: the flag is named instead.
        let flagProblem = options.baseURL.flatMap { PublishingAddress.flagProblem($0, severity: strict ? .error : .warning) }
        if withPDF {
            switch PDFRenderer.locate(source: options.source, environment: environment) {
            case .success(let renderer): options.pdf = PDFOptions(renderer: renderer, progress: progress)
            case .failure(let error): return CommandResult(exitCode: 1, stderr: error.formatted)
            }
        }
        // Writing: every file goes into a staging folder as it is made; it is swapped in only if the build succeeds.
        var staging: StagingFolder?
        if let output {
            do {
                staging = try OutputWriter.prepareStaging(for: output)
            } catch {
                return CommandResult(exitCode: 1, stderr: (flagProblem ?? "") + CommandResult.errorLine(error))
            }
        }
        // `check` writes nothing: its files are dropped as they come.
        let result = SiteBuilder.build(options, into: staging ?? MemorySink(keeping: { _ in false }))
        let printed = DiagnosticReport(result.diagnostics, command: output == nil ? "posguide check" : "posguide build", verbose: verbose)
        var outcome = CommandResult(stderr: (flagProblem ?? "") + printed.text)
        if verbose {
            outcome.stderr += result.statistics.stages.map { "posguide: \($0.name): \($0.milliseconds) ms\n" }.joined()
        }
        var errors = result.diagnostics.errors.count
        var warningIDs = result.diagnostics.warnings.map(\.id)
        if flagProblem != nil {
            if strict { errors += 1 } else { warningIDs.append(PublishingAddress.placeholderID) }
        }
        let warnings = warningIDs.count
        guard result.isPublishable(strict: strict), !(strict && flagProblem != nil) else {
            let reason = errors > 0 ? "\(errors) error\(errors == 1 ? "" : "s")" : "\(warnings) warning\(warnings == 1 ? "" : "s") with --strict"
            outcome.stderr += output == nil
                ? "posguide: check failed: \(reason)\n"
                : "posguide: build failed: \(reason); the previous output was left untouched\n"
            outcome.exitCode = 1
            staging?.discard()
            return outcome
        }
        guard let output, let staging else {
            outcome.stdout = "checked \(result.statistics.counts): \(DiagnosticReport.warningCount(ids: warningIDs))\n"
            return outcome
        }
        // The search index is made in the staging folder, after every page is written and before the swap.
        let indexer = SearchIndexer.locate(source: options.source, environment: environment)
        var search = SearchIndexer.skippedNote
        do {
            try OutputWriter.commit(staging, to: output) { folder in
                guard let indexer else { return }
                let report = try indexer.index(site: folder)
                search = "search index of \(report.pages) pages in \(report.milliseconds) ms"
            }
        } catch let error as SearchIndexError {
            outcome.stderr += "posguide: error: \(error); the previous output was left untouched\n"
                + "note: set PAGEFIND to another pagefind_extended, or remove it from .venv to build without search\n"
            outcome.exitCode = 1
            return outcome
        } catch {
            outcome.stderr += CommandResult.errorLine(error)
            outcome.exitCode = 1
            return outcome
        }
        outcome.stdout = result.statistics.summary + (warnings > 0 ? ", " + DiagnosticReport.warningCount(ids: warningIDs) : "") + "; \(search)\n"
        return outcome
    }
}
