/// How long a page is, counted the way its readers read it.
///
/// Chinese text has no spaces between words, so counting "words" by spaces
/// would call a 2,000-character article one word long. CJK characters are
/// counted one by one; runs of Latin letters and digits count as words.
struct TextStatistics: Sendable, Equatable {
    var cjkCharacters = 0
    var words = 0
    /// Whether the text so far ends inside a word (text arrives node by node).
    private var inWord = false

    /// Reading speeds used for the estimate: about 400 Chinese characters or
    /// 200 English words a minute for a careful, not skimming, reader.
    static let cjkPerMinute = 400.0
    static let wordsPerMinute = 200.0

    init() {}

    init(counting text: String) {
        add(text)
    }

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(utf8: $0) }
        endWord()
    }

    /// Counts UTF-8 text straight from a buffer (cmark's literals), without making a String.
    mutating func add(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        // Counted in locals and stored once: the fields, reached through `self`, were read and
        // written in memory for every byte of every page.
        var cjkCharacters = self.cjkCharacters, words = self.words, inWord = self.inWord
        defer { (self.cjkCharacters, self.words, self.inWord) = (cjkCharacters, words, inWord) }
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                // A run of ASCII in one loop: no Unicode property lookups needed.
                repeat {
                    let byte = bytes[index]
                    let isWordByte = (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
                    if isWordByte && !inWord { words &+= 1 }
                    inWord = isWordByte
                    index &+= 1
                } while index < bytes.count && bytes[index] < 0x80
                continue
            }
            if lead >= 0xE4 && lead <= 0xE9 && index + 2 < bytes.count {
                // U+4000...U+9FFF, most of Chinese text: ideographs (CJK) but for the Yijing hexagram
                // symbols U+4DC0...U+4DFF (lead E4, second byte's low bits 0x37), which are symbols
                // (no word). No scalar or property lookups; a run of them counted in one tight loop.
                repeat {
                    if !(bytes[index] == 0xE4 && bytes[index &+ 1] & 0x3F == 0x37) { cjkCharacters &+= 1 }
                    index &+= 3
                } while index &+ 2 < bytes.count && bytes[index] &- 0xE4 < 6
                inWord = false
                continue
            }
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            var value: UInt32
            if length == 3 && index + 2 < bytes.count {
                // Chinese text is nearly all three-byte sequences: decoded without a loop.
                value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
            } else {
                value = UInt32(lead) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
                for offset in 1..<length where index + offset < bytes.count {
                    value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
                }
            }
            index += length
            guard let scalar = Unicode.Scalar(value) else { inWord = false; continue }
            if Self.isCJK(scalar) {
                cjkCharacters += 1
                inWord = false
            } else if Self.isCommonPunctuation(scalar) {
                // Chinese text is full of these; answering without a Unicode property lookup is faster.
                inWord = false
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if !inWord { words += 1 }
                inWord = true
            } else {
                inWord = false
            }
        }
    }

    /// A break between pieces of text (a line break, a new block).
    mutating func endWord() {
        inWord = false
    }

    /// Whole minutes, at least one.
    var readingMinutes: Int {
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

    /// Punctuation common in Chinese text: neither letters nor digits, so never part of a word.
    static func isCommonPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3001, 0x3002, 0x300A, 0x300B, 0x300C, 0x300D, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026,
             0xFF01, 0xFF08, 0xFF09, 0xFF0C, 0xFF1A, 0xFF1B, 0xFF1F:
            return true
        default:
            return false
        }
    }

    static func == (lhs: TextStatistics, rhs: TextStatistics) -> Bool {
        lhs.cjkCharacters == rhs.cjkCharacters && lhs.words == rhs.words
    }
}
