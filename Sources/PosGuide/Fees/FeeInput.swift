import Foundation

/// An offer as a person writes it: amounts in 元 and a rate in percent, as text. The `fee`
/// command's options, the fee calculator's example lines and `fees.yaml`'s schedules all read
/// into it; `offer()` checks it and prices nothing until it is valid.
public struct FeeInput: Sendable {
    var amount: String
    var rate: String
    var perTransactionFee: String = "0"
    var transactionCount: Int = 0
    var annualFee: String = "0"
    var deposit: String = "0"
    var depositRefunded = false

    public init(amount: String, rate: String, perTransactionFee: String = "0", transactionCount: Int = 0, annualFee: String = "0",
                deposit: String = "0", depositRefunded: Bool = false) {
        self.amount = amount
        self.rate = rate
        self.perTransactionFee = perTransactionFee
        self.transactionCount = transactionCount
        self.annualFee = annualFee
        self.deposit = deposit
        self.depositRefunded = depositRefunded
    }

    /// The largest inputs the tools accept. The page's script computes in plain JavaScript
    /// numbers (no BigInt on old Android WebViews), exact only below 2^53; with these bounds
    /// its largest intermediate, amount × rate in thousandths of a percent × 12, stays below
    /// 1.3 × 10^15. The CLI holds to the same bounds so both answer the same inputs.
    enum Limit {
        static let amountFen = 1_000_000_000          // 1000 万元 a month
        static let ratePercent: Decimal = 100
        static let rateDecimals = 3
        static let perTransactionFeeFen = 100_000     // 1000 元 a transaction
        static let transactionCount = 1_000_000
        static let annualFeeFen = 100_000_000         // 100 万元 a year
        static let depositFen = 100_000_000           // 100 万元
    }

    /// The offer, or the first input that is not a valid amount or rate, or is out of bounds.
    func offer() -> Result<FeeOffer, FeeInputError> {
        Result { () throws(FeeInputError) -> FeeOffer in try checkedOffer() }
    }

    func checkedOffer() throws(FeeInputError) -> FeeOffer {
        let monthly = try Self.amountFen(amount, field: "amount", max: Limit.amountFen)
        let rate = try Self.ratePercent(rate)
        let perTransaction = try Self.amountFen(perTransactionFee, field: "per-txn-fee", max: Limit.perTransactionFeeFen)
        let count = transactionCount
        guard count >= 0 else { throw FeeInputError(field: "txn-count", value: String(count)) }
        guard count <= Limit.transactionCount else {
            throw FeeInputError(field: "txn-count", value: String(count), problem: .tooLarge(String(Limit.transactionCount)))
        }
        return FeeOffer(monthlyAmountFen: monthly, ratePercent: rate, perTransactionFeeFen: perTransaction, transactionCount: count,
                        annualFeeFen: try Self.amountFen(annualFee, field: "annual-fee", max: Limit.annualFeeFen),
                        depositFen: try Self.amountFen(deposit, field: "deposit", max: Limit.depositFen), depositRefunded: depositRefunded)
    }

    /// An amount in 元 as fen, within `max`; `field` names it in the error.
    static func amountFen(_ text: String, field: String, max: Int) throws(FeeInputError) -> Int {
        guard let fen = Money.fen(fromYuan: text) else { throw FeeInputError(field: field, value: text) }
        guard fen <= max else { throw FeeInputError(field: field, value: text, problem: .tooLarge(Money.yuan(max))) }
        return fen
    }

    /// A rate in percent, at most 100 and with at most `Limit.rateDecimals` decimals.
    static func ratePercent(_ text: String) throws(FeeInputError) -> Decimal {
        guard let rate = Money.percent(text) else { throw FeeInputError(field: "rate", value: text) }
        guard rate <= Limit.ratePercent else { throw FeeInputError(field: "rate", value: text, problem: .tooLarge("100")) }
        guard rate == FeeOffer.roundHalfUp(rate, scale: Limit.rateDecimals) else {
            throw FeeInputError(field: "rate", value: text, problem: .tooManyDecimals(Limit.rateDecimals))
        }
        return rate
    }
}
