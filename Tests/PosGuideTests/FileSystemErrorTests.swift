import Foundation
import Testing
@testable import PosGuide

/// Operating-system errors said in words, from errno, POSIX errors and Foundation's errors alike.
@Suite struct FileSystemErrorTests {
    @Test func errnoCodesReadAsWords() {
        #expect(FileSystemError.words(errno: EROFS) == "read-only file system")
        #expect(FileSystemError.words(errno: ENOSPC) == "no space left on device")
        #expect(FileSystemError.words(errno: EACCES) == "permission denied")
        #expect(FileSystemError.words(errno: EPERM) == "permission denied")
        #expect(FileSystemError.words(errno: ENOTDIR) == "part of the path is a file, not a folder")
        #expect(FileSystemError.words(errno: ENOENT) == "no such file or folder")
        #expect(FileSystemError.words(errno: EDQUOT) == "disk quota exceeded")
        // Codes without words of our own take the system's, as a lower-case phrase.
        #expect(FileSystemError.words(errno: ESPIPE) == "illegal seek")
    }

    @Test func foundationErrorsReadAsTheirPOSIXErrorUnderneath() {
        let readOnly = NSError(domain: NSCocoaErrorDomain, code: CocoaError.fileWriteVolumeReadOnly.rawValue,
                               userInfo: [NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(EROFS))])
        #expect(FileSystemError.words(for: readOnly) == "read-only file system")
        let underneathWins = NSError(domain: NSCocoaErrorDomain, code: CocoaError.fileWriteUnknown.rawValue,
                                     userInfo: [NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(ENOTDIR))])
        #expect(FileSystemError.words(for: underneathWins) == "part of the path is a file, not a folder")
        #expect(FileSystemError.words(for: POSIXError(.ENOSPC)) == "no space left on device")
        #expect(FileSystemError.words(for: NSError(domain: NSPOSIXErrorDomain, code: Int(EACCES))) == "permission denied")
    }

    @Test func cocoaCodesWithoutAPOSIXErrorStillReadAsWords() {
        #expect(FileSystemError.words(for: CocoaError(.fileWriteVolumeReadOnly)) == "read-only file system")
        #expect(FileSystemError.words(for: CocoaError(.fileWriteOutOfSpace)) == "no space left on device")
        #expect(FileSystemError.words(for: CocoaError(.fileWriteNoPermission)) == "permission denied")
        #expect(FileSystemError.words(for: CocoaError(.fileReadNoSuchFile)) == "no such file or folder")
        #expect(FileSystemError.words(for: CocoaError(.fileWriteUnknown)) == "the system gave no reason (Foundation file error 512)")
    }

    @Test func theLineSaysWhatWasBeingDoneToWhichPath() throws {
        #expect(FileSystemError("write", "/srv/public/index.html", errno: EROFS).description
            == "cannot write /srv/public/index.html: read-only file system")
        let thrown = #expect(throws: FileSystemError.self) {
            try FileSystemError.attempt("read", "/nowhere/x") { try Data(contentsOf: URL(fileURLWithPath: "/nowhere/x")) }
        }
        #expect(thrown?.description == "cannot read /nowhere/x: no such file or folder")
    }

    @Test func makingAFolderUnderAFileSaysSo() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("posguide-fs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileSystem.makeFolder(root.path + "/a/b")
        try FileSystem.makeFolder(root.path + "/a/b")
        try Data("x".utf8).write(to: root.appendingPathComponent("file"))
        #expect(throws: FileSystemError("create the folder", root.path + "/file/sub/deeper", reason: "part of the path is a file, not a folder")) {
            try FileSystem.makeFolder(root.path + "/file/sub/deeper")
        }
        #expect(throws: FileSystemError("create the folder", root.path + "/file", reason: "a file of that name is already there")) {
            try FileSystem.makeFolder(root.path + "/file")
        }
    }
}
