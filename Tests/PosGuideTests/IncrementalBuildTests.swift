import Foundation
import Testing
@testable import PosGuide

/// The preview's incremental rebuilds: after every kind of edit, the result must be byte for
/// byte what a full build of the same tree makes, and the changed paths must name what changed.
@Suite struct IncrementalBuildTests {
    /// A copy of the real site (content and templates), so edits touch every feature.
    static func realSiteCopy() throws -> SiteFixture {
        let fixture = try SiteFixture([:], templates: .none)
        for folder in ["content", "templates"] {
            try FileManager.default.copyItem(at: SiteFixture.packageRoot.appendingPathComponent(folder),
                                             to: fixture.root.appendingPathComponent(folder))
        }
        return fixture
    }

    /// A new article the real site's rules accept (content/site.yaml: length and sources).
    static func newArticle(title: String, extra: String = "") -> String {
        "---\ntitle: \(title)\n\(extra)---\n\n" + String(repeating: "新文章的正文，", count: 250)
            + "见[条例](source:state-council-768)和[办法](source:pbc-order-2024-4)。\n"
    }

    func read(_ fixture: SiteFixture, _ path: String) throws -> String {
        try String(contentsOf: fixture.root.appendingPathComponent(path), encoding: .utf8)
    }

    /// Asserts the preview's files are exactly a full build's.
    func expectSameAsFullBuild(_ site: PreviewSite, _ fixture: SiteFixture, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let full = fixture.build()
        #expect(!full.diagnostics.hasErrors, sourceLocation: sourceLocation)
        let expected = try Dictionary(uniqueKeysWithValues: full.files.map { ($0.path, try $0.data()) })
        #expect(Set(site.snapshot.files.keys) == Set(expected.keys), sourceLocation: sourceLocation)
        let differing = expected.keys.filter { site.snapshot.files[$0] != expected[$0] }.sorted()
        #expect(differing.isEmpty, "files differ from a full build: \(differing)", sourceLocation: sourceLocation)
    }

    @Test func editsOfEveryKindRebuildToTheFullBuildsBytes() throws {
        let fixture = try Self.realSiteCopy()
        let site = PreviewSite(options: fixture.options)
        let first = site.rebuild(.all)
        #expect(first.succeeded)
        try expectSameAsFullBuild(site, fixture)

        // An article's body: that page changes, and the printed guides that hold it as a chapter; no other page.
        let article = "content/articles/hidden-fees.md"
        try fixture.write(article, try read(fixture, article) + "\n新加的一段话，只为测试增量构建。\n")
        var rebuild = site.rebuild(SourceChanges(paths: [article]))
        #expect(rebuild.succeeded)
        #expect(rebuild.changed == ["/articles/hidden-fees/", "/guides/fees/", "/guides/handbook/"])
        #expect(String(decoding: site.snapshot.files["articles/hidden-fees/index.html"]!, as: UTF8.self).contains("只为测试增量构建"))
        try expectSameAsFullBuild(site, fixture)

        // Its title: the lists that show it change too.
        let text = try read(fixture, article)
        let titleLine = text.split(separator: "\n").first { $0.hasPrefix("title:") }!
        try fixture.write(article, text.replacingOccurrences(of: String(titleLine), with: "title: 改过的标题"))
        rebuild = site.rebuild(SourceChanges(paths: [article]))
        #expect(rebuild.changed.contains("/articles/hidden-fees/"))
        #expect(rebuild.changed.contains("/articles/"))
        #expect(rebuild.changed.contains("/feed.xml"))
        try expectSameAsFullBuild(site, fixture)

        // A new article, then the same removed.
        try fixture.write("content/articles/new-page.md", Self.newArticle(title: "新页面", extra: "date: 2026-11-20\n"))
        rebuild = site.rebuild(SourceChanges(paths: ["content/articles/new-page.md"], structural: true))
        #expect(rebuild.changed.contains("/articles/new-page/"))
        try expectSameAsFullBuild(site, fixture)
        try fixture.remove("content/articles/new-page.md")
        rebuild = site.rebuild(SourceChanges(paths: ["content/articles/new-page.md"], structural: true))
        #expect(rebuild.changed.contains("/articles/new-page/"))
        #expect(site.snapshot.files["articles/new-page/index.html"] == nil)
        try expectSameAsFullBuild(site, fixture)

        // A template: every page that uses it.
        let footer = "templates/footer.mustache"
        try fixture.write(footer, try read(fixture, footer) + "<!-- footer changed -->\n")
        rebuild = site.rebuild(SourceChanges(paths: [footer]))
        #expect(rebuild.changed.count > 20)
        try expectSameAsFullBuild(site, fixture)

        // Site-wide data: the sources registry and the config.
        let sources = "content/data/sources.yaml"
        try fixture.write(sources, try read(fixture, sources).replacingOccurrences(of: "国务院", with: "国务院 "))
        rebuild = site.rebuild(SourceChanges(paths: [sources]))
        try expectSameAsFullBuild(site, fixture)
        let config = "content/site.yaml"
        try fixture.write(config, try read(fixture, config).replacingOccurrences(of: "title: ", with: "title: 新"))
        rebuild = site.rebuild(SourceChanges(paths: [config]))
        #expect(rebuild.changed.contains("/"))
        try expectSameAsFullBuild(site, fixture)

        // A section intro sets the section title every article shows.
        let intro = "content/articles/index.md"
        let introText = try read(fixture, intro)
        let introTitle = introText.split(separator: "\n").first { $0.hasPrefix("title:") }!
        try fixture.write(intro, introText.replacingOccurrences(of: String(introTitle), with: "title: 文章（新）"))
        rebuild = site.rebuild(SourceChanges(paths: [intro]))
        #expect(rebuild.changed.contains("/articles/yiqing-erqing/"))
        try expectSameAsFullBuild(site, fixture)

        // An asset.
        let css = "templates/assets/site.css"
        try fixture.write(css, try read(fixture, css) + "\n/* changed */\n")
        rebuild = site.rebuild(SourceChanges(paths: [css]))
        #expect(rebuild.changed.contains("/assets/site.css"))
        try expectSameAsFullBuild(site, fixture)
    }

    @Test func glossaryEditsRebuildToTheFullBuildsBytes() throws {
        let fixture = try Self.realSiteCopy()
        for (name, text) in ["index.md": GlossaryFixture.intro, "yiqing.yaml": GlossaryFixture.yiqing,
                             "erqing.yaml": GlossaryFixture.erqing, "mcc.yaml": GlossaryFixture.mcc] {
            try fixture.write("content/glossary/" + name, text)
        }
        // The sources the fixture's terms cite, and the article one of them links to.
        try fixture.write("content/data/sources.yaml", try read(fixture, "content/data/sources.yaml") + "\n" + sourcesYAML.split(separator: "\n")
            .drop { !$0.hasPrefix("ndrc-2016-557:") }.joined(separator: "\n") + "\n")
        let explanation = "测试说明：见[文章](/articles/a/)。"
        try fixture.write("content/glossary/yiqing.yaml", GlossaryFixture.yiqing.replacingOccurrences(of: explanation, with: "测试说明。"))
        let site = PreviewSite(options: fixture.options)
        #expect(site.rebuild(.all).succeeded)
        try expectSameAsFullBuild(site, fixture)

        // A term's definition: its page, the index that shows it, and the pages that list it as related.
        let term = "content/glossary/erqing.yaml"
        try fixture.write(term, try read(fixture, term).replacingOccurrences(of: "钱先经过别人的账户", with: "钱先经过别人的账户，改过"))
        var rebuild = site.rebuild(SourceChanges(paths: [term]))
        #expect(rebuild.succeeded)
        #expect(Set(rebuild.changed).isSuperset(of: ["/glossary/erqing/", "/glossary/"]))
        try expectSameAsFullBuild(site, fixture)

        // A term's name, which other terms show as related; then a new term, and the list's intro.
        try fixture.write(term, try read(fixture, term).replacingOccurrences(of: "term: 二清", with: "term: 二清（改）"))
        rebuild = site.rebuild(SourceChanges(paths: [term]))
        #expect(rebuild.changed.contains("/glossary/yiqing/"))
        try expectSameAsFullBuild(site, fixture)
        try fixture.write("content/glossary/tiaoma.yaml", GlossaryFixture.mcc.replacingOccurrences(of: "term: 商户类别码", with: "term: 跳码")
            .replacingOccurrences(of: "topic: terminal", with: "topic: risks"))
        rebuild = site.rebuild(SourceChanges(paths: ["content/glossary/tiaoma.yaml"], structural: true))
        #expect(rebuild.changed.contains("/glossary/tiaoma/"))
        try expectSameAsFullBuild(site, fixture)
        try fixture.write("content/glossary/index.md", page("术语表", "改过的引言。"))
        rebuild = site.rebuild(SourceChanges(paths: ["content/glossary/index.md"]))
        #expect(rebuild.changed.contains("/glossary/"))
        try expectSameAsFullBuild(site, fixture)

        // A term no page links to added, then removed: its page comes and goes, and the index lists it, then no longer.
        let added = "content/glossary/ceshi.yaml"
        try fixture.write(added, GlossaryFixture.mcc.replacingOccurrences(of: "term: 商户类别码", with: "term: 测试术语"))
        rebuild = site.rebuild(SourceChanges(paths: [added], structural: true))
        #expect(rebuild.succeeded)
        #expect(Set(rebuild.changed).isSuperset(of: ["/glossary/ceshi/", "/glossary/"]))
        try expectSameAsFullBuild(site, fixture)
        try fixture.remove(added)
        rebuild = site.rebuild(SourceChanges(paths: [added], structural: true))
        #expect(rebuild.succeeded)
        #expect(Set(rebuild.changed).isSuperset(of: ["/glossary/ceshi/", "/glossary/"]))
        #expect(site.snapshot.files["glossary/ceshi/index.html"] == nil)
        try expectSameAsFullBuild(site, fixture)

        // A page that links terms (`glossary:<id>`), given one more: that page changes, and the printed
        // guide that holds it as a chapter; no term's page, no list.
        let linking = "content/articles/before-signing.md"
        #expect(try read(fixture, linking).contains("(glossary:same-name-account)"))
        try fixture.write(linking, try read(fixture, linking) + "\n另见[二清](glossary:erqing)。\n")
        rebuild = site.rebuild(SourceChanges(paths: [linking]))
        #expect(rebuild.succeeded)
        #expect(rebuild.changed == ["/articles/before-signing/", "/guides/handbook/"])
        #expect(String(decoding: site.snapshot.files["articles/before-signing/index.html"]!, as: UTF8.self).contains("/glossary/erqing/"))
        try expectSameAsFullBuild(site, fixture)

        // The term it links to, renamed: every page is rendered again (a record is a site-wide input), but a
        // link names only the term's path, so the linking page's bytes stay.
        try fixture.write(term, try read(fixture, term).replacingOccurrences(of: "term: 二清（改）", with: "term: 二清"))
        rebuild = site.rebuild(SourceChanges(paths: [term]))
        #expect(Set(rebuild.changed).isSuperset(of: ["/glossary/erqing/", "/glossary/yiqing/"]))
        #expect(!rebuild.changed.contains("/articles/before-signing/"))
        try expectSameAsFullBuild(site, fixture)
    }

    @Test func anchorsOrderAndListsFollowEditsToOtherPages() throws {
        let fixture = try SiteFixture([
            "content/articles/a.md": "---\ntitle: 甲\ndate: 2026-01-01\n---\n\n见[乙的费用一节](b.md#费用)。\n",
            "content/articles/b.md": "---\ntitle: 乙\ndate: 2026-02-01\n---\n\n## 费用\n\n正文。\n",
            "content/articles/c.md": "---\ntitle: 丙\ndate: 2026-03-01\n---\n\n正文。\n",
        ])
        let site = PreviewSite(options: fixture.options)
        #expect(site.rebuild(.all).succeeded)

        // The heading a.md links to goes away: a.md's link breaks though a.md did not change.
        try fixture.write("content/articles/b.md", "---\ntitle: 乙\ndate: 2026-02-01\n---\n\n## 收费\n\n正文。\n")
        let broken = site.rebuild(SourceChanges(paths: ["content/articles/b.md"]))
        #expect(!broken.succeeded)
        #expect(broken.diagnostics.map(\.description).contains { $0.hasPrefix("content/articles/a.md:6:") && $0.contains("has no heading or element with id `费用`") })
        try fixture.write("content/articles/b.md", "---\ntitle: 乙\ndate: 2026-02-01\n---\n\n## 费用\n\n新正文。\n")
        #expect(site.rebuild(SourceChanges(paths: ["content/articles/b.md"])).succeeded)
        try expectSameAsFullBuild(site, fixture)

        // A new date moves an article to the top of the list; a new summary shows in it.
        try fixture.write("content/articles/a.md", "---\ntitle: 甲\ndate: 2026-04-01\n---\n\n见[乙的费用一节](b.md#费用)。\n")
        let moved = site.rebuild(SourceChanges(paths: ["content/articles/a.md"]))
        #expect(moved.changed.contains("/articles/"))
        try expectSameAsFullBuild(site, fixture)
        let list = String(decoding: site.snapshot.files["articles/index.html"]!, as: UTF8.self)
        #expect(list.range(of: "甲")!.lowerBound < list.range(of: "丙")!.lowerBound)
        try fixture.write("content/articles/c.md", "---\ntitle: 丙\ndate: 2026-03-01\n---\n\n改过的第一段。\n")
        let summary = site.rebuild(SourceChanges(paths: ["content/articles/c.md"]))
        #expect(summary.changed.contains("/articles/"))
        #expect(summary.changed.contains("/feed.xml"))
        try expectSameAsFullBuild(site, fixture)
    }

    @Test func aFailedRebuildKeepsTheLastGoodFilesAndTheNextGoodOneRecovers() throws {
        let fixture = try Self.realSiteCopy()
        let site = PreviewSite(options: fixture.options)
        #expect(site.rebuild(.all).succeeded)
        let before = site.snapshot.files
        let article = "content/articles/hidden-fees.md"
        let good = try read(fixture, article)
        try fixture.write(article, good.replacingOccurrences(of: "title:", with: "titel:"))
        let failed = site.rebuild(SourceChanges(paths: [article]))
        #expect(!failed.succeeded)
        #expect(failed.changed.isEmpty)
        #expect(site.snapshot.failed)
        #expect(site.snapshot.diagnostics.contains { $0.description.hasPrefix("content/articles/hidden-fees.md:") && $0.description.contains("titel") })
        #expect(site.snapshot.files == before)

        try fixture.write(article, good)
        let fixed = site.rebuild(SourceChanges(paths: [article]))
        #expect(fixed.succeeded)
        #expect(!site.snapshot.failed)
        try expectSameAsFullBuild(site, fixture)
    }

    @Test func anUnchangedRebuildChangesNothing() throws {
        let fixture = try Self.realSiteCopy()
        let site = PreviewSite(options: fixture.options)
        _ = site.rebuild(.all)
        let again = site.rebuild(SourceChanges(paths: ["content/articles/hidden-fees.md"]))
        #expect(again.succeeded)
        #expect(again.changed.isEmpty)
    }
}
