import Foundation
import PosGuide
import Synchronization

/// What the server shows right now: the last good build and whether a newer one failed.
/// Replaced whole after each rebuild; requests read it under a lock.
struct PreviewState: Sendable {
    var snapshot = PreviewSite.Snapshot()
    /// Identifies the build a served page came from, so a browser that reconnects can tell it missed one.
    var buildID = ""

    /// One entry per error, as `check` prints it: the `note:` line with the fix included.
    var errorLines: [String] {
        snapshot.diagnostics.filter { $0.severity == .error }.map(\.formatted)
    }
}

final class PreviewStateBox: Sendable {
    private let state = Mutex(PreviewState())

    var current: PreviewState {
        state.withLock { $0 }
    }

    func replace(_ newState: PreviewState) {
        state.withLock { $0 = newState }
    }
}
