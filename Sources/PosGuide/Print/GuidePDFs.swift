import Foundation

/// What `build --with-pdf` and `export --pdf` ask of the guides stage.
public struct PDFOptions: Sendable {
    var renderer: PDFRenderer
    /// Only these guides get a PDF; nil for every guide.
    var guides: Set<String>?
    /// Called with one line as each PDF is done: `guides/handbook.pdf: 24 pages, 2.1 s`.
    var progress: @Sendable (String) -> Void

    init(renderer: PDFRenderer, guides: Set<String>? = nil, progress: @escaping @Sendable (String) -> Void = { _ in }) {
        self.renderer = renderer
        self.guides = guides
        self.progress = progress
    }
}

/// The PDF step of the guides stage: each print document through WeasyPrint.
enum GuidePDFs {
    struct Result {
        var files: [OutputFile] = []
        /// Guide id -> pages of its PDF.
        var pageCounts: [String: Int] = [:]
        var diagnostics: [Diagnostic] = []
    }

    static func render(_ documents: [PrintDocument], options: PDFOptions) -> Result {
        let selected = documents.filter { options.guides?.contains($0.guide.id) ?? true }
        let byID = Dictionary(uniqueKeysWithValues: selected.map { ($0.guide.id, $0) })
        var result = Result()
        options.renderer.render(selected.map { ($0.guide.id, $0.html) }) { id, outcome in
            guard let document = byID[id] else { return }
            let location = SourceLocation(path: document.guide.path)
            switch outcome {
            case .success(let output):
                result.files.append(OutputFile(path: document.pdfPath, contents: .bytes(output.pdf)))
                result.pageCounts[id] = output.pages
                result.diagnostics += output.warnings.map { .warning("guide.pdf-warning", "WeasyPrint: \($0)", at: location) }
                options.progress("\(document.pdfPath): \(output.pages) page\(output.pages == 1 ? "" : "s"), "
                                 + String(format: "%.1f s", output.seconds))
            case .failure(let error):
                result.diagnostics += error.warnings.map { .warning("guide.pdf-warning", "WeasyPrint: \($0)", at: location) }
                result.diagnostics.append(.error("guide.pdf", "cannot render \(document.pdfPath): \(error.message)", at: location, hint: error.hint))
                options.progress("\(document.pdfPath): failed")
            }
        }
        return result
    }
}
