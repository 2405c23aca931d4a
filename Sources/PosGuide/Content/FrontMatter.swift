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
        guard text.hasPrefix("---\n") || text == "---" else {
            return .success(FrontMatterSplit(yaml: nil, yamlLineOffset: 0, body: text[...], bodyFirstLine: 1))
        }
        var lineNumber = 1
        var cursor = text.index(text.startIndex, offsetBy: 4, limitedBy: text.endIndex) ?? text.endIndex
        let yamlStart = cursor
        while cursor < text.endIndex {
            lineNumber += 1
            // A byte search: a line feed is always a character of its own, and walking
            // Characters (grapheme breaking) cost more than the rest of the split.
            let lineEnd = text.utf8[cursor...].firstIndex(of: UInt8(ascii: "\n")) ?? text.endIndex
            let line = text[cursor..<lineEnd]
            if line.utf8.elementsEqual("---".utf8) || line.utf8.elementsEqual("...".utf8) {
                let bodyStart = lineEnd < text.endIndex ? text.utf8.index(after: lineEnd) : lineEnd
                return .success(FrontMatterSplit(
                    yaml: String(text[yamlStart..<cursor]),
                    yamlLineOffset: 1,
                    body: text[bodyStart...],
                    bodyFirstLine: lineNumber + 1
                ))
            }
            cursor = lineEnd < text.endIndex ? text.utf8.index(after: lineEnd) : lineEnd
        }
        return .failure(.error(
            "front-matter.unclosed",
            "front matter is not closed",
            at: SourceLocation(path: file.path, line: 1, column: 1),
            hint: "front matter starts with `---` on line 1; did you forget the closing `---`?"
        ))
    }
}
