import Foundation
import Testing
@testable import PosGuide

/// Files saved by Windows editors (a UTF-8 byte order mark, CRLF line ends) build, through the
/// binary, exactly as their LF twins: the same HTML, and errors at the same line and column.
@Suite struct ByteOrderMarkAndCRLFTests {
    static var binaryExists: Bool { FileManager.default.isExecutableFile(atPath: PosguideBinary.url.path) }

    /// `text` as Notepad saves it: a byte order mark, then CRLF line ends.
    static func windows(_ text: String) -> Data {
        Data([0xEF, 0xBB, 0xBF]) + Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
    }

    /// Two sites of the same files: one as written, one with every file (templates too) in Windows form.
    static func twins(_ files: [String: String]) throws -> (lf: SiteFixture, windows: SiteFixture) {
        let lf = try SiteFixture(files)
        let windows = try SiteFixture([:])
        for (path, text) in files { try windows.write(path, Self.windows(text)) }
        let templates = windows.root.appendingPathComponent("templates").path
        for relative in FileSystem.files(under: templates) where relative.hasSuffix(".mustache") {
            let text = try #require(FileSystem.read(templates + "/" + relative).map { String(decoding: $0, as: UTF8.self) })
            #expect(!text.contains("\r"), "a repository template already has CRLF: \(relative)")
            try windows.write("templates/" + relative, Self.windows(text))
        }
        return (lf, windows)
    }

    static let siteYAML = """
        title: 测试站
        description: 换行与字节序标记
        base_url: https://posguide.example/
        language: zh-CN
        nav:
          - title: 文章
            url: /articles/
        """ + "\n"

    static let article = """
        ---
        title: 换行测试
        description: |
          第一行，
          第二行。
        tags: [费率, 一清]
        ---

        ## 小节

        一段文字，见[条例](source:state-council-768)。
        行尾两个空格换行：  
        下一行。

        - 一项
        - 二项

        > 引文
        > 第二行

        ```
        代码 第一行
          代码 第二行
        ```

        | 费率 | 说明 |
        | --- | --- |
        | 0.6% | 标准 |
        """ + "\n"

    @Test(.enabled(if: binaryExists))
    func aSiteSavedWithByteOrderMarksAndCRLFBuildsTheSameFilesAsItsLFTwin() throws {
        let (lf, windows) = try Self.twins([
            "content/site.yaml": Self.siteYAML,
            "content/data/sources.yaml": sourcesYAML,
            "content/index.md": "---\ntitle: 首页\n---\n\n你好。\n",
            "content/articles/a.md": Self.article,
            "content/providers/example.yaml": provider(),
        ])
        for site in [lf, windows] {
            let run = try #require(try PosguideBinary.run(["build", "--source", site.root.path]))
            #expect(run.status == 0, "\(run.stderr)")
        }
        let expected = FileSystemFailureCLITests.snapshot(lf.output)
        let built = FileSystemFailureCLITests.snapshot(windows.output)
        #expect(expected["articles/a/index.html"] != nil)
        #expect(expected["providers/example/index.html"] != nil)
        #expect(built.keys.sorted() == expected.keys.sorted())
        for (path, data) in expected where built[path] != data {
            Issue.record("\(path) differs from its LF build")
        }
        // The Windows bytes reached none of the pages.
        for (path, data) in built where path.hasSuffix(".html") {
            #expect(!data.contains(0x0D), "\(path) has a carriage return")
            #expect(!String(decoding: data, as: UTF8.self).contains("\u{FEFF}"), "\(path) has a byte order mark")
        }
    }

    @Test(.enabled(if: binaryExists))
    func errorsInFilesWithByteOrderMarksAndCRLFAreAtTheSameLineAndColumn() throws {
        let (lf, windows) = try Self.twins([
            "content/data/sources.yaml": sourcesYAML,
            // Line 1 (after the byte order mark): the column must not count the mark.
            "content/data/contacts.yaml": "name: 热线: 95000\n",
            "content/articles/a.md": "---\ntitle: 甲\nweight: x\n---\n\n第一段。\n\n见[乙](/no/such/page/)。\n",
            "content/providers/example.yaml": provider(extra: "colour: 蓝\n"),
        ])
        let expected = [
            "content/articles/a.md:3:9: error: `weight` must be a whole number",
            "content/articles/a.md:8:2: error: broken link `/no/such/page/`: no page or file at /no/such/page/",
            "content/data/contacts.yaml:1:9: error: YAML syntax error: mapping values are not allowed in this context",
            "content/providers/example.yaml:11:1: error: unknown key `colour` in provider record",
        ]
        var printed: [String] = []
        for site in [lf, windows] {
            let run = try #require(try PosguideBinary.run(["check", "--source", site.root.path]))
            #expect(run.status == 1)
            let lines = run.stderr.split(separator: "\n").map(String.init).filter { $0.contains(": error: ") }
            #expect(lines == expected)
            printed.append(run.stderr)
        }
        #expect(printed[0] == printed[1])
    }

    @Test(.enabled(if: binaryExists))
    func aTemplateErrorInACRLFTemplateIsAtItsOwnLineAndColumn() throws {
        let footer = "<footer>\n  <p>页脚</p>\n  {{#site}}<span>{{title}}</span>\n</footer>\n"
        var messages: [String] = []
        for windows in [false, true] {
            let site = try SiteFixture(["content/index.md": "你好\n"])
            try site.write("templates/footer.mustache", windows ? Self.windows(footer) : Data(footer.utf8))
            let run = try #require(try PosguideBinary.run(["check", "--source", site.root.path]))
            #expect(run.status == 1)
            messages.append(run.stderr)
        }
        #expect(messages[0].hasPrefix("templates/footer.mustache:3:3: error: template syntax error: `{{#site}}` is never closed (missing `{{/site}}`)\n"), "\(messages[0])")
        #expect(messages[1] == messages[0])
    }
}
