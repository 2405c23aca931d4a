/// Renders records' Markdown as part of a print document, for a kind's printed list
/// (`RecordKind.printedList`): in-document links and the document's one citation numbering.
struct RecordPrinter {
    let environment: MarkdownEnvironment
    let chapter: PrintChapter
    /// The document's citations so far, in number order.
    private(set) var citations: [String]

    init(environment: MarkdownEnvironment, chapter: PrintChapter, citations: [String]) {
        self.environment = environment
        self.chapter = chapter
        self.citations = citations
    }

    /// The element id of a record's entry in the document.
    func anchor(of url: String) -> String? {
        chapter.entries[url]
    }

    /// A Markdown field of `record`, rendered for print.
    mutating func render(_ field: MarkdownField, of record: ContentRecord, pagePath: String) -> String {
        let renderer = self.renderer(for: record, pagePath: pagePath)
        let html = renderer.render(field.text, firstLine: field.lineOffset + 1, firstColumn: field.firstColumn).html
        citations = renderer.snapshot().citations
        return html
    }

    /// `[1][3]` marks for source ids the record names, numbered in the document.
    mutating func citationMarks(_ ids: [String], of record: ContentRecord, pagePath: String) -> String {
        let renderer = self.renderer(for: record, pagePath: pagePath)
        let marks = ids.filter { environment.sources.entries[$0] != nil }.map { id in
            "<a class=\"citation\" href=\"#source-\(id.htmlEscaped)\"><sup>[\(renderer.cite(id))]</sup></a>"
        }
        citations = renderer.snapshot().citations
        // Side by side, two marks would be tap targets too close to tell apart on a phone.
        return marks.joined(separator: "、")
    }

    private func renderer(for record: ContentRecord, pagePath: String) -> MarkdownRenderer {
        let renderer = MarkdownRenderer(environment: environment, source: SourceText(path: record.file.path, text: record.file.text), pagePath: pagePath)
        // Ids inside a record's text take its entry's id as prefix: two terms' explanations may
        // both have a `## 怎么核实`, and a document's ids must be unique.
        var chapter = self.chapter
        if let entry = anchor(of: pagePath) { chapter.id = entry }
        renderer.printChapter = chapter
        renderer.continueNumbering(after: citations)
        return renderer
    }
}
