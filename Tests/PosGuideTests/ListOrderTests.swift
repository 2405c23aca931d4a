import Testing
@testable import PosGuide

@Suite struct ListOrderTests {
    static func page(_ title: String?, date: String? = "2026-01-01", weight: Int? = nil, url: String) -> PageSource {
        var metadata = PageMetadata()
        metadata.title = title
        metadata.date = date.flatMap { PartialDate(iso: $0) }
        metadata.weight = weight
        return PageSource(file: SourceFile(path: "content/articles\(url)index.md", text: ""), kind: .article(section: "articles"),
                          url: url, metadata: metadata, body: "", bodyFirstLine: 1)
    }

    /// The order as written before the keys were read once: String's own comparison for titles.
    static func reference(_ a: PageSource, _ b: PageSource) -> Bool {
        let wa = a.metadata.weight ?? Int.max, wb = b.metadata.weight ?? Int.max
        if wa != wb { return wa < wb }
        if a.metadata.date != b.metadata.date {
            guard let da = a.metadata.date else { return false }
            guard let db = b.metadata.date else { return true }
            return da > db
        }
        return (a.metadata.title ?? "", a.url) < (b.metadata.title ?? "", b.url)
    }

    @Test func weightsComeFirstThenTheNewestDateThenTheTitle() {
        let pages = [
            Self.page("乙", date: "2026-03-01", url: "/a/1/"),
            Self.page("甲", date: "2026-03-01", url: "/a/2/"),
            Self.page("丙", date: "2026-05-01", url: "/a/3/"),
            Self.page("丁", date: nil, url: "/a/4/"),
            Self.page("戊", date: "2020-01-01", weight: 1, url: "/a/5/"),
        ]
        // Titles by code point, not pinyin: 乙 (U+4E59) before 甲 (U+7532).
        #expect(ListOrder.sorted(pages).map(\.url) == ["/a/5/", "/a/3/", "/a/1/", "/a/2/", "/a/4/"])
    }

    @Test func titlesSortAsStringComparisonSortsThem() {
        // Chinese, ASCII, full-width forms and punctuation, plus text whose bytes do not order as
        // String does: a precomposed and a decomposed é, Hangul, a compatibility ideograph (U+F900),
        // a supplementary-plane ideograph, and titles that are prefixes of each other.
        let titles = ["刷卡", "刷卡机", "一清", "二清", "POS 机", "pos", "Ｐｏｓ", "“一清”", "【费率】", "é", "e\u{301}", "ef",
                      "한국", "\u{F900}", "\u{8C48}", "𠀀", "", "0.38%", "费率（年费）", "费率", "a\u{300}b", "àb", "Z", "～"]
        var pages: [PageSource] = []
        for (index, title) in titles.enumerated() {
            pages.append(Self.page(title, url: "/a/\(index)/"))
            pages.append(Self.page(title, url: "/b/\(index)/"))
        }
        pages.append(Self.page(nil, url: "/c/"))
        let expected = pages.sorted(by: Self.reference).map(\.url)
        #expect(ListOrder.sorted(pages).map(\.url) == expected)
        #expect(ListOrder.sorted(pages.reversed()).map(\.url) == expected)
    }

    @Test func aLargeSectionSortedInHalvesOrdersAsOneStableSort() {
        // Past the size sorted on two cores: few distinct dates and titles, so most pages tie on
        // both and their order rests on the URL and, for equal titles, on stability.
        let titles = ["一清", "二清", "费率", "é", "e\u{301}", "POS"]
        var pages: [PageSource] = []
        var seed: UInt64 = 7
        for index in 0..<9_001 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let pick = Int(seed >> 33)
            pages.append(Self.page(titles[pick % titles.count], date: "2026-0\(1 + pick % 3)-01",
                                   weight: pick % 50 == 0 ? pick % 4 : nil, url: "/a/\(index % 4_500)/"))
        }
        let expected = pages.sorted(by: Self.reference).map(ObjectIdentifier.init)
        let sorted = ListOrder.sorted(pages).map(ObjectIdentifier.init)
        // One Bool, not the arrays: a failure would print 9,000 identifiers twice.
        let firstDifference = sorted.indices.first { $0 < expected.count && sorted[$0] != expected[$0] }
        #expect(firstDifference == nil && sorted.count == expected.count)
    }
}
