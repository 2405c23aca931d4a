/// The names and values of a Mustache mapping (a page's context, a list item), in a flat array.
///
/// Not a `Dictionary`: a build makes a page's two dozen names and each list item's few once
/// and looks each up a few times, and a `Dictionary` hashed every name with SipHash at every insert
/// and every lookup, and grew its table by rehashing; that was most of the template stage's CPU.
/// Here each entry keeps a cheap hash of its name, and a lookup compares those first
/// (a template's names are hashed once, when it is parsed: `TemplateKey`). The search is linear:
/// right for a context's few dozen names; a data file's mapping of thousands of names would be
/// searched in full at each lookup of one of them (none of the site's has more than a few dozen).
struct TemplateMap: Sendable {
    private struct Entry {
        let name: String
        var value: TemplateValue
        // Last and 32 bits: a page's entries then fit the allocator's smallest-size caches.
        let hash: UInt32
    }

    private var entries: [Entry] = []

    init() {}

    init(minimumCapacity: Int) {
        entries.reserveCapacity(minimumCapacity)
    }

    init(_ dictionary: [String: TemplateValue]) {
        entries.reserveCapacity(dictionary.count)
        for (name, value) in dictionary { entries.append(Entry(name: name, value: value, hash: TemplateKey.hash(name))) }
    }

    var isEmpty: Bool { entries.isEmpty }
    var count: Int { entries.count }

    /// The value of `key`, or nil; the form the renderer uses, with the hash made at parse time.
    subscript(key: TemplateKey) -> TemplateValue? {
        guard let index = index(of: key.name, hash: key.hash) else { return nil }
        return entries[index].value
    }

    /// The value of `name`; setting nil removes it, as in a `Dictionary`.
    subscript(name: String) -> TemplateValue? {
        get { self[TemplateKey(name)] }
        set {
            let hash = TemplateKey.hash(name)
            let index = index(of: name, hash: hash)
            switch (index, newValue) {
            case (let index?, let value?): entries[index].value = value
            case (let index?, nil): entries.remove(at: index)
            case (nil, let value?): entries.append(Entry(name: name, value: value, hash: hash))
            case (nil, nil): break
            }
        }
    }

    /// Adds `other`'s names; for a name both have, `combine` chooses (as `Dictionary.merge` does).
    mutating func merge(_ other: TemplateMap, uniquingKeysWith combine: (TemplateValue, TemplateValue) throws -> TemplateValue) rethrows {
        entries.reserveCapacity(entries.count + other.entries.count)
        for entry in other.entries {
            if let index = index(of: entry.name, hash: entry.hash) {
                entries[index].value = try combine(entries[index].value, entry.value)
            } else {
                entries.append(entry)
            }
        }
    }

    private func index(of name: String, hash: UInt32) -> Int? {
        for index in entries.indices where entries[index].hash == hash && entries[index].name == name { return index }
        return nil
    }
}

extension TemplateMap: ExpressibleByDictionaryLiteral {
    /// A name given twice keeps its last value.
    init(dictionaryLiteral elements: (String, TemplateValue)...) {
        entries.reserveCapacity(elements.count)
        for (name, value) in elements { self[name] = value }
    }
}

/// A name as templates look it up, with its hash made once (`TemplateMap`).
struct TemplateKey: Sendable {
    let name: String
    let hash: UInt32

    init(_ name: String) {
        self.name = name
        hash = Self.hash(name)
    }

    /// FNV-1a over the UTF-8 bytes: a few instructions a byte, for names of a few bytes.
    static func hash(_ name: String) -> UInt32 {
        var name = name
        return name.withUTF8 { bytes in
            var hash: UInt32 = 2_166_136_261
            for byte in bytes { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
            return hash
        }
    }
}
