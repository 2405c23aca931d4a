/// The directive bodies: the input's first line is the directive's argument, the rest its body,
/// fenced as a page would write it; the first byte picks the directive.
enum DirectiveFuzz {
    static let names = ["checklist", "fee-calculator", "fee-table", "merchant-number", "callout"]

    static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let selector = bytes.first else { return }
        let input = text(UnsafeBufferPointer(rebasing: bytes.dropFirst()))
        let lines = input.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        let argument = lines.first.map(String.init) ?? ""
        let body = lines.count > 1 ? String(lines[1]) : ""
        let name = names[Int(selector) % names.count]
        MarkdownFuzz.render("## 标题\n\n```\(name) \(argument)\n\(body)\n```\n")
    }
}
