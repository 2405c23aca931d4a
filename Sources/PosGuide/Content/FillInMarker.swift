import Foundation

/// `【待填写】` and `【待填写：说明】`: text an archetype (`posguide new`) left for the editor to write.
///
/// A draft may still hold some: with `--drafts` each is a warning saying what is left to write.
/// A page that is published, a record of any kind (provider, glossary) or a guide (they have no
/// drafts) may not: each is an error, so placeholder text never reaches readers.
enum FillInMarker {
    /// What opens a marker; it closes at the next `】` on its line.
    static let opening = "【待填写"

    /// One marker: where it starts and what it asks for (the text after `：`, if any).
    struct Found: Sendable, Equatable {
        var line: Int
        var column: Int
        var request: String?
    }

    /// Whether a value is one marker (as an archetype leaves an id to fill in): no other check needs to report it.
    static func isMarker(_ value: String) -> Bool {
        value.hasPrefix(opening) && value.hasSuffix("】")
    }

    /// Every marker in `text`, in order.
    static func find(in text: String) -> [Found] {
        var text = text
        return text.withUTF8(find(in:))
    }

    private static func find(in bytes: UnsafeBufferPointer<UInt8>) -> [Found] {
        var found: [Found] = []
        var line = 1, lineStart = 0, index = 0
        while let start = nextMarker(in: bytes, from: index) {
            for position in index..<start where bytes[position] == UInt8(ascii: "\n") {
                line += 1
                lineStart = position + 1
            }
            let column = String(decoding: bytes[lineStart..<start], as: UTF8.self).unicodeScalars.count + 1
            let afterOpening = start + openingBytes.count
            let end = bytes[afterOpening...].firstIndex { $0 == UInt8(ascii: "\n") } ?? bytes.endIndex
            found.append(Found(line: line, column: column, request: request(in: String(decoding: bytes[afterOpening..<end], as: UTF8.self))))
            index = afterOpening
        }
        return found
    }

    /// The markers of one page.
    static func diagnostics(of page: PageSource) -> [Diagnostic] {
        diagnostics(in: page.file.text, path: page.file.path, draft: page.metadata.draft)
    }

    /// The markers of the records and guides (they have no drafts).
    static func diagnostics(records: [ContentRecord], guides: [GuideDefinition]) -> [Diagnostic] {
        records.flatMap { diagnostics(in: $0.file.text, path: $0.file.path, draft: false) }
            + guides.flatMap { diagnostics(in: $0.text, path: $0.path, draft: false) }
    }

    /// The first marker of a file carries the hint; the others would only repeat it.
    static func diagnostics(in text: String, path: String, draft: Bool) -> [Diagnostic] {
        find(in: text).enumerated().map { number, marker in
            let message = "still to fill in" + (marker.request.map { ": " + $0 } ?? "")
            let location = SourceLocation(path: path, line: marker.line, column: marker.column)
            if draft {
                return .warning("content.fill-in", message, at: location,
                                hint: number > 0 ? nil : "write the text in place of each 【待填写…】; this page is a draft (built only with --drafts) until its `draft: true` line is deleted")
            }
            return .error("content.fill-in", message, at: location,
                          hint: number > 0 ? nil : "write the text in place of each 【待填写…】: placeholder text is never published")
        }
    }

    /// `：说明】` or `:说明】` gives `说明`; `】` alone gives nil.
    private static func request(in rest: String) -> String? {
        let body = rest.split(separator: "】", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        guard let first = body.first, first == "：" || first == ":" else { return nil }
        let text = body.dropFirst().trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? nil : text
    }

    private static let openingBytes = Array(opening.utf8)

    /// Where the next marker starts. Files without one (nearly all) cost a `memchr` for the last byte
    /// of `【` (E3 80 90): its first byte starts nearly every Chinese punctuation mark as well, and a
    /// search for it stopped every few characters; 90 ends far fewer characters.
    private static func nextMarker(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let needle = openingBytes, last = needle.count - 1
        var index = start + last
        while index < bytes.count {
            guard let hit = memchr(base + index, Int32(needle[last]), bytes.count - index) else { return nil }
            let end = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + end - last, needle, last) == 0 { return end - last }
            index = end + 1
        }
        return nil
    }
}
