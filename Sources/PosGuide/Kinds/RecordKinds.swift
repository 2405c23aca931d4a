/// Every kind of record the site knows. The one list to extend with a new kind.
enum RecordKinds {
    static let all: [any RecordKind] = [ProviderKind(), GlossaryKind()]

    static func kind(folder: String) -> (any RecordKind)? {
        all.first { $0.folder == folder }
    }

    static func kind(name: String) -> (any RecordKind)? {
        all.first { $0.name == name }
    }

    static func kind(scheme: String) -> (any RecordKind)? {
        all.first { $0.linkScheme == scheme }
    }

    /// A kind the site has files of needs its two templates; checked before anything renders.
    static func checkTemplates(_ templates: TemplateSet, content: SiteContent) -> [Diagnostic] {
        all.filter { content.recordFolders.contains($0.folder) }.flatMap { kind in
            [kind.recordTemplate, kind.listTemplate].filter { !templates.has($0) }.map { name in
                Diagnostic.error("template.missing", "missing template `\(name).mustache` in \(templates.location): the site has content/\(kind.folder)/",
                                 at: SourceLocation(path: "templates/\(name).mustache"))
            }
        }
    }
}

extension SiteContent {
    /// Every record of every kind, kind by kind in `RecordKinds.all` order.
    var allRecords: [ContentRecord] {
        RecordKinds.all.flatMap { records[$0.folder] ?? [] }
    }
}

/// One kind's records as the site has them: sorted by id, with the list page's intro.
struct RecordList: Sendable {
    var kind: any RecordKind
    /// `content/<folder>/index.md`, when there is one.
    var intro: PageSource?
    var records: [ContentRecord]
    /// Whether `/<folder>/` and the records' pages are published.
    var isPublished: Bool

    var ids: [String] { records.map(\.id) }
}
