import Foundation
import Testing
@testable import PosGuide

/// Builds that do not end normally, through the binary: one killed with SIGKILL while it writes
/// its staging folder, and two started at once into the same output.
@Suite struct InterruptedBuildTests {
    static var binaryExists: Bool { FileManager.default.isExecutableFile(atPath: PosguideBinary.url.path) }

    static let pageCount = 1_500

    /// A site large enough that a debug build writes its pages for a few hundred milliseconds;
    /// every page says which `version` of the content it was built from.
    static func corpus(version: String) throws -> SiteFixture {
        let site = try SiteFixture(["content/index.md": "你好\n"])
        try write(version, into: site)
        return site
    }

    static func write(_ version: String, into site: SiteFixture) throws {
        let sections = (1...12).map { "## 第\($0)节\n\n一清结算到同名账户，核对签购单上的商户编号。版本 \(version)。" }.joined(separator: "\n\n")
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("content/articles"), withIntermediateDirectories: true)
        for number in 0..<pageCount {
            // Plain writes: `Data.write` took seconds for a corpus this size.
            try OutputWriter.write(Data(page("第\(number)篇", sections).utf8), to: site.root.path + "/content/articles/p\(number).md")
        }
    }

    /// Deletes the site with `FileTree` (seconds faster than the fixture's `FileManager` for a corpus this size).
    static func clear(_ site: SiteFixture) {
        try? FileTree.remove(site.root.path)
    }

    /// The version each built article says it is, counted.
    static func versions(in output: [String: Data]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for (path, data) in output where path.hasPrefix("articles/p") && path.hasSuffix("/index.html") {
            let text = String(decoding: data, as: UTF8.self)
            let version = ["v1", "v2"].first { text.contains("版本 \($0)。") } ?? "none"
            counts[version, default: 0] += 1
        }
        return counts
    }

    /// The staging and trash folders beside `output`.
    static func leftovers(beside output: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)
            .filter { $0.hasPrefix(StagingFolder.prefix(of: output)) || $0.hasPrefix(Trash.prefix(of: output)) }
    }

    /// The staging folder of the build of process `pid`.
    static func staging(of pid: Int32, beside output: URL) -> String {
        output.deletingLastPathComponent().path + "/" + StagingFolder.prefix(of: output) + "\(pid)"
    }

    /// Whether the build of process `pid` is writing pages into its staging folder (and has not swapped it in).
    static func isWritingPages(_ pid: Int32, beside output: URL) -> Bool {
        let staging = staging(of: pid, beside: output)
        let written = (try? FileManager.default.contentsOfDirectory(atPath: staging + "/articles").count) ?? 0
        return written >= 20 && !FileManager.default.fileExists(atPath: staging + "/" + OutputWriter.markerName)
    }

    /// The inode of the folder at `path`, which stays with it when it is renamed or exchanged.
    static func inode(_ path: String) -> UInt64? {
        var info = stat()
        return lstat(path, &info) == 0 ? UInt64(info.st_ino) : nil
    }

    /// The corpus at version v1, built once: the site, the build's arguments and the output.
    /// Call `clear` on the site when done.
    static func builtCorpus() throws -> (site: SiteFixture, arguments: [String], output: [String: Data]) {
        let site = try corpus(version: "v1")
        let arguments = ["build", "--source", site.root.path]
        let first = try #require(try PosguideBinary.run(arguments))
        #expect(first.status == 0, "\(first.stderr)")
        let output = FileSystemFailureCLITests.snapshot(site.output)
        #expect(versions(in: output) == ["v1": pageCount])
        return (site, arguments, output)
    }

    @Test(.enabled(if: binaryExists))
    func aBuildKilledWhileWritingLeavesThePreviousOutputWholeAndTheNextBuildClearsItsStagingFolder() throws {
        let (site, arguments, before) = try Self.builtCorpus()
        defer { Self.clear(site) }

        try Self.write("v2", into: site)
        let killed = try BackgroundRun(arguments)
        try #require(killed.waitWhileRunning(upTo: 60) { Self.isWritingPages(killed.pid, beside: site.output) },
                     "the build ended before it was seen writing pages")
        killed.killNow()
        #expect(killed.process.terminationReason == .uncaughtSignal)
        #expect(FileSystemFailureCLITests.snapshot(site.output) == before)
        // What the next build finds: the killed build's half-written staging folder.
        #expect(try Self.leftovers(beside: site.output) == [StagingFolder.prefix(of: site.output) + "\(killed.pid)"])

        let next = try #require(try PosguideBinary.run(arguments))
        #expect(next.status == 0, "\(next.stderr)")
        #expect(next.stderr.isEmpty)
        let after = FileSystemFailureCLITests.snapshot(site.output)
        #expect(after.keys.sorted() == before.keys.sorted())
        #expect(Self.versions(in: after) == ["v2": Self.pageCount])
        // The leftover went to the trash, and the trash is emptied in the background.
        #expect(try OutputTrashTests.eventually { try Self.leftovers(beside: site.output).isEmpty })
    }

    @Test(.enabled(if: binaryExists))
    func twoBuildsAtOnceIntoOneOutputBothSucceedAndTheOutputIsWhollyOneOfThem() throws {
        let (site, arguments, before) = try Self.builtCorpus()
        defer { Self.clear(site) }
        // The second build's content, in a site of its own, built into the first site's output.
        let newerSite = try Self.corpus(version: "v2")
        defer { Self.clear(newerSite) }

        // The second starts as soon as the first is writing pages.
        let older = try BackgroundRun(arguments)
        try #require(older.waitWhileRunning(upTo: 60) { Self.isWritingPages(older.pid, beside: site.output) },
                     "the first build ended before it was seen writing pages")
        let olderStaging = Self.staging(of: older.pid, beside: site.output)
        let olderFolder = try #require(Self.inode(olderStaging))
        try #require(older.process.isRunning, "the first build ended before the second started")
        let newer = try BackgroundRun(["build", "--source", newerSite.root.path, "--output", site.output.path])
        // The second build has swept the staging folders beside the output once its own exists: the
        // first build's, being written, must still be where it was (or, swapped in, be the output).
        try #require(newer.waitWhileRunning(upTo: 60) { FileManager.default.fileExists(atPath: Self.staging(of: newer.pid, beside: site.output)) })
        #expect(Self.inode(olderStaging) == olderFolder || Self.inode(site.output.path) == olderFolder)

        let olderRun = try #require(older.finish(within: 120))
        let newerRun = try #require(newer.finish(within: 120))
        #expect(olderRun.status == 0, "\(olderRun.stderr)")
        #expect(newerRun.status == 0, "\(newerRun.stderr)")
        let after = FileSystemFailureCLITests.snapshot(site.output)
        #expect(after.keys.sorted() == before.keys.sorted())
        // Whichever swapped last: all of it, never pages of both.
        let versions = Self.versions(in: after)
        #expect(versions == ["v1": Self.pageCount] || versions == ["v2": Self.pageCount], "\(versions)")
        #expect(try OutputTrashTests.eventually { try Self.leftovers(beside: site.output).isEmpty })
    }
}
