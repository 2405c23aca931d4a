import Foundation
@testable import PosGuide

/// The site's Markdown transforms on top of cmark (tree walk, heading ids, link resolution,
/// citations, directives) with the real site's environment: sources, pages, fee schedules.
/// Whatever the page says, the HTML must be valid UTF-8 and safe (`checkSafeHTML`), and its ids unique.
enum MarkdownFuzz {
    static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        render(text(bytes))
    }

    static func render(_ markdown: String) {
        let renderer = MarkdownRenderer(environment: SiteEnvironment.shared, source: SourceText(path: "content/articles/fuzz.md", text: markdown),
                                        pagePath: "/articles/fuzz/")
        let rendered = renderer.render(markdown)
        // `CmarkNode.renderHTML` makes cmark's HTML a String without checking it: it must be UTF-8.
        invariant(String(validating: Array(rendered.html.utf8), as: UTF8.self) != nil,
                  "cmark's HTML is not valid UTF-8 from \(markdown.debugDescription)")
        let html = rendered.html + SourceListHTML.render(rendered.citations, registry: SiteEnvironment.shared.sources)
        checkSafeHTML(html, from: markdown)
        let ids = rendered.headings.map(\.id)
        invariant(Set(ids).count == ids.count, "duplicate heading ids \(ids) from \(markdown.debugDescription)")
        // The CJK emphasis pass tells unchanged scopes from cmark's tree: it must render and warn
        // exactly as rendering and comparing every scope does.
        let shortcut = MarkdownRenderer.renderPairingEmphasis(markdown, environment: SiteEnvironment.shared, readingTree: true)
        let compared = MarkdownRenderer.renderPairingEmphasis(markdown, environment: SiteEnvironment.shared, readingTree: false)
        invariant(shortcut.html == compared.html && shortcut.diagnostics == compared.diagnostics,
                  "the emphasis shortcut renders \(shortcut.html.debugDescription), not \(compared.html.debugDescription), from \(markdown.debugDescription)")
    }
}

/// The environment `posguide build` gives the site's pages, loaded once from the site at
/// `POSGUIDE_FUZZ_SITE` (scripts/fuzz.sh sets the repository root).
enum SiteEnvironment {
    static let shared: MarkdownEnvironment = {
        let root = URL(fileURLWithPath: ProcessInfo.processInfo.environment["POSGUIDE_FUZZ_SITE"] ?? ".")
        let (content, _) = ContentLoader(root: root).load()
        guard let content else {
            FileHandle.standardError.write(Data("posguide-fuzz: no site at \(root.path) (set POSGUIDE_FUZZ_SITE)\n".utf8))
            exit(2)
        }
        let (plan, _) = SitePlan.resolve(content, themeAssets: [], baseURL: nil, today: PartialDate(year: 2026, month: 11, day: 1))
        return MarkdownStage.environment(for: plan)
    }()
}

/// What no page may carry, whatever its Markdown said: a tag or attribute that runs script or
/// styles inline, a `javascript:`-like link, markup characters loose in text or in an attribute
/// value, or an `&` that does not start a character reference.
func checkSafeHTML(_ html: String, from source: String) {
    let bytes = Array(html.utf8)
    func fail(_ why: String, at index: Int) -> Never {
        let start = max(0, index - 60), end = min(bytes.count, index + 60)
        invariant(false, "\(why) at …\(String(decoding: bytes[start..<end], as: UTF8.self).debugDescription)… from \(source.debugDescription)")
        fatalError()
    }
    var index = 0
    while index < bytes.count {
        switch bytes[index] {
        case UInt8(ascii: "<"):
            index = checkTag(bytes, at: index, fail: fail)
            continue
        case UInt8(ascii: ">"):
            fail("a loose >", at: index)
        case UInt8(ascii: "&"):
            guard let end = entityEnd(bytes, from: index) else { fail("an & that starts no entity", at: index) }
            index = end
        default:
            break
        }
        index += 1
    }
}

/// Checks the tag at `start` (`<name attr="value">`, `</name>` or `<!-- -->`); returns the index after it.
private func checkTag(_ bytes: [UInt8], at start: Int, fail: (String, Int) -> Never) -> Int {
    var index = start + 1
    func isNameByte(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
    }
    if bytes[index...].starts(with: Array("!--".utf8)) {
        // Comments: posguide writes none from Markdown but the raw-HTML placeholder.
        guard let end = find(bytes, Array("-->".utf8), from: index) else { fail("an unclosed comment", start) }
        return end + 3
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "/") { index += 1 }
    let nameStart = index
    while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
    guard index > nameStart else { fail("a < that starts no tag", start) }
    let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
    guard !["iframe", "object", "embed", "style", "base", "meta", "link", "frame", "applet"].contains(name) else { fail("a <\(name)> tag", start) }
    var attributes: [String: String] = [:]
    while index < bytes.count {
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\n") { index += 1 }
        guard index < bytes.count else { break }
        if bytes[index] == UInt8(ascii: ">") { index += 1; break }
        if bytes[index] == UInt8(ascii: "/"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: ">") { index += 2; break }
        let attributeStart = index
        while index < bytes.count, isNameByte(bytes[index]) || bytes[index] == UInt8(ascii: ":") { index += 1 }
        guard index > attributeStart else { fail("a stray character in a tag", index) }
        let attribute = String(decoding: bytes[attributeStart..<index], as: UTF8.self).lowercased()
        guard !attribute.hasPrefix("on"), attribute != "style" else { fail("an inline \(attribute) attribute", attributeStart) }
        var value = ""
        if index < bytes.count, bytes[index] == UInt8(ascii: "=") {
            guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") else { fail("an unquoted attribute value", index) }
            let valueStart = index + 2
            guard let end = bytes[valueStart...].firstIndex(of: UInt8(ascii: "\"")) else { fail("an unclosed attribute value", index) }
            var position = valueStart
            while position < end {
                switch bytes[position] {
                // `'` is harmless inside a double-quoted value (hrefs keep it as written).
                case UInt8(ascii: "<"), UInt8(ascii: ">"): fail("a markup character in an attribute value", position)
                case UInt8(ascii: "&"):
                    guard let entity = entityEnd(bytes, from: position), entity < end else { fail("an & that starts no entity in an attribute", position) }
                    position = entity
                default: break
                }
                position += 1
            }
            value = String(decoding: bytes[valueStart..<end], as: UTF8.self)
            index = end + 1
        }
        attributes[attribute] = value
    }
    for key in ["href", "src", "action", "xlink:href", "formaction"] {
        guard let value = attributes[key] else { continue }
        // As the browser reads it: references decoded, then blanks and controls (which it skips) dropped.
        let scheme = decodingReferences(value).lowercased().filter { !$0.isWhitespace && $0.asciiValue.map { $0 >= 0x20 } ?? true }
        for bad in ["javascript:", "vbscript:", "data:"] where scheme.hasPrefix(bad) { fail("a \(bad) \(key)", start) }
    }
    if name == "script" {
        // Only the site's own script file, or JSON data that nothing runs.
        let allowed = attributes["src"].map { $0.hasPrefix("/assets/") } ?? (attributes["type"] == "application/json")
        guard allowed else { fail("a script that is not the site's own file", start) }
        guard let close = find(bytes, Array("</script>".utf8), from: index) else { fail("an unclosed script", start) }
        return close + "</script>".utf8.count
    }
    return index
}

/// `&#x27;`, `&#39;`, `&amp;` and the other references posguide writes, decoded.
private func decodingReferences(_ text: String) -> String {
    guard text.contains("&") else { return text }
    var out = ""
    var rest = Substring(text)
    while let amp = rest.firstIndex(of: "&") {
        out += rest[..<amp]
        guard let semicolon = rest[amp...].firstIndex(of: ";") else { out += rest[amp...]; return out }
        let name = rest[rest.index(after: amp)..<semicolon]
        let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"][String(name)]
        let number = name.hasPrefix("#x") || name.hasPrefix("#X") ? UInt32(name.dropFirst(2), radix: 16)
            : name.hasPrefix("#") ? UInt32(name.dropFirst(), radix: 10) : nil
        if let named { out += named } else if let number, let scalar = Unicode.Scalar(number) { out.unicodeScalars.append(scalar) } else { out += rest[amp...semicolon] }
        rest = rest[rest.index(after: semicolon)...]
    }
    return out + rest
}

private func find(_ bytes: [UInt8], _ needle: [UInt8], from start: Int) -> Int? {
    guard needle.count <= bytes.count else { return nil }
    var index = start
    while index + needle.count <= bytes.count {
        if bytes[index..<index + needle.count].elementsEqual(needle) { return index }
        index += 1
    }
    return nil
}
