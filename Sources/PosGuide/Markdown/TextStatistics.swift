/// How long a page is, counted the way its readers read it.
///
/// Chinese text has no spaces between words, so counting "words" by spaces
/// would call a 2,000-character article one word long. CJK characters are
/// counted one by one; runs of Latin letters and digits count as words.
public struct TextStatistics: Sendable, Equatable {
    public var cjkCharacters = 0
    public var words = 0

    /// Reading speeds used for the estimate: about 400 Chinese characters or
    /// 200 English words a minute for a careful, not skimming, reader.
    static let cjkPerMinute = 400.0
    static let wordsPerMinute = 200.0

    public init() {}

    public init(counting text: String) {
        add(text)
    }

    public mutating func add(_ text: String) {
        var inWord = false
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                // Most of a page's non-CJK text is ASCII: no Unicode property lookups needed.
                let byte = UInt8(scalar.value)
                let isWordByte = (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
                if isWordByte && !inWord { words += 1 }
                inWord = isWordByte
            } else if Self.isCJK(scalar) {
                cjkCharacters += 1
                inWord = false
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if !inWord { words += 1 }
                inWord = true
            } else {
                inWord = false
            }
        }
    }

    /// Whole minutes, at least one.
    public var readingMinutes: Int {
        let minutes = Double(cjkCharacters) / Self.cjkPerMinute + Double(words) / Self.wordsPerMinute
        return max(1, Int(minutes.rounded(.up)))
    }

    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F, 0x3040...0x30FF:
            return true
        default:
            return false
        }
    }
}
