import CCmark
import Foundation

/// The one door to libcmark: thin Swift accessors over `cmark_node` pointers.
///
/// Nothing outside `Markdown/` sees these pointers; the rest of the code gets
/// Swift values from `MarkdownRenderer`. Strings go to cmark through `withCString`, which lends
/// a String's own bytes: passing a String where C takes a `char *` copied it into a new array.
struct CmarkNode {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) { self.pointer = pointer }

    init?(_ pointer: OpaquePointer?) {
        guard let pointer else { return nil }
        self.pointer = pointer
    }

    var type: cmark_node_type { cmark_node_get_type(pointer) }
    var parent: CmarkNode? { CmarkNode(cmark_node_parent(pointer)) }
    var firstChild: CmarkNode? { CmarkNode(cmark_node_first_child(pointer)) }
    var next: CmarkNode? { CmarkNode(cmark_node_next(pointer)) }
    var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }
    var endLine: Int { Int(cmark_node_get_end_line(pointer)) }
    var endColumn: Int { Int(cmark_node_get_end_column(pointer)) }

    var literal: String {
        get { cmark_node_get_literal(pointer).map(UTF8Bytes.string(cString:)) ?? "" }
        nonmutating set { newValue.withCString { _ = cmark_node_set_literal(pointer, $0) } }
    }

    /// Whether the literal starts with `byte`, read from cmark's buffer without making a String.
    func literalStarts(with byte: UInt8) -> Bool {
        guard let literal = cmark_node_get_literal(pointer) else { return false }
        return UInt8(bitPattern: literal.pointee) == byte
    }

    /// Calls `body` with bytes `range` of the literal, read in cmark's buffer (empty without a literal).
    func withLiteralBytes(_ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard let literal = cmark_node_get_literal(pointer) else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        literal.withMemoryRebound(to: UInt8.self, capacity: range.upperBound) { bytes in
            body(UnsafeBufferPointer(start: bytes + range.lowerBound, count: range.count))
        }
    }

    var url: String {
        get { cmark_node_get_url(pointer).map(UTF8Bytes.string(cString:)) ?? "" }
        nonmutating set { newValue.withCString { _ = cmark_node_set_url(pointer, $0) } }
    }

    var title: String { cmark_node_get_title(pointer).map(UTF8Bytes.string(cString:)) ?? "" }
    var fenceInfo: String { cmark_node_get_fence_info(pointer).map(UTF8Bytes.string(cString:)) ?? "" }
    var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }

    var children: [CmarkNode] {
        var result: [CmarkNode] = []
        var child = firstChild
        while let node = child {
            result.append(node)
            child = node.next
        }
        return result
    }

    /// The first child of type `type`, found through the pointers (no array of every child).
    func firstChild(ofType type: cmark_node_type) -> CmarkNode? {
        var child = firstChild
        while let node = child, node.type != type { child = node.next }
        return child
    }

    /// The concatenated text of this node's descendants, as a reader sees it.
    var plainText: String {
        // Most headings are one text node: its literal is the text.
        if let only = firstChild, only.next == nil, only.type == CMARK_NODE_TEXT { return only.literal }
        // The literals' bytes gathered from cmark's buffers and made a String once: a String
        // per text node, each checked and appended, cost more than the rest of a heading's id.
        var bytes: [UInt8] = []
        appendPlainText(to: &bytes)
        return bytes.withUnsafeBufferPointer { UTF8Bytes.string(validating: $0) } ?? String(decoding: bytes, as: UTF8.self)
    }

    private func appendPlainText(to out: inout [UInt8]) {
        switch type {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE:
            guard let literal = cmark_node_get_literal(pointer) else { return }
            out.append(contentsOf: UnsafeRawBufferPointer(start: literal, count: strlen(literal)))
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            out.append(UInt8(ascii: " "))
        case CMARK_NODE_HTML_INLINE, CMARK_NODE_HTML_BLOCK:
            break
        default:
            var child = firstChild
            while let node = child {
                node.appendPlainText(to: &out)
                child = node.next
            }
        }
    }

    /// What the renderer changes in a page, found in one walk over the tree before anything
    /// changes (each walk costs about as much as cmark's own rendering of the page).
    struct Survey {
        /// Links, images and raw HTML, in document order.
        var inlines: [CmarkNode] = []
        /// Code blocks (directives), headings and paragraphs, in document order.
        var blocks: [CmarkNode] = []
        /// Paragraphs and headings with a `*` or `_` in their text or, when asked, with emphasis.
        var emphasisBlocks: [CmarkNode] = []
    }

    /// Collects a `Survey` and, when `counting`, adds the reading statistics of every text and
    /// code node to `statistics`, reading cmark's own buffers (no Swift strings are made).
    /// `emphasis`: whether a block with emphasis is one of the `emphasisBlocks` even without a `*` or `_` left.
    func survey(counting: Bool, emphasis: Bool, into statistics: inout TextStatistics) -> Survey {
        var survey = Survey()
        // Room for a usual page's nodes at once: growing the arrays one doubling at a time was a
        // tenth of the walk. (A directive's body is smaller; the room costs only its allocation.)
        survey.inlines.reserveCapacity(16)
        survey.blocks.reserveCapacity(64)
        survey.emphasisBlocks.reserveCapacity(16)
        guard let iterator = cmark_iter_new(pointer) else { return survey }
        defer { cmark_iter_free(iterator) }
        // The paragraph or heading the inlines met now belong to.
        var leaf: OpaquePointer?
        func markLeaf() {
            guard let leaf, survey.emphasisBlocks.last?.pointer != leaf else { return }
            survey.emphasisBlocks.append(CmarkNode(leaf))
        }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_ENTER {
                switch type {
                case CMARK_NODE_LINK, CMARK_NODE_IMAGE, CMARK_NODE_HTML_INLINE, CMARK_NODE_HTML_BLOCK:
                    survey.inlines.append(CmarkNode(node))
                case CMARK_NODE_CODE_BLOCK, CMARK_NODE_HEADING, CMARK_NODE_PARAGRAPH:
                    survey.blocks.append(CmarkNode(node))
                    leaf = node
                case CMARK_NODE_TEXT:
                    // A byte search in cmark's buffer: most text holds neither character.
                    if let literal = cmark_node_get_literal(node), strpbrk(literal, "*_") != nil { markLeaf() }
                case CMARK_NODE_EMPH, CMARK_NODE_STRONG:
                    if emphasis { markLeaf() }
                default:
                    break
                }
            }
            guard counting else { continue }
            if event == CMARK_EVENT_ENTER, type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE,
               let literal = cmark_node_get_literal(node) {
                literal.withMemoryRebound(to: UInt8.self, capacity: 0) { bytes in
                    statistics.add(utf8: UnsafeBufferPointer(start: bytes, count: strlen(literal)))
                }
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK || event == CMARK_EVENT_EXIT {
                statistics.endWord()
            }
        }
        return survey
    }

    /// Replaces this node with a raw HTML block the renderer emits as is.
    func replace(withBlockHTML html: String) {
        let custom = CmarkArena.node(CMARK_NODE_CUSTOM_BLOCK)
        html.withCString { _ = cmark_node_set_on_enter(custom.pointer, $0) }
        cmark_node_insert_before(pointer, custom.pointer)
        remove()
    }

    /// Wraps this inline node's children between two raw HTML strings, dropping the node itself.
    func replaceKeepingChildren(enter: String, exit: String) {
        let custom = CmarkArena.node(CMARK_NODE_CUSTOM_INLINE)
        enter.withCString { _ = cmark_node_set_on_enter(custom.pointer, $0) }
        exit.withCString { _ = cmark_node_set_on_exit(custom.pointer, $0) }
        // Appending a child unlinks it from here: the next one is then the first (no children array).
        while let child = firstChild {
            cmark_node_append_child(custom.pointer, child.pointer)
        }
        cmark_node_insert_before(pointer, custom.pointer)
        remove()
    }

    /// Replaces this block, whose children are inlines (a heading), with those inlines between
    /// `enter` and `exit`, on lines of their own as cmark puts blocks. A custom block alone
    /// would put its content on a line of its own too; it holds one custom inline instead.
    func replaceBlockKeepingInlines(enter: String, exit: String) {
        let block = CmarkArena.node(CMARK_NODE_CUSTOM_BLOCK)
        cmark_node_insert_before(pointer, block.pointer)
        cmark_node_append_child(block.pointer, pointer)
        replaceKeepingChildren(enter: enter, exit: exit)
    }

    /// Whether `root` is an ancestor of this node (false once a parent was unlinked).
    func isDescendant(of root: CmarkNode) -> Bool {
        var current = parent
        while let node = current {
            if node.pointer == root.pointer { return true }
            current = node.parent
        }
        return false
    }

    /// Unlinks and frees this node and its children.
    func remove() {
        cmark_node_unlink(pointer)
        cmark_node_free(pointer)
    }

    /// This node alone, rendered to HTML by cmark. The tree must be in the arena (`CmarkArena`),
    /// where cmark also puts the HTML: it is copied into the String, and goes with the arena.
    func renderHTML(options: Int32) -> String {
        guard let buffer = cmark_render_html(pointer, options) else { return "" }
        // Not checked again: cmark parsed a Swift String and every custom block's HTML is one, and
        // its HTML writer copies text whole or escapes ASCII. A page's HTML is the biggest text
        // checked in a build; the `markdown` fuzz target holds this (its output is valid UTF-8).
        return UTF8Bytes.string(trusting: buffer)
    }
}
