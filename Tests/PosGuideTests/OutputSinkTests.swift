import Foundation
import Testing
@testable import PosGuide

/// Every file of a build goes into the one sink it is handed: memory or the staging folder.
@Suite struct OutputSinkTests {
    static let site = ["content/index.md": "你好\n", "content/articles/a.md": page("甲"), "content/articles/b.md": page("乙")]

    @Test func aMemorySinkGivesItsFilesSortedByPathWhicheverThreadPutThem() {
        let sink = MemorySink()
        let paths = (0..<300).map { "articles/p\($0)/index.html" }
        _ = paths.reversed().parallelMap { path in sink.put(OutputFile(path: path, text: path)) }
        #expect(sink.files.map(\.path) == paths.sorted())
        #expect(sink.files.allSatisfy { (try? $0.data()) == Data($0.path.utf8) })
    }

    @Test func aMemorySinkGivesItsFilesInTheOrderTheyCameFilesPutOneByOneIncluded() {
        let sink = MemorySink(keeping: { !$0.hasPrefix("drop/") })
        sink.put(OutputFile(path: "z.html", text: "1"))
        sink.put([OutputFile(path: "b.html", text: "2"), OutputFile(path: "drop/x.html", text: "-")])
        sink.put(OutputFile(path: "y.html", text: "3"))
        sink.put(OutputFile(path: "drop/y.html", text: "-"))
        sink.put([OutputFile(path: "a.html", text: "4")])
        #expect(sink.inOrder.map { $0.map(\.path) } == [["z.html"], ["b.html"], ["y.html"], ["a.html"]])
        #expect(sink.files.map(\.path) == ["a.html", "b.html", "y.html", "z.html"])
    }

    @Test func aBuildInMemoryKeepsOnlyTheFilesItIsToldToKeep() throws {
        let fixture = try SiteFixture(Self.site)
        let all = SiteBuilder.buildInMemory(fixture.options)
        let kept = SiteBuilder.buildInMemory(fixture.options, keeping: { $0.hasPrefix("articles/") })
        #expect(kept.paths == all.paths.filter { $0.hasPrefix("articles/") })
        #expect(kept.paths.contains("articles/a/index.html"))
        #expect(kept.text("articles/a/index.html") == all.text("articles/a/index.html"))
        // What the build says does not depend on where its files went.
        #expect(kept.statistics.files == all.paths.count)
    }

    @Test func theStagingFolderGetsEveryFileTheMemorySinkGets() throws {
        let fixture = try SiteFixture(Self.site)
        let staging = try OutputWriter.prepareStaging(for: fixture.output)
        defer { staging.discard() }
        let result = SiteBuilder.build(fixture.options, into: staging)
        #expect(staging.firstFailure == nil)
        #expect(!result.diagnostics.hasErrors)
        let inMemory = SiteBuilder.buildInMemory(fixture.options)
        #expect(FileSystem.files(under: staging.url.path).sorted() == inMemory.paths)
        for file in inMemory.files {
            #expect(try FileSystem.contents(of: staging.url.path + "/" + file.path) == file.data(), "\(file.path)")
        }
    }

    @Test func aFileTheStagingFolderCannotWriteFailsTheCommitAndLeavesThePreviousOutput() throws {
        let fixture = try SiteFixture(Self.site)
        #expect(BuildCommand.run(fixture.options, output: fixture.output, strict: false).exitCode == 0)
        let before = try FileSystem.files(under: fixture.output.path).sorted().map { try FileSystem.contents(of: fixture.output.path + "/" + $0) }

        let staging = try OutputWriter.prepareStaging(for: fixture.output)
        staging.put(OutputFile(path: "articles/index.html", text: "列表"))
        // A folder is in the way of this one: the kernel refuses to open it for writing.
        staging.put(OutputFile(path: "articles", text: "文件"))
        let error = try #require(throws: FileSystemError.self) { try OutputWriter.commit(staging, to: fixture.output) }
        #expect(error.description == "cannot write \(staging.url.path)/articles: \(FileSystemError.words(errno: EISDIR))")
        #expect(!FileManager.default.fileExists(atPath: staging.url.path), "the staging folder is discarded")
        let after = try FileSystem.files(under: fixture.output.path).sorted().map { try FileSystem.contents(of: fixture.output.path + "/" + $0) }
        #expect(after == before)
    }

    @Test func aFailedPreviewBuildKeepsServingTheLastGoodOne() throws {
        let fixture = try SiteFixture(Self.site)
        let preview = PreviewSite(options: fixture.options)
        #expect(preview.rebuild(SourceChanges(everything: true)).succeeded)
        let served = preview.snapshot.files
        #expect(served["articles/b/index.html"] != nil)

        try fixture.write("content/articles/b.md", "---\ntitel: 坏\n---\n")
        let failed = preview.rebuild(SourceChanges(paths: ["content/articles/b.md"]))
        #expect(!failed.succeeded)
        #expect(preview.snapshot.failed)
        #expect(preview.snapshot.files == served)

        try fixture.write("content/articles/b.md", page("乙改"))
        #expect(preview.rebuild(SourceChanges(paths: ["content/articles/b.md"])).succeeded)
        #expect(String(decoding: preview.snapshot.files["articles/b/index.html"] ?? Data(), as: UTF8.self).contains("乙改"))
    }
}
