import Foundation

/// Linux `renameat2(..., RENAME_EXCHANGE)`: swaps two paths atomically.
///
/// Looked up at run time so the build needs no extra C target, and falls back
/// (returns false) on kernels, file systems or platforms without it.
enum AtomicExchange {
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    private static let renameat2: RenameAt2? = {
        #if os(Linux)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
        #else
        return nil
        #endif
    }()

    static func exchange(_ a: String, _ b: String) -> Bool {
        guard let renameat2 else { return false }
        let atCurrentDirectory: Int32 = -100
        let renameExchange: UInt32 = 1 << 1
        return renameat2(atCurrentDirectory, a, atCurrentDirectory, b, renameExchange) == 0
    }
}
