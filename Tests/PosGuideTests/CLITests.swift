import Foundation
import Testing
@testable import PosGuide

/// The built `posguide` binary, end to end: stdout, stderr and exit codes.
@Suite struct CLITests {
    var binaryExists: Bool { FileManager.default.isExecutableFile(atPath: PosguideBinary.url.path) }

    func run(_ arguments: [String]) throws -> PosguideBinary.Run {
        try PosguideBinary.run(arguments)!
    }

    @Test func buildPrintsOneSummaryLine() throws {
        guard binaryExists else { return }  // `swift test` builds it; a filtered run may not
        let site = try SiteFixture(["content/index.md": "你好\n", "content/articles/a.md": page("甲")])
        let run = try run(["build", "--source", site.root.path])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("built 6 pages, 15 files in ") == true)  // the theme's favicon.svg, favicon.ico and search.js, /favicon.ico and /search/
        #expect(run.stderr.isEmpty)
    }

    @Test func contentErrorExitsOneWithLocatedDiagnostics() throws {
        guard binaryExists else { return }
        let site = try SiteFixture(["content/articles/a.md": "---\ntitle: 甲\nweight: x\n---\n"])
        let run = try run(["build", "--source", site.root.path])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("content/articles/a.md:3:9: error: `weight` must be a whole number\n"))
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test func usageErrorExitsTwo() throws {
        guard binaryExists else { return }
        #expect(try run(["build", "--no-such-flag"]).status == 2)
        #expect(try run(["build", "--base-url", "ftp://x"]).status == 2)
        #expect(try run(["frobnicate"]).status == 2)
    }

    @Test func helpExitsZero() throws {
        guard binaryExists else { return }
        let run = try run(["--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("build"))
        #expect(run.stdout.contains("check"))
        #expect(run.stdout.contains("render"))
    }

    @Test func renderPrintsBodyHTMLWithTheSitesSources() throws {
        guard binaryExists else { return }
        let site = try SiteFixture([
            "content/data/sources.yaml": sourcesYAML,
            "content/articles/a.md": page("甲", "## 小节\n\n见[条例](source:state-council-768)。"),
        ])
        let run = try run(["render", site.root.appendingPathComponent("content/articles/a.md").path])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("<h2 id=\"小节\">小节</h2>\n<p>见<a class=\"citation\" href=\"#source-state-council-768\">条例<sup>[1]</sup></a>。</p>\n"))
        #expect(run.stdout.contains("<section id=\"sources\""))
    }

    @Test func renderWorksOutsideASite() throws {
        guard binaryExists else { return }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("posguide-render-\(UUID().uuidString).md")
        try "# 标题\n\n*强调*\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let run = try run(["render", file.path])
        #expect(run.status == 0)
        #expect(run.stdout == "<h1 id=\"标题\">标题</h1>\n<p><em>强调</em></p>\n")
    }

    @Test func checkWritesNothing() throws {
        guard binaryExists else { return }
        let site = try SiteFixture(["content/index.md": "你好\n"])
        let run = try run(["check", "--source", site.root.path])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("checked "))
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }
}
