import Foundation

/// The order of a section's articles: weight first (unweighted last), then newest date, then
/// title, then URL.
///
/// A section of 10,000 articles takes some 140,000 comparisons, most of them between pages of
/// the same date, so between titles. Each page's keys are read once into arrays and positions
/// are sorted: no page, String or key is retained or copied while sorting.
enum ListOrder {
    static func sorted(_ pages: [PageSource]) -> [PageSource] {
        guard pages.count > 1 else { return pages }
        let keys = Keys(pages)
        let order = keys.titleBytes.withUnsafeBufferPointer { pool in
            // `sort` is stable: pages equal in every key keep their order.
            let precedes = { (a: Int, b: Int) in keys.precedes(a, b, titles: pool) }
            guard pages.count >= 4_096 else { return pages.indices.sorted(by: precedes) }
            // A large section: each half sorted on its own core, then merged, the first half's
            // page first among equals, which is the order one stable sort of the whole gives.
            let middle = pages.count / 2
            nonisolated(unsafe) let compare = precedes
            let halves = [0..<middle, middle..<pages.count].parallelMap { half in half.sorted(by: compare) }
            return merge(halves[0], halves[1], by: precedes)
        }
        return order.map { pages[$0] }
    }

    private static func merge(_ first: [Int], _ second: [Int], by precedes: (Int, Int) -> Bool) -> [Int] {
        var merged: [Int] = []
        merged.reserveCapacity(first.count + second.count)
        var i = 0, j = 0
        while i < first.count, j < second.count {
            if precedes(second[j], first[i]) {
                merged.append(second[j])
                j += 1
            } else {
                merged.append(first[i])
                i += 1
            }
        }
        merged += first[i...]
        merged += second[j...]
        return merged
    }

    private struct Keys {
        let pages: [PageSource]
        var weights: [Int] = []
        var dates: [PartialDate?] = []
        /// Every title's UTF-8 bytes, one after another; `titles[i]` is page i's range, or nil when
        /// its bytes may not order it as String's `<` does (`UTF8Bytes.isInNormalForm`).
        var titleBytes: [UInt8] = []
        var titles: [Range<Int>?] = []

        init(_ pages: [PageSource]) {
            self.pages = pages
            weights.reserveCapacity(pages.count)
            dates.reserveCapacity(pages.count)
            titles.reserveCapacity(pages.count)
            for page in pages {
                weights.append(page.metadata.weight ?? Int.max)
                dates.append(page.metadata.date)
                var title = page.metadata.title ?? ""
                titles.append(title.withUTF8 { bytes -> Range<Int>? in
                    // String's `<` compares the scalars of the NFC forms; for text that is its own
                    // NFC form, UTF-8 byte order is that order.
                    guard UTF8Bytes.isInNormalForm(bytes) else { return nil }
                    let start = titleBytes.count
                    titleBytes.append(contentsOf: bytes)
                    return start..<titleBytes.count
                })
            }
        }

        func precedes(_ a: Int, _ b: Int, titles pool: UnsafeBufferPointer<UInt8>) -> Bool {
            if weights[a] != weights[b] { return weights[a] < weights[b] }
            if dates[a] != dates[b] {
                guard let da = dates[a] else { return false }
                guard let db = dates[b] else { return true }
                return da > db
            }
            if let ta = titles[a], let tb = titles[b] {
                let common = min(ta.count, tb.count)
                let order = common == 0 ? 0 : memcmp(pool.baseAddress! + ta.lowerBound, pool.baseAddress! + tb.lowerBound, common)
                if order != 0 { return order < 0 }
                if ta.count != tb.count { return ta.count < tb.count }
            } else {
                let titleA = pages[a].metadata.title ?? "", titleB = pages[b].metadata.title ?? ""
                if titleA != titleB { return titleA < titleB }
            }
            return pages[a].url < pages[b].url
        }
    }
}
