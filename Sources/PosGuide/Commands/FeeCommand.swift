import Foundation

/// `posguide fee`: what an offer really costs in a month, a year and its first year.
public enum FeeCommand {
    /// The inputs as typed (元 and percent); a bad one is a usage error (exit 2).
    public struct Input: Sendable {
        public var amount: String
        public var rate: String
        public var perTransactionFee: String = "0"
        public var transactionCount: Int = 0
        public var annualFee: String = "0"
        public var deposit: String = "0"
        public var depositRefunded = false

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
    }

    /// The largest inputs the tools accept. The page's script computes in plain JavaScript
    /// numbers (no BigInt on old Android WebViews), exact only below 2^53; with these bounds
    /// its largest intermediate, amount × rate in thousandths of a percent × 12, stays below
    /// 1.3 × 10^15. The CLI holds to the same bounds so both answer the same inputs.
    public enum Limit {
        public static let amountFen = 1_000_000_000          // 1000 万元 a month
        public static let ratePercent: Decimal = 100
        public static let rateDecimals = 3
        public static let perTransactionFeeFen = 100_000     // 1000 元 a transaction
        public static let transactionCount = 1_000_000
        public static let annualFeeFen = 100_000_000         // 100 万元 a year
        public static let depositFen = 100_000_000           // 100 万元
    }

    /// The offer, or the first input that is not a valid amount or rate, or is out of bounds.
    public static func offer(from input: Input) -> Result<FeeOffer, FeeInputError> {
        Result { () throws(FeeInputError) -> FeeOffer in try checkedOffer(input) }
    }

    static func checkedOffer(_ input: Input) throws(FeeInputError) -> FeeOffer {
        func amount(_ text: String, _ field: String, max: Int) throws(FeeInputError) -> Int {
            guard let fen = Money.fen(fromYuan: text) else { throw FeeInputError(field: field, value: text) }
            guard fen <= max else { throw FeeInputError(field: field, value: text, problem: .tooLarge(Money.yuan(max))) }
            return fen
        }
        let monthly = try amount(input.amount, "amount", max: Limit.amountFen)
        guard let rate = Money.percent(input.rate) else { throw FeeInputError(field: "rate", value: input.rate) }
        guard rate <= Limit.ratePercent else { throw FeeInputError(field: "rate", value: input.rate, problem: .tooLarge("100")) }
        guard rate == FeeOffer.roundHalfUp(rate, scale: Limit.rateDecimals) else {
            throw FeeInputError(field: "rate", value: input.rate, problem: .tooManyDecimals(Limit.rateDecimals))
        }
        let perTransaction = try amount(input.perTransactionFee, "per-txn-fee", max: Limit.perTransactionFeeFen)
        let count = input.transactionCount
        guard count >= 0 else { throw FeeInputError(field: "txn-count", value: String(count)) }
        guard count <= Limit.transactionCount else {
            throw FeeInputError(field: "txn-count", value: String(count), problem: .tooLarge(String(Limit.transactionCount)))
        }
        return FeeOffer(monthlyAmountFen: monthly, ratePercent: rate, perTransactionFeeFen: perTransaction, transactionCount: count,
                        annualFeeFen: try amount(input.annualFee, "annual-fee", max: Limit.annualFeeFen),
                        depositFen: try amount(input.deposit, "deposit", max: Limit.depositFen), depositRefunded: input.depositRefunded)
    }

    /// The note printed with a rate that looks mistyped.
    static func rateQuestion(_ rate: Decimal) -> String {
        "费率 \(rate)% 比常见报价高得多：是不是少写了小数点（例如 0.38% 写成了 38）？"
    }

    public static func run(_ input: Input, json: Bool) -> CommandResult {
        let offer: FeeOffer
        switch Self.offer(from: input) {
        case .success(let value): offer = value
        case .failure(let error): return CommandResult(exitCode: 2, stderr: "posguide: error: \(error)\n")
        }
        let cost = offer.monthlyCost()
        let year = offer.yearlyCost()
        let monthly = Money.yuan(cost.monthlyTotalFen)
        let effective = cost.effectiveRatePercent.map { Money.fixed($0, places: 2) }
        if json {
            let fields: [(String, String)] = [
                ("amount", "\"\(Money.yuan(offer.monthlyAmountFen))\""),
                ("rate", "\"\(offer.ratePercent)\""),
                ("per_txn_fee", "\"\(Money.yuan(offer.perTransactionFeeFen))\""),
                ("txn_count", "\(offer.transactionCount)"),
                ("annual_fee", "\"\(Money.yuan(offer.annualFeeFen))\""),
                ("deposit", "\"\(Money.yuan(offer.depositFen))\""),
                ("deposit_refunded", "\(offer.depositRefunded)"),
                ("monthly_fee", "\"\(monthly)\""),
                ("effective_rate", effective.map { "\"\($0)\"" } ?? "null"),
                ("yearly_fee", "\"\(Money.yuan(year.yearlyTotalFen))\""),
                ("first_year_fee", "\"\(Money.yuan(year.firstYearTotalFen))\""),
                ("rate_looks_mistyped", "\(offer.rateLooksMistyped)"),
                ("rounding", "\"parts summed exactly; monthly total rounded half-up to the fen; yearly total = 12 months summed exactly, rounded half-up to the fen once; first year = yearly total + deposit unless refunded; effective rate half-up to 2 decimals\""),
            ]
            return CommandResult(stdout: "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}\n")
        }
        var text = "每月刷卡 \(Money.yuan(offer.monthlyAmountFen)) 元，费率 \(offer.ratePercent)%\n"
        if offer.rateLooksMistyped { text += "注意：\(rateQuestion(offer.ratePercent))\n" }
        text += "  费率部分  \(Money.fixed(cost.rateFeeFen / 100, places: 2)) 元\n"
        text += "  按笔收费  \(Money.yuan(cost.perTransactionFeesFen)) 元（\(offer.transactionCount) 笔 × \(Money.yuan(offer.perTransactionFeeFen)) 元）\n"
        text += "  年费分摊  \(Money.fixed(cost.annualShareFen / 100, places: 2)) 元（\(Money.yuan(offer.annualFeeFen)) 元 ÷ 12）\n"
        text += "每月合计    \(monthly) 元\n"
        text += "有效费率    \(effective.map { $0 + "%" } ?? "—（没有刷卡金额）")\n"
        text += "每年合计    \(Money.yuan(year.yearlyTotalFen)) 元\n"
        let deposit = offer.depositFen == 0 ? "" : offer.depositRefunded
            ? "（押金 \(Money.yuan(offer.depositFen)) 元合同写明退还，不计入）" : "（含押金 \(Money.yuan(offer.depositFen)) 元）"
        text += "第一年合计  \(Money.yuan(year.firstYearTotalFen)) 元\(deposit)\n"
        text += "（各部分精确相加：每月合计四舍五入到分；每年合计是 12 个月精确相加后只四舍五入一次；部分金额显示为四舍五入后的值）\n"
        return CommandResult(stdout: text)
    }
}

/// An input of `posguide fee` that is not a valid amount or rate, or is out of bounds.
public struct FeeInputError: Error, Equatable, CustomStringConvertible {
    public enum Problem: Equatable, Sendable {
        case notANumber
        case tooLarge(String)
        case tooManyDecimals(Int)
    }

    public var field: String
    public var value: String
    public var problem: Problem = .notANumber

    public init(field: String, value: String, problem: Problem = .notANumber) {
        self.field = field
        self.value = value
        self.problem = problem
    }

    public var description: String {
        switch (field, problem) {
        case (_, .tooLarge(let limit)): return "--\(field) `\(value)` is above the largest value the tools accept (\(limit))"
        case (_, .tooManyDecimals(let places)): return "--\(field) `\(value)` has more than \(places) decimals"
        case ("rate", _): return "--rate `\(value)` is not a percentage like 0.6 or 0.38"
        case ("txn-count", _): return "--txn-count must not be negative"
        default: return "--\(field) `\(value)` is not an amount in 元 (digits, at most two decimals)"
        }
    }
}
