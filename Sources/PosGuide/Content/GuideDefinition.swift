import Yams

/// A printable guide: `content/guides/<id>.yaml`.
struct GuideDefinition: Sendable {
    enum Paper: String, Sendable, CaseIterable {
        case a4 = "A4"
        case a5 = "A5"
    }

    var id: String
    var path: String
    /// The file as written, for checks that read it whole (`【待填写】` markers).
    var text: String
    var title: String
    var subtitle: String?
    var audience: String?
    var date: PartialDate
    var summary: String?
    var paper: Paper
    /// Content pages by path under `content/`, e.g. `articles/yiqing.md`.
    var chapters: [Located<String>]
    var appendices: [Located<String>]

    /// The source file of a chapter or appendix as the guide names it: `articles/yiqing.md` is
    /// `content/articles/yiqing.md`, the path pages are known by.
    static func sourcePath(of part: String) -> String {
        "content/" + part
    }

    /// The source files of every chapter, then every appendix.
    var partPaths: [String] {
        (chapters + appendices).map { Self.sourcePath(of: $0.value) }
    }

    static func load(_ file: SourceFile, id: String) -> (GuideDefinition?, [Diagnostic]) {
        let (read, failure) = YAMLMapping.file(file, subject: "guide definition")
        guard let map = read else { return (nil, failure) }
        let title = map.string("title", required: true)
        let subtitle = map.string("subtitle")
        let audience = map.string("audience")
        let date = map.date("date", required: true)
        let summary = map.string("summary")
        var paper = Paper.a4
        if let node = map.value("paper"), let text = map.scalarString(node, key: "paper") {
            if let value = Paper(rawValue: text.uppercased()) { paper = value } else {
                map.report(.error("guide.paper", "`paper` must be A4 or A5", at: map.location(of: node)))
            }
        }
        let chapters = map.locatedStrings("chapters", required: true)?.map(Located.init) ?? []
        if chapters.isEmpty, map.value("chapters") != nil {
            map.report(.error("guide.chapters", "a guide needs at least one chapter", at: map.location))
        }
        let appendices = map.locatedStrings("appendices")?.map(Located.init) ?? []
        map.finish()
        guard let title, let date else { return (nil, map.diagnostics) }
        return (GuideDefinition(id: id, path: file.path, text: file.text, title: title, subtitle: subtitle, audience: audience, date: date,
                                summary: summary, paper: paper, chapters: chapters, appendices: appendices), map.diagnostics)
    }
}
