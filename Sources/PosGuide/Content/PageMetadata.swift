/// A page's front matter, validated.
struct PageMetadata: Sendable, Equatable {
    var title: String?
    var description: String?
    var summary: String?
    var date: PartialDate?
    var updated: PartialDate?
    var weight: Int?
    var tags: [String] = []
    var toc = true
    var draft = false

    init() {}

    /// Reads the front matter of `file`; `yaml` is nil when the file has none.
    static func read(yaml: String?, lineOffset: Int, file: SourceFile, requireTitle: Bool) -> (PageMetadata, [Diagnostic]) {
        let metadata = PageMetadata()
        guard let yaml else {
            guard requireTitle else { return (metadata, []) }
            return (metadata, [.error(
                "front-matter.missing",
                "page has no front matter",
                at: SourceLocation(path: file.path),
                hint: "start the file with `---`, a `title: ...` line and a closing `---`"
            )])
        }
        if let simple = SimpleFrontMatter.read(yaml, requireTitle: requireTitle) {
            return (simple, [])
        }
        return readWithYAMLParser(yaml: yaml, lineOffset: lineOffset, file: file, requireTitle: requireTitle)
    }

    /// The full reader: any YAML, every problem reported at its place.
    static func readWithYAMLParser(yaml: String, lineOffset: Int, file: SourceFile, requireTitle: Bool) -> (PageMetadata, [Diagnostic]) {
        var metadata = PageMetadata()
        let node: Yams.Node?
        let (parsed, duplicates) = YAMLParsing.parseKeepingFirst(yaml, path: file.path, lineOffset: lineOffset)
        switch parsed {
        case .success(let value): node = value
        case .failure(let diagnostic): return (metadata, duplicates + [diagnostic])
        }
        let map = YAMLMapping(node, path: file.path, lineOffset: lineOffset, subject: "front matter",
                              at: SourceLocation(path: file.path, line: 1 + lineOffset))
        metadata.title = map.string("title", required: requireTitle)
        metadata.description = map.string("description")
        metadata.summary = map.string("summary")
        metadata.date = map.date("date")
        metadata.updated = map.date("updated")
        metadata.weight = map.int("weight")
        metadata.tags = map.strings("tags") ?? []
        metadata.toc = map.bool("toc") ?? true
        metadata.draft = map.bool("draft") ?? false
        map.finish()
        return (metadata, duplicates + map.diagnostics)
    }
}

import Yams
