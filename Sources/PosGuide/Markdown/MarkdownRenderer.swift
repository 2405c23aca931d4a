import CCmark
import Foundation

/// Renders one page's Markdown to HTML with the site's transforms.
///
/// One instance per page and never shared: it accumulates the page's citations,
/// headings, links and diagnostics while the body and any directive bodies
/// inside it are rendered.
final class MarkdownRenderer {
    let environment: MarkdownEnvironment
    let source: SourceText
    /// The site path of the page, to resolve relative links.
    let pagePath: String

    var citations: [String] = []
    var citationNumbers: [String: Int] = [:]
    var headings: [Heading] = []
    var slugger = HeadingSlugger()
    var links: [LinkReference] = []
    var anchors: Set<String> = []
    var diagnostics: [Diagnostic] = []
    var statistics = TextStatistics()
    var summary = ""
    /// Columns before the Markdown's own first column (a YAML block scalar's indentation).
    var columnOffset = 0
    /// Set when the page is a chapter of a print document: prefixed ids, in-document links.
    var printChapter: PrintChapter?
    /// Where each line of the source starts, found on the first location asked for.
    private lazy var lineStarts = source.lineStarts()

    init(environment: MarkdownEnvironment, source: SourceText, pagePath: String) {
        self.environment = environment
        self.source = source
        self.pagePath = pagePath
    }

    /// Renders Markdown that starts on line `firstLine` (and, indented, at `firstColumn`) of the source file.
    func render(_ markdown: String, firstLine: Int = 1, firstColumn: Int = 1) -> RenderedMarkdown {
        columnOffset = firstColumn - 1
        defer { columnOffset = 0 }
        return snapshot(html: renderBlocks(markdown, lineOffset: firstLine - 1, isPageBody: true))
    }

    /// Numbers this page's citations after `citations`, already numbered by earlier
    /// chapters of the same document: one numbering and one source list for all.
    func continueNumbering(after citations: [String]) {
        for id in citations { _ = cite(id) }
    }

    /// Everything gathered so far (citations, links, headings, diagnostics) with `html` as the body.
    func snapshot(html: String = "") -> RenderedMarkdown {
        if !citations.isEmpty { anchors.insert("sources") }
        return RenderedMarkdown(
            html: html,
            headings: headings,
            citations: citations,
            links: links,
            anchors: anchors,
            summary: summary,
            statistics: statistics,
            diagnostics: diagnostics
        )
    }

    /// Plain CommonMark to HTML with no site context (the conformance path and `render` without a site).
    static func renderCommonMark(_ markdown: String) -> String {
        let renderer = MarkdownRenderer(environment: .commonMark, source: SourceText(path: "", text: markdown), pagePath: "/")
        return renderer.renderBlocks(markdown, lineOffset: 0, isPageBody: true)
    }

    var cmarkOptions: Int32 {
        environment.allowRawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
    }

    /// Parses and renders a run of blocks: the page body, or a directive's body.
    func renderBlocks(_ markdown: String, lineOffset: Int, isPageBody: Bool) -> String {
        // The tree lives in this thread's arena until the outermost call returns (a directive's
        // body is rendered while its page's tree is alive): the HTML is copied out before.
        CmarkArena.use { renderTree(markdown, lineOffset: lineOffset, isPageBody: isPageBody) }
    }

    private func renderTree(_ markdown: String, lineOffset: Int, isPageBody: Bool) -> String {
        guard let root = CmarkArena.parse(markdown, options: cmarkOptions) else { return "" }

        if environment.siteTransforms {
            // Only a page's own body counts towards its reading time, not a directive's.
            let survey = root.survey(counting: isPageBody, emphasis: environment.cjkEmphasis, into: &statistics)
            // Before the summary and headings read the text: they must not show paired `**`.
            pairEmphasis(in: survey.emphasisBlocks, markdown: markdown, lineOffset: lineOffset)
            if isPageBody, summary.isEmpty, let paragraph = root.firstChild(ofType: CMARK_NODE_PARAGRAPH) {
                summary = Self.summarize(paragraph.plainText)
            }
            transformInlines(survey.inlines, in: root, lineOffset: lineOffset)
            transformBlocks(survey.blocks, lineOffset: lineOffset, isPageBody: isPageBody)
        } else if environment.cjkEmphasis {
            var unused = TextStatistics()
            pairEmphasis(in: root.survey(counting: false, emphasis: true, into: &unused).emphasisBlocks, markdown: markdown, lineOffset: lineOffset)
        }
        return root.renderHTML(options: cmarkOptions)
    }

    /// Renders inline Markdown (a checklist item, a caption) without a wrapping `<p>`.
    func renderInline(_ markdown: String, lineOffset: Int) -> String {
        var html = renderBlocks(markdown, lineOffset: lineOffset, isPageBody: false)
        if html.hasPrefix("<p>"), html.hasSuffix("</p>\n") {
            html = String(html.dropFirst(3).dropLast(5))
        }
        return html
    }

    func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    func location(of node: CmarkNode, lineOffset: Int) -> SourceLocation {
        location(line: node.startLine + lineOffset, byteColumn: node.startColumn)
    }

    /// `line` of the source file and `byteColumn` of the Markdown (before any block scalar's indentation).
    func location(line: Int, byteColumn: Int) -> SourceLocation {
        source.location(line: line, byteColumn: byteColumn + columnOffset, lineStarts: lineStarts)
    }

    /// At most 120 characters of the first paragraph, cut at a character boundary.
    static func summarize(_ text: String) -> String {
        // Plain text rarely holds a line break (soft breaks are spaces already): skip splitting then.
        var text = text
        let hasLineBreak = text.withUTF8 { bytes in bytes.baseAddress.map { memchr($0, Int32(UInt8(ascii: "\n")), bytes.count) != nil } ?? false }
        var collapsed = (hasLineBreak ? text.split(whereSeparator: { $0 == "\n" }).joined(separator: " ") : text).trimmingWhitespace
        if let cut = collapsed.withUTF8({ simpleCharacterCut($0) }) {
            // Every character up to the cut is one scalar: the same text as the Character walk below gives.
            guard cut >= 0 else { return collapsed }
            // Cut at a scalar boundary of a String: UTF-8 already, not checked again.
            return collapsed.withUTF8 { UTF8Bytes.string(trusting: UnsafeBufferPointer(rebasing: $0[..<cut])) } + "…"
        }
        // Walks at most 120 characters, not the whole paragraph as `count` would.
        guard collapsed.index(collapsed.startIndex, offsetBy: 120, limitedBy: collapsed.endIndex).map({ $0 < collapsed.endIndex }) ?? false else {
            return collapsed
        }
        return String(collapsed.prefix(119)) + "…"
    }

    /// For text whose first 121 scalars are each a character of their own, without asking
    /// grapheme breaking: -1 when it has at most 120 of them, else the byte offset after the
    /// 119th. Nil when a scalar there may join its neighbour (marks, joiners, CR, emoji).
    /// Summaries walked Characters over Chinese text, most of a page's summary cost.
    static func simpleCharacterCut(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0, scalars = 0, cut = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length: Int
            if lead >= 0x20 && lead < 0x7F {
                length = 1
            } else if lead >= 0xE0 && lead < 0xF0 && index + 2 < bytes.count {
                let value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                // CJK ideographs and Extension A, CJK punctuation before the tone marks (U+302A),
                // full-width ASCII forms, general punctuation before the separators: none joins.
                guard (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) || (0x3001...0x3029).contains(value)
                        || (0xFF01...0xFF5E).contains(value) || (0x2010...0x2027).contains(value) else { return nil }
                length = 3
            } else {
                return nil
            }
            index += length
            scalars += 1
            if scalars == 119 { cut = index }
            if scalars == 121 { return cut }
        }
        return -1
    }
}
