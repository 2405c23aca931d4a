import Foundation
import Testing
@testable import PosGuide

/// A "billion laughs" (nine lines of nested YAML aliases) is refused at its first alias, through the
/// binary, in a provider record, site.yaml, a data file and a page's front matter: one located error
/// each, within seconds and 512 MiB, and the previous output untouched.
@Suite struct YAMLAliasBombTests {
    static var binaryExists: Bool { FileManager.default.isExecutableFile(atPath: PosguideBinary.url.path) }

    /// Nine aliases to nine aliases to … nine strings: 9⁹ (387 million) strings once expanded.
    static func bomb(under key: String? = nil) -> String {
        let names = Array("abcdefghi").map(String.init)
        var lines = ["a: &a [\(Array(repeating: "\"哈\"", count: 9).joined(separator: ", "))]"]
        for (previous, name) in zip(names, names.dropFirst()) {
            lines.append("\(name): &\(name) [\(Array(repeating: "*\(previous)", count: 9).joined(separator: ", "))]")
        }
        guard let key else { return lines.joined(separator: "\n") + "\n" }
        return "\(key):\n" + lines.map { "  " + $0 }.joined(separator: "\n") + "\n"
    }

    @Test(.enabled(if: binaryExists))
    func anAliasBombIsOneLocatedErrorPerFileQuicklyInBoundedMemoryAndThePreviousOutputStays() throws {
        let site = try SiteFixture([
            "content/index.md": "你好\n",
            "content/data/sources.yaml": sourcesYAML,
            "content/providers/example.yaml": provider(),
        ])
        let arguments = ["build", "--source", site.root.path]
        let first = try #require(try PosguideBinary.run(arguments))
        #expect(first.status == 0, "\(first.stderr)")
        let before = FileSystemFailureCLITests.snapshot(site.output)
        #expect(before["providers/example/index.html"] != nil)

        try site.write("content/providers/example.yaml", provider(extra: Self.bomb(under: "laughs")))
        try site.write("content/site.yaml", "title: 测试站\n" + Self.bomb())
        try site.write("content/data/laughs.yaml", Self.bomb())
        try site.write("content/articles/a.md", "---\ntitle: &t 标题\ndescription: *t\n---\n\n正文。\n")

        // Without the check the data file alone outgrows 512 MiB within a second or two (or, with
        // room, runs for hours).
        let running = try BackgroundRun(arguments, memoryLimitKiB: 512 * 1024)
        let run = try #require(running.finish(within: 60), "the build was still running after 60 seconds")
        #expect(run.status == 1, "\(run.stderr)")
        let errors = run.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors == [
            "content/articles/a.md:3:14: error: YAML alias `*t` is not supported (the value anchored at line 2)",
            "content/data/laughs.yaml:2:8: error: YAML alias `*a` is not supported (the value anchored at line 1)",
            "content/providers/example.yaml:13:10: error: YAML alias `*a` is not supported (the value anchored at line 12)",
            "content/site.yaml:3:8: error: YAML alias `*a` is not supported (the value anchored at line 2)",
        ])
        #expect(run.stderr.contains("note: write the value out in full where it is needed"))
        #expect(run.stderr.hasSuffix("posguide: build failed: 4 errors; the previous output was left untouched\n"))
        #expect(FileSystemFailureCLITests.snapshot(site.output) == before)
    }

    @Test func anAnchorWithoutAnAliasIsAcceptedAndAnAliasOfAScalarIsAnError() throws {
        let anchored = YAMLParsing.parse("name: &n 示例\nother: 二\n", path: "x.yaml", lineOffset: 0)
        #expect((try? anchored.get()) != nil)
        let aliased = YAMLParsing.parse("name: &n 示例\nother: *n\n", path: "x.yaml", lineOffset: 0)
        #expect(aliased.failure?.description == "x.yaml:2:8: error: YAML alias `*n` is not supported (the value anchored at line 1)")
        // A `*` in text (Markdown emphasis in a block scalar) is no alias.
        let emphasis = YAMLParsing.parse("verify: |\n  **看**到账短信。\n  *再看*一遍。\n", path: "x.yaml", lineOffset: 0)
        #expect((try? emphasis.get()) != nil)
        // A mapping whose first key is a mapping starts where that key starts: no alias either (fuzz corpus).
        let mappingKey = YAMLParsing.parse("{{template}}: {{planet}}\n", path: "x.yaml", lineOffset: 0)
        #expect((try? mappingKey.get()) != nil)
    }
}

private extension Result {
    var failure: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}
