import Foundation
import Yams

/// Parses YAML text to a node tree, translating Yams errors to the file's own lines.
enum YAMLParsing {
    /// `lineOffset`: lines of the file before the YAML text (front matter starts on line 2).
    static func parse(_ text: String, path: String, lineOffset: Int) -> Result<Node?, Diagnostic> {
        do {
            // The basic resolver leaves scalars as text: the schema readers decide
            // types themselves, and the default one runs regexes on every scalar.
            // An explicit encoding: the default one reads the process environment on every call.
            let node = try Yams.compose(yaml: text, .basic, .default, .utf8)
            if let alias = YAMLAliases.firstAlias(in: node, text: text, path: path, lineOffset: lineOffset) { return .failure(alias) }
            return .success(node)
        } catch let error as YamlError {
            return .failure(translate(error, path: path, lineOffset: lineOffset, text: text))
        } catch {
            return .failure(.error("yaml.syntax", "YAML error: \(error)", at: SourceLocation(path: path, line: lineOffset + 1)))
        }
    }

    /// Like `parse`, but a key written twice in one mapping is reported at the copy, with where
    /// the first one stands, and the copy is left out: the rest of the file is read as if it were
    /// not there, so one slip gives one error (not every citation of a registry that failed to load).
    static func parseKeepingFirst(_ text: String, path: String, lineOffset: Int) -> (result: Result<Node?, Diagnostic>, duplicates: [Diagnostic]) {
        var text = text
        var duplicates: [Diagnostic] = []
        // Each round removes one copy; the bound only guards against a copy that keeps coming back.
        for _ in 0..<100 {
            do {
                let node = try Yams.compose(yaml: text, .basic, .default, .utf8)
                if let alias = YAMLAliases.firstAlias(in: node, text: text, path: path, lineOffset: lineOffset) { return (.failure(alias), duplicates) }
                return (.success(node), duplicates)
            } catch YamlError.duplicatedKeysInMapping(let keys, let context) {
                // Yams names the keys in order and marks the first one's first definition.
                guard let key = keys.first, let removed = removeCopy(of: key, definedAt: context.mark, in: &text, path: path, lineOffset: lineOffset) else {
                    return (parse(text, path: path, lineOffset: lineOffset), duplicates)
                }
                duplicates.append(removed)
            } catch {
                return (parse(text, path: path, lineOffset: lineOffset), duplicates)
            }
        }
        return (parse(text, path: path, lineOffset: lineOffset), duplicates)
    }

    /// Blanks the lines of the next definition of `key` after its first one at `first`, keeping
    /// line numbers; returns the error at the copy, or nil when there is no copy on a line of its own.
    private static func removeCopy(of key: String, definedAt first: Mark, in text: inout String, path: String, lineOffset: Int) -> Diagnostic? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let firstLine = first.line  // 1-based, in `text`
        let indent = first.column - 1
        func indentation(_ line: String) -> Int { line.prefix { $0 == " " }.count }
        func isBlankOrComment(_ line: String) -> Bool {
            let trimmed = line.drop { $0 == " " }
            return trimmed.isEmpty || trimmed.hasPrefix("#")
        }
        func isKey(_ line: String) -> Bool {
            guard indentation(line) == indent else { return false }
            let rest = line.dropFirst(indent)
            return [key, "\"" + key + "\"", "'" + key + "'"].contains { written in
                rest.hasPrefix(written) && rest.dropFirst(written.count).drop { $0 == " " }.hasPrefix(":")
            }
        }
        guard firstLine >= 1, firstLine <= lines.count else { return nil }
        var index = firstLine  // the line after the first key (0-based index of the next line)
        while index < lines.count {
            let line = lines[index]
            if !isBlankOrComment(line) {
                if indentation(line) < indent { return nil }
                if isKey(line) { break }
            }
            index += 1
        }
        guard index < lines.count else { return nil }
        let copyLine = index + 1 + lineOffset
        var end = index + 1
        while end < lines.count, isBlankOrComment(lines[end]) || indentation(lines[end]) > indent { end += 1 }
        for blank in index..<end { lines[blank] = "" }
        text = lines.joined(separator: "\n")
        return .error(
            "yaml.duplicate-key",
            "duplicate key `\(key)`",
            at: SourceLocation(path: path, line: copyLine, column: first.column),
            hint: "first defined at \(path):\(first.line + lineOffset)"
        )
    }

    /// For a value with `: ` in it (`title: 注意: 一清`): quote the value, shown on the editor's own line.
    static func quotingHint(_ line: String) -> String {
        let general = "a value that contains `: ` must be quoted: quote the value"
        guard let colon = line.range(of: ": ") else { return general }
        let key = line[..<colon.lowerBound]
        let value = line[colon.upperBound...].trimmingCharacters(in: .whitespaces)
        guard !key.trimmingCharacters(in: .whitespaces).isEmpty, !value.isEmpty, !value.hasPrefix("\""), !value.hasPrefix("'") else { return general }
        let quoted = value.contains("\"") ? "'" + value.replacingOccurrences(of: "'", with: "''") + "'" : "\"" + value + "\""
        return "quote the value, as it contains `: `: \(key): \(quoted)"
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
                hint = quotingHint(String(lineText))
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
