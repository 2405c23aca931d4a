import Foundation

/// `posguide fee`: what an offer really costs in a month.
public enum FeeCommand {
    /// The inputs as typed (元 and percent); a bad one is a usage error (exit 2).
    public struct Input: Sendable {
        public var amount: String
        public var rate: String
        public var perTransactionFee: String = "0"
        public var transactionCount: Int = 0
        public var annualFee: String = "0"

        public init(amount: String, rate: String, perTransactionFee: String = "0", transactionCount: Int = 0, annualFee: String = "0") {
            self.amount = amount
            self.rate = rate
            self.perTransactionFee = perTransactionFee
            self.transactionCount = transactionCount
            self.annualFee = annualFee
        }
    }

    /// The offer, or the name of the first input that is not a valid amount or rate.
    public static func offer(from input: Input) -> Result<FeeOffer, FeeInputError> {
        guard let amount = Money.fen(fromYuan: input.amount) else { return .failure(.init(field: "amount", value: input.amount)) }
        // A rate over 100% is no card fee, and would price a month beyond what fen can count.
        guard let rate = Money.percent(input.rate), rate <= 100 else { return .failure(.init(field: "rate", value: input.rate)) }
        guard let perTransaction = Money.fen(fromYuan: input.perTransactionFee) else {
            return .failure(.init(field: "per-txn-fee", value: input.perTransactionFee))
        }
        guard input.transactionCount >= 0 else { return .failure(.init(field: "txn-count", value: String(input.transactionCount))) }
        guard let annual = Money.fen(fromYuan: input.annualFee) else { return .failure(.init(field: "annual-fee", value: input.annualFee)) }
        // Each part stays below a quarter of what Int holds, so the month's sum cannot overflow.
        let (perTransactionTotal, overflow) = perTransaction.multipliedReportingOverflow(by: input.transactionCount)
        let ceiling = Int.max / 4
        guard amount <= ceiling else { return .failure(.init(field: "amount", value: input.amount)) }
        guard !overflow, perTransactionTotal <= ceiling else { return .failure(.init(field: "txn-count", value: String(input.transactionCount))) }
        guard annual <= ceiling else { return .failure(.init(field: "annual-fee", value: input.annualFee)) }
        return .success(FeeOffer(monthlyAmountFen: amount, ratePercent: rate, perTransactionFeeFen: perTransaction,
                                 transactionCount: input.transactionCount, annualFeeFen: annual))
    }

    public static func run(_ input: Input, json: Bool) -> CommandResult {
        let offer: FeeOffer
        switch Self.offer(from: input) {
        case .success(let value): offer = value
        case .failure(let error): return CommandResult(exitCode: 2, stderr: "posguide: error: \(error)\n")
        }
        let cost = offer.monthlyCost()
        let monthly = Money.yuan(cost.monthlyTotalFen)
        let effective = cost.effectiveRatePercent.map { Money.fixed($0, places: 2) }
        if json {
            let fields: [(String, String)] = [
                ("amount", "\"\(Money.yuan(offer.monthlyAmountFen))\""),
                ("rate", "\"\(offer.ratePercent)\""),
                ("per_txn_fee", "\"\(Money.yuan(offer.perTransactionFeeFen))\""),
                ("txn_count", "\(offer.transactionCount)"),
                ("annual_fee", "\"\(Money.yuan(offer.annualFeeFen))\""),
                ("monthly_fee", "\"\(monthly)\""),
                ("effective_rate", effective.map { "\"\($0)\"" } ?? "null"),
                ("rounding", "\"parts summed exactly; monthly total rounded half-up to the fen; effective rate half-up to 2 decimals\""),
            ]
            return CommandResult(stdout: "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}\n")
        }
        var text = "每月刷卡 \(Money.yuan(offer.monthlyAmountFen)) 元，费率 \(offer.ratePercent)%\n"
        text += "  费率部分  \(Money.fixed(cost.rateFeeFen / 100, places: 2)) 元\n"
        text += "  按笔收费  \(Money.yuan(cost.perTransactionFeesFen)) 元（\(offer.transactionCount) 笔 × \(Money.yuan(offer.perTransactionFeeFen)) 元）\n"
        text += "  年费分摊  \(Money.fixed(cost.annualShareFen / 100, places: 2)) 元（\(Money.yuan(offer.annualFeeFen)) 元 ÷ 12）\n"
        text += "每月合计    \(monthly) 元\n"
        text += "有效费率    \(effective.map { $0 + "%" } ?? "—（没有刷卡金额）")\n"
        text += "（各部分精确相加，合计四舍五入到分；部分金额显示为四舍五入后的值）\n"
        return CommandResult(stdout: text)
    }
}

/// An input of `posguide fee` that is not a valid amount or rate.
public struct FeeInputError: Error, Equatable, CustomStringConvertible {
    public var field: String
    public var value: String

    public var description: String {
        switch field {
        case "rate": return "--rate `\(value)` is not a percentage like 0.6 or 0.38"
        case "txn-count": return "--txn-count must not be negative, nor so large that the per-transaction fees overflow"
        default: return "--\(field) `\(value)` is not an amount in 元 (digits, at most two decimals)"
        }
    }
}
