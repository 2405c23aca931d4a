import Foundation

/// What to build and how.
public struct BuildOptions: Sendable {
    /// The site root: the folder holding `content/` and `templates/`.
    public var source: URL
    /// Where every source file the build reads comes from: a `DiskTree` at `source` unless set.
    var tree: any SourceTree {
        get { chosenTree ?? DiskTree(root: source) }
        set { chosenTree = newValue }
    }
    private var chosenTree: (any SourceTree)?
    /// Overrides `base_url` from site.yaml (e.g. a staging host).
    var baseURL: String?
    /// The day the build counts record freshness from.
    var today: PartialDate
    var includeDrafts = false
    /// Also render the guides to PDF (`build --with-pdf`, `export --pdf`). Off in
    /// ordinary builds and the preview: WeasyPrint takes seconds, the rest milliseconds.
    var pdf: PDFOptions?
    /// How a `base_url` from site.yaml on a reserved name (`.example`, `localhost`, …) is reported:
    /// `build`, `check` and `export` warn (`--strict`: error); nil, for the preview and library callers, says nothing.
    var reservedAddress: Diagnostic.Severity?
    /// Links start at the host's root whatever path `base_url` has: the preview serves the site at `/`.
    var servesAtRoot = false

    public init(source: URL, baseURL: String? = nil, today: PartialDate = .today(), includeDrafts: Bool = false, pdf: PDFOptions? = nil) {
        self.source = source
        self.baseURL = baseURL
        self.today = today
        self.includeDrafts = includeDrafts
        self.pdf = pdf
    }
}

extension PartialDate {
    /// Today in China Standard Time, or `SOURCE_DATE_EPOCH` when set (reproducible builds).
    public static func today(environment: [String: String] = ProcessInfo.processInfo.environment) -> PartialDate {
        let seconds = environment["SOURCE_DATE_EPOCH"].flatMap(Int.init) ?? Int(Date().timeIntervalSince1970)
        // Readers and editors are in UTC+8; a record checked "today" there is fresh today.
        return PartialDate(dayNumber: (seconds + 8 * 3600) / 86400)
    }
}
