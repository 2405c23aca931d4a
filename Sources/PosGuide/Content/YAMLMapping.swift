import Yams

/// Reads a YAML mapping against a schema: known keys with types, the rest reported.
///
/// Each accessor marks its key as known and reports a wrong type at the
/// value's own position; `finish()` reports every key nobody asked for,
/// with a "did you mean" for typos.
final class YAMLMapping {
    let pairs: [(key: String, keyNode: Node, value: Node)]
    let path: String
    let lineOffset: Int
    /// The YAML text, for positions Yams does not report (block scalar indentation).
    let sourceText: String
    /// What the mapping is, for messages: "front matter", "provider record".
    let subject: String
    let location: SourceLocation
    private(set) var diagnostics: [Diagnostic] = []
    private var known: [String] = []

    /// Wraps `node`; a node that is not a mapping is reported and read as empty.
    init(_ node: Node?, path: String, lineOffset: Int, subject: String, at location: SourceLocation, sourceText: String = "") {
        self.path = path
        self.sourceText = sourceText
        self.lineOffset = lineOffset
        self.subject = subject
        self.location = node.flatMap { $0.mark }.map { SourceLocation(path: path, line: $0.line + lineOffset, column: $0.column) } ?? location
        switch node {
        case .mapping(let mapping)?:
            pairs = mapping.map { (key: $0.key.string ?? "", keyNode: $0.key, value: $0.value) }
        case nil:
            pairs = []
        default:
            pairs = []
            diagnostics.append(.error("yaml.type", "\(subject) must be a mapping of `key: value` lines", at: self.location))
        }
    }

    /// A whole file read as one mapping, for a schema reader; nil, with the errors, when it is not
    /// YAML. Copies of a key are reported through the mapping (the first copy is the one read).
    static func file(_ file: SourceFile, subject: String) -> (YAMLMapping?, [Diagnostic]) {
        let (parsed, duplicates) = YAMLParsing.parseKeepingFirst(file.text, path: file.path, lineOffset: 0)
        switch parsed {
        case .failure(let diagnostic):
            return (nil, duplicates + [diagnostic])
        case .success(let node):
            let map = YAMLMapping(node, path: file.path, lineOffset: 0, subject: subject, at: SourceLocation(path: file.path), sourceText: file.text)
            map.diagnostics.insert(contentsOf: duplicates, at: 0)
            return (map, [])
        }
    }

    func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return location }
        return SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
    }

    func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// The value node of `key`, marking the key as known.
    func value(_ key: String) -> Node? {
        if !known.contains(key) { known.append(key) }
        guard let pair = pairs.first(where: { $0.key == key }) else { return nil }
        if case .scalar(let scalar) = pair.value, scalar.style == .plain, ["", "~", "null"].contains(scalar.string) {
            return nil
        }
        return pair.value
    }

    func requireValue(_ key: String) -> Node? {
        let node = value(key)
        if node == nil {
            diagnostics.append(.error("schema.missing-key", "\(subject) is missing required key `\(key)`", at: location))
        }
        return node
    }

    func string(_ key: String, required: Bool = false) -> String? {
        guard let node = required ? requireValue(key) : value(key) else { return nil }
        return scalarString(node, key: key)
    }

    func scalarString(_ node: Node, key: String) -> String? {
        guard case .scalar(let scalar) = node else {
            diagnostics.append(.error("schema.type", "`\(key)` must be text", at: location(of: node)))
            return nil
        }
        let text = scalar.string.trimmingWhitespace
        if text.isEmpty {
            diagnostics.append(.error("schema.empty", "`\(key)` is empty", at: location(of: node)))
            return nil
        }
        return text
    }

    func int(_ key: String, in range: ClosedRange<Int>? = nil) -> Int? {
        guard let node = value(key) else { return nil }
        guard case .scalar(let scalar) = node, scalar.style == .plain, let number = Int(scalar.string) else {
            diagnostics.append(.error("schema.type", "`\(key)` must be a whole number", at: location(of: node)))
            return nil
        }
        if let range, !range.contains(number) {
            diagnostics.append(.error("schema.range", "`\(key)` must be between \(range.lowerBound) and \(range.upperBound)", at: location(of: node)))
            return nil
        }
        return number
    }

    func bool(_ key: String) -> Bool? {
        guard let node = value(key) else { return nil }
        guard case .scalar(let scalar) = node, scalar.style == .plain, ["true", "false"].contains(scalar.string) else {
            diagnostics.append(.error("schema.type", "`\(key)` must be true or false", at: location(of: node)))
            return nil
        }
        return scalar.string == "true"
    }

    /// A date; `complete` demands a day (`2026-11-24`), otherwise `2024-09` and `2024` pass too.
    func date(_ key: String, required: Bool = false, complete: Bool = true) -> PartialDate? {
        guard let node = required ? requireValue(key) : value(key) else { return nil }
        guard case .scalar(let scalar) = node, let date = PartialDate(iso: scalar.string), !complete || date.isComplete else {
            let form = complete ? "YYYY-MM-DD" : "YYYY-MM-DD, YYYY-MM or YYYY"
            // A date of the right shape that names no day says which part is wrong.
            if case .scalar(let scalar) = node, let problem = PartialDate.impossibility(in: scalar.string) {
                diagnostics.append(.error("schema.date", "`\(key)` \(scalar.string) is not a date: \(problem)", at: location(of: node)))
            } else {
                diagnostics.append(.error("schema.date", "`\(key)` is not a valid date; write it as \(form)", at: location(of: node)))
            }
            return nil
        }
        return date
    }

    /// A list of text items (`[a, b]` or `- a` lines); anything else is a type error at the value.
    func strings(_ key: String, required: Bool = false) -> [String]? {
        locatedStrings(key, required: required)?.map(\.value)
    }

    /// Like `strings`, with where each item stands (to report an item, e.g. an unknown source id).
    func locatedStrings(_ key: String, required: Bool = false) -> [(value: String, location: SourceLocation)]? {
        guard let node = required ? requireValue(key) : value(key) else { return nil }
        switch node {
        case .sequence(let sequence):
            return sequence.compactMap { item in scalarString(item, key: key).map { ($0, location(of: item)) } }
        case .scalar(let scalar):
            // `tags: 费率, 短信` is one piece of text to YAML, not two tags: say how to write the list.
            let items = scalar.string.split { ",，、".contains($0) }.map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
            diagnostics.append(.error("schema.type", "`\(key)` must be a list", at: location(of: node),
                                      hint: "write it in brackets: `\(key): [\(items.joined(separator: ", "))]`"))
            return nil
        default:
            diagnostics.append(.error("schema.type", "`\(key)` must be a list", at: location(of: node)))
            return nil
        }
    }

    /// Markdown text, the number of file lines before its first line, and the column it starts at.
    func markdown(_ key: String, required: Bool = false) -> (text: String, lineOffset: Int, firstColumn: Int)? {
        guard let node = required ? requireValue(key) : value(key), let text = scalarString(node, key: key),
              case .scalar(let scalar) = node, let mark = node.mark else { return nil }
        // A block scalar (`|` or `>`) starts on the line after its indicator, indented.
        guard scalar.style == .literal || scalar.style == .folded else {
            return (text, mark.line + lineOffset - 1, mark.column)
        }
        let lines = sourceText.split(separator: "\n", omittingEmptySubsequences: false)
        let next = lines.dropFirst(mark.line).first { !$0.allSatisfy { $0 == " " } } ?? ""
        return (text, mark.line + lineOffset, next.prefix { $0 == " " }.count + 1)
    }

    /// A nested mapping, read by the same rules.
    func mapping(_ key: String, subject: String, required: Bool = false) -> YAMLMapping? {
        guard let node = required ? requireValue(key) : value(key) else { return nil }
        guard case .mapping = node else {
            diagnostics.append(.error("schema.type", "`\(key)` must be a mapping of `key: value` lines", at: location(of: node)))
            return nil
        }
        return YAMLMapping(node, path: path, lineOffset: lineOffset, subject: subject, at: location(of: node), sourceText: sourceText)
    }

    /// A list of mappings (e.g. penalties), each read by the same rules.
    func mappings(_ key: String, subject: String) -> [YAMLMapping]? {
        guard let node = value(key) else { return nil }
        guard case .sequence(let sequence) = node else {
            diagnostics.append(.error("schema.type", "`\(key)` must be a list", at: location(of: node)))
            return nil
        }
        return sequence.map { YAMLMapping($0, path: path, lineOffset: lineOffset, subject: subject, at: location(of: $0), sourceText: sourceText) }
    }

    /// A mapping from ids the file chooses (MCC codes, schedule ids) to mappings, each read by
    /// the same rules; `subject` names one entry for messages.
    func keyedMappings(_ key: String, subject: (String) -> String) -> [(id: String, location: SourceLocation, map: YAMLMapping)]? {
        guard let node = value(key) else { return nil }
        guard case .mapping(let mapping) = node else {
            diagnostics.append(.error("schema.type", "`\(key)` must be a mapping of `id:` entries", at: location(of: node)))
            return nil
        }
        return mapping.map { pair in
            let id = pair.key.string ?? "", at = location(of: pair.key)
            return (id, at, YAMLMapping(pair.value, path: path, lineOffset: lineOffset, subject: subject(id), at: at, sourceText: sourceText))
        }
    }

    /// An absolute web address (`https://…`); anything else is reported at the value as `id`,
    /// with the scheme suggested when it looks like a bare host name.
    func absoluteURL(_ key: String, id: String) -> String? {
        guard let node = value(key), let url = scalarString(node, key: key) else { return nil }
        guard url.isAbsoluteHTTPURL else {
            diagnostics.append(.error(id, "`\(key)` must be an absolute http(s) URL", at: location(of: node), hint: LinkResolver.schemeHint(for: url)))
            return nil
        }
        return url
    }

    /// Reports keys no accessor asked for; call after reading every known key.
    func finish() {
        for pair in pairs where !known.contains(pair.key) {
            let hint = Suggestion.nearest(to: pair.key, among: known).map { "did you mean `\($0)`?" }
                ?? "known keys: " + known.joined(separator: ", ")
            diagnostics.append(.error(
                "schema.unknown-key",
                "unknown key `\(pair.key)` in \(subject)",
                at: location(of: pair.keyNode),
                hint: hint
            ))
        }
    }

    /// Diagnostics of this mapping and the nested ones read from it.
    func collect(_ nested: YAMLMapping?) {
        guard let nested else { return }
        nested.finish()
        diagnostics += nested.diagnostics
    }
}
