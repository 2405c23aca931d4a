import Foundation
import Testing
@testable import PosGuide

/// Every file a build reads comes through `BuildOptions.tree`: the same files in memory
/// build the same site as on disk, with no disk at all.
@Suite struct SourceTreeTests {
    /// A folder that is not there: a build that read the disk behind the tree's back would miss its files.
    static let nowhere = URL(fileURLWithPath: "/nonexistent/posguide-\(UUID().uuidString)")

    /// Builds `tree` with `source` pointing nowhere.
    static func build(_ tree: some SourceTree) -> MemoryBuild {
        var options = BuildOptions(source: nowhere, today: SiteFixture.today)
        options.tree = tree
        return SiteBuilder.buildInMemory(options)
    }

    /// Each output file's path and bytes, in the build's order.
    static func files(_ result: MemoryBuild) throws -> [(String, Data)] {
        try result.files.map { ($0.path, try $0.data()) }
    }

    static func expectSameFiles(_ memory: MemoryBuild, _ disk: MemoryBuild) throws {
        #expect(memory.diagnostics.map(\.description) == disk.diagnostics.map(\.description))
        #expect(memory.paths == disk.paths)
        #expect(!disk.files.isEmpty)
        for ((path, inMemory), (_, onDisk)) in zip(try files(memory), try files(disk)) {
            #expect(inMemory == onDisk, "\(path) differs between the memory and the disk build")
        }
    }

    @Test func theRealSiteBuiltFromMemoryIsByteForByteTheSiteBuiltFromDisk() throws {
        let disk = DiskTree(root: SiteFixture.packageRoot)
        let memory = try MemoryTree(copying: disk, folders: ["content", "templates"])
        let fromDisk = SiteBuilder.buildInMemory(BuildOptions(source: SiteFixture.packageRoot, today: SiteFixture.today))
        let fromMemory = Self.build(memory)
        try Self.expectSameFiles(fromMemory, fromDisk)
        // The parts read outside the loader: a copied asset, the stylesheet's fingerprint, the print
        // stylesheet and the pictures inlined into a guide's print document.
        #expect(fromMemory.paths.contains("assets/site.css"))
        #expect(fromMemory.text("index.html").contains("/assets/site.css?v=" + SiteBuilder.fingerprint("templates/assets/site.css", in: disk)))
        #expect(fromMemory.text("guides/handbook/index.html").contains("data:image/"))
        #expect(fromMemory.text("guides/handbook/index.html").contains(memory.text(of: "templates/assets/print.css")!.prefix(200)))
    }

    @Test func aSiteWithGlossaryAndGuidesBuildsTheSameFromMemoryAsFromItsFolder() throws {
        let site = try SiteFixture(GuidePrintFixture.files.merging(GlossaryFixture.files()) { guide, _ in guide })
        // A template and stylesheets unlike the repository's: a read relative to the working folder
        // (the package root under `swift test`) instead of through the tree would find other bytes.
        for (path, mark) in ["templates/footer.mustache": "<!-- 测试 -->\n", "templates/assets/site.css": "/* 测试 */\n",
                             "templates/assets/print.css": "/* 测试 */\n"] {
            try site.write(path, try Data(contentsOf: site.root.appendingPathComponent(path)) + Data(mark.utf8))
        }
        let memory = try MemoryTree(copying: DiskTree(root: site.root), folders: ["content", "templates"])
        #expect(memory.files.keys.contains("content/assets/img/flow.svg"))
        let fromMemory = Self.build(memory)
        try Self.expectSameFiles(fromMemory, site.build())
        #expect(fromMemory.text("articles/a/index.html").contains("<!-- 测试 -->"))
    }

    @Test func aFileTheTreeCannotReadIsReportedWhereItIs() throws {
        var files = try MemoryTree(copying: DiskTree(root: SiteFixture.packageRoot), folders: ["templates"]).files
        files["content/site.yaml"] = Data("title: 测试\n".utf8)
        files["content/data/sources.yaml"] = Data(sourcesYAML.utf8)
        files["content/articles/a.md"] = Data(page("甲").utf8)
        files["content/articles/b.md"] = Data(page("乙").utf8)
        let tree = Unreadable(files: MemoryTree(files), unreadable: ["content/articles/b.md", "templates/footer.mustache"])
        let result = Self.build(tree)
        let diagnostics = result.diagnostics.map(\.description)
        #expect(diagnostics.contains("content/articles/b.md:1:1: error: cannot read file: permission denied"))
        #expect(diagnostics.contains("templates/footer.mustache:1:1: error: cannot read template: permission denied"))
        #expect(result.files.isEmpty)
    }

    @Test func aCopiedAssetIsReadFromTheTreeWhenItsBytesAreWanted() throws {
        var files = try MemoryTree(copying: DiskTree(root: SiteFixture.packageRoot), folders: ["templates"]).files
        files["content/site.yaml"] = Data("title: 测试\n".utf8)
        files["content/articles/a.md"] = Data(page("甲").utf8)
        files["content/assets/logo.png"] = Data([0x89, 0x50, 0x4E, 0x47])
        let result = Self.build(MemoryTree(files))
        #expect(result.diagnostics.map(\.description) == [])
        #expect(try result.file("assets/logo.png")?.data() == Data([0x89, 0x50, 0x4E, 0x47]))

        let failing = Self.build(Unreadable(files: MemoryTree(files), unreadable: ["content/assets/logo.png"]))
        #expect(throws: FileSystemError("read", "content/assets/logo.png", reason: "permission denied")) {
            try failing.file("assets/logo.png")?.data()
        }
        #expect("\(FileSystemError("read", "content/assets/logo.png", reason: "permission denied"))" == "cannot read content/assets/logo.png: permission denied")
    }

    @Test func aMemoryTreeListsAndReadsLikeAFolderOnDisk() throws {
        let tree = MemoryTree([
            "content/site.yaml": Data("title: 测试\n".utf8),
            "content/articles/a.md": Data("甲".utf8),
            "content/articles/.a.md.swp": Data(),
            "content/.git/config": Data(),
            "templates/home.mustache": Data(),
        ])
        #expect(tree.files(under: "content").files.sorted() == ["articles/a.md", "site.yaml"])
        #expect(tree.files(under: "content").outside.isEmpty)
        #expect(tree.files(under: "content/articles").files == ["a.md"])
        #expect(tree.files(under: "missing").files.isEmpty)
        #expect(tree.item(at: "content") == .folder)
        #expect(tree.item(at: "content/articles/a.md") == .file)
        #expect(tree.item(at: "content/art") == .missing)
        #expect(try tree.contents(of: "content/articles/a.md") == Data("甲".utf8))
        #expect(throws: FileSystemError("read", "content/x.md", reason: "no such file or folder")) { try tree.contents(of: "content/x.md") }
        #expect(throws: FileSystemError("read", "content/articles", reason: "it is a folder, not a file")) { try tree.contents(of: "content/articles") }
    }

    @Test func aDiskTreeSaysWhichPathIsAFileAFolderOrMissing() throws {
        let site = try SiteFixture(["content/site.yaml": "title: 测试\n"], templates: .none)
        let tree = DiskTree(root: site.root)
        #expect(tree.item(at: "content") == .folder)
        #expect(tree.item(at: "content/site.yaml") == .file)
        #expect(tree.item(at: "templates") == .missing)
        #expect(tree.location(of: "content/site.yaml") == site.root.path + "/content/site.yaml")
        #expect(throws: FileSystemError("read", site.root.path + "/content", reason: "it is a folder, not a file")) { try tree.contents(of: "content") }
    }

    @Test func missingContentOrTemplatesInMemoryAreReportedByTheirPaths() {
        let diagnostics = Self.build(MemoryTree([:])).diagnostics.map(\.description)
        #expect(diagnostics == [
            "content:1:1: error: no content folder: looked for content",
            "templates:1:1: error: no templates folder: looked for templates",
        ])
    }

    @Test func theMCCTableIsReadFromTheTreeAndIsEmptyWhenTheSiteHasNone() {
        let yaml = "codes:\n  \"5812\": {name: 餐馆, category: 餐饮}\nadvice:\n  known: 对照{category}\n  unknown: 问{code}\n"
        let (table, diagnostics) = MCCTable.load(from: MemoryTree([MCCTable.path: Data(yaml.utf8)]))
        #expect(diagnostics.isEmpty)
        #expect(table.entries["5812"] == MCCTable.Entry(name: "餐馆", category: "餐饮"))
        let (none, noDiagnostics) = MCCTable.load(from: MemoryTree([:]))
        #expect(none == MCCTable() && noDiagnostics.isEmpty)
    }
}

/// A tree in which some files cannot be read, as if their permissions forbade it.
private struct Unreadable: SourceTree {
    let files: MemoryTree
    let unreadable: Set<String>

    func files(under folder: String) -> SourceListing { files.files(under: folder) }
    func item(at path: String) -> SourceItem { files.item(at: path) }
    func location(of path: String) -> String { path }

    func contents(of path: String) throws(FileSystemError) -> Data {
        if unreadable.contains(path) { throw FileSystemError("read", path, reason: FileSystemError.words(errno: EACCES)) }
        return try files.contents(of: path)
    }
}
