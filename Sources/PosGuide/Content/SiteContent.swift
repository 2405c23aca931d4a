/// Everything under `content/`, loaded and validated file by file.
public struct SiteContent: Sendable {
    public var config: SiteConfig
    public var pages: [PageSource]
    /// Each kind's records (`RecordKinds.all`), by folder, in listing order.
    public var records: [String: [ContentRecord]]
    /// Record folders with any file in them: a kind without one publishes nothing (unless it always lists).
    public var recordFolders: Set<String> = []
    public var guides: [GuideDefinition]
    public var sources: SourceRegistry
    /// `content/data/<name>.yaml`: plain values by name, and the typed fees and MCC table.
    public var data: DataValues
    /// Files under `content/assets/`, as paths relative to it.
    public var assets: [String]
    /// Draft pages this build leaves out: source file -> the site path they would have.
    /// Links to them are reported as links to drafts, not to nothing.
    public var drafts: [String: String] = [:]
    /// Pages and records whose files have errors that keep them out: source file -> site path.
    /// Their own errors say what to fix; links to them are not reported again.
    public var withErrors: [String: String] = [:]
}

/// The data files: plain YAML values for templates, and the typed forms the site's own code
/// reads. Read-only after loading, so safe to share between threads.
public struct DataValues: @unchecked Sendable {
    public var values: [String: Any] = [:]
    /// `fees.yaml`'s schedules, for `fee-table`; empty without the file.
    public var fees = FeeSchedules()
    /// `mcc.yaml`, for `merchant-number` and `posguide decode`; empty without the file.
    public var mcc = MCCTable()
}
