extension String {
    /// Escapes text for an HTML text node or a double-quoted attribute value.
    public var htmlEscaped: String {
        // Fast path: most strings need no escaping at all.
        guard needsHTMLEscaping else { return self }
        var out = ""
        out.reserveCapacity(utf8.count + 16)
        for scalar in unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether any byte is one `htmlEscaped` replaces: a plain loop over the contiguous bytes
    /// (the generic `contains(where:)` over the UTF-8 view cost more than the rest of the templates' escaping).
    private var needsHTMLEscaping: Bool {
        func search(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            for byte in bytes where byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
                || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") { return true }
            return false
        }
        if let found = utf8.withContiguousStorageIfAvailable(search) { return found }
        var copy = self
        return copy.withUTF8(search)
    }

    /// Percent-encodes a URL for an `href`/`src` attribute the way cmark does:
    /// reserved URL characters stay, everything else outside ASCII is encoded.
    var hrefEscaped: String {
        func isKept(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                return true
            default:
                return "-_.+!*(),%#@?=;:/$~".utf8.contains(byte)
            }
        }
        // Fast path: a site's own paths need nothing escaped (the sitemap escapes every one).
        guard !utf8.allSatisfy(isKept) else { return self }
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count * 3)
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "&"): out += "&amp;".utf8
            case UInt8(ascii: "'"): out += "&#x27;".utf8
            case _ where isKept(byte): out.append(byte)
            default: out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// XML text (sitemap, feed): the same five entities as HTML.
    var xmlEscaped: String { htmlEscaped }

    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
