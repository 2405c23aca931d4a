/// Finds `{{> name}}` and `{{< name}}` tags, so a missing partial is an error at its line
/// instead of silently rendering nothing (Mustache's rule for unknown partials).
enum PartialReferences {
    static func check(_ file: SourceFile, known: Set<String>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (index, line) in file.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                let tag = rest[open.upperBound...]
                guard let close = tag.range(of: "}}") else { break }
                let inner = tag[..<close.lowerBound].trimmingCharacters(in: " \t")
                if let marker = inner.first, marker == ">" || marker == "<" {
                    let name = String(inner.dropFirst()).trimmingCharacters(in: " \t")
                    if !name.hasPrefix("*"), !known.contains(name) {
                        let column = line[..<open.lowerBound].unicodeScalars.count + 1
                        diagnostics.append(.error(
                            "template.missing-partial",
                            "template uses partial `\(name)`, but there is no \(name).mustache",
                            at: SourceLocation(path: file.path, line: index + 1, column: column)
                        ))
                    }
                }
                rest = tag[close.upperBound...]
            }
        }
        return diagnostics
    }
}
