import Yams

/// Parses YAML text to a node tree, translating Yams errors to the file's own lines.
enum YAMLParsing {
    /// `lineOffset`: lines of the file before the YAML text (front matter starts on line 2).
    static func parse(_ text: String, path: String, lineOffset: Int) -> Result<Node?, Diagnostic> {
        do {
            // The basic resolver leaves scalars as text: the schema readers decide
            // types themselves, and the default one runs regexes on every scalar.
            // An explicit encoding: the default one reads the process environment on every call.
            return .success(try Yams.compose(yaml: text, .basic, .default, .utf8))
        } catch let error as YamlError {
            return .failure(translate(error, path: path, lineOffset: lineOffset, text: text))
        } catch {
            return .failure(.error("yaml.syntax", "YAML error: \(error)", at: SourceLocation(path: path, line: lineOffset + 1)))
        }
    }

    static func translate(_ error: YamlError, path: String, lineOffset: Int, text: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let line = text.split(separator: "\n", omittingEmptySubsequences: false)
            let lineText = mark.line - 1 < line.count && mark.line >= 1 ? line[mark.line - 1] : ""
            var hint: String?
            if lineText.contains("\t") {
                hint = "YAML indents with spaces; this line has a tab"
            } else if problem.contains("mapping values are not allowed") {
                hint = "a value that contains `: ` must be quoted"
            } else if let context {
                hint = "\(context.text) (line \(context.mark.line + lineOffset))"
            }
            return .error("yaml.syntax", "YAML syntax error: \(problem)", at: at(mark), hint: hint)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error(
                "yaml.duplicate-key",
                "duplicate key `\(duplicates.joined(separator: "`, `"))`",
                at: at(context.mark)
            )
        default:
            return .error("yaml.syntax", "YAML error: \(error)", at: SourceLocation(path: path, line: lineOffset + 1))
        }
    }
}
