import Foundation
import Testing
@testable import PosGuide

/// File-system failures through the built binary: one line in words, exit 1, the previous output untouched.
///
/// Tests run as root, where permission bits stop nothing: a read-only or full disk is a small
/// tmpfs mounted for the test (skipped where mounting is not allowed), a path through a file needs nothing.
@Suite struct FileSystemFailureCLITests {
    static var binaryExists: Bool { FileManager.default.isExecutableFile(atPath: PosguideBinary.url.path) }

    static func site() throws -> SiteFixture {
        try SiteFixture(["content/index.md": "你好\n", "content/articles/a.md": page("甲")])
    }

    /// Every file under `folder` with its bytes.
    static func snapshot(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        for relative in FileSystem.files(under: folder.path) {
            files[relative] = FileSystem.read(folder.path + "/" + relative)
        }
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent(OutputWriter.markerName).path) {
            files[OutputWriter.markerName] = FileSystem.read(folder.path + "/" + OutputWriter.markerName)
        }
        return files
    }

    @Test(.enabled(if: binaryExists))
    func anOutputUnderAFileIsOneLineAndExitOne() throws {
        let fixture = try Self.site()
        try fixture.write("blocker", "a file, not a folder")
        let run = try #require(try PosguideBinary.run(["build", "--source", fixture.root.path, "--output", fixture.root.path + "/blocker/site/public"]))
        #expect(run.status == 1)
        #expect(run.stderr == "posguide: error: cannot create the folder \(fixture.root.path)/blocker/site: part of the path is a file, not a folder\n")
        #expect(run.stdout.isEmpty)
    }

    /// Builds a small site into a fresh tmpfs of `size`, lets `change` spoil the disk or grow the site,
    /// and builds again: the second run, and the output before and after it.
    static func rebuild(onMountOf size: String, after change: (TemporaryMount, SiteFixture) throws -> Void) throws
        -> (run: PosguideBinary.Run, before: [String: Data], after: [String: Data], mount: TemporaryMount) {
        let fixture = try site()
        let mount = try TemporaryMount(size: size)
        let output = mount.folder.appendingPathComponent("public")
        let arguments = ["build", "--source", fixture.root.path, "--output", output.path]
        let first = try #require(try PosguideBinary.run(arguments))
        #expect(first.status == 0, "\(first.stderr)")
        let before = snapshot(output)
        #expect(before["index.html"] != nil)
        try change(mount, fixture)
        let run = try #require(try PosguideBinary.run(arguments))
        return (run, before, snapshot(output), mount)
    }

    @Test(.enabled(if: binaryExists && TemporaryMount.allowed))
    func aReadOnlyDiskLeavesThePreviousOutputAsItWas() throws {
        let (run, before, after, mount) = try Self.rebuild(onMountOf: "4m") { mount, fixture in
            try mount.remount(readOnly: true)
            try fixture.write("content/articles/b.md", page("乙"))
        }
        #expect(run.status == 1)
        #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
        #expect(run.stderr.hasPrefix("posguide: error: cannot create the staging folder \(mount.folder.path)/.public.posguide-staging-"))
        #expect(run.stderr.hasSuffix(": read-only file system\n"))
        #expect(after == before)
    }

    @Test(.enabled(if: binaryExists && TemporaryMount.allowed))
    func aFullDiskFailsTheWriteAndLeavesThePreviousOutputAsItWas() throws {
        // A page larger than the room left: the staging copy cannot be written.
        let (run, before, after, mount) = try Self.rebuild(onMountOf: "1m") { _, fixture in
            try fixture.write("content/articles/big.md", page("大", String(repeating: "一清结算到同名账户。", count: 60_000)))
        }
        #expect(run.status == 1)
        #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
        #expect(run.stderr.hasPrefix("posguide: error: cannot write \(mount.folder.path)/.public.posguide-staging-"))
        #expect(run.stderr.hasSuffix(": no space left on device\n"))
        #expect(after == before)
        // The half-written staging folder is gone.
        #expect(try FileManager.default.contentsOfDirectory(atPath: mount.folder.path) == ["public"])
    }

    @Test(.enabled(if: binaryExists && TemporaryMount.allowed))
    func exportOntoAReadOnlyDiskIsOneLineAndWritesNothing() throws {
        let fixture = try SiteFixture(GuidePrintFixture.files)
        let mount = try TemporaryMount(size: "1m")
        try mount.remount(readOnly: true)
        let run = try #require(try PosguideBinary.run(["export", "checklist", "--source", fixture.root.path, "--output", mount.folder.path]))
        #expect(run.status == 1)
        // The fixture's placeholder base_url is warned about first; the failure is the last line.
        #expect(run.stderr.split(separator: "\n").last == "posguide: error: cannot write \(mount.folder.path)/.posguide-output: read-only file system",
                "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: mount.folder.path).isEmpty)
    }

    @Test(.enabled(if: binaryExists))
    func anAssetThatCannotBeReadFailsTheBuildInOneLineAndThePreviewWarns() throws {
        let fixture = try Self.site()
        try FileManager.default.createDirectory(at: fixture.root.appendingPathComponent("content/assets"), withIntermediateDirectories: true)
        // A device node inside the site (root may make one; a link to /dev/null would be a link out
        // of the site, reported as such): it can be listed but not published.
        let device = fixture.root.path + "/content/assets/device.bin"
        // dev_t 259 is makedev(1, 3), /dev/null's numbers (the macro is not visible from Swift).
        try #require(mknod(device, S_IFCHR | 0o666, dev_t(259)) == 0, "mknod needs root")
        let run = try #require(try PosguideBinary.run(["build", "--source", fixture.root.path]))
        #expect(run.status == 1)
        #expect(run.stderr == "posguide: error: cannot read \(fixture.root.path)/content/assets/device.bin: it is not a regular file\n")
        #expect(!FileManager.default.fileExists(atPath: fixture.output.path))

        let preview = PreviewSite(options: fixture.options).rebuild(.all)
        #expect(preview.diagnostics.map(\.description) == ["content/assets/device.bin:1:1: warning: cannot read file: it is not a regular file"])
    }

    @Test(.enabled(if: binaryExists))
    func renderingAFileThatIsNotThereIsOneLine() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("posguide-missing-\(UUID().uuidString).md").path
        let run = try #require(try PosguideBinary.run(["render", missing]))
        #expect(run.status == 1)
        #expect(run.stderr == "posguide: error: cannot read \(missing): no such file or folder\n")
        let folder = try #require(try PosguideBinary.run(["render", FileManager.default.temporaryDirectory.path]))
        #expect(folder.stderr == "posguide: error: cannot read \(FileManager.default.temporaryDirectory.path): it is a folder, not a file\n")
    }
}

/// A small tmpfs mounted for one test and unmounted when it ends (needs root and mount rights).
final class TemporaryMount {
    let folder: URL
    let size: String

    /// Whether this process may mount (root, and a kernel that lets it): tried once.
    static let allowed: Bool = {
        guard getuid() == 0, let probe = try? TemporaryMount(size: "64k") else { return false }
        _ = probe
        return true
    }()

    init(size: String) throws {
        self.size = size
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("posguide-mount-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        guard Self.mount(["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", folder.path]) else {
            try? FileManager.default.removeItem(at: folder)
            throw FileSystemError("mount a tmpfs on", folder.path, reason: "mount failed")
        }
    }

    func remount(readOnly: Bool) throws {
        guard Self.mount(["-o", "remount,\(readOnly ? "ro" : "rw"),size=\(size)", folder.path]) else {
            throw FileSystemError("remount", folder.path, reason: "mount failed")
        }
    }

    deinit {
        _ = Self.run("/bin/umount", [folder.path])
        try? FileManager.default.removeItem(at: folder)
    }

    private static func mount(_ arguments: [String]) -> Bool { run("/bin/mount", arguments) }

    private static func run(_ tool: String, _ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
