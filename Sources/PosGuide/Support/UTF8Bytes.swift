import Foundation

/// Strings made from UTF-8 bytes with one pass over them.
///
/// The standard library's `String(validating:)` and `String(cString:)` check every byte with a
/// general decoder; Chinese text, nearly all three-byte sequences, is checked here a sequence at a
/// time, then copied into the String without a second check.
enum UTF8Bytes {
    /// The text these bytes spell, or nil where they are not UTF-8 (the same bytes the standard
    /// library rejects: overlong forms, surrogates, values above U+10FFFF, cut-off sequences).
    static func string(validating bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard let isASCII = check(bytes) else { return nil }
        // Checked above: the unchecked span copies the bytes as they are. `UTF8Span` is new in Swift 6.2's
        // standard library; where the system's is older (macOS before 26), the library's own check runs again.
        if #available(macOS 26, *) {
            return String(copying: UTF8Span(unchecked: bytes.span, isKnownASCII: isASCII))
        }
        return String(validating: bytes, as: UTF8.self)
    }

    /// A C string as `String(cString:)` reads it (bytes that are not UTF-8 repaired), checked the fast way.
    static func string(cString: UnsafePointer<CChar>) -> String {
        let bytes = UnsafeRawBufferPointer(start: cString, count: strlen(cString)).assumingMemoryBound(to: UInt8.self)
        return string(validating: bytes) ?? String(cString: cString)
    }

    /// A C string already known to be UTF-8, made a String without checking it again.
    /// Only for bytes whose every source is a Swift String (cmark's output for a String's input).
    static func string(trusting cString: UnsafePointer<CChar>) -> String {
        string(trusting: UnsafeRawBufferPointer(start: cString, count: strlen(cString)).assumingMemoryBound(to: UInt8.self))
    }

    /// Bytes already known to be UTF-8 (copied whole from Strings), made a String without checking them again.
    static func string(trusting bytes: UnsafeBufferPointer<UInt8>) -> String {
        if #available(macOS 26, *) {
            // The ASCII flag still told: ASCII strings hash and compare without normalising.
            return String(copying: UTF8Span(unchecked: bytes.span, isKnownASCII: isASCII(bytes)))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether `bytes` (UTF-8) are text that no Unicode normalisation changes, told cheaply: ASCII,
    /// CJK ideographs and Extension A, CJK punctuation before the tone marks (U+302A), full-width
    /// forms and general punctuation, none of which decomposes or combines. (The CJK compatibility
    /// ideographs, U+F900..., do decompose: not listed.) False for anything else, which may or may
    /// not be normalised. Such text is its own NFC form: String hashes and orders it by these very
    /// bytes, so a caller may hash or compare the bytes instead (nearly all Chinese titles and ids).
    static func isInNormalForm(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            guard lead & 0xF0 == 0xE0, index + 2 < bytes.count else { return false }
            let value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
            guard (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) || (0x3000...0x3029).contains(value)
                    || (0xFF01...0xFF5E).contains(value) || (0x2010...0x2027).contains(value) else { return false }
            index += 3
        }
        return true
    }

    /// Whether every byte is ASCII: eight a step, stopping at the first that is not.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index &+ 8 <= bytes.count {
            if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            index &+= 8
        }
        while index < bytes.count {
            if base[index] >= 0x80 { return false }
            index &+= 1
        }
        return true
    }

    /// Whether `bytes` are all ASCII; nil when they are not UTF-8.
    static func check(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        let count = bytes.count
        var isASCII = true
        var index = 0
        while index < count {
            let lead = base[index]
            if lead < 0x80 {
                index &+= 1
                // Runs of markup and Latin text: eight bytes a step.
                while index &+ 8 <= count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    index &+= 8
                }
                // The rest of the run a byte at a time: in Chinese text most runs (`MCC`, `0.6%`)
                // are shorter than eight bytes, and each byte tried the eight-byte step again.
                while index < count, base[index] < 0x80 { index &+= 1 }
                continue
            }
            isASCII = false
            // Chinese text: three-byte sequences one after another, two checked with one load.
            // Little-endian: the lead byte is the low one. E0 must go on with A0...BF (else overlong),
            // ED with 80...9F (else a surrogate): bit 0x20 of the second byte tells which.
            while index &+ 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self).littleEndian
                guard word & 0xC0C0F0_C0C0F0 == 0x8080E0_8080E0 else { break }
                let first = word & 0x200F, second = word >> 24 & 0x200F
                if first == 0 || first == 0x200D || second == 0 || second == 0x200D { return nil }
                index &+= 6
            }
            while index &+ 4 <= count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt32.self).littleEndian
                guard word & 0x00C0_C0F0 == 0x0080_80E0 else { break }
                let key = word & 0x200F
                if key == 0 || key == 0x200D { return nil }
                index &+= 3
            }
            guard index < count else { break }
            let next = base[index]
            if next < 0x80 { continue }
            if next >= 0xE0 && next <= 0xEF {
                guard index &+ 2 < count else { return nil }
                let second = base[index &+ 1], third = base[index &+ 2]
                guard second & 0xC0 == 0x80, third & 0xC0 == 0x80 else { return nil }
                if next == 0xE0 && second < 0xA0 || next == 0xED && second >= 0xA0 { return nil }
                index &+= 3
            } else if next >= 0xC2 && next <= 0xDF {
                guard index &+ 1 < count, base[index &+ 1] & 0xC0 == 0x80 else { return nil }
                index &+= 2
            } else if next >= 0xF0 && next <= 0xF4 {
                guard index &+ 3 < count else { return nil }
                let second = base[index &+ 1]
                guard second & 0xC0 == 0x80, base[index &+ 2] & 0xC0 == 0x80, base[index &+ 3] & 0xC0 == 0x80 else { return nil }
                // F0 with 80...8F is overlong; F4 with 90...BF is above U+10FFFF.
                if next == 0xF0 && second < 0x90 || next == 0xF4 && second >= 0x90 { return nil }
                index &+= 4
            } else {
                return nil
            }
        }
        return isASCII
    }
}
