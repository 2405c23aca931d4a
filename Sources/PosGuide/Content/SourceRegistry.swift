import Yams

/// How far a fact can be trusted, as the facts register grades it.
public enum Confidence: String, Sendable, CaseIterable {
    case high
    case mediumHigh = "medium-high"
    case medium
    case lowMedium = "low-medium"
    case low
}

/// One citable document: a law, a notice, a report.
public struct SourceEntry: Sendable {
    public var id: String
    public var title: String
    public var publisher: String
    public var number: String?
    public var date: PartialDate?
    /// Only official or first-party pages.
    public var url: String?
    public var checked: PartialDate
    public var confidence: Confidence
    /// Confirmed on the live official site; otherwise the page says "以官方公布为准".
    public var confirmed: Bool
    public var note: String?
    public var location: SourceLocation
}

/// `content/data/sources.yaml`: every source a page may cite, by id.
public struct SourceRegistry: Sendable {
    public private(set) var entries: [String: SourceEntry] = [:]
    /// Ids in file order.
    public private(set) var ids: [String] = []

    public init(_ list: [SourceEntry] = []) {
        for entry in list {
            entries[entry.id] = entry
            ids.append(entry.id)
        }
    }

    static let path = "content/data/sources.yaml"

    static func load(_ file: SourceFile?) -> (SourceRegistry, [Diagnostic]) {
        guard let file else { return (SourceRegistry(), []) }
        let node: Node?
        switch YAMLParsing.parse(file.text, path: file.path, lineOffset: 0) {
        case .success(let parsed): node = parsed
        case .failure(let diagnostic): return (SourceRegistry(), [diagnostic])
        }
        guard case .mapping(let mapping)? = node else {
            if node == nil { return (SourceRegistry(), []) }
            return (SourceRegistry(), [.error("sources.shape", "sources.yaml must map each source id to its entry", at: SourceLocation(path: file.path))])
        }
        var list: [SourceEntry] = []
        var diagnostics: [Diagnostic] = []
        for (key, value) in mapping {
            let id = key.string ?? ""
            let keyLocation = SourceLocation(path: file.path, line: key.mark?.line ?? 1, column: key.mark?.column ?? 1)
            guard ContentRules.isIdentifier(id) else {
                diagnostics.append(.error("sources.id", "source id `\(id)` must be lower-case letters, digits and `-`", at: keyLocation))
                continue
            }
            let map = YAMLMapping(value, path: file.path, lineOffset: 0, subject: "source `\(id)`", at: keyLocation)
            let title = map.string("title", required: true)
            let publisher = map.string("publisher", required: true)
            let number = map.string("number")
            let date = map.date("date", complete: false)
            var url: String?
            if let node = map.value("url"), let text = map.scalarString(node, key: "url") {
                if text.hasPrefix("https://") || text.hasPrefix("http://") {
                    url = text
                } else {
                    map.report(.error("sources.url", "`url` must be an absolute http(s) URL", at: map.location(of: node)))
                }
            }
            let checked = map.date("checked", required: true)
            var confidence: Confidence?
            if let node = map.requireValue("confidence"), let text = map.scalarString(node, key: "confidence") {
                confidence = Confidence(rawValue: text)
                if confidence == nil {
                    map.report(.error("sources.confidence", "`confidence` must be one of \(Confidence.allCases.map(\.rawValue).joined(separator: ", "))", at: map.location(of: node)))
                }
            }
            let confirmed = map.bool("confirmed") ?? false
            let note = map.string("note")
            map.finish()
            diagnostics += map.diagnostics
            if let title, let publisher, let checked, let confidence {
                list.append(SourceEntry(id: id, title: title, publisher: publisher, number: number, date: date, url: url,
                                        checked: checked, confidence: confidence, confirmed: confirmed, note: note, location: keyLocation))
            }
        }
        return (SourceRegistry(list), diagnostics)
    }
}
