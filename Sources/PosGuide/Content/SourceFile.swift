import Foundation

/// A text file of the site, read once and checked to be UTF-8.
struct SourceFile: Sendable {
    /// Path relative to the site root, as diagnostics print it (`content/articles/fees.md`).
    let path: String
    /// The text with a UTF-8 byte order mark removed and CRLF turned into LF.
    let text: String

    init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// Decodes `data`, or returns the diagnostic that says where it stops being UTF-8.
    static func decode(_ data: Data, path: String) -> Result<SourceFile, Diagnostic> {
        // The byte order mark told and the bytes searched in the Data's own buffer: `starts(with:)`
        // on the Data cost a tenth of decoding a page.
        let (decoded, hasCarriageReturn, markLength) = data.withUnsafeBytes { raw in
            var bytes = raw.assumingMemoryBound(to: UInt8.self)
            let markLength = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
            bytes = UnsafeBufferPointer(rebasing: bytes[markLength...])
            // memchr, before making the String: a Swift byte loop over a large file costs more than reading it.
            return (UTF8Bytes.string(validating: bytes),
                    bytes.count > 0 && memchr(bytes.baseAddress!, 0x0D, bytes.count) != nil, markLength)
        }
        guard let text = decoded else {
            return .failure(.error(
                "file.not-utf8",
                "file is not valid UTF-8 text",
                at: firstInvalidByte(in: data.dropFirst(markLength), path: path),
                hint: "save the file as UTF-8 (GBK and other encodings are not supported)"
            ))
        }
        let normalized = hasCarriageReturn ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
        return .success(SourceFile(path: path, text: normalized))
    }

    /// The line and column of the first byte that breaks UTF-8.
    static func firstInvalidByte(in bytes: Data.SubSequence, path: String) -> SourceLocation {
        var line = 1
        var lineStart = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            let end = index + length
            if length == 0 || end > bytes.endIndex
                || String(validating: bytes[index..<end], as: UTF8.self) == nil {
                let column = String(decoding: bytes[lineStart..<index], as: UTF8.self).unicodeScalars.count + 1
                return SourceLocation(path: path, line: line, column: column)
            }
            if byte == UInt8(ascii: "\n") {
                line += 1
                lineStart = end
            }
            index = end
        }
        return SourceLocation(path: path, line: line, column: 1)
    }
}
