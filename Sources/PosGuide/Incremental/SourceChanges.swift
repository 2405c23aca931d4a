/// What changed under the site root since the last build, as a file watcher saw it.
public struct SourceChanges: Sendable, Equatable {
    /// Changed files, relative to the site root (`content/articles/fees.md`).
    public var paths: Set<String>
    /// Files were added, removed or renamed (or the watcher lost track): list the tree again.
    public var structural: Bool
    /// Distrust every cached result (the first build, or a watcher overflow).
    public var everything: Bool

    public init(paths: Set<String> = [], structural: Bool = false, everything: Bool = false) {
        self.paths = paths
        self.structural = structural
        self.everything = everything
    }

    public static let all = SourceChanges(structural: true, everything: true)

    public var isEmpty: Bool { paths.isEmpty && !structural && !everything }

    public mutating func formUnion(_ other: SourceChanges) {
        paths.formUnion(other.paths)
        structural = structural || other.structural
        everything = everything || other.everything
    }

    /// Whether a change to `path` could change what a build makes of anything but one page's body:
    /// the config, data, sources, records, guides, assets or templates.
    static func isSiteWide(_ path: String) -> Bool {
        guard path.hasPrefix("content/") else { return true }
        // A record list's intro is a page, but its kind's list and records are rendered with the records.
        return !path.hasSuffix(".md") || path.hasPrefix("content/assets/")
            || RecordKinds.all.contains { path.hasPrefix("content/\($0.folder)/") }
    }
}
