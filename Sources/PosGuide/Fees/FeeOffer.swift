import Foundation

/// A POS offer as a merchant is quoted it, and a month of card sales to price it on.
///
/// Money is held in integer fen and rates as `Decimal` percent: binary floating
/// point cannot represent 0.38% or 0.1 元 exactly, and a fee calculator that is
/// off by a fen teaches the wrong habit.
struct FeeOffer: Sendable, Equatable, Codable {
    /// Card sales in a month, in fen.
    var monthlyAmountFen: Int
    /// The quoted rate in percent (0.6 means 0.6%).
    var ratePercent: Decimal
    /// A fee charged on every transaction (e.g. an instant-settlement fee), in fen.
    var perTransactionFeeFen: Int
    /// Transactions in the month.
    var transactionCount: Int
    /// Fixed fees per year (service, data/SIM), in fen; spread evenly over 12 months.
    var annualFeeFen: Int
    /// A deposit paid for the terminal, in fen.
    var depositFen: Int
    /// Whether the refund of the deposit, and its conditions, are in the contract with the
    /// licensed institution. A refund only promised by a salesperson ("激活返还") does not count.
    var depositRefunded: Bool

    init(monthlyAmountFen: Int, ratePercent: Decimal, perTransactionFeeFen: Int = 0, transactionCount: Int = 0, annualFeeFen: Int = 0,
                depositFen: Int = 0, depositRefunded: Bool = false) {
        self.monthlyAmountFen = monthlyAmountFen
        self.ratePercent = ratePercent
        self.perTransactionFeeFen = perTransactionFeeFen
        self.transactionCount = transactionCount
        self.annualFeeFen = annualFeeFen
        self.depositFen = depositFen
        self.depositRefunded = depositRefunded
    }

    /// A rate above this many percent is more likely a slip ("38" for 0.38%) than a quote:
    /// the tools ask before the reader trusts the result.
    static let implausibleRatePercent: Decimal = 5

    /// True when the rate looks mistyped (see `implausibleRatePercent`).
    var rateLooksMistyped: Bool { ratePercent > Self.implausibleRatePercent }
}

/// What an offer costs in a month.
struct FeeBreakdown: Sendable, Equatable {
    /// amount × rate, before rounding, in fen.
    var rateFeeFen: Decimal
    var perTransactionFeesFen: Int
    /// annual fee ÷ 12, before rounding, in fen.
    var annualShareFen: Decimal
    /// The month's total, rounded half-up to the fen once, at the end.
    var monthlyTotalFen: Int
    /// monthly total ÷ amount × 100, rounded half-up to 2 decimals; nil when the amount is 0.
    var effectiveRatePercent: Decimal?
}

/// What an offer costs over a year, and in its first year.
struct YearlyCost: Sendable, Equatable {
    /// Twelve months, rounded half-up to the fen once.
    var yearlyTotalFen: Int
    /// The yearly total plus a deposit whose refund is not in the contract.
    var firstYearTotalFen: Int
}

extension FeeOffer {
    /// Prices the month. Rounding is stated, not implied: parts are summed exactly and
    /// the total is rounded half-up to the fen once; the effective rate to 2 decimals.
    func monthlyCost() -> FeeBreakdown {
        let rateFee = Decimal(monthlyAmountFen) * ratePercent / 100
        let perTransaction = perTransactionFeeFen * transactionCount
        let annualShare = Decimal(annualFeeFen) / 12
        let total = Self.roundHalfUp(rateFee + Decimal(perTransaction) + annualShare, scale: 0)
        let totalFen = NSDecimalNumber(decimal: total).intValue
        let effective = monthlyAmountFen > 0
            ? Self.roundHalfUp(Decimal(totalFen) / Decimal(monthlyAmountFen) * 100, scale: 2)
            : nil
        return FeeBreakdown(rateFeeFen: rateFee, perTransactionFeesFen: perTransaction, annualShareFen: annualShare,
                            monthlyTotalFen: totalFen, effectiveRatePercent: effective)
    }

    /// Prices a year: 12 months summed exactly (the annual fee once, whole), rounded half-up
    /// to the fen once: not 12 × the rounded month. The first year adds the deposit unless
    /// its refund is in the contract.
    func yearlyCost() -> YearlyCost {
        let exact = Decimal(monthlyAmountFen) * ratePercent / 100 * 12 + Decimal(perTransactionFeeFen * transactionCount * 12) + Decimal(annualFeeFen)
        let yearly = NSDecimalNumber(decimal: Self.roundHalfUp(exact, scale: 0)).intValue
        return YearlyCost(yearlyTotalFen: yearly, firstYearTotalFen: yearly + (depositRefunded ? 0 : depositFen))
    }

    static func roundHalfUp(_ value: Decimal, scale: Int) -> Decimal {
        var value = value
        var result = Decimal()
        NSDecimalRound(&result, &value, scale, .plain)
        return result
    }
}
