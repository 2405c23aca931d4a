import Foundation
import Testing
@testable import PosGuide

/// The fee-table directive: worked examples and a build-time SVG chart from content/data/fees.yaml.
@Suite struct FeeTableTests {
    static let schedule = """
    schedules:
      demo:
        title: 示例
        average_ticket: 500
        volumes: [10000, 30000]
        offers:
          - name: 甲
            rate: "0.38"
            per_txn_fee: "0.5"
            annual_fee: "360"
          - name: 乙
            rate: "0.6"
    """

    @Test func rendersTheTableAndAChartThatCross() throws {
        // Expected costs computed by hand: 甲 = 0.38% + 0.5 元 × (volume ÷ 500) + 30 元; 乙 = 0.6%.
        let site = try SiteFixture([
            "content/data/fees.yaml": Self.schedule,
            "content/articles/a.md": page("甲", "```fee-table demo\n```\n"),
        ])
        let result = site.build()
        #expect(result.diagnostics.isEmpty)
        let html = result.text("articles/a/index.html")
        #expect(html.contains("<tr><th scope=\"row\">1 万元</th><td>78.00 元</td><td>60.00 元</td></tr>"))
        #expect(html.contains("<tr><th scope=\"row\">3 万元</th><td>174.00 元</td><td>180.00 元</td></tr>"))
        #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 360 250\" role=\"img\""))
        #expect(html.components(separatedBy: "<polyline").count == 3)
        #expect(html.contains("<desc id=\"fee-chart-desc\">每月刷卡金额与每月手续费：甲，1 万元时 78.00 元；3 万元时 174.00 元。"))
    }

    @Test func theChartReadsIn元And万元WithLabelledLinesAndACaptionThatStatesTheTicket() throws {
        let site = try SiteFixture([
            "content/data/fees.yaml": Self.schedule,
            "content/articles/a.md": page("甲", "```fee-table demo\n```\n"),
        ])
        let html = site.build().text("articles/a/index.html")
        let chart = try #require(html.components(separatedBy: "<figure class=\"fee-chart\">").last)
        // Volumes up to 3 万元 tick every 1 万元; costs up to 180 元 tick every 50 元 up to 200.
        #expect(chart.contains(">每月刷卡金额（万元）</text>") && chart.contains(">每月手续费（元）</text>"))
        #expect(chart.contains("text-anchor=\"middle\">3</text>") && chart.contains("text-anchor=\"end\">200</text>"))
        #expect(!chart.contains("k</text>"))
        // Each line is named at its end in its own colour, and the legend repeats its dash pattern.
        #expect(chart.contains("fill=\"#0b57a4\" font-weight=\"700\">甲</text>") && chart.contains("fill=\"#b3261e\" font-weight=\"700\">乙</text>"))
        #expect(chart.contains("<br><svg viewBox=\"0 0 32 8\" width=\"32\" height=\"8\" aria-hidden=\"true\"><line x1=\"0\" y1=\"4\" x2=\"32\" y2=\"4\" stroke-width=\"2.5\" stroke=\"#b3261e\" stroke-dasharray=\"6 4\"/></svg> 乙</p>"))
        #expect(chart.contains("<p>图：每月刷卡 1 万元到 3 万元，两个报价每月要交的手续费。按每笔平均 500 元算，这只是举例；"))
    }

    @Test func lineLabelsThatWouldOverlapArePushedApart() {
        #expect(FeeChartSVG.labelPositions([100, 105, 40]) == [100, 115, 40])
        #expect(FeeChartSVG.labelPositions([50, 50]) == [50, 65])
    }

    @Test func unknownScheduleIsAnError() throws {
        let site = try SiteFixture([
            "content/data/fees.yaml": Self.schedule,
            "content/articles/a.md": page("甲", "正文\n\n```fee-table nope\n```\n"),
        ])
        #expect(site.diagnostics() == ["content/articles/a.md:7:1: error: no schedule `nope` under `schedules` in content/data/fees.yaml"])
    }

    @Test func theRealFeesArticleShowsTheChart() {
        let html = ToolPagesTests.build.text("articles/hidden-fees/index.html")
        #expect(html.contains("<figure class=\"fee-chart\">"))
        #expect(html.contains("<td>270.00 元</td><td>300.00 元</td>"))
    }
}
