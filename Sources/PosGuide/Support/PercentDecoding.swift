extension String {
    /// Decodes `%XX` escapes; malformed escapes are kept as they are.
    var percentDecoded: String {
        // A byte search in the contiguous text: the generic `contains` over the UTF-8 view cost
        // more than the rest of resolving a link, and most paths hold no escape.
        var text = self
        guard text.withUTF8({ $0.contains(UInt8(ascii: "%")) }) else { return self }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var iterator = Array(utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == UInt8(ascii: "%"), iterator.count >= 2,
               let value = UInt8(String(decoding: iterator.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                iterator = iterator.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
