/// A small line chart of monthly cost against monthly volume, drawn at build time as inline SVG:
/// no script, prints like text, readable on a 390px phone.
enum FeeChartSVG {
    static let width = 360, height = 240
    static let left = 56, right = 12, top = 16, bottom = 44
    static let colors = ["#0b57a4", "#b3261e", "#1f7a4d", "#9a5b00"]
    static let dashes = ["", "6 4", "2 3", "8 3 2 3"]

    static func render(title: String, volumes: [Int], series: [(name: String, costs: [Int])]) -> String {
        let maxVolume = max(volumes.max() ?? 1, 1)
        let maxCost = max(series.flatMap(\.costs).max() ?? 1, 1)
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        func x(_ volume: Int) -> Int { left + volume * plotWidth / maxVolume }
        func y(_ cost: Int) -> Int { top + plotHeight - cost * plotHeight / maxCost }

        var description = "每月刷卡金额与每月手续费："
        description += series.map { line in
            line.name + "，" + zip(volumes, line.costs).map { "\(Money.yuan($0)) 元时 \(Money.yuan($1)) 元" }.joined(separator: "；")
        }.joined(separator: "。")
        var svg = "<figure class=\"fee-chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-labelledby=\"fee-chart-title fee-chart-desc\">\n"
        svg += "<title id=\"fee-chart-title\">\(title.htmlEscaped)</title>\n<desc id=\"fee-chart-desc\">\(description.htmlEscaped)</desc>\n"
        svg += "<g font-family=\"'Noto Sans CJK SC', sans-serif\" font-size=\"11\" fill=\"#333\">\n"
        // Axes with four labelled ticks each.
        svg += "<line x1=\"\(left)\" y1=\"\(top + plotHeight)\" x2=\"\(left + plotWidth)\" y2=\"\(top + plotHeight)\" stroke=\"#555\"/>\n"
        svg += "<line x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(top + plotHeight)\" stroke=\"#555\"/>\n"
        for step in 0...4 {
            let volume = maxVolume * step / 4, cost = maxCost * step / 4
            svg += "<text x=\"\(x(volume))\" y=\"\(top + plotHeight + 14)\" text-anchor=\"middle\">\(volume / 100 / 1000)k</text>\n"
            svg += "<text x=\"\(left - 6)\" y=\"\(y(cost) + 4)\" text-anchor=\"end\">\(cost / 100)</text>\n"
            if step > 0 { svg += "<line x1=\"\(left)\" y1=\"\(y(cost))\" x2=\"\(left + plotWidth)\" y2=\"\(y(cost))\" stroke=\"#e3e3e3\"/>\n" }
        }
        svg += "<text x=\"\(left + plotWidth / 2)\" y=\"\(height - 16)\" text-anchor=\"middle\">每月刷卡（元）</text>\n"
        svg += "<text x=\"12\" y=\"\(top + plotHeight / 2)\" text-anchor=\"middle\" transform=\"rotate(-90 12 \(top + plotHeight / 2))\">每月手续费（元）</text>\n"
        for (index, line) in series.enumerated() {
            let color = colors[index % colors.count], dash = dashes[index % dashes.count]
            let points = zip(volumes, line.costs).map { "\(x($0)),\(y($1))" }.joined(separator: " ")
            svg += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2.5\"\(dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")/>\n"
        }
        svg += "</g></svg>\n<figcaption>"
        svg += series.enumerated().map { index, line in
            "<span class=\"fee-chart-key\" style=\"border-color:\(colors[index % colors.count])\">\(line.name.htmlEscaped)</span>"
        }.joined(separator: " ")
        svg += "<br>两条线相交的地方，两个报价花费相同；刷得越多、笔数越多，按笔收费的影响越大。</figcaption></figure>\n"
        return svg
    }
}
