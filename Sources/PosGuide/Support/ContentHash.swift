import Foundation

extension Data {
    /// FNV-1a, 64 bits: a stable content hash (the same bytes give the same value on every run
    /// and machine), for cache-busting URLs, ETags and output listings. Not for security.
    public var fnv1a64: UInt64 {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in self {
            hash ^= UInt64(byte)
            hash = hash &* 0x100000001b3
        }
        return hash
    }
}
