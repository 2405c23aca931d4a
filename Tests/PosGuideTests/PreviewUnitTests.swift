import Foundation
import Testing
@testable import PosGuide
@testable import PosGuidePreview

@Suite struct RequestPathTests {
    @Test func resolvesSitePathsToOutputFiles() {
        #expect(RequestPath.resolve("/") == .file("index.html"))
        #expect(RequestPath.resolve("/articles/fees/") == .file("articles/fees/index.html"))
        #expect(RequestPath.resolve("/articles/fees/?from=home") == .file("articles/fees/index.html"))
        #expect(RequestPath.resolve("/assets/site.css") == .file("assets/site.css"))
        #expect(RequestPath.resolve("/articles/%E4%B8%80%E6%B8%85/") == .file("articles/一清/index.html"))
        #expect(RequestPath.resolve("//assets//site.css") == .file("assets/site.css"))
        #expect(RequestPath.resolve("/_posguide/events") == .preview("events"))
    }

    @Test(arguments: ["/../etc/passwd", "/a/../../b", "/%2e%2e/x", "/%2E%2E%2Fx", "/.%2e/x", "/./x", "/a%5c..%5cb", "/a%00b",
                      "/%zz", "/%e4%b8", "relative", "http://elsewhere/x", ""])
    func refusesTraversalAndMalformedTargets(target: String) {
        #expect(RequestPath.resolve(target) == .invalid)
    }
}

@Suite struct PageInjectionTests {
    let page = Data("<!doctype html><html><body class=\"x\"><p>正文</p></body></html>".utf8)

    @Test func addsTheScriptBeforeTheBodyEnds() {
        let state = PreviewState(snapshot: .init(), buildID: "b-1")
        let served = String(decoding: PageInjection.inject(into: page, state: state), as: UTF8.self)
        #expect(served == "<!doctype html><html><body class=\"x\"><p>正文</p><script src=\"/_posguide/live.js\" data-build=\"b-1\"></script>\n</body></html>")
    }

    @Test func aFailedBuildPutsEscapedDiagnosticsInAnOverlay() {
        let diagnostic = Diagnostic.error("test", "bad <key> & more", at: SourceLocation(path: "content/a.md", line: 3, column: 7))
        let state = PreviewState(snapshot: .init(files: [:], diagnostics: [diagnostic], failed: true), buildID: "b-1")
        let served = String(decoding: PageInjection.inject(into: page, state: state), as: UTF8.self)
        #expect(served.contains("<body class=\"x\"><link id=\"posguide-overlay-css\" rel=\"stylesheet\" href=\"/_posguide/overlay.css\"><div id=\"posguide-overlay\""))
        // Styled from the preview's stylesheet: an inline style would break the page's Content-Security-Policy.
        #expect(!served.contains("style="))
        #expect(served.contains(">content/a.md:3:7: error: bad &lt;key&gt; &amp; more</pre>"))
        #expect(served.contains("<p>正文</p>"))
    }

    @Test func theOverlayAndTheErrorEventShowTheHintAsCheckPrintsIt() throws {
        let diagnostic = Diagnostic.error("test", "unknown key `titel` in front matter", at: SourceLocation(path: "content/a.md", line: 2, column: 1),
                                          hint: "did you mean `title`?")
        let state = PreviewState(snapshot: .init(files: [:], diagnostics: [diagnostic], failed: true), buildID: "b-1")
        let served = String(decoding: PageInjection.inject(into: page, state: state), as: UTF8.self)
        #expect(served.contains(">content/a.md:2:1: error: unknown key `titel` in front matter\ncontent/a.md:2:1: note: did you mean `title`?</pre>"))
        let event = try #require(try JSONSerialization.jsonObject(with: Data(LiveEvents.error(state.errorLines).utf8)) as? [String: [String]])
        #expect(event["diagnostics"] == [diagnostic.formatted])
    }

    @Test func theClientScriptUsesTheSameOverlay() {
        #expect(PageInjection.script.contains(PageInjection.overlayStart.replacingOccurrences(of: "'", with: "\\'")))
        #expect(PageInjection.script.contains("/_posguide/events"))
        #expect(!PageInjection.script.contains("style="))
    }
}
