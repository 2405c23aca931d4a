/// Reads the front matter nearly every page has (`key: value` lines of known keys, quoted or
/// plain text, a `[a, b]` tag list) without a YAML parser; anything else, and anything that
/// would be reported, is left to Yams (`PageMetadata.read`), so messages stay as they are.
///
/// Why: Yams built a node tree, tags and marks for five lines per page, a tenth of a
/// 10,000-page build's CPU. What this accepts it must read exactly as Yams does;
/// `SimpleFrontMatterTests` compares both on every case it accepts.
enum SimpleFrontMatter {
    /// The metadata, or nil when the text needs the full YAML reader.
    static func read(_ yaml: String, requireTitle: Bool) -> PageMetadata? {
        guard isPlainText(yaml) else { return nil }
        var metadata = PageMetadata()
        var seen: Set<Substring> = []
        // Byte searches throughout: the delimiters are ASCII, and walking Characters (grapheme
        // breaking over Chinese text) cost more than Yams saved.
        for bytes in yaml.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            let line = Substring(bytes)
            guard let colon = line.utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
            let key = line[..<colon]
            guard !key.isEmpty, key.utf8.allSatisfy({ ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || $0 == UInt8(ascii: "_") }),
                  seen.insert(key).inserted else { return nil }
            let rest = line[line.utf8.index(after: colon)...]
            // `key:` followed by a space and a value; `key:` alone is a null, which Yams reads.
            guard rest.utf8.first == UInt8(ascii: " ") else { return nil }
            let raw = Self.trimmingSpaces(rest)
            switch key {
            case "title", "description", "summary":
                guard let text = scalar(raw)?.trimmingWhitespace, !text.isEmpty else { return nil }
                if key == "title" { metadata.title = text } else if key == "description" { metadata.description = text } else { metadata.summary = text }
            case "date", "updated":
                guard let text = scalar(raw), let date = PartialDate(iso: text), date.isComplete else { return nil }
                if key == "date" { metadata.date = date } else { metadata.updated = date }
            case "weight":
                guard isPlain(raw), let number = Int(raw) else { return nil }
                metadata.weight = number
            case "toc", "draft":
                guard raw == "true" || raw == "false" else { return nil }
                if key == "toc" { metadata.toc = raw == "true" } else { metadata.draft = raw == "true" }
            case "tags":
                guard let tags = list(raw) else { return nil }
                metadata.tags = tags
            default:
                return nil
            }
        }
        if requireTitle && metadata.title == nil { return nil }
        return metadata
    }

    /// A one-line scalar: `"text"` without escapes, `'text'` without quotes inside, or plain text
    /// that YAML cannot read as anything but itself.
    static func scalar(_ raw: Substring) -> String? {
        guard let first = raw.utf8.first else { return nil }
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            let body = raw.utf8.dropFirst()
            guard let end = body.firstIndex(of: first), body.index(after: end) == raw.utf8.endIndex,
                  !body[..<end].contains(UInt8(ascii: "\\")) else { return nil }
            return String(Substring(body[..<end]))
        }
        return isPlain(raw) ? String(raw) : nil
    }

    /// Plain text with nothing YAML gives a meaning: no leading indicator, no `: ` or ` #`,
    /// no trailing colon or spaces, and not a null.
    static func isPlain(_ raw: Substring) -> Bool {
        guard let first = raw.utf8.first, let last = raw.utf8.last,
              !"-?:,[]{}#&*!|>'\"%@`".utf8.contains(first), last != UInt8(ascii: " "), last != UInt8(ascii: ":"),
              raw != "~", raw != "null", raw != "Null", raw != "NULL" else { return false }
        var previous: UInt8 = 0
        for byte in raw.utf8 {
            if previous == UInt8(ascii: ":") && byte == UInt8(ascii: " ") { return false }
            if previous == UInt8(ascii: " ") && byte == UInt8(ascii: "#") { return false }
            previous = byte
        }
        return true
    }

    /// `[a, b]` of plain or double-quoted items, each non-empty.
    static func list(_ raw: Substring) -> [String]? {
        guard raw.utf8.first == UInt8(ascii: "["), raw.utf8.last == UInt8(ascii: "]") else { return nil }
        let inner = raw.utf8.dropFirst().dropLast()
        if inner.allSatisfy({ $0 == UInt8(ascii: " ") }) { return [] }
        var items: [String] = []
        for part in inner.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
            let trimmed = trimmingSpaces(Substring(part))
            // Flow context adds its own indicators to the plain-text rules.
            guard !trimmed.utf8.contains(where: { "[]{}:".utf8.contains($0) }),
                  let text = scalar(trimmed)?.trimmingWhitespace, !text.isEmpty else { return nil }
            items.append(text)
        }
        return items
    }

    /// `text` without the spaces around it (only U+0020, as YAML trims plain text).
    static func trimmingSpaces(_ text: Substring) -> Substring {
        let bytes = text.utf8
        guard let first = bytes.firstIndex(where: { $0 != UInt8(ascii: " ") }) else { return text[text.endIndex...] }
        // After the last byte that is not a space: a character boundary, as the next byte is a space or the end.
        let end = bytes.index(after: bytes.lastIndex(where: { $0 != UInt8(ascii: " ") })!)
        return text[first..<end]
    }

    /// No tabs, control characters, characters YAML refuses (C1 controls, byte order marks,
    /// U+FFFE/U+FFFF) or reads as line breaks, and no leading spaces on any line (nesting, continued text).
    static func isPlainText(_ yaml: String) -> Bool {
        var previous: UInt8 = UInt8(ascii: "\n")
        var beforePrevious: UInt8 = 0
        for byte in yaml.utf8 {
            if byte < 0x20 && byte != UInt8(ascii: "\n") { return false }
            if byte == 0x7F { return false }
            if previous == UInt8(ascii: "\n") && byte == UInt8(ascii: " ") { return false }
            if previous == 0xC2 && byte >= 0x80 && byte <= 0x9F { return false }
            if beforePrevious == 0xEF && ((previous == 0xBB && byte == 0xBF) || (previous == 0xBF && byte >= 0xBE)) { return false }
            // U+2028 and U+2029 break lines in YAML.
            if beforePrevious == 0xE2 && previous == 0x80 && (byte == 0xA8 || byte == 0xA9) { return false }
            beforePrevious = previous
            previous = byte
        }
        return true
    }
}
