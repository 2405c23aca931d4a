import Foundation

/// ```` ```fee-calculator ````: the fee calculator form for two offers side by side, and a
/// table of worked examples computed at build time, so the page teaches without JavaScript.
///
/// Body lines are example offers:
/// `amount=50000 rate=0.38 per_txn_fee=1 txn_count=200 annual_fee=120 deposit=300 deposit_refunded=yes`.
/// The form itself starts empty and shows no number until the script has computed one from
/// what the reader typed (`FeeCalculatorForm`).
struct FeeCalculatorDirective: Directive {
    let name = "fee-calculator"

    func render(_ invocation: DirectiveInvocation, in context: DirectiveContext) -> String {
        var examples: [FeeOffer] = []
        for (index, line) in invocation.body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = line.trimmingCharacters(in: " \t")
            if text.isEmpty { continue }
            var fields: [String: String] = [:]
            for pair in text.split(separator: " ") {
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                if parts.count == 2 { fields[parts[0]] = parts[1] }
            }
            let input = FeeInput(amount: fields["amount"] ?? "", rate: fields["rate"] ?? "",
                                 perTransactionFee: fields["per_txn_fee"] ?? "0",
                                 transactionCount: Int(fields["txn_count"] ?? "0") ?? -1,
                                 annualFee: fields["annual_fee"] ?? "0", deposit: fields["deposit"] ?? "0",
                                 depositRefunded: fields["deposit_refunded"] == "yes")
            switch input.offer() {
            case .success(let offer): examples.append(offer)
            case .failure(let error):
                context.report(.error("directive.fee-example", "example offer: \(error)",
                                      at: SourceLocation(path: invocation.location.path, line: invocation.bodyLineOffset + index + 1, column: 1)))
            }
        }
        guard !examples.isEmpty else {
            context.report(.error("directive.fee-example", "fee-calculator needs at least one example offer, e.g. `amount=50000 rate=0.6`", at: invocation.location))
            return ""
        }
        return FeeCalculatorForm.html + Self.examplesTable(examples) + "<script src=\"\(context.sitePaths.href("/assets/tools.js"))\" defer></script>\n"
    }

    /// The worked examples, and how the first two compare when they price the same sales.
    static func examplesTable(_ examples: [FeeOffer]) -> String {
        var html = "<div class=\"table-wrap\" id=\"fee-examples\" tabindex=\"0\" role=\"region\" aria-label=\"算例\"><table class=\"fee-examples\">\n"
        html += "<caption>算例（假设的报价，不代表任何机构的真实收费）</caption>\n"
        html += "<thead><tr><th scope=\"col\">假设的报价</th><th scope=\"col\">算出来的成本</th></tr></thead>\n<tbody>\n"
        for (index, offer) in examples.enumerated() {
            let cost = offer.monthlyCost()
            html += "<tr><td>\(index + 1). \(describe(offer))</td><td>每月 \(Money.yuan(cost.monthlyTotalFen)) 元"
            html += "<br>有效费率 \(cost.effectiveRatePercent.map { Money.fixed($0, places: 2) + "%" } ?? "—")"
            html += "<br>第一年 \(Money.yuan(offer.yearlyCost().firstYearTotalFen)) 元</td></tr>\n"
        }
        html += "</tbody>\n</table></div>\n"
        if examples.count >= 2, examples[0].monthlyAmountFen == examples[1].monthlyAmountFen {
            let comparison = FeeComparison(examples[0], examples[1])
            func sentence(_ difference: Int) -> String {
                difference == 0 ? "两个一样" : "第 \(difference > 0 ? 2 : 1) 个便宜 \(Money.yuan(abs(difference))) 元"
            }
            html += "<p class=\"fee-examples-comparison\">算例 1 和算例 2 比：第一年\(sentence(comparison.firstYearDifferenceFen))；"
            html += "以后每年\(sentence(comparison.yearlyDifferenceFen))。</p>\n"
        }
        return html
    }

    static func describe(_ offer: FeeOffer) -> String {
        var parts = ["每月刷卡 \(plain(offer.monthlyAmountFen)) 元", "费率 \(offer.ratePercent)%"]
        if offer.perTransactionFeeFen > 0 {
            parts.append("每笔另收 \(plain(offer.perTransactionFeeFen)) 元 × \(offer.transactionCount) 笔")
        }
        if offer.annualFeeFen > 0 { parts.append("年费 \(plain(offer.annualFeeFen)) 元") }
        if offer.depositFen > 0 {
            parts.append("押金 \(plain(offer.depositFen)) 元（\(offer.depositRefunded ? "合同写明会退" : "不退或没写进合同")）")
        }
        return parts.joined(separator: "，")
    }

    /// An amount as a person writes it in a sentence: 50000 元, 0.35 元 (results keep their fen).
    static func plain(_ fen: Int) -> String {
        fen % 100 == 0 ? String(fen / 100) : Money.yuan(fen)
    }
}
