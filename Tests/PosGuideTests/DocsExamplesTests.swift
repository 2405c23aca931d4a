import Foundation
import Testing
@testable import PosGuide

/// Every example in docs/*.md that is marked as a file or a page body builds, with the
/// repository's templates, without errors: the docs cannot teach what the build rejects.
@Suite struct DocsExamplesTests {
    static let docs = SiteFixture.packageRoot.appendingPathComponent("docs")

    static var pages: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: docs.path)) ?? []).filter { $0.hasSuffix(".md") }.sorted()
    }

    @Test(arguments: pages)
    func everyMarkedExampleBuilds(_ page: String) throws {
        let text = try String(contentsOf: Self.docs.appendingPathComponent(page), encoding: .utf8)
        let blocks = DocsExamples.blocks(in: text)
        guard !blocks.isEmpty else { return }
        let paths = blocks.compactMap(\.file)
        #expect(Set(paths).count == paths.count, "docs/\(page): two examples are the same file, so one would not be built")
        let result = try SiteFixture(DocsExamples.siteFiles(blocks)).build()
        #expect(result.diagnostics.errors.map(\.description) == [], "docs/\(page)")
    }

    @Test func theContentFormatMarksItsExamples() throws {
        let text = try String(contentsOf: Self.docs.appendingPathComponent("content-format.md"), encoding: .utf8)
        let blocks = DocsExamples.blocks(in: text)
        #expect(blocks.count >= 6, "\(blocks.count) marked examples")
        #expect(blocks.contains { $0.file == "content/data/sources.yaml" })
    }

    @Test func blocksAreFoundInsideListsAndLongerFences() {
        let markdown = """
        Text.

        ```yaml file=content/data/sources.yaml
        a: 1
        ```

        - item

          ````markdown body
          ```callout tip
          正文
          ```
          ````

        ```markdown
        not marked
        ```
        """
        let blocks = DocsExamples.blocks(in: markdown)
        #expect(blocks == [
            .init(file: "content/data/sources.yaml", text: "a: 1\n", line: 3),
            .init(file: nil, text: "```callout tip\n正文\n```\n", line: 9),
        ])
    }

    @Test func anExampleThatDoesNotBuildFails() throws {
        let blocks = DocsExamples.blocks(in: "```markdown body\n见[来源](source:no-such-source)。\n```\n")
        let result = try SiteFixture(DocsExamples.siteFiles(blocks)).build()
        #expect(result.diagnostics.errors.contains { $0.id == "citation.unknown-source" })
    }
}
