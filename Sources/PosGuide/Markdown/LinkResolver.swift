/// Decides what a link in a page points at, and what the page should say instead.
///
/// Authors may link to a page by its site path (`/articles/fees/`), relatively
/// (`../fees/`), or by its source file (`fees.md`); the last is rewritten to
/// the page's URL so the Markdown also works in any CommonMark viewer.
/// A relative path to a file (`../assets/img/x.svg`, in a link or an image) is read
/// from the Markdown file's folder as well, as any Markdown editor reads it.
struct LinkResolver: Sendable {
    enum Target: Equatable, Sendable {
        /// A page or file of this site: its path and optional fragment; `rewritten` is the href to emit.
        case site(path: String, fragment: String?, rewritten: String?)
        /// `#fragment` on the page itself.
        case samePage(fragment: String)
        /// `source:<id>`
        case citation(id: String)
        /// `<scheme>:<id>` of a record kind, e.g. `glossary:yiqing`
        case record(scheme: String, reference: String)
        case external(host: String)
        /// mailto:, tel:
        case contact
        /// A URL that never reaches the page (`javascript:` and friends).
        case unsafe(scheme: String)
        /// A link to a source file that is not a page of the site.
        case missingFile(path: String)
    }

    /// Source file path (relative to the site root) -> site path, for every page.
    let pagesByFile: [String: String]
    /// The same for pages this build leaves out (drafts, files with errors): a link to one resolves,
    /// and the link check says why the page is not there.
    let leftOutByFile: [String: String]

    init(pagesByFile: [String: String], leftOutByFile: [String: String] = [:]) {
        self.pagesByFile = pagesByFile
        self.leftOutByFile = leftOutByFile
    }

    static let safeSchemes: Set<String> = ["http", "https"]
    static let contactSchemes: Set<String> = ["mailto", "tel"]

    /// Resolves `url`, written in the file `file` (site-root relative) of the page at `pagePath`.
    func resolve(_ url: String, inFile file: String, pagePath: String) -> Target {
        let trimmed = url.trimmingWhitespace
        // Most links of a page are http(s): told by their first bytes, before the scheme is
        // made a String, lower-cased and looked up.
        if Self.hasWebScheme(trimmed) { return .external(host: Self.host(of: trimmed)) }
        if let scheme = Self.scheme(of: trimmed) {
            let lower = scheme.lowercased()
            if lower == "source" {
                return .citation(id: String(trimmed.dropFirst(scheme.count + 1)))
            }
            if Self.safeSchemes.contains(lower) {
                return .external(host: Self.host(of: trimmed))
            }
            if Self.contactSchemes.contains(lower) { return .contact }
            if RecordLinks.isScheme(lower) { return .record(scheme: lower, reference: String(trimmed.dropFirst(scheme.count + 1))) }
            return .unsafe(scheme: lower)
        }
        if trimmed.hasPrefix("//") {
            return .external(host: Self.host(of: "https:" + trimmed))
        }
        let (pathPart, fragment) = Self.splitFragment(trimmed)
        if pathPart.isEmpty {
            return .samePage(fragment: fragment ?? "")
        }
        let withoutQuery = Self.firstIndex(of: UInt8(ascii: "?"), in: pathPart).map { String(pathPart[..<$0]) } ?? pathPart
        if withoutQuery.hasSuffix(".md") || withoutQuery.hasSuffix(".yaml") {
            let directory = file.split(separator: "/").dropLast().joined(separator: "/")
            let target = withoutQuery.hasPrefix("/")
                ? Self.normalize("content" + withoutQuery.percentDecoded)
                : Self.normalize(directory + "/" + withoutQuery.percentDecoded)
            guard let site = pagesByFile[target] ?? leftOutByFile[target] else { return .missingFile(path: target) }
            let href = site + (fragment.map { "#" + $0 } ?? "")
            return .site(path: site, fragment: fragment?.percentDecoded, rewritten: href)
        }
        if !withoutQuery.hasPrefix("/"), Self.namesFile(withoutQuery) {
            // From content/articles/a.md, `../assets/img/x.svg` is content/assets/img/x.svg: /assets/img/x.svg.
            let directory = file.split(separator: "/").dropLast().joined(separator: "/")
            let target = Self.normalize(directory + "/" + withoutQuery)
            if target.hasPrefix("content/assets/") {
                let site = String(target.dropFirst("content".count))
                let query = pathPart.dropFirst(withoutQuery.count)
                return .site(path: site.percentDecoded, fragment: fragment?.percentDecoded,
                             rewritten: site + query + (fragment.map { "#" + $0 } ?? ""))
            }
        }
        let absolute: String
        if withoutQuery.hasPrefix("/") {
            absolute = withoutQuery
        } else {
            let base = pagePath.hasSuffix("/") ? pagePath : pagePath.split(separator: "/").dropLast().joined(separator: "/") + "/"
            absolute = base + withoutQuery
        }
        var path = Self.normalize(absolute.percentDecoded)
        if !path.hasPrefix("/") { path = "/" + path }
        if withoutQuery.hasSuffix("/") && !path.hasSuffix("/") { path += "/" }
        return .site(path: path, fragment: fragment?.percentDecoded, rewritten: nil)
    }

    /// Whether a relative path ends in a file name with an extension (`x.svg`), not a page (`../fees/`).
    static func namesFile(_ path: String) -> Bool {
        // An ASCII path (nearly every link) read byte by byte: each byte is a Character there.
        if let answer = asciiNamesFile(path) { return answer }
        guard let last = path.split(separator: "/", omittingEmptySubsequences: false).last,
              let dot = last.lastIndex(of: "."), dot != last.startIndex else { return false }
        let suffix = last[last.index(after: dot)...]
        return !suffix.isEmpty && suffix.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }

    /// `namesFile` for an all-ASCII path; nil for any other.
    private static func asciiNamesFile(_ path: String) -> Bool? {
        var path = path
        return path.withUTF8 { bytes -> Bool? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            let start = (bytes.lastIndex(of: UInt8(ascii: "/")) ?? -1) + 1
            guard let dot = bytes[start...].lastIndex(of: UInt8(ascii: ".")), dot != start, dot + 1 < bytes.count else { return false }
            return bytes[(dot + 1)...].allSatisfy { byte in
                (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            }
        }
    }

    /// A hint for a web address written without its scheme (`www.pbc.gov.cn/x`), or nil.
    static func schemeHint(for written: String) -> String? {
        let text = written.trimmingWhitespace
        let host = text.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard scheme(of: text) == nil, !text.hasPrefix("/"), labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }),
              host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") }),
              host.lowercased().hasPrefix("www.") || webTopLevelDomains.contains(labels.last!.lowercased()) else { return nil }
        return "a web address needs `https://` in front: https://\(text)"
    }

    static let webTopLevelDomains: Set<String> = ["cn", "com", "net", "org", "gov", "edu", "int", "info", "io", "hk", "mo", "tw"]

    // The helpers below search bytes, not Characters: every link of every page passes through
    // them, and the characters they look for are ASCII, so byte positions are character boundaries.

    static func scheme(of url: String) -> String? {
        var url = url
        return url.withUTF8 { bytes -> String? in
            guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return nil }
            func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
            guard colon > 0, isLetter(bytes[0]), bytes[..<colon].allSatisfy({ byte in
                isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                    || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
            }) else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<colon]), as: UTF8.self)
        }
    }

    /// Whether `url` starts with `http:` or `https:` in any case: `scheme(of:)` is one of `safeSchemes`.
    /// (`| 0x20` makes only `H`, `T`, `P`, `S` equal to their lower case here.)
    static func hasWebScheme(_ url: String) -> Bool {
        var bytes = url.utf8.makeIterator()
        for expected in "http".utf8 {
            guard let byte = bytes.next(), byte | 0x20 == expected else { return false }
        }
        guard let next = bytes.next() else { return false }
        return next == UInt8(ascii: ":") || (next | 0x20 == UInt8(ascii: "s") && bytes.next() == UInt8(ascii: ":"))
    }

    static func host(of url: String) -> String {
        asciiHost(of: url) ?? characterHost(of: url)
    }

    /// The host read Character by Character, for any address.
    static func characterHost(of url: String) -> String {
        guard let range = url.range(of: "://") else { return "" }
        let rest = url[range.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let hostPort = authority.split(separator: "@").last ?? authority[...]
        return String(hostPort.prefix { $0 != ":" }).lowercased()
    }

    /// `host(of:)` for an all-ASCII address, where a Character is a byte (or CR LF, which is
    /// none of the delimiters either), so byte searches give the same host; nil for any other.
    /// Most links of a page are external: Foundation's `range(of:)` and Character walks made
    /// this an eighth of a link-heavy build.
    static func asciiHost(of url: String) -> String? {
        var url = url
        return url.withUTF8 { bytes -> String? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            let count = bytes.count
            var index = 0
            while index + 2 < count, !(bytes[index] == UInt8(ascii: ":") && bytes[index + 1] == UInt8(ascii: "/") && bytes[index + 2] == UInt8(ascii: "/")) {
                index += 1
            }
            guard index + 2 < count else { return "" }
            let start = index + 3
            var end = start
            while end < count, bytes[end] != UInt8(ascii: "/"), bytes[end] != UInt8(ascii: "?"), bytes[end] != UInt8(ascii: "#") { end += 1 }
            // The last non-empty part between `@`s (after any user information), or all of it
            // when there is none, up to a `:` (the port): what `split(separator: "@").last` finds.
            var partEnd = end
            while partEnd > start, bytes[partEnd - 1] == UInt8(ascii: "@") { partEnd -= 1 }
            var hostStart = partEnd
            while hostStart > start, bytes[hostStart - 1] != UInt8(ascii: "@") { hostStart -= 1 }
            if partEnd == start { (hostStart, partEnd) = (start, end) }
            var hostEnd = hostStart
            while hostEnd < partEnd, bytes[hostEnd] != UInt8(ascii: ":") { hostEnd += 1 }
            // Lower-cased straight into the String's storage: no intermediate array.
            return String(unsafeUninitializedCapacity: hostEnd - hostStart) { out in
                for (offset, byte) in bytes[hostStart..<hostEnd].enumerated() {
                    out[offset] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
                }
                return hostEnd - hostStart
            }
        }
    }

    static func splitFragment(_ url: String) -> (String, String?) {
        guard let hash = firstIndex(of: UInt8(ascii: "#"), in: url) else { return (url, nil) }
        return (String(url[..<hash]), String(url[url.utf8.index(after: hash)...]))
    }

    /// Where `byte` first occurs in `text`: a search of the contiguous bytes, not the generic
    /// walk of the UTF-8 view (which cost as much as the rest of splitting a link).
    static func firstIndex(of byte: UInt8, in text: String) -> String.Index? {
        var contiguous = text
        let offset = contiguous.withUTF8 { bytes in bytes.firstIndex(of: byte) }
        return offset.map { text.utf8.index(text.utf8.startIndex, offsetBy: $0) }
    }

    /// Resolves `.` and `..` segments; keeps a leading `/`.
    static func normalize(_ path: String) -> String {
        var path = path
        return path.withUTF8 { bytes -> String in
            // Segments are copied straight into the result, and `..` cuts it back to the `/`
            // before the last one: no array of segments, no joining (every site link comes here).
            // Only `.` and `..` themselves are canonically equal to `.` and `..`: a byte compare is the same.
            let leadingSlash = bytes.first == UInt8(ascii: "/")
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count + 1) { out in
                var written = 0
                var start = 0
                while start <= bytes.count {
                    var end = start
                    while end < bytes.count, bytes[end] != UInt8(ascii: "/") { end += 1 }
                    let length = end - start
                    if length == 2, bytes[start] == UInt8(ascii: "."), bytes[start + 1] == UInt8(ascii: ".") {
                        // Drops the last kept segment with the `/` before it (none before a relative path's first).
                        while written > 0, out[written - 1] != UInt8(ascii: "/") { written -= 1 }
                        if written > 0 { written -= 1 }
                    } else if length > 0, !(length == 1 && bytes[start] == UInt8(ascii: ".")) {
                        if written > 0 || leadingSlash {
                            out[written] = UInt8(ascii: "/")
                            written += 1
                        }
                        _ = UnsafeMutableBufferPointer(rebasing: out[written...]).initialize(fromContentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
                        written += length
                    }
                    start = end + 1
                }
                if written == 0 && leadingSlash {
                    out[0] = UInt8(ascii: "/")
                    written = 1
                }
                // Whole segments of a String, cut at ASCII `/`: UTF-8 already.
                return UTF8Bytes.string(trusting: UnsafeBufferPointer(rebasing: out[..<written]))
            }
        }
    }
}

extension String {
    var trimmingWhitespace: String {
        // Most text (every link's address, a Chinese heading or title) starts and ends with a
        // printable ASCII character or a scalar from U+4000 up: nothing to trim, and no scalar
        // properties to look up.
        if let first = utf8.first, Self.isNeverWhitespace(lead: first) {
            var lastLead = utf8.index(before: utf8.endIndex)
            while utf8[lastLead] & 0xC0 == 0x80 { lastLead = utf8.index(before: lastLead) }
            if Self.isNeverWhitespace(lead: utf8[lastLead]) { return self }
        }
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[start...end])
    }

    /// Whether the scalar this UTF-8 lead byte starts is surely not whitespace: printable ASCII
    /// (not `\t`...`\r` nor a space), or a scalar from U+4000 (lead byte E4 and up), above the
    /// last whitespace scalar, U+3000.
    private static func isNeverWhitespace(lead byte: UInt8) -> Bool {
        (byte > 0x20 && byte < 0x7F) || byte >= 0xE4
    }
}
