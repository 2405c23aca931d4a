import Foundation

/// `content/data/mcc.yaml`'s `codes`: the few merchant category codes the site can name,
/// each with a plain-language category (餐饮, 零售, …) a shop owner can hold against her
/// own business. The categories are the site's grouping, not UnionPay's.
public struct MCCTable: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var category: String
    }

    public var entries: [String: Entry]
    /// `advice.known`: what to compare, with `{category}` for the code's category.
    public var knownAdvice: String
    /// `advice.unknown`: whom to ask, with `{code}` for a code the table does not know.
    public var unknownAdvice: String

    public init(entries: [String: Entry] = [:], knownAdvice: String = "", unknownAdvice: String = "") {
        self.entries = entries
        self.knownAdvice = knownAdvice
        self.unknownAdvice = unknownAdvice
    }

    /// From the data file read as plain values: `codes: {"5812": {name: …, category: …}}`.
    init(data: Any?) {
        var entries: [String: Entry] = [:]
        if let mcc = data as? [String: Any], let codes = mcc["codes"] as? [String: Any] {
            for (code, value) in codes {
                guard let record = value as? [String: Any], let name = record["name"] as? String else { continue }
                entries[code] = Entry(name: name, category: record["category"] as? String ?? "")
            }
        }
        let advice = (data as? [String: Any])?["advice"] as? [String: Any]
        self.init(entries: entries, knownAdvice: advice?["known"] as? String ?? "", unknownAdvice: advice?["unknown"] as? String ?? "")
    }

    /// The table of the site at `source`; empty when the site has none.
    public static func load(source: URL) -> MCCTable {
        let path = "content/data/mcc.yaml"
        guard let data = FileManager.default.contents(atPath: source.appendingPathComponent(path).path),
              case .success(let file) = SourceFile.decode(data, path: path) else { return MCCTable() }
        return MCCTable(data: DataFile.load(file).0)
    }

    public subscript(code: Substring) -> Entry? { entries[String(code)] }

    /// What the reader should compare after decoding: the code's category against her real
    /// business, or, for a code the table does not know, whom to ask. The page's script fills
    /// the same templates the same way.
    public func advice(for code: Substring) -> String {
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
