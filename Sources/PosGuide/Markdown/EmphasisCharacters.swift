/// The character classes that decide whether a run of `*` or `_` may open or close emphasis.
///
/// Whitespace and punctuation are libcmark 0.30's own (ASCII punctuation plus the
/// Unicode P categories; symbols are not punctuation in 0.30), so the standard rules
/// here answer exactly as cmark did. "CJK" is the CJK-friendly amendment's: East Asian
/// Width W, F or H and not an emoji by default, or Hangul (Unicode 16 ranges).
enum EmphasisCharacters {
    static func isWhitespace(_ value: UInt32) -> Bool {
        switch value {
        case 9, 10, 12, 13, 32, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    static func isPunctuation(_ value: UInt32) -> Bool {
        if value < 0x80 {
            let byte = UInt8(value)
            return (byte >= 0x21 && byte <= 0x2F) || (byte >= 0x3A && byte <= 0x40)
                || (byte >= 0x5B && byte <= 0x60) || (byte >= 0x7B && byte <= 0x7E)
        }
        // CJK ideographs (and Extension A) are letters: no property lookup for the common neighbour.
        if (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) { return false }
        // Full-width punctuation, the other common neighbour: the same answer, looked up once.
        if value >= 0x3000, value < 0x3040 { return cjkPunctuationMask >> (value - 0x3000) & 1 != 0 }
        if value >= 0xFF00, value < 0xFF40 { return fullWidthPunctuationMask >> (value - 0xFF00) & 1 != 0 }
        return hasPunctuationCategory(value)
    }

    /// Bit n: whether U+3000 + n is punctuation.
    private static let cjkPunctuationMask = punctuationMask(from: 0x3000)
    /// Bit n: whether U+FF00 + n is punctuation.
    private static let fullWidthPunctuationMask = punctuationMask(from: 0xFF00)

    private static func punctuationMask(from first: UInt32) -> UInt64 {
        (0..<64).reduce(UInt64(0)) { mask, bit in hasPunctuationCategory(first + UInt32(bit)) ? mask | 1 << UInt64(bit) : mask }
    }

    /// Whether `value` is in one of Unicode's P categories.
    private static func hasPunctuationCategory(_ value: UInt32) -> Bool {
        guard let scalar = Unicode.Scalar(value) else { return false }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    static func isCJK(_ value: UInt32) -> Bool {
        // The common case first: ideographs, kana, Hangul syllables and full-width forms.
        if value < 0x1100 { return false }
        if (0x3250...0xA48C).contains(value) || (0xAC00...0xD7A3).contains(value) { return true }
        // Two of the ranges below, whole: CJK punctuation and the full-width forms.
        if (0x2FF0...0x303E).contains(value) || (0xFF01...0xFFBE).contains(value) { return true }
        var low = 0, high = cjkRanges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = cjkRanges[middle]
            if value < range.lowerBound { high = middle - 1 } else if value > range.upperBound { low = middle + 1 } else { return true }
        }
        return false
    }

    /// U+FE00 to U+FE0E: variation selectors that keep a character's text presentation.
    static func isTextVariationSelector(_ value: UInt32) -> Bool { (0xFE00...0xFE0E).contains(value) }

    /// U+E0100 to U+E01EF: the selectors that pick an ideograph's glyph variant.
    static func isIdeographicVariationSelector(_ value: UInt32) -> Bool { (0xE0100...0xE01EF).contains(value) }

    /// Curly quotes that a following U+FE01 asks to be drawn full width, as CJK punctuation.
    static func isFullWidthQuoteBeforeSelector(_ value: UInt32) -> Bool {
        value == 0x2018 || value == 0x2019 || value == 0x201C || value == 0x201D
    }

    /// Sorted, disjoint: East Asian Width W/F/H without default-emoji characters, plus Hangul (Unicode 16).
    static let cjkRanges: [ClosedRange<UInt32>] = [
        0x1100...0x11FF, 0x20A9...0x20A9, 0x2329...0x232A, 0x2630...0x2637, 0x268A...0x268F,
        0x2E80...0x2E99, 0x2E9B...0x2EF3, 0x2F00...0x2FD5, 0x2FF0...0x303E, 0x3041...0x3096,
        0x3099...0x30FF, 0x3105...0x312F, 0x3131...0x318E, 0x3190...0x31E5, 0x31EF...0x321E,
        0x3220...0x3247, 0x3250...0xA48C, 0xA490...0xA4C6, 0xA960...0xA97C, 0xAC00...0xD7A3,
        0xD7B0...0xD7C6, 0xD7CB...0xD7FB, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE52,
        0xFE54...0xFE66, 0xFE68...0xFE6B, 0xFF01...0xFFBE, 0xFFC2...0xFFC7, 0xFFCA...0xFFCF,
        0xFFD2...0xFFD7, 0xFFDA...0xFFDC, 0xFFE0...0xFFE6, 0xFFE8...0xFFEE, 0x16FE0...0x16FE4,
        0x16FF0...0x16FF6, 0x17000...0x18CD5, 0x18CFF...0x18D1E, 0x18D80...0x18DF2, 0x1AFF0...0x1AFF3,
        0x1AFF5...0x1AFFB, 0x1AFFD...0x1AFFE, 0x1B000...0x1B122, 0x1B132...0x1B132, 0x1B150...0x1B152,
        0x1B155...0x1B155, 0x1B164...0x1B167, 0x1B170...0x1B2FB, 0x1D300...0x1D356, 0x1D360...0x1D376,
        0x1F200...0x1F200, 0x1F202...0x1F202, 0x1F210...0x1F219, 0x1F21B...0x1F22E, 0x1F230...0x1F231,
        0x1F237...0x1F237, 0x1F23B...0x1F23B, 0x1F240...0x1F248, 0x1F260...0x1F265, 0x20000...0x3FFFD,
    ]
}
