import Foundation

/// `posguide fee`: what an offer really costs in a month, a year and its first year.
public enum FeeCommand {
    /// The note printed with a rate that looks mistyped.
    static func rateQuestion(_ rate: Decimal) -> String {
        "费率 \(rate)% 比常见报价高得多：是不是少写了小数点（例如 0.38% 写成了 38）？"
    }

    /// Prices `input` as typed on the command line; an input that is not valid is a usage error (exit 2).
    public static func run(_ input: FeeInput, json: Bool) -> CommandResult {
        let offer: FeeOffer
        switch input.offer() {
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
