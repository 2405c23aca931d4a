/// How a command prints its diagnostics, so that a site with thousands of warnings stays readable.
///
/// Every error is printed, in the order found. Warnings follow, grouped by kind (their stable id):
/// the first `shownPerKind` of each kind with their positions, then one line saying how many more
/// there are. A hint shared by every warning of a kind (most are about a choice made once in
/// content/site.yaml) is printed once after the group as a `note:` line, not under each warning.
/// `verbose` prints every warning.
public struct DiagnosticReport: Sendable {
    public static let shownPerKind = 5

    var diagnostics: [Diagnostic]
    /// The command that lists every warning with `-v`: `posguide build`.
    var command: String
    var verbose: Bool

    public init(_ diagnostics: [Diagnostic], command: String, verbose: Bool = false) {
        self.diagnostics = diagnostics
        self.command = command
        self.verbose = verbose
    }

    /// One entry per diagnostic or summary line; an entry may hold a second `note:` line.
    public var lines: [String] {
        var lines = diagnostics.errors.map(\.formatted)
        for group in Self.groups(diagnostics.warnings) {
            let sharedHint = group.count > 1 ? Self.sharedHint(of: group) : nil
            let shown = verbose ? group : Array(group.prefix(Self.shownPerKind))
            lines += shown.map { sharedHint == nil ? $0.formatted : $0.description }
            if group.count > shown.count {
                let kind = Self.kind(group[0].id)
                lines.append("… and \(Self.grouped(group.count - shown.count)) more \"\(kind.description)\" (\(command) -v lists them all)")
            }
            if let sharedHint { lines.append("note: " + sharedHint) }
        }
        return lines
    }

    /// The report as printed: one line each, ending in a newline.
    var text: String {
        lines.map { $0 + "\n" }.joined()
    }

    /// `1 warning`, `3 warnings`, or with several kinds, counted by kind, most first:
    /// `24,000 warnings: 18,000 remote image, 5,900 external link, 100 raw HTML`.
    /// `ids` holds one id per warning.
    static func warningCount(ids: [String]) -> String {
        let total = "\(grouped(ids.count)) warning\(ids.count == 1 ? "" : "s")"
        var counts: [String: Int] = [:]
        for id in ids { counts[id, default: 0] += 1 }
        guard counts.count > 1 else { return total }
        let kinds = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        return total + ": " + kinds.map { "\(grouped($0.value)) \(kind($0.key).noun)" }.joined(separator: ", ")
    }

    /// Warnings split by id, each group in the order found, groups in the order their first warning was.
    static func groups(_ warnings: [Diagnostic]) -> [[Diagnostic]] {
        var order: [String] = []
        var byID: [String: [Diagnostic]] = [:]
        for warning in warnings {
            if byID[warning.id] == nil { order.append(warning.id) }
            byID[warning.id, default: []].append(warning)
        }
        return order.map { byID[$0]! }
    }

    private static func sharedHint(of group: [Diagnostic]) -> String? {
        guard let hint = group[0].hint, group.allSatisfy({ $0.hint == hint }) else { return nil }
        return hint
    }

    /// How a kind is named: `noun` in the summary's count, `description` in the "… and N more" line.
    struct Kind {
        var noun: String
        var description: String
    }

    /// The kinds a large imported site has by the thousand get words; any other is named by its id.
    static func kind(_ id: String) -> Kind {
        switch id {
        case "link.external-domain": Kind(noun: "external link", description: "external link not on allowed_domains")
        case "image.third-party": Kind(noun: "remote image", description: "remote image (remote_images: warn)")
        case "markdown.raw-html": Kind(noun: "raw HTML", description: "raw HTML dropped")
        case PublishingAddress.placeholderID: Kind(noun: "placeholder address", description: "placeholder base_url")
        default: Kind(noun: id, description: id)
        }
    }

    /// `23412` as `23,412`.
    static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return (number < 0 ? "-" : "") + result
    }
}
