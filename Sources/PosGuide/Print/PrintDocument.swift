import Foundation

/// A guide as one self-contained print document: `guides/<id>/index.html`.
///
/// Cover, table of contents, chapters and one source list, with the print
/// stylesheet and every picture inside the file: it prints (and converts to
/// PDF) with no network and no JavaScript.
struct PrintDocument: Sendable {
    var guide: GuideDefinition
    var chapters: [PrintedChapter]
    var html: String

    /// A guide of a single page and nothing else prints as a leaflet: no cover,
    /// no table of contents, so a one-page checklist stays one sheet of paper.
    static func isLeaflet(_ guide: GuideDefinition) -> Bool {
        guide.chapters.count == 1 && guide.appendices.isEmpty
    }

    static func url(of id: String) -> String { "/guides/\(id)/" }
    static func htmlPath(of id: String) -> String { "guides/\(id)/index.html" }
    static func pdfPath(of id: String) -> String { "guides/\(id).pdf" }

    var htmlPath: String { Self.htmlPath(of: guide.id) }
    var pdfPath: String { Self.pdfPath(of: guide.id) }
}

extension PrintDocument {
    /// The values `print.mustache` sees. Keys are snake_case; `*_html` and `body` hold markup.
    static func context(guide: GuideDefinition, chapters: [PrintedChapter], sourcesHTML: String, config: SiteConfig,
                        stylesheet: String, withPDF: Bool, qrCodes: [String: String]) -> TemplateValue.Map {
        let leaflet = isLeaflet(guide)
        let onlineURL = config.baseURL + url(of: guide.id).dropFirst()
        var guideValues: TemplateValue.Map = [
            "id": .string(guide.id),
            "title": .string(guide.title),
            "date": ["iso": .string(guide.date.description), "text": .string(guide.date.chinese)],
            "online_url": .string(onlineURL),
            "paper": .string(guide.paper.rawValue),
        ]
        guideValues["subtitle"] = .optional(guide.subtitle)
        guideValues["audience"] = .optional(guide.audience)
        guideValues["summary"] = .optional(guide.summary)
        let toc: [TemplateValue] = chapters.map { chapter in
            let sections: [TemplateValue] = chapter.headings.filter { $0.level == 2 }.map { ["id": .string($0.id), "text": .string($0.text)] }
            return ["id": .string(chapter.id), "label": .string(chapter.label), "title": .string(chapter.title),
                    "sections": .list(sections), "has_sections": .bool(!sections.isEmpty)]
        }
        let chapterValues: [TemplateValue] = chapters.map { chapter in
            [
                "id": .string(chapter.id),
                "label": .string(chapter.label),
                "title": .string(chapter.title),
                "appendix": .bool(chapter.isAppendix),
                "online_url": .string(chapter.onlineURL),
                "qr_svg_html": .string(qrCodes[chapter.id] ?? ""),
                // In a leaflet the guide's title heads the page; repeating an identical chapter title wastes a line.
                "shows_title": .bool(!(leaflet && chapter.title == guide.title)),
                "body": .string(chapter.html),
            ]
        }
        var context: TemplateValue.Map = [
            "site": ["title": .string(config.title), "base_url": .string(config.baseURL), "language": .string(config.language)],
            "guide": .map(guideValues),
            "leaflet": .bool(leaflet),
            "toc": .list(toc),
            "chapters": .list(chapterValues),
            "sources_html": .string(sourcesHTML),
            "has_sources": .bool(!sourcesHTML.isEmpty),
            "print_css": .string(stylesheet),
            "canonical": .string(onlineURL),
            "description": .string(guide.summary ?? guide.subtitle ?? guide.title),
            "guides_url": .string(config.baseURL + "guides/"),
        ]
        // Relative to guides/<id>/index.html, so it also works in an exported folder. Absent without a PDF:
        // an empty text still counts as true in `{{#pdf_url}}`, and the page linked to itself.
        if withPDF { context["pdf_url"] = .string("../\(guide.id).pdf") }
        return context
    }

    /// Makes the HTML stand alone: pictures of the site become `data:` URLs and
    /// any other root-relative link (from directives) points at the live site.
    static func selfContained(_ html: String, baseURL: String, embed: (String) -> String?) -> String {
        var out = ""
        out.reserveCapacity(html.utf8.count)
        var rest = html[...]
        while let range = rest.range(of: "=\"/") {
            let attribute = rest[..<range.lowerBound].suffix(4)
            out += rest[..<range.lowerBound]
            let valueStart = rest.index(before: range.upperBound)
            guard let end = rest[valueStart...].firstIndex(of: "\"") else {
                rest = rest[range.lowerBound...]
                break
            }
            let value = String(rest[valueStart..<end])
            let isSource = attribute == " src"
            if value.hasPrefix("//") {
                out += "=\"" + value
            } else if isSource, let data = embed(value.percentDecoded) {
                out += "=\"" + data
            } else {
                out += "=\"" + baseURL + value.dropFirst()
            }
            rest = rest[end...]
        }
        out += rest
        return out
    }

    /// The file `path` of `tree` as a `data:` URL, with its type from the file name; nil for types a
    /// print document does not embed, or a file that cannot be read.
    static func dataURL(for path: String, in tree: some SourceTree) -> String? {
        let types = ["svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg",
                     "gif": "image/gif", "webp": "image/webp"]
        guard let type = types[(path as NSString).pathExtension.lowercased()], let data = try? tree.contents(of: path) else { return nil }
        return "data:\(type);base64," + data.base64EncodedString()
    }
}
