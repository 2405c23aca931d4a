import CQRencode
import Foundation

/// A QR code as an inline SVG, encoded by libqrencode: the one door to that C library.
///
/// The SVG draws each run of dark modules in a row as one rectangle of a
/// single path, on a white square with the four-module quiet zone the
/// standard asks for, so it prints sharply at any size and scanners find it
/// even on a dark page edge.
enum QRCodeSVG {
    /// Error correction M (15%): survives a crease or a pen mark, keeps the symbol small.
    static let level = QR_ECLEVEL_M
    static let quietZone = 4

    /// libqrencode builds without pthread support are not thread-safe; one lock costs nothing here.
    private static let lock = NSLock()

    /// The dark modules, row by row; nil when the text cannot be encoded (too long).
    static func modules(for text: String) -> [[Bool]]? {
        lock.lock()
        defer { lock.unlock() }
        // Byte mode keeps the text exactly as given (URLs are case-sensitive).
        guard let code = QRcode_encodeString8bit(text, 0, level) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        let data = code.pointee.data!
        return (0..<width).map { row in
            (0..<width).map { column in data[row * width + column] & 1 == 1 }
        }
    }

    /// `<svg>` for `text`, `size` wide (a CSS length such as `22mm`), with an accessible label.
    static func svg(for text: String, size: String, label: String) -> String? {
        guard let modules = modules(for: text) else { return nil }
        let side = modules.count + 2 * quietZone
        var path = ""
        for (y, row) in modules.enumerated() {
            var x = 0
            while x < row.count {
                guard row[x] else {
                    x += 1
                    continue
                }
                let start = x
                while x < row.count, row[x] { x += 1 }
                path += "M\(start + quietZone) \(y + quietZone)h\(x - start)v1h-\(x - start)z"
            }
        }
        return """
        <svg xmlns="http://www.w3.org/2000/svg" class="qr-code" viewBox="0 0 \(side) \(side)" width="\(size)" height="\(size)" \
        role="img" aria-label="\(label.htmlEscaped)" shape-rendering="crispEdges">\
        <rect width="\(side)" height="\(side)" fill="#fff"/><path fill="#000" d="\(path)"/></svg>
        """
    }
}
