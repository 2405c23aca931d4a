import Foundation
import Testing
@testable import PosGuide

/// `posguide new`, `list drafts` and `check --drafts`, end to end through the built binary.
@Suite struct NewCommandTests {
    /// 2026-11-24, noon in China: the date every new file is stamped with here.
    static let epoch = ["SOURCE_DATE_EPOCH": "1795492800"]

    var binaryExists: Bool { FileManager.default.isExecutableFile(atPath: PosguideBinary.url.path) }

    func run(_ arguments: [String], in site: SiteFixture) throws -> PosguideBinary.Run {
        try PosguideBinary.run(arguments + ["--source", site.root.path], environment: Self.epoch)!
    }

    func smallSite(_ extra: [String: String] = [:]) throws -> SiteFixture {
        try SiteFixture(["content/site.yaml": "title: 测试\nbase_url: https://pos-guide.cn/\n",
                         "content/index.md": "你好\n", "content/articles/a.md": page("甲"),
                         "content/data/sources.yaml": sourcesYAML].merging(extra) { $1 })
    }

    /// Replaces every `【待填写…】` of a file in order, as an editor would.
    func fillIn(_ path: String, in site: SiteFixture, with values: [String]) throws {
        var text = site.fileText(path)
        for value in values {
            let start = try #require(text.range(of: FillInMarker.opening))
            let end = try #require(text[start.upperBound...].range(of: "】"))
            text.replaceSubrange(start.lowerBound..<end.upperBound, with: value)
        }
        #expect(!text.contains(FillInMarker.opening))
        try site.write(path, text)
    }

    @Test func newArticleIsADraftThatChecksCleanAndSaysWhatIsLeftWithDrafts() throws {
        guard binaryExists else { return }
        let site = try smallSite()
        let created = try run(["new", "article", "articles/pos-rates", "--title", "POS 机费率怎么看？"], in: site)
        #expect(created.status == 0)
        #expect(created.stdout.hasPrefix("""
            created content/articles/pos-rates.md (a draft)
            preview: posguide serve --drafts, then open http://127.0.0.1:8080/articles/pos-rates/

            """))
        let text = site.fileText("content/articles/pos-rates.md")
        #expect(text.hasPrefix("---\n#"))
        #expect(text.contains("\ntitle: POS 机费率怎么看？\n"))
        #expect(text.contains("\ndate: 2026-11-24\n"))
        #expect(text.contains("\ndraft: true\n"))

        let check = try run(["check"], in: site)
        #expect(check.status == 0)
        #expect(check.stderr.isEmpty)

        let drafts = try run(["check", "--drafts"], in: site)
        #expect(drafts.status == 0)
        let warnings = drafts.stderr.split(separator: "\n").filter { $0.contains(": warning: ") }
        #expect(!warnings.isEmpty)
        #expect(warnings.allSatisfy { $0.hasPrefix("content/articles/pos-rates.md:") && $0.contains(": warning: still to fill in: ") })
        #expect(warnings.first == "content/articles/pos-rates.md:8:14: warning: still to fill in: 一句话说明这篇文章帮商户解决什么问题")
        #expect(try run(["check", "--drafts", "--strict"], in: site).status == 1)
    }

    @Test func newArticleBuildsWithDraftsAndPublishesOnceFilledIn() throws {
        guard binaryExists else { return }
        let site = try smallSite()
        #expect(try run(["new", "article", "articles/pos-rates"], in: site).status == 0)
        let output = site.root.appendingPathComponent("preview")
        let build = try run(["build", "--drafts", "--output", output.path], in: site)
        #expect(build.status == 0)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("articles/pos-rates/index.html").path))

        // Published with its placeholders: refused, at each one.
        let path = "content/articles/pos-rates.md"
        try site.write(path, site.fileText(path).replacingOccurrences(of: "draft: true\n", with: ""))
        let refused = try run(["check"], in: site)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("content/articles/pos-rates.md:6:8: error: still to fill in: 标题\n"))

        let markers = FillInMarker.find(in: site.fileText(path)).count
        try fillIn(path, in: site, with: ["POS 机费率怎么看？", "一句话。"] + Array(repeating: "正文", count: markers - 2))
        let published = try run(["check"], in: site)
        #expect(published.status == 0)
        #expect(published.stderr.isEmpty)
    }

    @Test func newProviderHasEveryRequiredKeyAndFailsOnlyWhereTextIsMissing() throws {
        guard binaryExists else { return }
        let site = try smallSite()
        let created = try run(["new", "provider", "newpay", "--title", "新支付"], in: site)
        #expect(created.status == 0)
        #expect(created.stdout.contains("preview: posguide serve, then open http://127.0.0.1:8080/providers/newpay/\n"))
        #expect(site.fileText("content/providers/newpay.yaml").contains("\nname: 新支付\n"))
        #expect(site.fileText("content/providers/newpay.yaml").contains("\nchecked: 2026-11-24\n"))

        let check = try run(["check"], in: site)
        #expect(check.status == 1)
        let errors = check.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.contains { $0.contains("error: still to fill in: ") })
        #expect(!check.stderr.contains("missing required key"))

        try fillIn("content/providers/newpay.yaml", in: site, with: ["新支付有限公司", "1. 看到账短信。", "state-council-768"])
        let filled = try run(["check"], in: site)
        #expect(filled.status == 0)
        #expect(filled.stderr.isEmpty)
    }

    @Test func newGuideHasEveryRequiredKeyAndChecksOnceItsChapterIsNamed() throws {
        guard binaryExists else { return }
        let site = try smallSite()
        let created = try run(["new", "guide", "handout"], in: site)
        #expect(created.status == 0)
        #expect(created.stdout.contains("http://127.0.0.1:8080/guides/handout/\n"))
        #expect(try run(["check"], in: site).stderr.contains("content/guides/handout.yaml:5:8: error: still to fill in: 指南标题\n"))

        try fillIn("content/guides/handout.yaml", in: site, with: ["柜台手册", "articles/a.md"])
        let filled = try run(["check"], in: site)
        #expect(filled.status == 0)
        #expect(filled.stderr.isEmpty)
    }

    @Test func newGlossaryWritesTheTermFromItsArchetypeAndFailsOnlyWhereTextIsMissing() throws {
        guard binaryExists else { return }
        let site = try smallSite()
        let created = try run(["new", "glossary", "card-fee"], in: site)
        #expect(created.status == 0)
        #expect(created.stdout == """
            created content/glossary/card-fee.yaml
            preview: posguide serve, then open http://127.0.0.1:8080/glossary/card-fee/
            still to write: 3 places are marked 【待填写】; `posguide check` lists them
            until they are written the site does not build: a glossary record has no draft state

            """)
        let path = "content/glossary/card-fee.yaml"
        let archetype = try String(contentsOf: SiteFixture.packageRoot.appendingPathComponent("templates/archetypes/glossary.yaml"), encoding: .utf8)
        #expect(site.fileText(path).hasPrefix(archetype.prefix { $0 != "{" }))
        #expect(site.fileText(path).contains("\nterm: 【待填写：商户遇到时的写法】\n"))
        #expect(site.fileText(path).hasSuffix("\nchecked: 2026-11-24\n"))

        // The record loads: the build reports each marker and nothing else.
        let check = try run(["check"], in: site)
        #expect(check.status == 1)
        let problems = check.stderr.split(separator: "\n").filter { $0.contains(": error: ") || $0.contains(": warning: ") }
        #expect(problems.count == 3)
        #expect(problems.allSatisfy { $0.hasPrefix(path + ":") && $0.contains(": error: still to fill in: ") })

        try fillIn(path, in: site, with: ["刷卡手续费", "测试释义。", "state-council-768"])
        let output = site.root.appendingPathComponent("out")
        let built = try run(["build", "--output", output.path], in: site)
        #expect(built.status == 0)
        #expect(!built.stderr.contains(": error: ") && !built.stderr.contains(": warning: "))
        let page = (try? String(contentsOf: output.appendingPathComponent("glossary/card-fee/index.html"), encoding: .utf8)) ?? ""
        #expect(page.contains("刷卡手续费"))
    }

    @Test func newGlossaryTakesTheTermFromTitle() throws {
        guard binaryExists else { return }
        let site = try smallSite()
        #expect(try run(["new", "glossary", "mcc", "--title", "MCC: 商户类别码"], in: site).status == 0)
        #expect(site.fileText("content/glossary/mcc.yaml").contains("\nterm: \"MCC: 商户类别码\"\n"))
        #expect(FillInMarker.find(in: site.fileText("content/glossary/mcc.yaml")).count == 2)
    }

    @Test func everyKindOfRecordStartsFromItsArchetypeInItsFolder() throws {
        for kind in RecordKinds.all {
            let target = try NewTarget.resolve(NewCommand.Kind(rawValue: kind.name), name: "x", sections: ["articles"]).get()
            #expect(target.path == "content/\(kind.folder)/x.yaml")
            #expect(target.url == kind.url(of: "x"))
            #expect(target.archetype == "\(kind.name).yaml")
            // The repository ships an archetype for every kind, so `new <kind>` works in a fresh checkout.
            let archetype = SiteFixture.packageRoot.appendingPathComponent("templates/archetypes/" + target.archetype)
            #expect(FileManager.default.fileExists(atPath: archetype.path), "no archetype for \(kind.name)")
        }
    }

    @Test func anUnknownKindListsTheKindsWithAGuess() throws {
        guard binaryExists else { return }
        let site = try smallSite()
        let typo = try run(["new", "glosary", "mcc"], in: site)
        #expect(typo.status == 2)
        #expect(typo.stderr == """
            posguide: error: `posguide new` knows no kind `glosary`
            posguide: note: did you mean `glossary`? kinds: article, provider, glossary, guide

            """)
        let unknown = try run(["new", "faq", "mcc"], in: site)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.hasSuffix("posguide: note: kinds: article, provider, glossary, guide\n"))
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("content/glossary").path))
    }

    @Test func newGlossaryRefusesAnExistingIdAndABadOne() throws {
        guard binaryExists else { return }
        let site = try smallSite(["content/glossary/mcc.yaml": GlossaryFixture.mcc])
        let existing = try run(["new", "glossary", "mcc"], in: site)
        #expect(existing.status == 1)
        #expect(existing.stderr == "posguide: error: cannot create content/glossary/mcc.yaml: it already exists\n")
        #expect(site.fileText("content/glossary/mcc.yaml") == GlossaryFixture.mcc)

        let spaced = try run(["new", "glossary", "Card Fee"], in: site)
        #expect(spaced.status == 2)
        #expect(spaced.stderr.hasPrefix("posguide: error: `Card Fee` is not a valid id: "))
        #expect(spaced.stderr.hasSuffix("posguide: note: did you mean `card-fee`?\n"))
    }

    @Test func anArticleInARecordFolderSaysWhichCommandStartsOne() throws {
        guard binaryExists else { return }
        let site = try smallSite()
        for kind in RecordKinds.all {
            let refused = try run(["new", "article", "\(kind.folder)/x"], in: site)
            #expect(refused.status == 2)
            #expect(refused.stderr == """
                posguide: error: content/\(kind.folder)/ holds \(kind.name) records, not articles
                posguide: note: start one with `posguide new \(kind.name) x`

                """)
        }
        let guide = try run(["new", "article", "guides/x"], in: site)
        #expect(guide.stderr == "posguide: error: content/guides/ holds guide definitions, not articles\nposguide: note: start one with `posguide new guide x`\n")
    }

    @Test func helpOfNewListsEveryKindWithItsFile() throws {
        guard binaryExists else { return }
        let help = try #require(try PosguideBinary.run(["new", "--help"]))
        #expect(help.status == 0)
        #expect(help.stdout.contains("article <section>/<slug>"))
        #expect(help.stdout.contains("guide <id>"))
        for kind in RecordKinds.all {
            #expect(help.stdout.contains("\(kind.name) <id>"))
            #expect(help.stdout.contains("content/\(kind.folder)/<id>.yaml"))
        }
    }

    @Test func refusesToOverwriteAnExistingFile() throws {
        guard binaryExists else { return }
        let site = try smallSite()
        let before = site.fileText("content/articles/a.md")
        let refused = try run(["new", "article", "articles/a", "--title", "乙"], in: site)
        #expect(refused.status == 1)
        #expect(refused.stderr == "posguide: error: cannot create content/articles/a.md: it already exists\n")
        #expect(refused.stdout.isEmpty)
        #expect(site.fileText("content/articles/a.md") == before)
    }

    @Test func aBadSlugSaysTheRuleAndSuggestsOneWhereItCan() throws {
        guard binaryExists else { return }
        let site = try smallSite()
        let chinese = try run(["new", "article", "articles/费率"], in: site)
        #expect(chinese.status == 2)
        #expect(chinese.stderr.hasPrefix("posguide: error: `费率` is not a valid slug: a slug is part of the page's address: lower-case letters a-z, digits and `-`\n"))
        #expect(chinese.stderr.contains("posguide: note: write it in English or pinyin words joined by `-`"))

        let spaced = try run(["new", "provider", "New Pay"], in: site)
        #expect(spaced.status == 2)
        #expect(spaced.stderr.hasSuffix("posguide: note: did you mean `new-pay`?\n"))
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("content/providers").path))
    }

    @Test func anUnknownSectionNamesTheOnesThatExist() throws {
        guard binaryExists else { return }
        let site = try smallSite(["content/checklists/b.md": page("乙")])
        let run = try run(["new", "article", "faq/pos-rates"], in: site)
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("posguide: error: no section `faq`: there is no folder content/faq/\n"))
        #expect(run.stderr.contains("posguide: note: sections: articles, checklists;"))
        let bare = try self.run(["new", "article", "pos-rates"], in: site)
        #expect(bare.status == 2)
        #expect(bare.stderr.contains("did you mean `articles/pos-rates`?"))
        let records = try self.run(["new", "article", "providers/lakala"], in: site)
        #expect(records.status == 2)
        #expect(records.stderr == "posguide: error: content/providers/ holds provider records, not articles\nposguide: note: start one with `posguide new provider lakala`\n")
    }

    @Test func listDraftsShowsEachDraftWithItsPathAndTitle() throws {
        guard binaryExists else { return }
        let site = try smallSite(["content/articles/b.md": page("写了一半", extra: "draft: true\n")])
        #expect(try run(["new", "article", "articles/pos-rates", "--title", "费率"], in: site).status == 0)
        let list = try run(["list", "drafts"], in: site)
        #expect(list.status == 0)
        let lines = list.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0] == "content/articles/b.md: 写了一半")
        #expect(lines[1].hasPrefix("content/articles/pos-rates.md: 费率 ("))
        #expect(lines[1].hasSuffix(" places to fill in)"))
        #expect(lines[2].hasPrefix("2 drafts, not published"))

        let none = try run(["list", "drafts"], in: try smallSite())
        #expect(none.stdout == "no drafts: every page is published\n")
    }

    @Test func theSitesOwnArchetypeIsRenderedWithTheValues() throws {
        guard binaryExists else { return }
        let site = try smallSite()
        try site.write("templates/archetypes/article.md", "---\ntitle: {{{title}}}\ndate: {{date}}\n---\n\n{{section}}/{{slug}} {{id}}\n")
        #expect(try run(["new", "article", "articles/x", "--title", "Q: a #1"], in: site).status == 0)
        #expect(site.fileText("content/articles/x.md") == "---\ntitle: \"Q: a #1\"\ndate: 2026-11-24\n---\n\narticles/x x\n")
        // Without the archetype: an error that says where it looked, nothing written.
        try site.remove("templates/archetypes/guide.yaml")
        let missing = try run(["new", "guide", "g"], in: site)
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("templates/archetypes/guide.yaml:1:1: error: no archetype to start from"))
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("content/guides/g.yaml").path))
        // Outside a site: nothing is made.
        try site.remove("content")
        let outside = try run(["new", "provider", "p"], in: site)
        #expect(outside.status == 1)
        #expect(outside.stderr.hasPrefix("posguide: error: no content folder: looked for "))
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("content").path))
    }

    @Test func versionPrintsTheReleaseAndTheCommit() throws {
        guard binaryExists else { return }
        let run = try PosguideBinary.run(["--version"])!
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("posguide \(VersionCommand.version)"))
        // This repository is a git checkout (when git is there): the commit follows in parentheses.
        if run.stdout != "posguide \(VersionCommand.version)\n" {
            #expect(run.stdout.range(of: #"^posguide [0-9.]+ \([0-9a-f]{7,}\+?\)\n$"#, options: .regularExpression) != nil)
        }
    }
}

extension SiteFixture {
    /// A file of the site as it is now on disk, "" when missing.
    func fileText(_ path: String) -> String {
        (try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)) ?? ""
    }
}
