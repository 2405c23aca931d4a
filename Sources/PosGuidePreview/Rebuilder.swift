import Foundation
import PosGuide

/// Runs the preview's rebuilds one at a time on a queue of their own, folding changes that
/// arrive during a rebuild into the next one, and publishes each result to the server and browsers.
// Unchecked: `pending` and `scheduled` are behind `lock`; the rest is constant or used only on the serial `queue`.
final class Rebuilder: @unchecked Sendable {
    private let site: PreviewSite
    private let state: PreviewStateBox
    private let events: EventHub
    private let log: @Sendable (String, Bool) -> Void
    private let verbose: Bool
    /// Pagefind over the preview's pages, when it is installed.
    private let search: PreviewSearchIndex?
    /// The search index of the last good build, served under `/pagefind/` beside its pages.
    private var searchFiles: [String: Data] = [:]
    private let queue = DispatchQueue(label: "posguide.preview.rebuild")
    private let lock = NSLock()
    private var pending = SourceChanges()
    private var scheduled = false
    private var buildCount = 0
    /// Paths changed by rebuilds that were not published because newer changes had already arrived.
    private var unpublished: [String] = []
    /// When the first of those rebuilds finished: past `maxUnpublished`, the next one is published anyway.
    private var unpublishedSince: Date?
    /// How long a stream of saves may keep the browsers waiting.
    private let maxUnpublished: TimeInterval = 0.3
    /// Runs after each rebuild, before its result is published (tests use it to save files mid-rebuild).
    var afterRebuild: (() -> Void)?
    /// Distinguishes this server's builds from a previous run's, for browsers that reconnect.
    private let session = String(UInt64(Date().timeIntervalSince1970 * 1000), radix: 36)

    /// `log(line, isError)` prints to the terminal.
    init(site: PreviewSite, state: PreviewStateBox, events: EventHub, search: PreviewSearchIndex? = nil, verbose: Bool = false,
         log: @escaping @Sendable (String, Bool) -> Void) {
        self.site = site
        self.search = search
        self.verbose = verbose
        self.state = state
        self.events = events
        self.log = log
    }

    /// The first build, before the server starts; returns the rebuild for the caller to report.
    func initialBuild() -> PreviewSite.Rebuild {
        queue.sync { run(.all, announce: false) }
    }

    /// Schedules a rebuild for `changes`; changes that arrive while one runs wait for the next.
    func submit(_ changes: SourceChanges) {
        lock.lock()
        pending.formUnion(changes)
        let start = !scheduled
        scheduled = true
        lock.unlock()
        guard start else { return }
        queue.async {
            self.lock.lock()
            let changes = self.pending
            self.pending = SourceChanges()
            self.scheduled = false
            self.lock.unlock()
            self.run(changes, announce: true)
        }
    }

    @discardableResult
    private func run(_ changes: SourceChanges, announce: Bool) -> PreviewSite.Rebuild {
        var rebuild = site.rebuild(changes)
        afterRebuild?()
        // Files saved together (a page and the page that links to it) can reach the watcher a few
        // milliseconds apart: when more changes came in during this rebuild, its result is not shown
        // (it may be half of an edit); the next rebuild, already due, publishes both.
        lock.lock()
        let superseded = scheduled
        lock.unlock()
        if announce, superseded, Date().timeIntervalSince(unpublishedSince ?? Date()) < maxUnpublished {
            unpublished += rebuild.changed
            if unpublishedSince == nil { unpublishedSince = Date() }
            return rebuild
        }
        // A failed rebuild keeps them for the next good one: its browsers were never told.
        if rebuild.succeeded, !unpublished.isEmpty {
            rebuild.changed = Array(Set(rebuild.changed + unpublished)).sorted()
            unpublished = []
        }
        unpublishedSince = nil
        var newState = state.current
        newState.snapshot = site.snapshot
        // The index is made before the new build is served: a page and its search results change together.
        if rebuild.succeeded, let search, !rebuild.changed.isEmpty || searchFiles.isEmpty {
            do {
                let (files, report) = try search.index(site.snapshot.files)
                // A new index reloads the search page like any changed asset, even when its HTML is as it was.
                let entry = SearchIndexer.folder + "/pagefind-entry.json"
                if !searchFiles.isEmpty, files[entry] != searchFiles[entry] { rebuild.changed.append("/" + entry) }
                searchFiles = files
                if verbose { log("search index of \(report.pages) pages in \(report.milliseconds) ms", false) }
            } catch {
                log("posguide: warning: the search index was not updated: \(error)", true)
            }
        }
        newState.snapshot.files.merge(searchFiles) { page, _ in page }
        if rebuild.succeeded, !rebuild.changed.isEmpty || newState.buildID.isEmpty {
            buildCount += 1
            newState.buildID = "\(session)-\(buildCount)"
        }
        state.replace(newState)

        // Browsers first: the terminal's report (every warning of the site, again) takes a while to write.
        let errors = newState.errorLines
        if rebuild.succeeded {
            events.broadcast(EventHub.encode(event: "reload", data: LiveEvents.reload(changed: rebuild.changed, milliseconds: rebuild.milliseconds, buildID: newState.buildID)))
        } else {
            events.broadcast(EventHub.encode(event: "error", data: LiveEvents.error(errors)))
        }
        for line in DiagnosticReport(rebuild.diagnostics, command: "posguide serve", verbose: verbose).lines { log(line, true) }
        if verbose {
            log(rebuild.statistics.stages.map { "\($0.name) \($0.milliseconds) ms" }.joined(separator: ", "), false)
        }
        if rebuild.succeeded {
            if announce {
                let shown = rebuild.changed.prefix(3).joined(separator: " ")
                let more = rebuild.changed.count > 3 ? " and \(rebuild.changed.count - 3) more" : ""
                log("rebuilt in \(rebuild.milliseconds) ms: " + (rebuild.changed.isEmpty ? "nothing changed" : "\(shown)\(more)"), false)
            }
        } else {
            log("rebuild failed in \(rebuild.milliseconds) ms: \(errors.count) error\(errors.count == 1 ? "" : "s"); still serving the last good build", true)
        }
        return rebuild
    }
}
