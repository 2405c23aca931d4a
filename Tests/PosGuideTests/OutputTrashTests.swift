import Foundation
import Testing
@testable import PosGuide

/// The output a build replaces is deleted in the background, and only posguide's own trash is ever deleted.
@Suite struct OutputTrashTests {
    /// Polls `condition` for up to 20 seconds (the machine may be busy).
    static func eventually(_ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if try condition() { return true }
            usleep(50_000)
        }
        return try condition()
    }

    func exists(_ url: URL) -> Bool {
        FileManager.default.fileExists(atPath: url.path)
    }

    func trashFolders(beside output: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)
            .filter { $0.hasPrefix(Trash.prefix(of: output)) }
    }

    /// A folder like an old output: pages, a nested folder, and (when `marked`) the marker.
    func makeOldTree(_ url: URL, marked: Bool) throws {
        try FileManager.default.createDirectory(at: url.appendingPathComponent("articles/a"), withIntermediateDirectories: true)
        try Data("旧".utf8).write(to: url.appendingPathComponent("articles/a/index.html"))
        try Data("旧".utf8).write(to: url.appendingPathComponent("index.html"))
        if marked { try Data(OutputWriter.markerText.utf8).write(to: url.appendingPathComponent(OutputWriter.markerName)) }
    }

    @Test func theReplacedOutputDisappearsAfterTheBuildHasReturned() throws {
        let site = try SiteFixture(["content/index.md": "你好\n", "content/articles/a.md": page("甲"), "content/articles/b.md": page("乙")])
        #expect(BuildCommand.run(site.options, output: site.output, strict: false).exitCode == 0)
        try site.remove("content/articles/b.md")
        #expect(BuildCommand.run(site.options, output: site.output, strict: false).exitCode == 0)
        #expect(exists(site.output.appendingPathComponent("articles/a/index.html")))
        #expect(!exists(site.output.appendingPathComponent("articles/b/index.html")))
        #expect(try Self.eventually { try trashFolders(beside: site.output).isEmpty })
    }

    @Test func aLeftoverTrashFolderWithTheMarkerIsRemovedByTheNextBuild() throws {
        let site = try SiteFixture(["content/index.md": "你好\n"])
        let leftover = site.root.appendingPathComponent(Trash.prefix(of: site.output) + "999999-1")
        try makeOldTree(leftover, marked: true)
        #expect(BuildCommand.run(site.options, output: site.output, strict: false).exitCode == 0)
        #expect(try Self.eventually { !exists(leftover) })
    }

    @Test func aFolderWithoutTheMarkerIsNeverTouchedWhateverItsName() throws {
        let site = try SiteFixture(["content/index.md": "你好\n"])
        let unmarked = site.root.appendingPathComponent(Trash.prefix(of: site.output) + "999999-2")
        let marked = site.root.appendingPathComponent(Trash.prefix(of: site.output) + "999999-3")
        try makeOldTree(unmarked, marked: false)
        try makeOldTree(marked, marked: true)
        // A link to a marked folder is not a trash folder either: neither it nor its target is touched.
        let target = site.root.appendingPathComponent("keep")
        try makeOldTree(target, marked: true)
        let link = site.root.appendingPathComponent(Trash.prefix(of: site.output) + "999999-4")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        #expect(BuildCommand.run(site.options, output: site.output, strict: false).exitCode == 0)
        #expect(BuildCommand.run(site.options, output: site.output, strict: false).exitCode == 0)
        #expect(try Self.eventually { try !exists(marked) && trashFolders(beside: site.output).count == 2 })
        #expect(exists(unmarked.appendingPathComponent("articles/a/index.html")))
        #expect(exists(target.appendingPathComponent(OutputWriter.markerName)))
        #expect(exists(target.appendingPathComponent("articles/a/index.html")))
    }

    @Test func onlyStagingFoldersNamedForAProcessThatNoBuildHoldsAreSwept() throws {
        let site = try SiteFixture([:])
        let prefix = StagingFolder.prefix(of: site.output)
        // A build running now: its folder is locked for as long as it is open.
        let running = try StagingFolder.make(beside: site.output)
        try makeOldTree(running.url, marked: false)
        let killed = site.root.appendingPathComponent(prefix + "999999")
        let notOurs = site.root.appendingPathComponent(prefix + "notes")
        try makeOldTree(killed, marked: false)
        try makeOldTree(notOurs, marked: false)
        let target = site.root.appendingPathComponent("keep")
        try makeOldTree(target, marked: false)
        try FileManager.default.createSymbolicLink(at: site.root.appendingPathComponent(prefix + "999998"), withDestinationURL: target)

        #expect(StagingFolder.sweep(beside: site.output) == [killed.path])
        #expect(Self.eventually { !exists(killed) })
        #expect(exists(running.url.appendingPathComponent("articles/a/index.html")))
        #expect(exists(notOurs.appendingPathComponent("articles/a/index.html")))
        #expect(exists(target.appendingPathComponent("articles/a/index.html")))
        withExtendedLifetime(running) {}
    }

    @Test func aDeletionCutShortKeepsTheMarkerSoTheNextBuildFinishesIt() throws {
        // The background script deletes the marker last: run its first half alone.
        let site = try SiteFixture([:])
        let trash = site.root.appendingPathComponent(Trash.prefix(of: site.output) + "1-1")
        try makeOldTree(trash, marked: true)
        let firstHalf = Trash.script.components(separatedBy: "; cd / &&")[0]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", firstHalf, "sh", trash.path]
        try process.run()
        process.waitUntilExit()
        #expect(try FileManager.default.contentsOfDirectory(atPath: trash.path) == [OutputWriter.markerName])
        #expect(Trash.sweep(beside: site.output) == [trash.path])
        #expect(Self.eventually { !exists(trash) })
    }
}
