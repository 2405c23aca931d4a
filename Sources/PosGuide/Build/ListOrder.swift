import Foundation

/// The order of a section's articles: weight first (unweighted last), then newest date, then
/// title, then URL.
///
/// Each page's keys are read once, before sorting: a section of 10,000 articles takes some
/// 140,000 comparisons, most of them between pages of the same date, so between titles.
enum ListOrder {
    static func sorted(_ pages: [PageSource]) -> [PageSource] {
        pages.map(Key.init).sorted(by: Key.precedes).map(\.page)
    }

    private struct Key {
        let page: PageSource
        let weight: Int
        let date: PartialDate?
        let title: String
        /// Whether the title's UTF-8 bytes order it as String's `<` does (see `isNormalized`).
        let titleIsNormalized: Bool

        init(_ page: PageSource) {
            self.page = page
            weight = page.metadata.weight ?? Int.max
            date = page.metadata.date
            var title = page.metadata.title ?? ""
            titleIsNormalized = title.withUTF8(Self.isNormalized)
            self.title = title
        }

        static func precedes(_ a: Key, _ b: Key) -> Bool {
            if a.weight != b.weight { return a.weight < b.weight }
            if a.date != b.date {
                guard let da = a.date else { return false }
                guard let db = b.date else { return true }
                return da > db
            }
            if a.title != b.title {
                guard a.titleIsNormalized, b.titleIsNormalized else { return a.title < b.title }
                return a.title.utf8.lexicographicallyPrecedes(b.title.utf8)
            }
            return a.page.url < b.page.url
        }

        /// String's `<` compares the scalars of the canonically composed (NFC) forms. Text made
        /// only of ASCII and of CJK characters and punctuation that no normalisation changes is
        /// its own NFC form, and for it UTF-8 byte order is scalar order: the bytes may be
        /// compared directly, which is far cheaper for Chinese titles. Anything else (Latin
        /// letters with accents, Hangul, marks) keeps String's comparison.
        static func isNormalized(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                if lead < 0x80 { index += 1; continue }
                guard lead >= 0xE0, lead < 0xF0, index + 2 < bytes.count else { return false }
                let value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                // CJK ideographs and Extension A, CJK punctuation before the tone marks (U+302A),
                // full-width forms, general punctuation: none decomposes or combines.
                // (The CJK compatibility ideographs, U+F900..., do decompose: not listed.)
                guard (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) || (0x3000...0x3029).contains(value)
                        || (0xFF01...0xFF5E).contains(value) || (0x2010...0x2027).contains(value) else { return false }
                index += 3
            }
            return true
        }
    }
}
