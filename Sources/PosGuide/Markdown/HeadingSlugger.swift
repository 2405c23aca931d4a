/// Gives headings stable ids from their text, Chinese included.
///
/// `什么是"二清"？` becomes `什么是二清`; `Step 1: MCC` becomes `step-1-mcc`.
/// Letters and digits of every script stay, punctuation goes, spaces become `-`.
/// A repeated id gets `-2`, `-3`, so the first keeps the plain id when a later
/// heading with the same text is added.
struct HeadingSlugger {
    private var used: Set<String> = []

    /// Ids the page template uses itself; a heading never takes them.
    static let reserved: Set<String> = ["sources", "toc", "toc-title", "main", "content", "top", "about", "penalties", "verify"]

    mutating func slug(for text: String) -> String {
        let base = Self.baseSlug(text)
        var candidate = base
        var counter = 1
        while used.contains(candidate) || Self.reserved.contains(candidate) || candidate.hasPrefix("source-") {
            counter += 1
            candidate = "\(base)-\(counter)"
        }
        used.insert(candidate)
        return candidate
    }

    static func baseSlug(_ text: String) -> String {
        var out = ""
        var pendingDash = false
        for scalar in text.lowercased().unicodeScalars {
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil || scalar == "_" {
                if pendingDash && !out.isEmpty { out += "-" }
                pendingDash = false
                out.unicodeScalars.append(scalar)
            } else if properties.isWhitespace || scalar == "-" {
                pendingDash = true
            }
        }
        return out.isEmpty ? "section" : out
    }
}
