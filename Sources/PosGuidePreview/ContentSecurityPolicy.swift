import Foundation

/// The policy `serve` sends as a header with every response: the one every page of the site
/// carries in its `<meta http-equiv="Content-Security-Policy">` (templates/base.mustache), plus
/// `frame-ancestors`, which browsers take only from a header. README shows it for other servers;
/// ServeLimitTests checks the two stay the same.
enum ContentSecurityPolicy {
    static let page = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; font-src 'self'; "
        + "connect-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'"

    static let header = page + "; frame-ancestors 'none'"

    /// A page's own policy as a header: a printed guide declares a looser one (inline style, no
    /// script), which a header of the site's policy would override. The site's for a page with none.
    static func header(forPage html: Data) -> String {
        let marker = Data("<meta http-equiv=\"Content-Security-Policy\" content=\"".utf8)
        // The tag is near the top of the head; no need to search a long page.
        let head = html.prefix(4096)
        guard let start = head.range(of: marker)?.upperBound,
              let end = head[start...].firstIndex(of: UInt8(ascii: "\"")) else { return header }
        let policy = String(decoding: head[start..<end], as: UTF8.self).replacingOccurrences(of: "&#39;", with: "'")
        return policy + "; frame-ancestors 'none'"
    }
}
