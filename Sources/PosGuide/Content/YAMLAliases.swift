import Yams

/// Refuses YAML aliases (`*name`, the reuse of a value anchored with `&name`).
///
/// The parser shares an aliased value instead of copying it, but anything that walks the tree
/// (a data file handed to the templates, a list of mappings) visits it once per use: nine lines
/// of nested aliases (a "billion laughs") would be a billion values. No posguide file needs
/// them, so the first one is an error and nothing walks the tree further.
enum YAMLAliases {
    /// The error at the first alias in `node`, or nil when it has none.
    ///
    /// An aliased value is the anchored node itself, so it shows up as a second visit to a node
    /// already seen at the same place in the file; the walk stops there, before any expansion.
    /// (A mapping and its first key may start at the same place, `{a: 1}: b`: that is no reuse.)
    static func firstAlias(in node: Node?, text: String, path: String, lineOffset: Int) -> Diagnostic? {
        guard let node else { return nil }
        var seen: Set<Place> = []
        var pending: [(node: Node, parent: Place?)] = [(node, nil)]
        while let (next, parent) = pending.popLast() {
            let kind: Int
            let mark: Mark?
            var children: [Node] = []
            switch next {
            case .alias(let alias):
                return error(anchor: alias.anchor.rawValue, anchorMark: nil, fallback: alias.mark, text: text, path: path, lineOffset: lineOffset)
            case .scalar(let scalar):
                // An empty value has no text of its own to be anchored at; reusing one costs nothing.
                guard !scalar.string.isEmpty else { continue }
                (kind, mark) = (0, scalar.mark)
            case .mapping(let mapping):
                (kind, mark) = (1, mapping.mark)
                for (key, value) in mapping { children += [key, value] }
            case .sequence(let sequence):
                (kind, mark) = (2, sequence.mark)
                children = Array(sequence)
            }
            let place = mark.map { Place(kind: kind, line: $0.line, column: $0.column) }
            if let place, let mark, place != parent, !seen.insert(place).inserted {
                return error(anchor: anchorName(at: mark, in: text), anchorMark: mark, fallback: mark, text: text, path: path, lineOffset: lineOffset)
            }
            pending += children.map { ($0, place) }
        }
        return nil
    }

    private struct Place: Hashable {
        var kind, line, column: Int
    }

    private static func error(anchor: String?, anchorMark: Mark?, fallback: Mark?, text: String, path: String, lineOffset: Int) -> Diagnostic {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var location = SourceLocation(path: path, line: (fallback?.line ?? 1) + lineOffset, column: fallback?.column ?? 1)
        if let anchor, let use = firstUse(of: anchor, in: lines, from: anchorMark?.line ?? 1) {
            location = SourceLocation(path: path, line: use.line + lineOffset, column: use.column)
        }
        let name = anchor.map { "`*\($0)`" } ?? "here"
        let defined = anchorMark.map { " (the value anchored at line \($0.line + lineOffset))" } ?? ""
        return .error(
            "yaml.alias",
            "YAML alias \(name) is not supported\(defined)",
            at: location,
            hint: "write the value out in full where it is needed (aliases can make a few lines stand for millions of values)"
        )
    }

    /// The name of the anchor (`&name`) that starts the node at `mark`, or that stands just before it on its line.
    private static func anchorName(at mark: Mark, in text: String) -> String? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line >= 1, mark.line <= lines.count else { return nil }
        let line = Array(lines[mark.line - 1])
        var index = min(max(mark.column - 1, 0), line.count - 1)
        while index >= 0, line[index] != "&" { index -= 1 }
        guard index >= 0 else { return nil }
        let name = String(line[(index + 1)...].prefix { !isEndOfName($0) })
        return name.isEmpty ? nil : name
    }

    /// Where `*name` first stands, from line `first` on (1-based lines, columns in characters).
    private static func firstUse(of name: String, in lines: [Substring], from first: Int) -> (line: Int, column: Int)? {
        let written = Array("*" + name)
        for number in max(first, 1)...max(lines.count, 1) where number <= lines.count {
            let line = Array(lines[number - 1])
            var index = 0
            while index + written.count <= line.count {
                if Array(line[index..<index + written.count]) == written,
                   index + written.count == line.count || isEndOfName(line[index + written.count]) {
                    return (number, index + 1)
                }
                index += 1
            }
        }
        return nil
    }

    private static func isEndOfName(_ character: Character) -> Bool {
        character.isWhitespace || ",[]{}".contains(character)
    }
}
