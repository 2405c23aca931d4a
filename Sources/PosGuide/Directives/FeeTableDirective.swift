/// ```` ```fee-table <schedule-id> ````: a worked-example table and a build-time SVG chart of
/// monthly cost against monthly card volume for the offers of a schedule in
/// `content/data/fees.yaml`, so the break-even point is visible without JavaScript.
struct FeeTableDirective: Directive {
    let name = "fee-table"

    /// `fees.yaml`, already checked where each value is written.
    let fees: FeeSchedules

    func render(_ invocation: DirectiveInvocation, in context: DirectiveContext) -> String {
        guard let id = invocation.arguments.first else {
            context.report(.error("directive.fee-table-id", "fee-table needs a schedule id from content/data/fees.yaml", at: invocation.location))
            return ""
        }
        // A schedule with errors has them reported in fees.yaml: this page is not another place to say so.
        if fees.invalid.contains(id) { return "" }
        guard let schedule = fees.schedules[id] else {
            let ids = fees.schedules.keys.sorted()
            context.report(.error("directive.fee-table-schedule", "no schedule `\(id)` under `schedules` in content/data/fees.yaml", at: invocation.location,
                                  hint: Suggestion.nearest(to: id, among: ids).map { "did you mean `\($0)`?" }
                                      ?? (ids.isEmpty ? "add it under `schedules` in content/data/fees.yaml" : "schedules: " + ids.joined(separator: ", "))))
            return ""
        }
        // Cost of every offer at every volume, transactions = volume ÷ average ticket.
        let costs = schedule.offers.map { offer in
            schedule.volumesFen.map { schedule.priced(offer, atVolume: $0).monthlyCost().monthlyTotalFen }
        }
        return Self.table(schedule, costs) + FeeChartSVG.render(title: schedule.title, volumes: schedule.volumesFen,
                                                                series: zip(schedule.offers.map(\.name), costs).map { ($0, $1) },
                                                                averageTicketFen: schedule.averageTicketFen)
    }

    static func table(_ schedule: FeeSchedules.Schedule, _ costs: [[Int]]) -> String {
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
}
