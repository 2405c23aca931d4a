/// A small line chart of monthly cost against monthly volume, drawn at build time as inline SVG:
/// no script, prints like text, readable on a 390px phone. Amounts read in 元 or 万元, each line
/// is named at its right end, and the caption says what is drawn and under which assumption.
enum FeeChartSVG {
    static let width = 360, height = 250
    static let left = 40, right = 62, top = 30, bottom = 40
    static let colors = ["#0b57a4", "#b3261e", "#1f7a4d", "#9a5b00"]
    static let dashes = ["", "6 4", "2 3", "8 3 2 3"]
    /// Line labels at the right end stay this far apart (SVG units), however close the lines end.
    static let labelGap = 15

    static func render(title: String, volumes: [Int], series: [(name: String, costs: [Int])], averageTicketFen: Int) -> String {
        let xAxis = Axis(maxFen: volumes.max() ?? 1), yAxis = Axis(maxFen: series.flatMap(\.costs).max() ?? 1)
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        func x(_ volume: Int) -> Int { left + volume * plotWidth / xAxis.maxFen }
        func y(_ cost: Int) -> Int { top + plotHeight - cost * plotHeight / yAxis.maxFen }

        var description = "每月刷卡金额与每月手续费："
        description += series.map { line in
            line.name + "，" + zip(volumes, line.costs).map { "\(amount($0))时 \(Money.yuan($1)) 元" }.joined(separator: "；")
        }.joined(separator: "。")
        var svg = "<figure class=\"fee-chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-labelledby=\"fee-chart-title fee-chart-desc\">\n"
        svg += "<title id=\"fee-chart-title\">\(title.htmlEscaped)</title>\n<desc id=\"fee-chart-desc\">\(description.htmlEscaped)</desc>\n"
        svg += "<g font-size=\"13\" fill=\"#333\">\n"
        svg += "<text x=\"0\" y=\"14\">每月手续费（\(yAxis.unit)）</text>\n"
        svg += "<text x=\"\(left + plotWidth / 2)\" y=\"\(height - 6)\" text-anchor=\"middle\">每月刷卡金额（\(xAxis.unit)）</text>\n"
        for cost in yAxis.ticks {
            svg += "<text x=\"\(left - 6)\" y=\"\(y(cost) + 4)\" text-anchor=\"end\">\(yAxis.label(cost))</text>\n"
            if cost > 0 { svg += "<line x1=\"\(left)\" y1=\"\(y(cost))\" x2=\"\(left + plotWidth)\" y2=\"\(y(cost))\" stroke=\"#e3e3e3\"/>\n" }
        }
        for volume in xAxis.ticks {
            svg += "<text x=\"\(x(volume))\" y=\"\(top + plotHeight + 16)\" text-anchor=\"middle\">\(xAxis.label(volume))</text>\n"
        }
        svg += "<line x1=\"\(left)\" y1=\"\(top + plotHeight)\" x2=\"\(left + plotWidth)\" y2=\"\(top + plotHeight)\" stroke=\"#555\"/>\n"
        svg += "<line x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(top + plotHeight)\" stroke=\"#555\"/>\n"
        for (index, line) in series.enumerated() {
            let points = zip(volumes, line.costs).map { "\(x($0)),\(y($1))" }.joined(separator: " ")
            svg += "<polyline points=\"\(points)\" fill=\"none\" stroke-width=\"2.5\"\(stroke(index))/>\n"
        }
        let ends = series.map { y($0.costs.last ?? 0) }
        for (index, labelY) in labelPositions(ends).enumerated() {
            let endX = x(volumes.last ?? 0)
            svg += "<text x=\"\(endX + 6)\" y=\"\(labelY + 4)\" fill=\"\(colors[index % colors.count])\" font-weight=\"700\">\(shortName(series[index].name, index: index).htmlEscaped)</text>\n"
        }
        svg += "</g></svg>\n<figcaption>"
        svg += "<p>图：每月刷卡 \(amount(volumes.min() ?? 0))到 \(amount(volumes.max() ?? 0))，"
        svg += series.count == 2 ? "两个报价" : "各个报价"
        svg += "每月要交的手续费。按每笔平均 \(amount(averageTicketFen))算，这只是举例；你的店每笔金额越小，同样的刷卡金额笔数越多，按笔收的钱就越多。"
        svg += "线越低越省钱；两条线相交的地方，两个报价花费一样。</p>\n"
        // Lines of a paragraph, not list items: print.css styles a figure's lists as it likes.
        svg += "<p class=\"fee-chart-legend\">" + series.indices.map { index in
            "<svg viewBox=\"0 0 32 8\" width=\"32\" height=\"8\" aria-hidden=\"true\"><line x1=\"0\" y1=\"4\" x2=\"32\" y2=\"4\" stroke-width=\"2.5\"\(stroke(index))/></svg> \(series[index].name.htmlEscaped)"
        }.joined(separator: "<br>") + "</p></figcaption></figure>\n"
        return svg
    }

    static func stroke(_ index: Int) -> String {
        let dash = dashes[index % dashes.count]
        return " stroke=\"\(colors[index % colors.count])\"" + (dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")
    }

    /// The part of an offer's name before its `：`, which names the line at its end (`报价 A`).
    static func shortName(_ name: String, index: Int) -> String {
        let head = name.split(separator: "：", maxSplits: 1).first.map(String.init) ?? name
        return head.count <= 6 ? head : "线 \(index + 1)"
    }

    /// Label heights beside the line ends, pushed apart so that no two overlap.
    static func labelPositions(_ ends: [Int]) -> [Int] {
        var positions = ends
        let order = ends.indices.sorted { (ends[$0], $0) < (ends[$1], $1) }
        for (previous, current) in zip(order, order.dropFirst()) where positions[current] - positions[previous] < labelGap {
            positions[current] = positions[previous] + labelGap
        }
        return positions
    }

    /// `1000000` fen -> `1 万元`; `50000` fen -> `500 元`.
    static func amount(_ fen: Int) -> String {
        fen >= 1_000_000 && fen % 10_000 == 0 ? "\(decimal(fen / 10_000)) 万元" : "\(decimal(fen)) 元"
    }

    /// Hundredths as a short decimal: 250 -> `2.5`, 1000 -> `10`.
    static func decimal(_ hundredths: Int) -> String {
        let whole = hundredths / 100, fraction = hundredths % 100
        if fraction == 0 { return String(whole) }
        return fraction % 10 == 0 ? "\(whole).\(fraction / 10)" : "\(whole).\(String(fraction).leftPadded(to: 2))"
    }

    /// An axis from 0 to a round maximum, with four or five round ticks, read in 元 or 万元.
    struct Axis {
        let maxFen: Int
        let step: Int
        let unit: String
        private let fenPerUnit: Int

        init(maxFen value: Int) {
            let value = max(value, 100)
            var magnitude = 1
            while magnitude * 10 <= value / 5 { magnitude *= 10 }
            // Steps of 1, 2, 2.5 or 5 times a power of ten, the first that covers the data in five.
            let candidates = [10, 20, 25, 50, 100].map { magnitude * $0 / 10 }
            step = candidates.first { $0 * 5 >= value } ?? magnitude * 10
            maxFen = (value + step - 1) / step * step
            (unit, fenPerUnit) = maxFen >= 1_000_000 ? ("万元", 1_000_000) : ("元", 100)
        }

        var ticks: [Int] { Array(stride(from: 0, through: maxFen, by: step)) }

        func label(_ fen: Int) -> String { FeeChartSVG.decimal(fen * 100 / fenPerUnit) }
    }
}
