import Foundation

/// A file-system operation that failed, in words: `cannot write /srv/public/index.html: read-only file system`.
///
/// Every command prints it as one line, `posguide: error: …`. The reason comes from the
/// errno, whether a system call set it or a Foundation error carries it (as its underlying
/// POSIX error, or as a Cocoa file error code), so one failure reads the same everywhere
/// instead of as a Foundation error dump.
public struct FileSystemError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What posguide was doing, as a verb phrase: "write", "create the folder", "remove".
    var action: String
    var path: String
    /// Lower case, no final period: "read-only file system".
    var reason: String

    public var description: String { "cannot \(action) \(path): \(reason)" }

    init(_ action: String, _ path: String, reason: String) {
        self.action = action
        self.path = path
        self.reason = reason
    }

    /// From the `errno` a system call just set.
    init(_ action: String, _ path: String, errno code: Int32) {
        self.init(action, path, reason: Self.words(errno: code))
    }

    /// From whatever a Foundation call threw.
    init(_ action: String, _ path: String, error: Error) {
        self.init(action, path, reason: Self.words(for: error))
    }

    /// Runs `body`; a Foundation or POSIX failure becomes `cannot <action> <path>: <reason>`.
    /// Errors that already say what failed (this type, `OutputError`) pass through unchanged.
    static func attempt<T>(_ action: String, _ path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as FileSystemError {
            throw error
        } catch let error as OutputError {
            throw error
        } catch {
            throw FileSystemError(action, path, error: error)
        }
    }

    /// The reason of any error in words: a POSIX code, the POSIX error under a Foundation
    /// error, a Cocoa file error code, or (for anything else) its own description.
    public static func words(for error: Error) -> String {
        if let error = error as? FileSystemError { return error.reason }
        let nsError = error as NSError
        if nsError.domain == NSPOSIXErrorDomain { return words(errno: Int32(nsError.code)) }
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return words(errno: Int32(underlying.code))
        }
        if nsError.domain == NSCocoaErrorDomain, let words = cocoaWords[nsError.code] {
            return words
        }
        if nsError.domain == NSCocoaErrorDomain {
            return "the system gave no reason (Foundation file error \(nsError.code))"
        }
        return String(describing: error)
    }

    /// The words for a POSIX error code.
    static func words(errno code: Int32) -> String {
        if let words = errnoWords[code] { return words }
        return sentence(String(cString: strerror(code)))
    }

    private static let errnoWords: [Int32: String] = [
        EROFS: "read-only file system",
        ENOSPC: "no space left on device",
        EDQUOT: "disk quota exceeded",
        EACCES: "permission denied",
        EPERM: "permission denied",
        ENOENT: "no such file or folder",
        ENOTDIR: "part of the path is a file, not a folder",
        EISDIR: "it is a folder, not a file",
        EEXIST: "a file of that name is already there",
        ENOTEMPTY: "the folder is not empty",
        ENAMETOOLONG: "the name is too long",
        ELOOP: "too many levels of symbolic links",
        EMFILE: "too many open files",
        ENFILE: "too many open files",
        EIO: "input/output error (the disk may be failing)",
        EXDEV: "it is on another file system",
        EBUSY: "it is in use",
        EFBIG: "the file is too large",
        ETXTBSY: "it is in use",
    ]

    /// Foundation's file error codes, for errors that carry no POSIX error underneath.
    private static let cocoaWords: [Int: String] = [
        CocoaError.fileNoSuchFile.rawValue: words(errno: ENOENT),
        CocoaError.fileReadNoSuchFile.rawValue: words(errno: ENOENT),
        CocoaError.fileReadNoPermission.rawValue: words(errno: EACCES),
        CocoaError.fileWriteNoPermission.rawValue: words(errno: EACCES),
        CocoaError.fileWriteVolumeReadOnly.rawValue: words(errno: EROFS),
        CocoaError.fileWriteOutOfSpace.rawValue: words(errno: ENOSPC),
        CocoaError.fileWriteFileExists.rawValue: words(errno: EEXIST),
        CocoaError.fileReadTooLarge.rawValue: words(errno: EFBIG),
        CocoaError.fileReadInvalidFileName.rawValue: "the name is not valid",
        CocoaError.fileWriteInvalidFileName.rawValue: "the name is not valid",
        CocoaError.fileReadCorruptFile.rawValue: "the file is damaged",
    ]

    /// "The volume is read only." -> "the volume is read only"
    private static func sentence(_ text: String) -> String {
        var text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasSuffix(".") { text.removeLast() }
        guard let first = text.first else { return "unknown error" }
        // Lower-case a leading word, not an acronym ("I/O error" stays).
        let second = text.dropFirst().first
        if first.isUppercase, second.map({ !$0.isUppercase && $0 != "/" }) ?? true {
            return first.lowercased() + text.dropFirst()
        }
        return text
    }
}
