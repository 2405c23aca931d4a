import Foundation
import Testing
@testable import PosGuide

@Suite struct FileSystemTests {
    @Test func listsFilesSkippingHiddenOnesAndLinkedFolders() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("posguide-fs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let manager = FileManager.default
        try manager.createDirectory(at: root.appendingPathComponent("a/b"), withIntermediateDirectories: true)
        try manager.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        for path in ["top.md", "a/one.md", "a/b/two.md", ".hidden.md", "a/.swp", ".git/config"] {
            try Data("x".utf8).write(to: root.appendingPathComponent(path))
        }
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("linked-file.md").path, withDestinationPath: root.appendingPathComponent("top.md").path)
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("linked-folder").path, withDestinationPath: root.appendingPathComponent("a").path)
        #expect(FileSystem.files(under: root.path).sorted() == ["a/b/two.md", "a/one.md", "linked-file.md", "top.md"])
        #expect(FileSystem.files(under: root.appendingPathComponent("missing").path).isEmpty)
    }

    @Test func aLinkInContentToAFileOutsideTheSiteIsAnErrorAndIsNeverRead() throws {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("posguide-outside-\(UUID().uuidString).md")
        defer { try? FileManager.default.removeItem(at: outside) }
        try Data("---\ntitle: 站外的文件\n---\n\n不该发布的内容。\n".utf8).write(to: outside)
        let site = try SiteFixture([
            "content/articles/inside.md": "---\ntitle: 站内\n---\n\n正文。\n",
            "notes/shared.md": "---\ntitle: 站内链接\n---\n\n正文。\n",
        ])
        let manager = FileManager.default
        try manager.createSymbolicLink(atPath: site.root.appendingPathComponent("content/articles/leak.md").path, withDestinationPath: outside.path)
        // A link to a file elsewhere in the site's own folder is still followed.
        try manager.createSymbolicLink(atPath: site.root.appendingPathComponent("content/articles/shared.md").path,
                                       withDestinationPath: site.root.appendingPathComponent("notes/shared.md").path)
        let result = site.build()
        let target = URL(fileURLWithPath: outside.path).resolvingSymlinksInPath().path
        #expect(result.diagnostics.map(\.description) == [
            "content/articles/leak.md:1:1: error: links to \(target), outside the site's folder: posguide reads only files inside it",
        ])
        #expect(result.diagnostics.first?.hint == "copy the file into the site instead of linking to it")
        #expect(!result.files.contains { $0.path.contains("leak") })
    }

    @Test func readsWholeFilesAndNothingElse() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("posguide-fs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let text = String(repeating: "商户 POS 安全指南\n", count: 20_000)
        try Data(text.utf8).write(to: root.appendingPathComponent("big.md"))
        try Data().write(to: root.appendingPathComponent("empty.md"))
        #expect(FileSystem.read(root.appendingPathComponent("big.md").path) == Data(text.utf8))
        #expect(FileSystem.read(root.appendingPathComponent("empty.md").path) == Data())
        #expect(FileSystem.read(root.appendingPathComponent("missing.md").path) == nil)
        #expect(FileSystem.read(root.path) == nil)
    }
}
