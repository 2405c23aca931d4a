/// Reads the front matter nearly every page has (`key: value` lines of known keys, quoted or
/// plain text, a `[a, b]` tag list) without a YAML parser; anything else, and anything that
/// would be reported, is left to Yams (`PageMetadata.read`), so messages stay as they are.
///
/// Why: Yams built a node tree, tags and marks for five lines per page, a tenth of a
/// 10,000-page build's CPU. What this accepts it must read exactly as Yams does;
/// `SimpleFrontMatterTests` compares both on every case it accepts.
///
/// It reads the text's UTF-8 bytes by offset: every delimiter it looks for is ASCII, so a
/// cut there is a character boundary, and walking Characters (grapheme breaking over
/// Chinese text) or the generic UTF-8 views of substrings cost more than Yams saved.
enum SimpleFrontMatter {
    private typealias Bytes = UnsafeBufferPointer<UInt8>

    /// The keys this reader knows, in the order of `Key`'s cases.
    private static let keys: [[UInt8]] = ["title", "description", "summary", "date", "updated", "weight", "toc", "draft", "tags"].map { Array($0.utf8) }

    /// The metadata, or nil when the text needs the full YAML reader.
    static func read(_ yaml: String, requireTitle: Bool) -> PageMetadata? {
        var yaml = yaml
        return yaml.withUTF8 { bytes -> PageMetadata? in
            guard isPlainText(bytes) else { return nil }
            var metadata = PageMetadata()
            // One bit per known key already read: a key given twice goes to Yams.
            var seen = 0
            var lineStart = 0
            while lineStart < bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
                defer { lineStart = lineEnd + 1 }
                guard lineEnd > lineStart else { continue }
                var colon = lineStart
                while colon < lineEnd, bytes[colon] != UInt8(ascii: ":") { colon += 1 }
                guard colon < lineEnd else { return nil }
                let key = Bytes(rebasing: bytes[lineStart..<colon])
                guard let number = keys.firstIndex(where: { $0.elementsEqual(key) }), seen & (1 << number) == 0 else { return nil }
                seen |= 1 << number
                // `key:` followed by a space and a value; `key:` alone is a null, which Yams reads.
                guard colon + 1 < lineEnd, bytes[colon + 1] == UInt8(ascii: " ") else { return nil }
                let raw = trimmingSpaces(Bytes(rebasing: bytes[(colon + 1)..<lineEnd]))
                switch number {
                case 0, 1, 2:
                    guard let text = scalar(raw)?.trimmingWhitespace, !text.isEmpty else { return nil }
                    if number == 0 { metadata.title = text } else if number == 1 { metadata.description = text } else { metadata.summary = text }
                case 3, 4:
                    guard let text = scalar(raw), let date = PartialDate(iso: text), date.isComplete else { return nil }
                    if number == 3 { metadata.date = date } else { metadata.updated = date }
                case 5:
                    guard isPlain(raw), let value = Int(string(raw)) else { return nil }
                    metadata.weight = value
                case 6, 7:
                    let isTrue = raw.elementsEqual("true".utf8)
                    guard isTrue || raw.elementsEqual("false".utf8) else { return nil }
                    if number == 6 { metadata.toc = isTrue } else { metadata.draft = isTrue }
                default:
                    guard let tags = list(raw) else { return nil }
                    metadata.tags = tags
                }
            }
            if requireTitle && metadata.title == nil { return nil }
            return metadata
        }
    }

    private static func string(_ bytes: Bytes) -> String {
        // Cut from a String at ASCII delimiters: UTF-8 already.
        UTF8Bytes.string(trusting: bytes)
    }

    /// A one-line scalar: `"text"` without escapes, `'text'` without quotes inside, or plain text
    /// that YAML cannot read as anything but itself.
    private static func scalar(_ raw: Bytes) -> String? {
        guard let first = raw.first else { return nil }
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            let body = Bytes(rebasing: raw[1...])
            guard let end = body.firstIndex(of: first), end + 1 == body.count,
                  !body[..<end].contains(UInt8(ascii: "\\")) else { return nil }
            return string(Bytes(rebasing: body[..<end]))
        }
        return isPlain(raw) ? string(raw) : nil
    }

    /// Plain text with nothing YAML gives a meaning: no leading indicator, no `: ` or ` #`,
    /// no trailing colon or spaces, and not a null.
    static func isPlain(_ raw: Substring) -> Bool {
        var text = String(raw)
        return text.withUTF8 { isPlain($0) }
    }

    private static func isPlain(_ raw: Bytes) -> Bool {
        guard let first = raw.first, let last = raw.last,
              !isIndicator(first), last != UInt8(ascii: " "), last != UInt8(ascii: ":"),
              !isNull(raw) else { return false }
        var previous: UInt8 = 0
        for byte in raw {
            if previous == UInt8(ascii: ":") && byte == UInt8(ascii: " ") { return false }
            if previous == UInt8(ascii: " ") && byte == UInt8(ascii: "#") { return false }
            previous = byte
        }
        return true
    }

    // The byte tests below are switches, not searches in string literals' UTF-8 views:
    // the generic `contains` ran for every byte of every tag.

    /// A character that gives plain text a YAML meaning when it comes first.
    private static func isIndicator(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"),
             UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"),
             UInt8(ascii: "`"):
            return true
        default:
            return false
        }
    }

    /// `~`, `null`, `Null` or `NULL`: what YAML reads as no value.
    private static func isNull(_ raw: Bytes) -> Bool {
        switch raw.count {
        case 1: return raw[0] == UInt8(ascii: "~")
        case 4: return raw.elementsEqual("null".utf8) || raw.elementsEqual("Null".utf8) || raw.elementsEqual("NULL".utf8)
        default: return false
        }
    }

    /// A character with a meaning of its own inside a flow list.
    private static func isFlowIndicator(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: ":"): return true
        default: return false
        }
    }

    /// `[a, b]` of plain or double-quoted items, each non-empty.
    private static func list(_ raw: Bytes) -> [String]? {
        guard raw.first == UInt8(ascii: "["), raw.last == UInt8(ascii: "]") else { return nil }
        let inner = Bytes(rebasing: raw[1..<(raw.count - 1)])
        if inner.allSatisfy({ $0 == UInt8(ascii: " ") }) { return [] }
        var items: [String] = []
        items.reserveCapacity(4)
        var start = 0
        while start <= inner.count {
            var end = start
            while end < inner.count, inner[end] != UInt8(ascii: ",") { end += 1 }
            let trimmed = trimmingSpaces(Bytes(rebasing: inner[start..<end]))
            // Flow context adds its own indicators to the plain-text rules.
            guard !trimmed.contains(where: isFlowIndicator),
                  let text = scalar(trimmed)?.trimmingWhitespace, !text.isEmpty else { return nil }
            items.append(text)
            start = end + 1
        }
        return items
    }

    /// `text` without the spaces around it (only U+0020, as YAML trims plain text).
    private static func trimmingSpaces(_ text: Bytes) -> Bytes {
        var start = 0, end = text.count
        while start < end, text[start] == UInt8(ascii: " ") { start += 1 }
        while end > start, text[end - 1] == UInt8(ascii: " ") { end -= 1 }
        return Bytes(rebasing: text[start..<end])
    }

    /// No tabs, control characters, characters YAML refuses (C1 controls, byte order marks,
    /// U+FFFE/U+FFFF) or reads as line breaks, and no leading spaces on any line (nesting, continued text).
    private static func isPlainText(_ yaml: Bytes) -> Bool {
        // The text is a String's, so UTF-8: a refused scalar is told by its lead byte and the
        // bytes after it, and every other byte from 0x21 up passes at once.
        var atLineStart = true
        var index = 0
        while index < yaml.count {
            let byte = yaml[index]
            index += 1
            if byte > 0x20 && byte < 0x7F {
                atLineStart = false
                continue
            }
            switch byte {
            case UInt8(ascii: "\n"):
                atLineStart = true
                continue
            case UInt8(ascii: " "):
                if atLineStart { return false }
            case 0xC2:
                // U+0080...U+009F
                if yaml[index] <= 0x9F { return false }
            case 0xE2:
                // U+2028 and U+2029 break lines in YAML.
                if yaml[index] == 0x80 && (yaml[index + 1] == 0xA8 || yaml[index + 1] == 0xA9) { return false }
            case 0xEF:
                // U+FEFF, U+FFFE, U+FFFF
                if (yaml[index] == 0xBB && yaml[index + 1] == 0xBF) || (yaml[index] == 0xBF && yaml[index + 1] >= 0xBE) { return false }
            default:
                if byte < 0x20 || byte == 0x7F { return false }
            }
            atLineStart = false
        }
        return true
    }
}
