@testable import PosGuide

/// The front-matter fast path against the YAML reader: whatever the fast path accepts, the YAML
/// reader reads the same, without a diagnostic (SimpleFrontMatterTests does this by hand).
enum FrontMatterFuzz {
    static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        let yaml = text(bytes)
        for requireTitle in [true, false] {
            guard let fast = SimpleFrontMatter.read(yaml, requireTitle: requireTitle) else { continue }
            let file = SourceFile(path: "content/fuzz.md", text: "---\n" + yaml + "---\n")
            let (full, diagnostics) = PageMetadata.readWithYAMLParser(yaml: yaml, lineOffset: 1, file: file, requireTitle: requireTitle)
            invariant(diagnostics.isEmpty, "fast path accepted what the YAML reader reports: \(yaml.debugDescription): \(diagnostics.map(\.formatted))")
            invariant(fast == full, "fast path and YAML reader disagree on \(yaml.debugDescription): \(fast) vs \(full)")
        }
        // The splitter that finds the front matter in a page never fails on any text.
        _ = FrontMatterSplit.split(SourceFile(path: "content/fuzz.md", text: yaml))
    }
}
