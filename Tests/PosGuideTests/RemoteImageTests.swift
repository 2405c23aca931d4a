import Foundation
import Testing
@testable import PosGuide

/// `remote_images` in site.yaml: images from other hosts refused (the default), published with a warning, or allowed.
@Suite struct RemoteImageTests {
    static let article = page("甲", "正文。\n\n![图](https://img.example.com/a.jpg)\n")

    func site(_ settings: String?, article: String = article) throws -> SiteFixture {
        var files = ["content/articles/a.md": article]
        if let settings { files["content/site.yaml"] = "title: 周刊\n\(settings)\n" }
        return try SiteFixture(files)
    }

    @Test func anImageFromAnotherHostIsAnErrorByDefaultAndTheHintNamesTheSwitch() throws {
        let result = try site(nil).build()
        #expect(result.diagnostics.map(\.description) == [
            "content/articles/a.md:7:1: error: image from `img.example.com`: pages make no third-party requests",
        ])
        let hint = try #require(result.diagnostics.first?.formatted.split(separator: "\n").last)
        #expect(hint.hasPrefix("content/articles/a.md:7:1: note: "))
        #expect(hint.contains("`remote_images: warn` (or `allow`) in content/site.yaml"))
        #expect(result.files.isEmpty)
    }

    @Test func errorModeWrittenOutIsTheDefault() throws {
        let result = try site("remote_images: error").build()
        #expect(result.diagnostics.map(\.id) == ["image.third-party"])
        #expect(result.diagnostics.hasErrors)
    }

    @Test func warnModePublishesTheImageWithOneWarningPerImage() throws {
        let fixture = try site("remote_images: warn")
        try fixture.write("content/articles/b.md", page("乙", "![一](https://a.example.net/1.png) ![二](//b.example.net/2.png)\n"))
        let result = fixture.build()
        #expect(result.diagnostics.map(\.description) == [
            "content/articles/a.md:7:1: warning: image from `img.example.com`: every reader's browser will request it from that host",
            "content/articles/b.md:5:1: warning: image from `a.example.net`: every reader's browser will request it from that host",
            "content/articles/b.md:5:35: warning: image from `b.example.net`: every reader's browser will request it from that host",
        ])
        #expect(result.diagnostics.allSatisfy { $0.formatted.contains("`remote_images: allow`") })
        #expect(result.text("articles/a/index.html").contains("<img src=\"https://img.example.com/a.jpg\" alt=\"图\""))
        #expect(result.text("articles/b/index.html").contains("<img src=\"//b.example.net/2.png\" alt=\"二\""))
    }

    @Test func warnModeFailsAStrictBuild() throws {
        let fixture = try site("remote_images: warn")
        let outcome = BuildCommand.run(fixture.options, output: nil, strict: true)
        #expect(outcome.exitCode == 1)
        #expect(outcome.stderr.contains("1 warning with --strict"))
    }

    @Test func allowModePublishesTheImageSilently() throws {
        let result = try site("remote_images: allow").build()
        #expect(result.diagnostics.isEmpty)
        #expect(result.text("articles/a/index.html").contains("<img src=\"https://img.example.com/a.jpg\" alt=\"图\""))
    }

    @Test func noModeLetsAnUnsafeImageURLThrough() throws {
        for mode in RemoteImagePolicy.allCases {
            let environment = MarkdownEnvironment(remoteImages: mode)
            let rendered = MarkdownRenderer(environment: environment, source: SourceText(path: "a.md", text: ""), pagePath: "/a/")
                .render("![x](javascript:alert(1)) ![y](data:image/png;base64,AAAA)")
            #expect(!rendered.html.contains("javascript:") && !rendered.html.contains("data:"), "\(mode)")
            #expect(rendered.diagnostics.map(\.id) == ["image.unsafe-url", "image.unsafe-url"], "\(mode)")
        }
    }

    @Test func anUnknownModeIsAnErrorAtItsLineListingTheChoices() throws {
        let result = try site("remote_images: yes", article: page("甲")).build()
        #expect(result.diagnostics.map(\.description) == [
            "content/site.yaml:2:16: error: `remote_images` must be one of error, warn, allow, not `yes`",
        ])
    }

    @Test func aListIsNotAMode() throws {
        let result = try site("remote_images: [warn]", article: page("甲")).build()
        #expect(result.diagnostics.map(\.description) == ["content/site.yaml:2:16: error: `remote_images` must be text"])
    }
}
