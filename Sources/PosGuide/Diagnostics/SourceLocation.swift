/// A place in a source file: a path relative to the site root, and 1-based line and column.
///
/// Columns count characters (Unicode scalars), not bytes, so a column in a Chinese
/// line points where an editor's cursor would.
struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    var path: String
    var line: Int
    var column: Int

    init(path: String, line: Int = 1, column: Int = 1) {
        self.path = path
        self.line = max(1, line)
        self.column = max(1, column)
    }

    var description: String { "\(path):\(line):\(column)" }
}
