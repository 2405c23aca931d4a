import Foundation

/// ```` ```fee-calculator ````: the fee calculator form, with its first result and a table of
/// worked examples computed at build time, so the page teaches without JavaScript.
///
/// Body lines are example offers: `amount=50000 rate=0.38 per_txn_fee=1 txn_count=200 annual_fee=120`.
/// The first one fills the form.
struct FeeCalculatorDirective: Directive {
    let name = "fee-calculator"

    func render(_ invocation: DirectiveInvocation, in context: DirectiveContext) -> String {
        var examples: [(FeeCommand.Input, FeeOffer)] = []
        for (index, line) in invocation.body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = line.trimmingCharacters(in: " \t")
            if text.isEmpty { continue }
            var fields: [String: String] = [:]
            for pair in text.split(separator: " ") {
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                if parts.count == 2 { fields[parts[0]] = parts[1] }
            }
            let input = FeeCommand.Input(amount: fields["amount"] ?? "", rate: fields["rate"] ?? "",
                                         perTransactionFee: fields["per_txn_fee"] ?? "0",
                                         transactionCount: Int(fields["txn_count"] ?? "0") ?? -1,
                                         annualFee: fields["annual_fee"] ?? "0")
            switch FeeCommand.offer(from: input) {
            case .success(let offer): examples.append((input, offer))
            case .failure(let error):
                context.report(.error("directive.fee-example", "example offer: \(error)",
                                      at: SourceLocation(path: invocation.location.path, line: invocation.bodyLineOffset + index + 1, column: 1)))
            }
        }
        guard let (first, firstOffer) = examples.first else {
            context.report(.error("directive.fee-example", "fee-calculator needs at least one example offer, e.g. `amount=50000 rate=0.6`", at: invocation.location))
            return ""
        }
        let cost = firstOffer.monthlyCost()
        func field(_ name: String, _ label: String, _ value: String, _ mode: String) -> String {
            "<label class=\"tool-field\"><span>\(label)</span><input name=\"\(name)\" value=\"\(value.htmlEscaped)\" inputmode=\"\(mode)\" autocomplete=\"off\"></label>\n"
        }
        var html = "<form class=\"tool\" data-tool=\"fee-calculator\" action=\"#\">\n<div class=\"tool-fields\">\n"
        html += field("amount", "每月刷卡金额（元）", first.amount, "decimal")
        html += field("rate", "费率（%）", first.rate, "decimal")
        html += field("per_txn_fee", "每笔另收（元）", first.perTransactionFee, "decimal")
        html += field("txn_count", "每月笔数", String(first.transactionCount), "numeric")
        html += field("annual_fee", "年费、流量费等（元/年）", first.annualFee, "decimal")
        html += "</div>\n<p class=\"tool-result\" aria-live=\"polite\">每月合计 <strong data-result=\"monthly-fee\">\(Money.yuan(cost.monthlyTotalFen))</strong> 元，"
        html += "有效费率 <strong data-result=\"effective-rate\">\(cost.effectiveRatePercent.map { Money.fixed($0, places: 2) } ?? "—")</strong>%</p>\n"
        html += "<p class=\"tool-warning\" data-result=\"warning\"></p>\n</form>\n"
        html += "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"算例\"><table class=\"fee-examples\">\n<caption>算例（假设的报价，不代表任何机构的真实收费）</caption>\n"
        html += "<thead><tr><th scope=\"col\">每月刷卡</th><th scope=\"col\">费率</th><th scope=\"col\">每笔另收 × 笔数</th><th scope=\"col\">年费</th><th scope=\"col\">每月合计</th><th scope=\"col\">有效费率</th></tr></thead>\n<tbody>\n"
        for (_, offer) in examples {
            let cost = offer.monthlyCost()
            html += "<tr><td>\(Money.yuan(offer.monthlyAmountFen)) 元</td><td>\(offer.ratePercent)%</td>"
            html += "<td>\(Money.yuan(offer.perTransactionFeeFen)) 元 × \(offer.transactionCount)</td><td>\(Money.yuan(offer.annualFeeFen)) 元</td>"
            html += "<td>\(Money.yuan(cost.monthlyTotalFen)) 元</td><td>\(cost.effectiveRatePercent.map { Money.fixed($0, places: 2) + "%" } ?? "—")</td></tr>\n"
        }
        html += "</tbody>\n</table></div>\n<script src=\"\(context.sitePaths.href("/assets/tools.js"))\" defer></script>\n"
        return html
    }
}
