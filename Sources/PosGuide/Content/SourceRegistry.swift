import Yams

/// How far a fact can be trusted, as the facts register grades it.
enum Confidence: String, Sendable, CaseIterable {
    case high
    case mediumHigh = "medium-high"
    case medium
    case lowMedium = "low-medium"
    case low
}

/// One citable document: a law, a notice, a report.
struct SourceEntry: Sendable {
    var id: String
    var title: String
    var publisher: String
    var number: String?
    var date: PartialDate?
    /// Only official or first-party pages.
    var url: String?
    var checked: PartialDate
    /// Where `checked` is written, for freshness messages.
    var checkedLocation: SourceLocation
    var confidence: Confidence
    /// Confirmed on the live official site; otherwise the page says "以官方公布为准".
    var confirmed: Bool
    var note: String?
    var location: SourceLocation
}

/// `content/data/sources.yaml`: every source a page may cite, by id.
struct SourceRegistry: Sendable {
    private(set) var entries: [String: SourceEntry] = [:]
    /// Ids in file order.
    private(set) var ids: [String] = []
    /// Ids written in the file whose entries have errors of their own: citing them is no further mistake.
    private(set) var invalidIDs: Set<String> = []
    /// False when the file could not be read at all: then no id can be called unknown.
    private(set) var isComplete = true

    init(_ list: [SourceEntry] = []) {
        for entry in list {
            entries[entry.id] = entry
            ids.append(entry.id)
        }
    }

    /// Whether citing `id` is a mistake of its own: the registry was read and has no entry of
    /// that name, valid or not. (A citation of a broken entry or an unreadable file is not reported
    /// again: the entry's or the file's own error says what to fix.)
    func isUnknown(_ id: String) -> Bool {
        isComplete && entries[id] == nil && !invalidIDs.contains(id)
    }

    static func unreadable() -> SourceRegistry {
        var registry = SourceRegistry()
        registry.isComplete = false
        return registry
    }

    static let path = "content/data/sources.yaml"

    static func load(_ file: SourceFile?) -> (SourceRegistry, [Diagnostic]) {
        guard let file else { return (SourceRegistry(), []) }
        let node: Node?
        let (parsed, duplicates) = YAMLParsing.parseKeepingFirst(file.text, path: file.path, lineOffset: 0)
        switch parsed {
        case .success(let value): node = value
        case .failure(let diagnostic): return (.unreadable(), duplicates + [diagnostic])
        }
        guard case .mapping(let mapping)? = node else {
            if node == nil { return (SourceRegistry(), duplicates) }
            return (.unreadable(), duplicates + [.error("sources.shape", "sources.yaml must map each source id to its entry", at: SourceLocation(path: file.path))])
        }
        var list: [SourceEntry] = []
        var invalid: Set<String> = []
        var diagnostics = duplicates
        for (key, value) in mapping {
            let id = key.string ?? ""
            let keyLocation = SourceLocation(path: file.path, line: key.mark?.line ?? 1, column: key.mark?.column ?? 1)
            guard ContentRules.isIdentifier(id) else {
                invalid.insert(id)
                diagnostics.append(.error("sources.id", "source id `\(id)` must be lower-case letters, digits and `-`", at: keyLocation))
                continue
            }
            let map = YAMLMapping(value, path: file.path, lineOffset: 0, subject: "source `\(id)`", at: keyLocation)
            let title = map.string("title", required: true)
            let publisher = map.string("publisher", required: true)
            let number = map.string("number")
            let date = map.date("date", complete: false)
            let url = map.absoluteURL("url", id: "sources.url")
            let checked = map.date("checked", required: true)
            let checkedLocation = map.value("checked").map(map.location(of:)) ?? keyLocation
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
                                        checked: checked, checkedLocation: checkedLocation, confidence: confidence,
                                        confirmed: confirmed, note: note, location: keyLocation))
            } else {
                invalid.insert(id)
            }
        }
        var registry = SourceRegistry(list)
        registry.invalidIDs = invalid
        return (registry, diagnostics)
    }
}
