import Foundation
import Testing
@testable import PosGuide

/// The words docs/bad-input.md quotes where no other test holds them: each message exactly as the
/// binary prints (or the preview server answers) it.
@Suite struct BadInputMessageTests {
    static var binaryExists: Bool { FileManager.default.isExecutableFile(atPath: PosguideBinary.url.path) }

    @Test(.enabled(if: binaryExists))
    func feeUsageErrorsNameTheFieldInWords() throws {
        let cases: [([String], String)] = [
            (["--amount", "100", "--rate", "x"], "posguide: error: --rate `x` is not a percentage like 0.6 or 0.38\n"),
            (["--amount", "100", "--rate", "0.6", "--txn-count=-1"], "posguide: error: --txn-count must not be negative\n"),
            (["--amount", "100", "--rate", "0.6", "--per-txn-fee", "1", "--txn-count", "99999999999999999"],
             "posguide: error: --txn-count `99999999999999999` is above the largest value the tools accept (1000000)\n"),
        ]
        for (arguments, message) in cases {
            let run = try #require(try PosguideBinary.run(["fee"] + arguments))
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stderr == message)
            #expect(run.stdout.isEmpty)
        }
    }

    @Test(.enabled(if: binaryExists))
    func rawHTMLIsAWarningWithTheSwitchInItsNoteAndAnErrorWithStrict() throws {
        let site = try SiteFixture(["content/index.md": "你好\n", "content/articles/a.md": page("甲", "<b>粗</b>")])
        let run = try #require(try PosguideBinary.run(["build", "--source", site.root.path]))
        #expect(run.status == 0)
        // One warning per tag; the note, once for the kind, after them.
        #expect(run.stderr == """
            content/articles/a.md:5:1: warning: raw HTML dropped: <b>
            content/articles/a.md:5:5: warning: raw HTML dropped: </b>
            note: write it in Markdown, or set `allow_raw_html: true` in content/site.yaml

            """)
        let strict = try #require(try PosguideBinary.run(["build", "--source", site.root.path, "--strict"]))
        #expect(strict.status == 1)
    }

    @Test(.enabled(if: binaryExists))
    func theServerAnswersABadPathWith400InWordsAndAnotherMethodWith405NamingTheAllowedOnes() throws {
        let site = try ServedSite()
        for target in ["/../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%5c..%5csecret.txt", "/assets/%00", "/%zz"] {
            let response = try site.client.request(target)
            #expect(response.status == 400, "\(target)")
            #expect(response.text == "bad request path\n", "\(target)")
        }
        let post = try site.client.request("/", method: "POST")
        #expect(post.status == 405)
        #expect(post.headers["allow"] == "GET, HEAD")
        #expect(site.interrupt() == 0)
    }
}
