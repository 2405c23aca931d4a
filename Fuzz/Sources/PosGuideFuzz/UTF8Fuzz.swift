@testable import PosGuide

/// The fast UTF-8 check against the standard library's: source files and cmark's output become
/// Strings without a second check once `UTF8Bytes.check` accepts them, so it must accept exactly
/// what `String(validating:)` accepts, say ASCII exactly when it is, and give the very same text.
enum UTF8Fuzz {
    static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        let expected = String(validating: bytes, as: UTF8.self)
        let isASCII = UTF8Bytes.check(bytes)
        invariant((isASCII != nil) == (expected != nil),
                  "the fast check says \(isASCII == nil ? "invalid" : "valid"), the standard library disagrees: \(Array(bytes))")
        if let isASCII {
            invariant(isASCII == bytes.allSatisfy { $0 < 0x80 }, "ASCII misreported for \(Array(bytes))")
        }
        let fast = UTF8Bytes.string(validating: bytes)
        invariant(fast == expected, "the fast String differs from the standard library's for \(Array(bytes))")
        if let fast {
            invariant(Array(fast.utf8) == Array(bytes), "the String does not hold the bytes it was made from: \(Array(bytes))")
        }
        // As a C string (cmark's output): up to the first NUL, the same as `String(cString:)`, repairs included.
        let prefix = Array(bytes.prefix { $0 != 0 }) + [0]
        prefix.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                let fastC = UTF8Bytes.string(cString: chars.baseAddress!)
                invariant(fastC == String(cString: chars.baseAddress!), "string(cString:) differs from String(cString:) for \(prefix)")
            }
        }
    }
}
