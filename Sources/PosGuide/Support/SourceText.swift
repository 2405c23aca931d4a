/// A source file's text with the means to turn cmark's byte columns into character columns.
public struct SourceText: Sendable {
    public let path: String
    public let text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// The location of 1-based `line` and byte `byteColumn`, with the column counted in characters.
    public func location(line: Int, byteColumn: Int) -> SourceLocation {
        guard let lineText = self.line(line) else {
            return SourceLocation(path: path, line: line, column: byteColumn)
        }
        let prefix = lineText.utf8.prefix(max(0, byteColumn - 1))
        let column = String(decoding: prefix, as: UTF8.self).unicodeScalars.count + 1
        return SourceLocation(path: path, line: line, column: column)
    }

    /// The text of 1-based `number`, without its line break.
    public func line(_ number: Int) -> Substring? {
        guard number >= 1 else { return nil }
        var current = 1
        var start = text.startIndex
        while current < number {
            guard let newline = text[start...].firstIndex(of: "\n") else { return nil }
            start = text.index(after: newline)
            current += 1
        }
        let end = text[start...].firstIndex(where: { $0 == "\n" || $0 == "\r\n" }) ?? text.endIndex
        return text[start..<end]
    }
}
