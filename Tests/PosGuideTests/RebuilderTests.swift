import Foundation
import Testing
@testable import PosGuide
@testable import PosGuidePreview

/// The preview's rebuild queue: what the browsers are told, and when.
@Suite struct RebuilderTests {
    @Test func aRebuildOvertakenByANewerSaveIsNotAnnouncedAndTheNextNamesBothPages() async throws {
        let fixture = try SiteFixture([
            "content/articles/a.md": page("甲", "[乙](b.md)。"),
            "content/articles/b.md": page("乙", "[甲](a.md)。"),
        ])
        let events = EventHub()
        let rebuilder = Rebuilder(site: PreviewSite(options: fixture.options), state: PreviewStateBox(), events: events, log: { _, _ in })
        _ = rebuilder.initialBuild()
        var stream = try #require(events.subscribe(first: "hello")).makeAsyncIterator()
        #expect(await stream.next() == "hello")

        // Two files saved together whose reports come apart: the second while the first one's rebuild runs.
        var saves = 0
        rebuilder.afterRebuild = {
            saves += 1
            guard saves == 1 else { return }
            try? fixture.write("content/articles/b.md", page("乙", "[甲](a.md)，也改过。"))
            rebuilder.submit(SourceChanges(paths: ["content/articles/b.md"]))
        }
        try fixture.write("content/articles/a.md", page("甲", "[乙](b.md)，改过。"))
        rebuilder.submit(SourceChanges(paths: ["content/articles/a.md"]))

        let reload = try #require(await stream.next())
        #expect(reload.hasPrefix("event: reload"))
        #expect(reload.contains("/articles/a/") && reload.contains("/articles/b/"), "\(reload)")
        try await Task.sleep(nanoseconds: 300_000_000)
        events.close()
        #expect(await stream.next() == nil, "the rebuild that knew only the first save was announced")
        #expect(saves == 2)
    }
}
