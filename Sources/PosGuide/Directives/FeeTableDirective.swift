import Foundation

/// ```` ```fee-table <schedule-id> ````: a worked-example table and a build-time SVG chart of
/// monthly cost against monthly card volume for the offers of a schedule in
/// `content/data/fees.yaml`, so the break-even point is visible without JavaScript.
struct FeeTableDirective: Directive {
    let name = "fee-table"

    struct Schedule {
        var title: String
        var averageTicketFen: Int
        var volumesFen: [Int]
        var offers: [(name: String, input: FeeCommand.Input)]
    }

    /// Schedules from `content/data/fees.yaml`, already shaped as plain values.
    /// Never changed after the build reads the file, so sharing it between render threads is safe.
    nonisolated(unsafe) let schedules: [String: Any]

    func render(_ invocation: DirectiveInvocation, in context: DirectiveContext) -> String {
        guard let id = invocation.arguments.first else {
            context.report(.error("directive.fee-table-id", "fee-table needs a schedule id from content/data/fees.yaml", at: invocation.location))
            return ""
        }
        guard let schedule = Self.schedule(schedules[id]) else {
            context.report(.error("directive.fee-table-schedule", "no usable schedule `\(id)` under `schedules` in content/data/fees.yaml", at: invocation.location,
                                  hint: "a schedule has title, average_ticket, volumes and offers (name, rate, per_txn_fee, annual_fee)"))
            return ""
        }
        // Cost of every offer at every volume, transactions = volume ÷ average ticket.
        var costs: [[Int]] = []
        for offer in schedule.offers {
            var row: [Int] = []
            for volume in schedule.volumesFen {
                var input = offer.input
                input.amount = Money.yuan(volume)
                input.transactionCount = schedule.averageTicketFen > 0 ? volume / schedule.averageTicketFen : 0
                guard case .success(let priced) = FeeCommand.offer(from: input) else {
                    context.report(.error("directive.fee-table-offer", "schedule `\(id)`: offer `\(offer.name)` has an invalid rate or fee", at: invocation.location))
                    return ""
                }
                row.append(priced.monthlyCost().monthlyTotalFen)
            }
            costs.append(row)
        }
        return Self.table(schedule, costs) + FeeChartSVG.render(title: schedule.title, volumes: schedule.volumesFen,
                                                                series: zip(schedule.offers.map(\.name), costs).map { ($0, $1) },
                                                                averageTicketFen: schedule.averageTicketFen)
    }

    static func table(_ schedule: Schedule, _ costs: [[Int]]) -> String {
        var html = "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"\(schedule.title.htmlEscaped)\"><table class=\"fee-examples\">\n"
        html += "<caption>\(schedule.title.htmlEscaped)（假设的报价；每笔平均 \(FeeChartSVG.amount(schedule.averageTicketFen))）</caption>\n<thead><tr><th scope=\"col\">每月刷卡</th>"
        for offer in schedule.offers { html += "<th scope=\"col\">\(offer.name.htmlEscaped)</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for (column, volume) in schedule.volumesFen.enumerated() {
            html += "<tr><th scope=\"row\">\(FeeChartSVG.amount(volume))</th>"
            for row in costs { html += "<td>\(Money.yuan(row[column])) 元</td>" }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table></div>\n"
    }

    static func schedule(_ value: Any?) -> Schedule? {
        guard let map = value as? [String: Any], let title = map["title"] as? String,
              let ticket = (map["average_ticket"] as? Int).map({ $0 * 100 }) ?? (map["average_ticket"] as? String).flatMap(Money.fen(fromYuan:)),
              let volumes = map["volumes"] as? [Any], let offers = map["offers"] as? [Any] else { return nil }
        let volumesFen = volumes.compactMap { ($0 as? Int).map { $0 * 100 } ?? ($0 as? String).flatMap(Money.fen(fromYuan:)) }
        var parsed: [(String, FeeCommand.Input)] = []
        for case let offer as [String: Any] in offers {
            guard let name = offer["name"] as? String, let rate = Self.text(offer["rate"]) else { return nil }
            parsed.append((name, FeeCommand.Input(amount: "0", rate: rate, perTransactionFee: Self.text(offer["per_txn_fee"]) ?? "0",
                                                  annualFee: Self.text(offer["annual_fee"]) ?? "0")))
        }
        guard volumesFen.count == volumes.count, !volumesFen.isEmpty, !parsed.isEmpty else { return nil }
        return Schedule(title: title, averageTicketFen: ticket, volumesFen: volumesFen, offers: parsed)
    }

    static func text(_ value: Any?) -> String? {
        if let string = value as? String { return string }
        if let number = value as? Int { return String(number) }
        return nil
    }
}
