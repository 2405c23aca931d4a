/// Gives headings stable ids from their text, Chinese included.
///
/// `什么是"二清"？` becomes `什么是二清`; `Step 1: MCC` becomes `step-1-mcc`.
/// Letters and digits of every script stay, punctuation goes, spaces become `-`.
/// A repeated id gets `-2`, `-3`, so the first keeps the plain id when a later
/// heading with the same text is added.
struct HeadingSlugger {
    private var used: Set<SlugKey> = []

    /// Ids the page template uses itself; a heading never takes them.
    static let reserved: Set<String> = ["sources", "toc", "toc-title", "main", "content", "top", "about", "penalties", "verify"]

    /// Makes room for `count` more ids.
    mutating func reserveCapacity(_ count: Int) {
        used.reserveCapacity(used.count + count)
    }

    mutating func slug(for text: String) -> String {
        var base = Self.baseSlug(text)
        // `source-…` ids are the source list's; a heading such as "Source code" would otherwise keep
        // that prefix through every `-2`, `-3` and never find a free id.
        if Self.hasSourcePrefix(base) { base = "section-" + base }
        var candidate = base
        var counter = 1
        // Inserting is the test for a used id: one hash of the slug, not two (hashing Chinese text
        // normalises it first, and was most of the cost of a heading).
        while Self.isReserved(candidate) || Self.hasSourcePrefix(candidate) || !used.insert(SlugKey(candidate)).inserted {
            counter += 1
            candidate = "\(base)-\(counter)"
        }
        return candidate
    }

    /// `reserved.contains(slug)`, answered without hashing for a slug holding a CJK ideograph:
    /// such a slug is never equal, even canonically, to one of the ASCII reserved ids.
    private static func isReserved(_ slug: String) -> Bool {
        var slug = slug
        let hasIdeograph = slug.withUTF8 { bytes in
            // U+4E00...U+9FFF: lead bytes E4 (from its second block) to E9; ideographs have no decomposition.
            var index = 0
            while index + 1 < bytes.count {
                let lead = bytes[index]
                if (lead == 0xE4 && bytes[index + 1] >= 0xB8) || (lead >= 0xE5 && lead <= 0xE9) { return true }
                index += 1
            }
            return false
        }
        return !hasIdeograph && reserved.contains(slug)
    }

    /// `slug.hasPrefix("source-")`: a slug whose bytes do not start so cannot (the prefix is ASCII).
    private static func hasSourcePrefix(_ slug: String) -> Bool {
        var slug = slug
        // The first byte alone rules out nearly every slug (the generic `starts(with:)` cost more).
        let startsWithPrefixBytes = slug.withUTF8 { bytes in
            bytes.first == UInt8(ascii: "s") && bytes.starts(with: "source-".utf8)
        }
        return startsWithPrefixBytes && slug.hasPrefix("source-")
    }

    static func baseSlug(_ text: String) -> String {
        var text = text
        return text.withUTF8(simpleBaseSlug) ?? scalarBaseSlug(text)
    }

    /// `baseSlug` of text made of ASCII and CJK ideographs (nearly every heading), read byte by
    /// byte: an ideograph's three bytes are copied as they are. Nil for any other text.
    private static func simpleBaseSlug(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        // Never longer than the text: a letter stays one byte, a run of spaces becomes one `-`.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { out in simpleBaseSlug(bytes, into: out) }
    }

    private static func simpleBaseSlug(_ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> String? {
        var written = 0
        var pendingDash = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            if byte < 0x80 {
                length = 1
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"): break
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0x0B, 0x0C, UInt8(ascii: "-"):
                    pendingDash = true
                    index += 1
                    continue
                default:
                    index += 1
                    continue
                }
            } else {
                guard byte & 0xF0 == 0xE0, index + 2 < bytes.count else { return nil }
                let value = UInt32(byte & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                guard let scalar = Unicode.Scalar(value), isIdeograph(scalar) else { return nil }
                length = 3
            }
            if pendingDash && written > 0 {
                out[written] = UInt8(ascii: "-")
                written += 1
            }
            pendingDash = false
            for offset in 0..<length {
                let kept = bytes[index + offset]
                // Upper-case ASCII letters are the only bytes that change: lower-cased.
                out[written] = kept >= UInt8(ascii: "A") && kept <= UInt8(ascii: "Z") ? kept | 0x20 : kept
                written += 1
            }
            index += length
        }
        guard written > 0 else { return "section" }
        // ASCII and whole ideographs copied from a String: UTF-8 already.
        return UTF8Bytes.string(trusting: UnsafeBufferPointer(rebasing: out[..<written]))
    }

    /// `baseSlug` of any text, scalar by scalar.
    private static func scalarBaseSlug(_ text: String) -> String {
        // UTF-8 bytes, made a String once: appending scalars to a String one by one cost more.
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingDash = false
        func keep(_ scalar: Unicode.Scalar) {
            if pendingDash && !out.isEmpty { out.append(UInt8(ascii: "-")) }
            pendingDash = false
            let value = scalar.value
            switch value {
            case ..<0x80:
                out.append(UInt8(value))
            case ..<0x800:
                out.append(UInt8(0xC0 | value >> 6))
                out.append(UInt8(0x80 | value & 0x3F))
            case ..<0x10000:
                out.append(UInt8(0xE0 | value >> 12))
                out.append(UInt8(0x80 | value >> 6 & 0x3F))
                out.append(UInt8(0x80 | value & 0x3F))
            default:
                out.append(UInt8(0xF0 | value >> 18))
                out.append(UInt8(0x80 | value >> 12 & 0x3F))
                out.append(UInt8(0x80 | value >> 6 & 0x3F))
                out.append(UInt8(0x80 | value & 0x3F))
            }
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
        return out.isEmpty ? "section" : String(decoding: out, as: UTF8.self)
    }

    /// CJK Unified Ideographs and Extension A: every one assigned, alphabetic, without case.
    static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
    }
}

/// A slug as a member of the used ids: equal when the Strings are equal (canonical equivalence),
/// and hashed as its String hashes, without the normalising pass for a slug already in normal
/// form (`UTF8Bytes.isInNormalForm`: ASCII and CJK ideographs, as nearly every slug is). That pass
/// was most of the cost of a Chinese heading's id. `MarkdownFastPathTests` holds the two hashes equal.
struct SlugKey: Hashable {
    let slug: String

    init(_ slug: String) { self.slug = slug }

    static func == (lhs: SlugKey, rhs: SlugKey) -> Bool { lhs.slug == rhs.slug }

    func hash(into hasher: inout Hasher) {
        var slug = slug
        let hashed = slug.withUTF8 { bytes -> Bool in
            guard UTF8Bytes.isInNormalForm(bytes) else { return false }
            // What String's hash feeds the hasher: the normalised UTF-8 and a terminating 0xFF.
            hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
            hasher.combine(0xFF as UInt8)
            return true
        }
        if !hashed { hasher.combine(slug) }
    }
}
