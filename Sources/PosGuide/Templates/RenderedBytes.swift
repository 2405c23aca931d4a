import Foundation

/// The bytes a template renders into: UTF-8, grown in place, handed over as `Data` without a copy.
///
/// Not an `Array` or a `String`: a page is mostly template text and values appended whole, and the
/// finished page becomes an output file's `Data`; building a `String` and copying it into `Data`
/// showed in a large build's profile. Noncopyable, so the memory has one owner and one `free`.
struct RenderedBytes: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        // malloc, not `allocate`: `realloc` grows it, often in place, and `Data` frees it with `free`.
        start = malloc(self.capacity)!.assumingMemoryBound(to: UInt8.self)
    }

    deinit {
        free(start)
    }

    var isEmpty: Bool { count == 0 }
    var last: UInt8? { count == 0 ? nil : start[count - 1] }

    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        start[count] = byte
        count += 1
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > capacity { grow(to: count + bytes.count) }
        (start + count).update(from: base, count: bytes.count)
        count += bytes.count
    }

    mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    mutating func append(_ text: Substring) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// Appends `text` escaped for HTML, as `String.htmlEscaped` escapes it: the five characters it
    /// replaces are ASCII, never part of a longer UTF-8 sequence, so runs between them are copied whole.
    mutating func appendEscaped(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var run = 0
            for index in 0..<bytes.count {
                // All five are below `@` (0x40); most bytes of Chinese text and of words are not.
                let byte = bytes[index]
                guard byte < 0x40 else { continue }
                let entity: StaticString
                switch byte {
                case UInt8(ascii: "&"): entity = "&amp;"
                case UInt8(ascii: "<"): entity = "&lt;"
                case UInt8(ascii: ">"): entity = "&gt;"
                case UInt8(ascii: "\""): entity = "&quot;"
                case UInt8(ascii: "'"): entity = "&#39;"
                default: continue
                }
                append(UnsafeBufferPointer(rebasing: bytes[run..<index]))
                append(UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                run = index + 1
            }
            append(UnsafeBufferPointer(rebasing: bytes[run...]))
        }
    }

    /// At least doubles, so a page that outgrows its estimate is moved a few times, not once per append.
    private mutating func grow(to needed: Int) {
        let grown = max(needed, capacity * 2)
        start = realloc(start, grown)!.assumingMemoryBound(to: UInt8.self)
        capacity = grown
    }

    /// The text rendered (a template's output is valid UTF-8: its text and values are `String`s).
    var string: String {
        String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    }

    /// The bytes as `Data` that owns them (and frees them): no copy.
    consuming func data() -> Data {
        let start = self.start
        let count = self.count
        discard self
        guard count > 0 else {
            free(start)
            return Data()
        }
        return Data(bytesNoCopy: start, count: count, deallocator: .free)
    }
}
