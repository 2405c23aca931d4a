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
        var base = Self.baseSlug(text)
        // `source-…` ids are the source list's; a heading such as "Source code" would otherwise keep
        // that prefix through every `-2`, `-3` and never find a free id.
        if base.hasPrefix("source-") { base = "section-" + base }
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
        func keep(_ scalar: Unicode.Scalar) {
            if pendingDash && !out.isEmpty { out += "-" }
            pendingDash = false
            out.unicodeScalars.append(scalar)
        }
        for original in text.unicodeScalars {
            // ASCII and CJK ideographs (all letters, none with a lower case) answered without
            // Unicode property tables, which made slugs a few percent of a large build.
            if original.isASCII {
                switch original {
                case "A"..."Z": keep(Unicode.Scalar(original.value + 32)!)
                case "a"..."z", "0"..."9", "_": keep(original)
                case " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "-": pendingDash = true
                default: break
                }
                continue
            }
            if Self.isIdeograph(original) {
                keep(original)
                continue
            }
            // Lower-casing is per scalar in Swift (`String.lowercased()` maps each one), so doing it here is the same.
            for scalar in original.properties.lowercaseMapping.unicodeScalars {
                let properties = scalar.properties
                if properties.isAlphabetic || properties.numericType != nil {
                    keep(scalar)
                } else if properties.isWhitespace {
                    pendingDash = true
                }
            }
        }
        return out.isEmpty ? "section" : out
    }

    /// CJK Unified Ideographs and Extension A: every one assigned, alphabetic, without case.
    static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
    }
}
