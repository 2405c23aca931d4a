import CCmark
import CCmarkArena
import Foundation
import Testing
@testable import PosGuide

/// The arena allocator gives cmark's trees and HTML the same bytes as cmark's own allocator,
/// whatever the size: one chunk, several, a buffer that grows in place or moves.
@Suite struct CmarkArenaTests {
    /// cmark with its default allocator, the reference.
    static func reference(_ markdown: String) -> String {
        markdown.withCString { pointer in
            let html = cmark_markdown_to_html(pointer, strlen(pointer), CMARK_OPT_DEFAULT)!
            defer { free(html) }
            return String(cString: html)
        }
    }

    static func document(paragraphs: Int) -> String {
        (0..<paragraphs).map { index in
            "## 第 \(index) 节\n\n商户**编号** \(index) 的*费率*与 [链接](https://example.com/\(index)) `code \(index)`。\n\n- 一\n- 二 &amp; 三\n"
        }.joined(separator: "\n")
    }

    @Test func pagesOfEverySizeRenderAsWithCmarksOwnAllocator() {
        // From a line to several megabytes: past the first chunk (256 KB) and the kept limit (8 MB of tree).
        for paragraphs in [0, 1, 10, 300, 3_000, 40_000, 5, 2] {
            let markdown = Self.document(paragraphs: paragraphs)
            #expect(MarkdownRenderer.renderCommonMark(markdown) == Self.reference(markdown), "\(paragraphs) paragraphs")
        }
    }

    @Test func aThreadKeepsOneBoundedChunkBetweenPages() {
        _ = MarkdownRenderer.renderCommonMark(Self.document(paragraphs: 10))
        let small = posguide_arena_retained()
        #expect(small > 0)
        // A huge page's chunks are let go, not kept for the next page.
        _ = MarkdownRenderer.renderCommonMark(Self.document(paragraphs: 40_000))
        #expect(posguide_arena_retained() == 0)
        _ = MarkdownRenderer.renderCommonMark(Self.document(paragraphs: 10))
        #expect(posguide_arena_retained() > 0)
        #expect(posguide_arena_retained() <= 8 * 1024 * 1024)
    }

    @Test func aDocumentParsedWhileAnotherIsOpenLeavesTheFirstIntact() {
        let outer = Self.document(paragraphs: 50), inner = Self.document(paragraphs: 2_000)
        let html = CmarkArena.use { () -> (String, String) in
            let first = CmarkArena.parse(outer, options: CMARK_OPT_DEFAULT)!
            // The nested use must not release the outer tree when it ends.
            let nested = CmarkArena.use { CmarkArena.parse(inner, options: CMARK_OPT_DEFAULT)!.renderHTML(options: CMARK_OPT_DEFAULT) }
            return (first.renderHTML(options: CMARK_OPT_DEFAULT), nested)
        }
        #expect(html.0 == Self.reference(outer))
        #expect(html.1 == Self.reference(inner))
    }
}
