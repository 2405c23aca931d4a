import Foundation
import Testing
@testable import PosGuide

/// Writing is all or nothing, and never touches a folder posguide did not make.
@Suite struct OutputWriterTests {
    func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let relative = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: folder.appendingPathComponent(relative).path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files[relative] = try Data(contentsOf: folder.appendingPathComponent(relative)) }
        }
        return files
    }

    func siblings(of folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.deletingLastPathComponent().path).filter { $0.contains("posguide-") }
    }

    @Test func writesTheSiteAndItsMarker() throws {
        let site = try SiteFixture(["content/index.md": "你好\n", "content/articles/a.md": page("甲")])
        let result = BuildCommand.run(site.options, output: site.output, strict: false)
        #expect(result.exitCode == 0)
        #expect(result.stdout.hasPrefix("built "))
        let files = try snapshot(site.output)
        #expect(files[OutputWriter.markerName] != nil)
        #expect(files["index.html"] != nil)
        #expect(files["articles/a/index.html"] != nil)
    }

    @Test func replacesPreviousOutputWhole() throws {
        let site = try SiteFixture(["content/index.md": "你好\n", "content/articles/a.md": page("甲"), "content/articles/b.md": page("乙")])
        #expect(BuildCommand.run(site.options, output: site.output, strict: false).exitCode == 0)
        try site.remove("content/articles/b.md")
        try site.write("content/articles/a.md", page("甲改"))
        #expect(BuildCommand.run(site.options, output: site.output, strict: false).exitCode == 0)
        let files = try snapshot(site.output)
        #expect(files["articles/b/index.html"] == nil)
        #expect(String(decoding: files["articles/a/index.html"] ?? Data(), as: UTF8.self).contains("<h1 data-pagefind-body data-pagefind-weight=\"10\">甲改</h1>"))
        // The previous output is deleted in the background (OutputTrashTests).
        #expect(try OutputTrashTests.eventually { try siblings(of: site.output).isEmpty })
    }

    @Test func failedBuildLeavesPreviousOutputByteForByte() throws {
        let site = try SiteFixture(["content/index.md": "你好\n", "content/articles/a.md": page("甲")])
        #expect(BuildCommand.run(site.options, output: site.output, strict: false).exitCode == 0)
        let before = try snapshot(site.output)
        try site.write("content/articles/a.md", "---\ntitel: 坏\n---\n")
        try site.write("content/articles/c.md", page("丙"))
        let result = BuildCommand.run(site.options, output: site.output, strict: false)
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("the previous output was left untouched"))
        #expect(try snapshot(site.output) == before)
        #expect(try siblings(of: site.output).isEmpty)
    }

    @Test func refusesToReplaceForeignOutputFolder() throws {
        let site = try SiteFixture(["content/index.md": "你好\n"])
        try site.write("public/notes.txt", "my own file")
        let result = BuildCommand.run(site.options, output: site.output, strict: false)
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("refusing to replace \(site.output.path): the folder is not empty and has no .posguide-output marker"))
        #expect(try snapshot(site.output) == ["notes.txt": Data("my own file".utf8)])
    }

    @Test func acceptsAnEmptyExistingFolder() throws {
        let site = try SiteFixture(["content/index.md": "你好\n"])
        try FileManager.default.createDirectory(at: site.output, withIntermediateDirectories: true)
        #expect(BuildCommand.run(site.options, output: site.output, strict: false).exitCode == 0)
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("index.html").path))
    }

    @Test func refusesAnOutputPathThatIsAFile() throws {
        let site = try SiteFixture(["content/index.md": "你好\n", "public": "a file"])
        let result = BuildCommand.run(site.options, output: site.output, strict: false)
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("is a file, not a folder"))
        #expect(try String(contentsOf: site.output, encoding: .utf8) == "a file")
    }

    @Test func writesCopiedAssetsAndNestedFolders() throws {
        let site = try SiteFixture(["content/index.md": "你好\n", "content/assets/img/a.svg": "<svg/>"])
        #expect(BuildCommand.run(site.options, output: site.output, strict: false).exitCode == 0)
        #expect(try String(contentsOf: site.output.appendingPathComponent("assets/img/a.svg"), encoding: .utf8) == "<svg/>")
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("assets/site.css").path))
    }
}
