import Foundation
import Testing
@testable import PosGuide
@testable import PosGuidePreview
import Synchronization

/// `serve` prints each rebuild's warnings grouped, as `build` does.
@Suite struct ServeWarningTests {
    final class Terminal: Sendable {
        private let text = Mutex("")
        @Sendable func log(_ line: String, _ isError: Bool) {
            text.withLock { $0 += line + "\n" }
        }
        var printed: String {
            text.withLock { $0 }
        }
    }

    func rebuild(verbose: Bool) throws -> String {
        let fixture = try DiagnosticReportTests().site()
        let terminal = Terminal()
        let rebuilder = Rebuilder(site: PreviewSite(options: fixture.options), state: PreviewStateBox(), events: EventHub(),
                                  verbose: verbose, log: terminal.log)
        _ = rebuilder.initialBuild()
        return terminal.printed
    }

    @Test func aRebuildPrintsTheFirstFiveOfEachKindAndCountsTheRest() throws {
        let printed = try rebuild(verbose: false)
        #expect(DiagnosticReportTests.lines(printed, containing: ": warning: external link to ").count == 5)
        #expect(DiagnosticReportTests.lines(printed, containing: "… and ") == [
            "… and 25 more \"external link not on allowed_domains\" (posguide serve -v lists them all)",
        ])
    }

    @Test func verbosePrintsEveryWarningOfARebuild() throws {
        let printed = try rebuild(verbose: true)
        #expect(DiagnosticReportTests.lines(printed, containing: ": warning: ").count == 32)
    }
}
