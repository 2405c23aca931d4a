/// A kind of record: YAML files in one folder of `content/`, each published as a page, all
/// listed on the folder's page. Every stage of the build works over the kinds in `RecordKinds.all`,
/// so a new kind is one type conforming to this, its two templates, its docs and its line there.
///
/// The stages keep what is the same for every kind (reading files, URLs, rendering the Markdown
/// fields and numbering their citations, checking links, writing pages, the sitemap); the kind
/// says only what is its own: its schema, its checks and what its templates see.
protocol RecordKind: Sendable {
    /// `content/<folder>/<id>.yaml` are the records, published at `/<folder>/<id>/`; the list is
    /// `/<folder>/`, whose intro is `content/<folder>/index.md` when there is one.
    var folder: String { get }
    /// `[text](<scheme>:<id>)` links to a record from any Markdown, checked like `source:` links; nil for none.
    var linkScheme: String? { get }
    /// The kind's name in diagnostic ids and messages: `provider.stale`, "there is no glossary".
    var name: String { get }
    /// The template of a record's page and of the list page.
    var recordTemplate: String { get }
    var listTemplate: String { get }
    /// Title and description of the list page when the folder has no `index.md`.
    var listTitle: String { get }
    var listDescription: String { get }
    /// Whether the list page is published when the kind has no files at all. Providers' always was.
    var listsWhenAbsent: Bool { get }
    /// What one record is called in the build's summary line (`provider`, `glossary term`).
    var noun: String { get }
    /// What `posguide new <name> <id>` starts the record from: `templates/archetypes/<archetype>`.
    var archetype: String { get }

    /// Reads one record through its schema; nil (with the errors) when it cannot be used.
    func load(_ file: SourceFile, id: String) -> (ContentRecord?, [Diagnostic])
    /// Checks that need more than the file (sources, other records, today). The shared ones
    /// (cited sources exist, `checked` is not in the future, staleness) are done for every kind.
    func check(_ record: ContentRecord, in site: RecordChecks) -> [Diagnostic]

    /// The context of a record's page.
    func context(_ rendered: RenderedRecord, contexts: TemplateContexts) -> TemplateValue.Map
    /// What the list page's template sees besides the intro page's own values.
    func listContext(_ records: [RenderedRecord], contexts: TemplateContexts) -> TemplateValue.Map
    /// Values the home page shows of the kind.
    func homeContext(_ records: [ContentRecord]) -> TemplateValue.Map
    /// Directives the kind gives every page's Markdown.
    func directives(_ records: [ContentRecord], plan: SitePlan) -> [any Directive]
    /// The records as the body of a printed guide's chapter, after the list page's intro;
    /// nil when the kind does not print.
    func printedList(_ records: [ContentRecord], printer: inout RecordPrinter) -> (html: String, headings: [Heading])?
}

extension RecordKind {
    var linkScheme: String? { nil }
    var listsWhenAbsent: Bool { false }
    var archetype: String { "\(name).yaml" }
    var listURL: String { "/\(folder)/" }
    var noun: String { name }

    /// `1 provider`, `12 providers`.
    func counted(_ count: Int) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

    func url(of id: String) -> String { "/\(folder)/\(id)/" }

    func check(_ record: ContentRecord, in site: RecordChecks) -> [Diagnostic] { [] }
    func homeContext(_ records: [ContentRecord]) -> TemplateValue.Map { [:] }
    func directives(_ records: [ContentRecord], plan: SitePlan) -> [any Directive] { [] }
    func printedList(_ records: [ContentRecord], printer: inout RecordPrinter) -> (html: String, headings: [Heading])? { nil }
}

/// What a kind's checks may look at besides the record.
struct RecordChecks {
    var sources: SourceRegistry
    var config: SiteConfig
    var today: PartialDate
    /// Ids of every record of the same kind, for records that name each other.
    var ids: Set<String>
}

/// A record with its Markdown fields rendered and its sources numbered.
struct RenderedRecord: Sendable {
    var kind: any RecordKind
    var record: ContentRecord
    /// HTML of each Markdown field, by field name.
    var fieldsHTML: [String: String]
    /// The first Markdown field's first paragraph as plain text, for descriptions.
    var summary: String
    /// Citation number of each source id used by the record.
    var citationNumbers: [String: Int]
    var sourcesHTML: String
    var links: [LinkReference]
    var anchors: Set<String>
    var diagnostics: [Diagnostic]

    var url: String { kind.url(of: record.id) }
}
