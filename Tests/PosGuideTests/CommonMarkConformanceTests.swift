import Foundation
import Testing
@testable import PosGuide

/// The 652 examples of CommonMark 0.30, read from ../shared: the Markdown layer with
/// raw HTML allowed and the site's transforms off must render each exactly.
@Suite struct CommonMarkConformanceTests {
    struct Example: Decodable {
        var example: Int
        var section: String
        var markdown: String
        var html: String
    }

    static let specURL = SiteFixture.sharedFolder.appendingPathComponent("commonmark/spec-0.30.json")

    @Test func passesEveryCommonMarkExample() throws {
        let examples = try JSONDecoder().decode([Example].self, from: Data(contentsOf: Self.specURL))
        #expect(examples.count == 652)
        let failures = examples.filter { MarkdownRenderer.renderCommonMark($0.markdown) != $0.html }
        #expect(failures.isEmpty, "failing examples: \(failures.map { "\($0.example) (\($0.section))" }.joined(separator: ", "))")
    }

    @Test func siteTransformsChangeOnlyWhatTheyShould() throws {
        // With transforms on, headings gain ids, raw HTML goes and unsafe links lose their URL;
        // ordinary text renders as plain CommonMark.
        let examples = try JSONDecoder().decode([Example].self, from: Data(contentsOf: Self.specURL))
        let plain = examples.filter { example in
            ["Paragraphs", "Emphasis and strong emphasis", "Block quotes", "Code spans", "Lists"].contains(example.section)
                && !example.markdown.contains("<") && !example.markdown.contains("](") && !example.markdown.contains("#")
                && !example.markdown.contains("```") && !example.markdown.contains("~~~")
        }
        #expect(plain.count > 100)
        for example in plain {
            let renderer = MarkdownRenderer(environment: MarkdownEnvironment(), source: SourceText(path: "x.md", text: example.markdown), pagePath: "/")
            #expect(renderer.render(example.markdown).html == example.html, "example \(example.example)")
        }
    }
}
