/// Everything under `content/`, loaded and validated file by file.
struct SiteContent: Sendable {
    var config: SiteConfig
    var pages: [PageSource]
    /// Each kind's records (`RecordKinds.all`), by folder, in listing order.
    var records: [String: [ContentRecord]]
    /// Record folders with any file in them: a kind without one publishes nothing (unless it always lists).
    var recordFolders: Set<String> = []
    var guides: [GuideDefinition]
    var sources: SourceRegistry
    /// `content/data/<name>.yaml`: plain values by name, and the typed fees and MCC table.
    var data: DataValues
    /// Files under `content/assets/`, as paths relative to it.
    var assets: [String]
    /// Draft pages this build leaves out: source file -> the site path they would have.
    /// Links to them are reported as links to drafts, not to nothing.
    var drafts: [String: String] = [:]
    /// Pages and records whose files have errors that keep them out: source file -> site path.
    /// Their own errors say what to fix; links to them are not reported again.
    var withErrors: [String: String] = [:]
}

/// The data files: plain YAML values for templates, and the typed forms the site's own code
/// reads. Read-only after loading, so safe to share between threads.
struct DataValues: @unchecked Sendable {
    var values: [String: Any] = [:]
    /// `fees.yaml`'s schedules, for `fee-table`; empty without the file.
    var fees = FeeSchedules()
    /// `mcc.yaml`, for `merchant-number` and `posguide decode`; empty without the file.
    var mcc = MCCTable()
}
