/// Turns a request target into a file of the build result, or says why it cannot be one.
///
/// The preview serves only what the build made, from memory: no request can reach the disk.
/// This check still refuses traversal outright, so a mistake elsewhere cannot turn into a leak.
enum RequestPath: Equatable {
    /// A file of the build result, by output path (`articles/fees/index.html`).
    case file(String)
    /// The preview's own endpoints under `/_posguide/`.
    case preview(String)
    /// Refused: traversal, bad encoding, control characters.
    case invalid

    static let previewPrefix = "/_posguide/"

    /// `target` is the raw request target: `/articles/fees/?x=1`.
    static func resolve(_ target: String) -> RequestPath {
        let pathPart = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        guard pathPart.hasPrefix("/"), let decoded = percentDecoded(pathPart) else { return .invalid }
        if decoded.hasPrefix(previewPrefix) { return .preview(String(decoded.dropFirst(previewPrefix.count))) }
        var components: [Substring] = []
        for component in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            // `..` and `.` never name a file of the site; a backslash or NUL never appears in one.
            if component == ".." || component == "." || component.contains("\\") || component.contains("\0") { return .invalid }
            components.append(component)
        }
        let path = components.joined(separator: "/")
        if path.isEmpty { return .file("index.html") }
        return .file(decoded.hasSuffix("/") ? path + "/index.html" : path)
    }

    /// Decodes `%XX` escapes; nil when an escape is malformed or the bytes are not UTF-8.
    static func percentDecoded(_ text: String) -> String? {
        guard text.contains("%") else { return text }
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
