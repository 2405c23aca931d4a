import Mustache

/// HTML escaping for `{{value}}`, over UTF-8 bytes.
///
/// swift-mustache escapes by walking Characters through a dictionary, which profiling showed
/// to be a tenth of a large build's CPU: Chinese text is all multi-byte grapheme clusters. This
/// escapes the same five characters (`< > & " '`, as `&lt; &gt; &amp; &quot; &#39;`) and returns
/// text that has none of them as it is, without copying.
struct FastHTMLContentType: MustacheContentType {
    static let name = "posguide-html"
    /// Put first in every template (see `TemplateSet.load`): partials start from swift-mustache's
    /// own HTML type, so each template selects this one itself. A standalone line, so it renders nothing.
    static let pragma = "{{% CONTENT_TYPE: \(name) }}\n"

    static let registered: Void = MustacheContentTypes.register(FastHTMLContentType(), named: name)

    func escapeText(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard bytes.contains(where: { Self.replacement(for: $0) != nil }) else { return nil }
            var escaped: [UInt8] = []
            escaped.reserveCapacity(bytes.count + 16)
            for byte in bytes {
                if let replacement = Self.replacement(for: byte) { escaped.append(contentsOf: replacement) } else { escaped.append(byte) }
            }
            return String(decoding: escaped, as: UTF8.self)
        } ?? text
    }

    /// The replacement of each byte that needs one, by byte value.
    static let replacements: [[UInt8]?] = (0..<256).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "<"): return Array("&lt;".utf8)
        case UInt8(ascii: ">"): return Array("&gt;".utf8)
        case UInt8(ascii: "&"): return Array("&amp;".utf8)
        case UInt8(ascii: "\""): return Array("&quot;".utf8)
        case UInt8(ascii: "'"): return Array("&#39;".utf8)
        default: return nil
        }
    }

    @inline(__always)
    static func replacement(for byte: UInt8) -> [UInt8]? {
        replacements[Int(byte)]
    }
}
