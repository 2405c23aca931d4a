import Foundation

/// A source file's text with the means to turn cmark's byte columns into character columns.
struct SourceText: Sendable {
    let path: String
    let text: String

    init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// The location of 1-based `line` and byte `byteColumn`, with the column counted in characters.
    ///
    /// Works on the UTF-8 bytes: every link of every page gets a location, so
    /// this must not walk Characters (grapheme breaking dominated a profile).
    func location(line: Int, byteColumn: Int) -> SourceLocation {
        location(line: line, byteColumn: byteColumn, lineStarts: nil)
    }

    /// The same, with the byte offset of each line's start already known (`lineStarts()`):
    /// a page asks for the location of every link, and each would otherwise scan from the top.
    func location(line: Int, byteColumn: Int, lineStarts: [Int]?) -> SourceLocation {
        var text = self.text
        let column = text.withUTF8 { bytes -> Int in
            var start = 0
            if let lineStarts, line >= 1, line <= lineStarts.count {
                start = lineStarts[line - 1]
            } else {
                var current = 1
                while current < line, start < bytes.count {
                    guard let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) else { return byteColumn }
                    start = newline + 1
                    current += 1
                }
            }
            let end = min(bytes.count, start + max(0, byteColumn - 1))
            // Characters before the column: every byte that does not continue a UTF-8 sequence.
            return bytes[start..<end].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        }
        return SourceLocation(path: path, line: line, column: column)
    }

    /// The byte offset at which each line starts.
    func lineStarts() -> [Int] {
        var text = self.text
        return text.withUTF8 { bytes in
            // Room for lines of 32 bytes on average at once (Chinese prose runs longer): the
            // array grew a doubling at a time for every page with a link.
            var starts: [Int] = []
            starts.reserveCapacity(bytes.count / 32 + 1)
            starts.append(0)
            guard let base = bytes.baseAddress else { return starts }
            var offset = 0
            while offset < bytes.count, let newline = memchr(base + offset, 0x0A, bytes.count - offset) {
                offset = base.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1
                starts.append(offset)
            }
            return starts
        }
    }
}
