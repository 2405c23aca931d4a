import Foundation
import Testing
@testable import PosGuide

/// `【待填写】` left by `posguide new`: a warning in a draft, an error in anything published.
@Suite struct FillInMarkerTests {
    @Test func findsEachMarkerWithItsLineColumnAndRequest() {
        let found = FillInMarker.find(in: "---\ntitle: 【待填写：标题】\n---\n\n中文【待填写】和【待填写:说明 】\n")
        #expect(found == [
            FillInMarker.Found(line: 2, column: 8, request: "标题"),
            FillInMarker.Found(line: 5, column: 3, request: nil),
            FillInMarker.Found(line: 5, column: 9, request: "说明"),
        ])
        #expect(FillInMarker.find(in: "待填写【】【待") == [])
    }

    @Test func thePreviewReportsAMarkerAddedOrRemovedInOnePageAndKeepsTheOthers() throws {
        let site = try SiteFixture([
            "content/articles/a.md": page("甲", "第一段。\n\n【待填写：第二段】\n"),
            "content/articles/b.md": page("乙", "正文。\n"),
        ])
        let preview = PreviewSite(options: site.options)
        #expect(preview.rebuild(.all).diagnostics.map(\.description) == ["content/articles/a.md:7:1: error: still to fill in: 第二段"])
        try site.write("content/articles/b.md", page("乙", "正文。【待填写】\n"))
        #expect(preview.rebuild(SourceChanges(paths: ["content/articles/b.md"])).diagnostics.map(\.description) == [
            "content/articles/a.md:7:1: error: still to fill in: 第二段",
            "content/articles/b.md:5:4: error: still to fill in",
        ])
        try site.write("content/articles/a.md", page("甲", "第一段。\n"))
        #expect(preview.rebuild(SourceChanges(paths: ["content/articles/a.md"])).diagnostics.map(\.description) == ["content/articles/b.md:5:4: error: still to fill in"])
    }

    @Test func aPublishedPageWithAMarkerFailsTheBuildAtTheMarker() throws {
        let site = try SiteFixture(["content/articles/a.md": page("甲", "第一段。\n\n【待填写：第二段】\n")])
        let result = site.build()
        #expect(result.diagnostics.map(\.description) == ["content/articles/a.md:7:1: error: still to fill in: 第二段"])
        #expect(result.files.isEmpty)
    }

    @Test func aDraftIsLeftOutWithoutDraftsAndWarnsWithThem() throws {
        let site = try SiteFixture(["content/articles/a.md": page("【待填写】", extra: "draft: true\n")])
        #expect(site.diagnostics().isEmpty)
        var options = site.options
        options.includeDrafts = true
        let result = SiteBuilder.buildInMemory(options)
        #expect(result.diagnostics.map(\.description) == ["content/articles/a.md:2:8: warning: still to fill in"])
        #expect(result.paths.contains("articles/a/index.html"))
    }

    @Test func recordsOfEveryKindAndGuidesHaveNoDraftsSoTheirMarkersAreErrors() throws {
        let site = try SiteFixture([
            "content/data/sources.yaml": sourcesYAML,
            "content/articles/a.md": page("甲"),
            "content/providers/p.yaml": provider(extra: "summary: 【待填写】"),
            "content/glossary/mcc.yaml": GlossaryFixture.mcc.replacingOccurrences(of: "english: MCC", with: "english: 【待填写：英文名】"),
            "content/guides/g.yaml": "title: 手册\ndate: 2026-11-24\nsummary: 【待填写】\nchapters: [articles/a.md]\n",
        ])
        #expect(site.diagnostics() == [
            "content/glossary/mcc.yaml:2:10: error: still to fill in: 英文名",
            "content/guides/g.yaml:3:10: error: still to fill in",
            "content/providers/p.yaml:11:10: error: still to fill in",
        ])
    }

    @Test func aMarkerLeftWhereASourceIdGoesIsReportedOnceAsTextToWrite() throws {
        let site = try SiteFixture([
            "content/data/sources.yaml": sourcesYAML,
            "content/glossary/mcc.yaml": GlossaryFixture.mcc.replacingOccurrences(of: "sources: [state-council-768]", with: "sources: [【待填写：来源编号】, nosuch]"),
        ])
        let diagnostics = site.diagnostics()
        #expect(diagnostics.contains("content/glossary/mcc.yaml:6:11: error: still to fill in: 来源编号"))
        #expect(diagnostics.contains { $0.contains("error: unknown source `nosuch`") })
        #expect(!diagnostics.contains { $0.contains("unknown source `【") })
    }
}
