import CCmark
import CCmarkArena
import Foundation

/// cmark trees in this thread's arena (Sources/CCmarkArena): a page's tree, its literals and its
/// rendered HTML are allocated by pointer bumps and released all at once when the page is done,
/// instead of one `calloc` and one `free` per node and string.
///
/// Every node of a tree must come from the same allocator (cmark frees a tree with its root's):
/// nodes the renderer adds are made with `node(_:)`.
enum CmarkArena {
    static var memory: UnsafeMutablePointer<cmark_mem> { posguide_arena_mem() }

    /// Runs `body` with the arena open. Whatever was allocated in it is released when the
    /// outermost call on this thread returns, so nothing of it may outlive that call.
    static func use<T>(_ body: () -> T) -> T {
        posguide_arena_enter()
        defer { posguide_arena_leave() }
        return body()
    }

    /// Parses `markdown` into a document in the arena (inside `use`; never freed on its own).
    static func parse(_ markdown: String, options: Int32) -> CmarkNode? {
        guard let parser = cmark_parser_new_with_mem(options, memory) else { return nil }
        defer { cmark_parser_free(parser) }
        // Up to a NUL, as `cmark_parse_document` (given the same C string) would read it.
        markdown.withCString { cmark_parser_feed(parser, $0, strlen($0)) }
        return CmarkNode(cmark_parser_finish(parser))
    }

    /// A new node in the arena.
    static func node(_ type: cmark_node_type) -> CmarkNode {
        CmarkNode(cmark_node_new_with_mem(type, memory)!)
    }
}
