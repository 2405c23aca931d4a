/// One YAML record of a kind (`content/<folder>/<id>.yaml`): what every stage needs of it,
/// whatever the kind. The kind's own fields stay on its concrete type, which only its
/// `RecordKind` reads.
protocol ContentRecord: Sendable {
    var id: String { get }
    var file: SourceFile { get }
    /// When an editor last checked the record against its sources.
    var checked: PartialDate { get }
    /// Where `checked` is written, for freshness messages.
    var checkedLocation: SourceLocation { get }
    /// Every source id the record's fields name (not its Markdown), for checking and numbering.
    var citedSources: [Located<String>] { get }
    /// The Markdown fields, in the order the page shows them: each is rendered and its links checked.
    var markdownFields: [(name: String, field: MarkdownField)] { get }
}

/// Markdown kept with the line it starts on, to render and report in place.
struct MarkdownField: Sendable {
    var text: String
    var lineOffset: Int
    var firstColumn: Int

    init(text: String, lineOffset: Int, firstColumn: Int) {
        self.text = text
        self.lineOffset = lineOffset
        self.firstColumn = firstColumn
    }

    init(_ read: (text: String, lineOffset: Int, firstColumn: Int)) {
        self.init(text: read.text, lineOffset: read.lineOffset, firstColumn: read.firstColumn)
    }
}

extension SiteConfig {
    /// The one staleness rule: checked more than `freshness_days` before `today`.
    /// Records, sources and the lists that show them all ask here.
    func isStale(_ checked: PartialDate, today: PartialDate) -> Bool {
        age(of: checked, today: today) > freshnessDays
    }

    /// Days since `checked`.
    func age(of checked: PartialDate, today: PartialDate) -> Int {
        today.dayNumber - checked.dayNumber
    }
}
