import Foundation
import Yams

/// `content/data/mcc.yaml`'s `codes`: the few merchant category codes the site can name,
/// each with a plain-language category (餐饮, 零售, …) a shop owner can hold against her
/// own business. The categories are the site's grouping, not UnionPay's.
struct MCCTable: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        var name: String
        var category: String
    }

    var entries: [String: Entry]
    /// `advice.known`: what to compare, with `{category}` for the code's category.
    var knownAdvice: String
    /// `advice.unknown`: whom to ask, with `{code}` for a code the table does not know.
    var unknownAdvice: String

    init(entries: [String: Entry] = [:], knownAdvice: String = "", unknownAdvice: String = "") {
        self.entries = entries
        self.knownAdvice = knownAdvice
        self.unknownAdvice = unknownAdvice
    }

    static let path = "content/data/mcc.yaml"

    /// The table of the site in `tree`, read as a build reads it; empty when the site has none.
    static func load(from tree: some SourceTree) -> (MCCTable, [Diagnostic]) {
        guard tree.item(at: path) != .missing else { return (MCCTable(), []) }
        let file: SourceFile
        do {
            switch SourceFile.decode(try tree.contents(of: path), path: path) {
            case .success(let decoded): file = decoded
            case .failure(let diagnostic): return (MCCTable(), [diagnostic])
            }
        } catch {
            return (MCCTable(), [.error("file.unreadable", "cannot read file: \(error.reason)", at: SourceLocation(path: path))])
        }
        var data = DataValues()
        let diagnostics = DataFile.read(file, name: "mcc", into: &data)
        return (data.mcc, diagnostics)
    }

    /// Reads the parsed file against its schema; every problem is reported where it is written.
    static func read(_ node: Node?, file: SourceFile) -> (MCCTable, [Diagnostic]) {
        let map = YAMLMapping(node, path: file.path, lineOffset: 0, subject: "mcc.yaml", at: SourceLocation(path: file.path), sourceText: file.text)
        if let node = map.value("confidence"), let text = map.scalarString(node, key: "confidence"), Confidence(rawValue: text) == nil {
            map.report(.error("mcc.confidence", "`confidence` must be one of \(Confidence.allCases.map(\.rawValue).joined(separator: ", "))", at: map.location(of: node)))
        }
        _ = map.string("note")
        var table = MCCTable()
        for entry in map.keyedMappings("codes", subject: { "MCC `\($0)`" }) ?? [] {
            let name = entry.map.string("name", required: true)
            let category = entry.map.string("category", required: true)
            map.collect(entry.map)
            guard entry.id.count == 4, entry.id.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                map.report(.error("mcc.code", "MCC `\(entry.id)` must be 4 digits, quoted: `\"5812\": {name: …, category: …}`", at: entry.location))
                continue
            }
            if let name, let category { table.entries[entry.id] = Entry(name: name, category: category) }
        }
        if let advice = map.mapping("advice", subject: "advice") {
            table.knownAdvice = advice.string("known", required: true) ?? ""
            table.unknownAdvice = advice.string("unknown", required: true) ?? ""
            map.collect(advice)
        }
        map.finish()
        return (table, map.diagnostics)
    }

    subscript(code: Substring) -> Entry? { entries[String(code)] }

    /// What the reader should compare after decoding: the code's category against her real
    /// business, or, for a code the table does not know, whom to ask. The page's script fills
    /// the same templates the same way.
    func advice(for code: Substring) -> String {
        guard let entry = self[code] else { return unknownAdvice.replacingOccurrences(of: "{code}", with: String(code)) }
        return knownAdvice.replacingOccurrences(of: "{category}", with: entry.category)
    }

    /// The table as JSON for the page's script:
    /// `{"codes":{"5812":{"name":"…","category":"…"}},"advice":{"known":"…","unknown":"…"}}`.
    var json: String {
        func string(_ text: String) -> String { "\"" + text.jsonEscaped + "\"" }
        let codes = entries.keys.sorted().map { code in
            "\"\(code)\":{\"name\":\(string(entries[code]!.name)),\"category\":\(string(entries[code]!.category))}"
        }
        return "{\"codes\":{" + codes.joined(separator: ",") + "},\"advice\":{\"known\":\(string(knownAdvice)),\"unknown\":\(string(unknownAdvice))}}"
    }
}
