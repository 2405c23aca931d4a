import CCmark
import Foundation

/// The Markdown text cmark parsed, as bytes, to read the characters around an inline node.
///
/// cmark reports inline columns from the start of each line's paragraph content:
/// right on a block's first line, but on later lines it leaves out the indentation
/// and `>` markers it stripped. `column(line:reported:in:)` puts them back.
struct InlineSourceBytes {
    let bytes: [UInt8]
    /// Byte offset where each line starts; line 1 is index 0.
    let lineStarts: [Int]

    init(_ markdown: String) {
        bytes = Array(markdown.utf8)
        var starts = [0]
        // Room for lines of 48 bytes on average (a page's are longer), not a dozen regrowths.
        starts.reserveCapacity(bytes.count / 48 + 2)
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            // Line breaks found with memchr: this runs once for every page with emphasis.
            var offset = 0
            if memchr(base, Int32(UInt8(ascii: "\r")), buffer.count) == nil {
                while offset < buffer.count, let found = memchr(base + offset, Int32(UInt8(ascii: "\n")), buffer.count - offset) {
                    offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                    starts.append(offset)
                }
                return
            }
            while offset < buffer.count {
                let byte = buffer[offset]
                offset += 1
                if byte == UInt8(ascii: "\r"), offset < buffer.count, buffer[offset] == UInt8(ascii: "\n") { offset += 1 }
                if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { starts.append(offset) }
            }
        }
        lineStarts = starts
    }

    /// Byte offset where `line` ends (before its line break).
    func lineEnd(_ line: Int) -> Int {
        guard line < lineStarts.count else { return bytes.count }
        var end = lineStarts[line]
        while end > lineStarts[line - 1], bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return end
    }

    /// The 1-based byte column where inline content starts on `line` of `block`.
    func contentColumn(line: Int, in block: CmarkNode) -> Int {
        if line == block.startLine { return block.startColumn }
        var offset = lineStarts[line - 1]
        let end = lineEnd(line)
        while offset < end, [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: ">")].contains(bytes[offset]) { offset += 1 }
        return offset - lineStarts[line - 1] + 1
    }

    /// The real byte column of an inline position cmark reported as `reported` on `line` of `block`.
    func column(line: Int, reported: Int, in block: CmarkNode) -> Int {
        line == block.startLine ? reported : reported - block.startColumn + contentColumn(line: line, in: block)
    }

    /// The column of byte `offset` of the text node `node`'s literal, the node starting at
    /// `start` on `line`: walks the literal and the source together, past backslash escapes
    /// and the characters emphasis took from a run; nil at anything else (an entity).
    func column(ofLiteralByte offset: Int, in node: CmarkNode, startingAt start: Int, line: Int) -> Int? {
        guard let literal = cmark_node_get_literal(node.pointer), var cursor = self.offset(line: line, column: start) else { return nil }
        let lineStart = lineStarts[line - 1], end = lineEnd(line), first = cursor
        return literal.withMemoryRebound(to: UInt8.self, capacity: offset) { literal -> Int? in
            for index in 0..<offset {
                let byte = literal[index]
                while cursor < end, bytes[cursor] != byte, cursor > first, bytes[cursor] == bytes[cursor - 1],
                      bytes[cursor] == UInt8(ascii: "*") || bytes[cursor] == UInt8(ascii: "_") {
                    cursor += 1
                }
                guard cursor < end else { return nil }
                // An escape first: `\\` in the source is one `\` in the literal.
                if bytes[cursor] == UInt8(ascii: "\\"), cursor + 1 < end, bytes[cursor + 1] == byte, byte < 0x80 {
                    cursor += 2
                } else if bytes[cursor] == byte {
                    cursor += 1
                } else {
                    return nil
                }
            }
            return cursor - lineStart + 1
        }
    }

    /// Whether `line` holds `count` backslash-escaped `character`s from `column` on.
    func holdsEscapes(of character: UInt8, count: Int, line: Int, column: Int) -> Bool {
        guard let start = offset(line: line, column: column), start + 2 * count <= lineEnd(line) else { return false }
        return (0..<count).allSatisfy { bytes[start + 2 * $0] == UInt8(ascii: "\\") && bytes[start + 2 * $0 + 1] == character }
    }

    /// The byte offset of 1-based `line` and byte `column`, when it lies on that line.
    func offset(line: Int, column: Int) -> Int? {
        guard line >= 1, line <= lineStarts.count, column >= 1 else { return nil }
        let offset = lineStarts[line - 1] + column - 1
        return offset < lineEnd(line) ? offset : nil
    }

    /// The scalar that starts at `offset`.
    func scalar(at offset: Int) -> UInt32 {
        let lead = bytes[offset]
        guard lead >= 0x80 else { return UInt32(lead) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
        for index in (offset + 1)..<min(bytes.count, offset + length) {
            value = value << 6 | UInt32(bytes[index] & 0x3F)
        }
        return value
    }

    /// The offset where the scalar ending just before `offset` starts.
    func start(before offset: Int) -> Int {
        var start = offset - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return start
    }
}
