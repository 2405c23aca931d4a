/// A Markdown file split into its YAML front matter and its body.
struct FrontMatterSplit {
    /// The YAML between the `---` lines, or nil when the file has none.
    var yaml: String?
    /// Lines before the YAML's first line (1: the opening `---`).
    var yamlLineOffset: Int
    /// A view into the file's text, not a copy: a large site holds every page's text once.
    var body: Substring
    /// The body's first line in the file.
    var bodyFirstLine: Int

    /// Splits `file`; an opening `---` without a closing one is an error.
    static func split(_ file: SourceFile) -> Result<FrontMatterSplit, Diagnostic> {
        let text = file.text
        // The bytes, not Characters: a line feed always ends a Character and `-` before it is one,
        // so the two agree, and Character comparison of Chinese text cost as much as the split.
        guard text.utf8.starts(with: "---\n".utf8) || text == "---" else {
            return .success(FrontMatterSplit(yaml: nil, yamlLineOffset: 0, body: text[...], bodyFirstLine: 1))
        }
        // Byte offsets in the text's UTF-8: a line feed is always a character of its own, and
        // walking Characters (grapheme breaking), or even the substrings' UTF-8 views byte by
        // byte, cost more than the rest of the split. `---\n` is four bytes.
        var contiguous = text
        let closing = contiguous.withUTF8 { bytes -> (yamlEnd: Int, bodyStart: Int, line: Int)? in
            var lineNumber = 1
            var cursor = min(4, bytes.count)
            while cursor < bytes.count {
                lineNumber += 1
                var lineEnd = cursor
                while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
                if lineEnd - cursor == 3, bytes[cursor] == bytes[cursor + 1], bytes[cursor] == bytes[cursor + 2],
                   bytes[cursor] == UInt8(ascii: "-") || bytes[cursor] == UInt8(ascii: ".") {
                    return (cursor, min(lineEnd + 1, bytes.count), lineNumber)
                }
                cursor = min(lineEnd + 1, bytes.count)
            }
            return nil
        }
        if let closing {
            let utf8 = text.utf8
            return .success(FrontMatterSplit(
                yaml: String(text[utf8.index(utf8.startIndex, offsetBy: 4)..<utf8.index(utf8.startIndex, offsetBy: closing.yamlEnd)]),
                yamlLineOffset: 1,
                body: text[utf8.index(utf8.startIndex, offsetBy: closing.bodyStart)...],
                bodyFirstLine: closing.line + 1
            ))
        }
        let end = guessedEnd(of: text)
        return .failure(.error(
            "front-matter.unclosed",
            "front matter is not closed",
            at: SourceLocation(path: file.path, line: 1, column: 1),
            hint: "front matter starts with `---` on line 1; did you forget the closing `---`? It belongs before line \(end.line), where the front matter seems to end"
        ))
    }

    /// A split of a file whose front matter is not closed, where the front matter most likely ends:
    /// at the first blank line or the first line that is not `key: value` (or nested under one).
    /// The page is still read from it, so its links, headings and body problems come out as usual
    /// instead of every link to it failing.
    static func recover(_ file: SourceFile) -> FrontMatterSplit {
        let text = file.text
        let end = guessedEnd(of: text)
        let yamlStart = text.utf8.firstIndex(of: UInt8(ascii: "\n")).map { text.utf8.index(after: $0) } ?? text.endIndex
        return FrontMatterSplit(yaml: String(text[yamlStart..<end.index]), yamlLineOffset: 1,
                                body: text[end.index...], bodyFirstLine: end.line)
    }

    /// Where the front matter of `text` (opened by `---` on line 1) probably ends: the line and its start.
    private static func guessedEnd(of text: String) -> (line: Int, index: String.Index) {
        var lineNumber = 1
        var cursor = text.utf8.firstIndex(of: UInt8(ascii: "\n")).map { text.utf8.index(after: $0) } ?? text.endIndex
        while cursor < text.endIndex {
            lineNumber += 1
            let lineEnd = text.utf8[cursor...].firstIndex(of: UInt8(ascii: "\n")) ?? text.endIndex
            let line = text[cursor..<lineEnd]
            // A line starting with `#` is taken for a Markdown heading, not a YAML comment: far more common after front matter.
            let looksLikeYAML = line.first == " " || line.hasPrefix("- ")
                || (line.first.map { $0.isASCII && $0.isLetter } ?? false) && line.contains(":")
            if !looksLikeYAML { return (lineNumber, cursor) }
            cursor = lineEnd < text.endIndex ? text.utf8.index(after: lineEnd) : lineEnd
        }
        return (lineNumber + 1, text.endIndex)
    }
}
