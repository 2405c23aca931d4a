import Yams

/// `content/data/<name>.yaml` other than the sources: plain data for templates and directives.
enum DataFile {
    /// The YAML as dictionaries, arrays and scalars (text, whole numbers, true/false).
    static func load(_ file: SourceFile) -> (Any?, [Diagnostic]) {
        switch YAMLParsing.parse(file.text, path: file.path, lineOffset: 0) {
        case .success(let node): return (node.map(plainValue), [])
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
    }

    static func plainValue(_ node: Node) -> Any {
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain {
                if let number = Int(scalar.string) { return number }
                if scalar.string == "true" { return true }
                if scalar.string == "false" { return false }
            }
            return scalar.string
        case .sequence(let sequence):
            return sequence.map(plainValue)
        case .mapping(let mapping):
            var dictionary: [String: Any] = [:]
            for (key, value) in mapping { dictionary[key.string ?? ""] = plainValue(value) }
            return dictionary
        case .alias:
            return ""
        }
    }
}
