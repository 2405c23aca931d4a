/// One page of a guide, rendered as a chapter (or appendix) of its print document.
struct PrintedChapter: Sendable {
    /// The chapter's element id in the document: `ch1`, `ch2`, …
    var id: String
    /// 第一章, 第二章, … or 附录一, 附录二, …
    var label: String
    var isAppendix: Bool
    var title: String
    /// The page on the live site, absolute: what the chapter's QR code opens.
    var onlineURL: String
    var html: String
    /// Headings with their document ids (`ch1-<slug>`), for the table of contents.
    var headings: [Heading]
}

/// Renders a guide's chapters through the site's Markdown stage, as one document.
///
/// Chapters render in order on one thread: each continues the citation
/// numbering of the ones before, so the document has one numbered source list.
enum GuideChapters {
    /// `records`: the site's kinds of records; a chapter that is a kind's list page (`glossary/index.md`)
    /// prints every record of it after the page's own text.
    static func render(_ guide: GuideDefinition, pages: [String: PageSource], environment: MarkdownEnvironment,
                       baseURL: String, records: [RecordList] = []) -> (chapters: [PrintedChapter], citations: [String]) {
        let parts = guide.chapters.map { ($0.value, false) } + guide.appendices.map { ($0.value, true) }
        // Checked in resolve: every part is a page. A missing one is skipped, not fatal, here.
        let found = parts.compactMap { path, isAppendix in pages[GuideDefinition.sourcePath(of: path)].map { (page: $0, isAppendix: isAppendix) } }
        var ids: [String: String] = [:]
        for (index, part) in found.enumerated() { ids[part.page.url] = "ch\(index + 1)" }
        // Every printed record's entry, so that links from any chapter (before or after) go to it in the document.
        var printed: [String: RecordList] = [:]
        var entries: [String: String] = [:]
        for (index, part) in found.enumerated() {
            guard case .recordList(let folder) = part.page.kind, let list = records.first(where: { $0.kind.folder == folder }) else { continue }
            printed[part.page.url] = list
            for record in list.records {
                entries[list.kind.url(of: record.id)] = PrintChapter.anchor("\(folder)-\(record.id)", inChapter: "ch\(index + 1)")
            }
        }

        var chapters: [PrintedChapter] = []
        var citations: [String] = []
        var chapterNumber = 0, appendixNumber = 0
        for (index, part) in found.enumerated() {
            let page = part.page
            let id = "ch\(index + 1)"
            let renderer = MarkdownRenderer(environment: environment, source: SourceText(path: page.file.path, text: page.file.text), pagePath: page.url)
            let printChapter = PrintChapter(id: id, chapters: ids, baseURL: baseURL, entries: entries)
            renderer.printChapter = printChapter
            renderer.continueNumbering(after: citations)
            // Diagnostics and links were reported and checked when the site's pages rendered.
            let markdown = renderer.render(page.body, firstLine: page.bodyFirstLine)
            citations = markdown.citations
            var html = markdown.html, headings = markdown.headings
            if let list = printed[page.url] {
                var printer = RecordPrinter(environment: environment, chapter: printChapter, citations: citations)
                if let records = list.kind.printedList(list.records, printer: &printer) {
                    html += records.html
                    headings += records.headings
                    citations = printer.citations
                }
            }
            let label: String
            if part.isAppendix {
                appendixNumber += 1
                label = "附录" + ChineseNumeral.text(appendixNumber)
            } else {
                chapterNumber += 1
                label = "第" + ChineseNumeral.text(chapterNumber) + "章"
            }
            chapters.append(PrintedChapter(
                id: id, label: label, isAppendix: part.isAppendix, title: page.metadata.title ?? page.url,
                onlineURL: baseURL + page.url.dropFirst(), html: html, headings: headings
            ))
        }
        return (chapters, citations)
    }
}
