/// Two offers priced on the same month of card sales: which one costs less, and by how much.
///
/// Differences are taken between totals already rounded to the fen, so they match the two
/// totals a reader sees side by side.
struct FeeComparison: Sendable, Equatable {
    /// First offer minus second, first year (deposit included unless refunded), in fen.
    var firstYearDifferenceFen: Int
    /// First offer minus second, a full year without the deposit, in fen.
    var yearlyDifferenceFen: Int

    init(_ first: FeeOffer, _ second: FeeOffer) {
        let a = first.yearlyCost(), b = second.yearlyCost()
        firstYearDifferenceFen = a.firstYearTotalFen - b.firstYearTotalFen
        yearlyDifferenceFen = a.yearlyTotalFen - b.yearlyTotalFen
    }

    /// `"报价二便宜"`, `"报价一便宜"` or `"两个一样"` for a difference (first minus second).
    static func verdict(_ differenceFen: Int) -> String {
        differenceFen > 0 ? "报价二便宜" : differenceFen < 0 ? "报价一便宜" : "两个一样"
    }
}
