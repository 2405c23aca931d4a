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
        #expect(html.contains("<tr><th scope=\"row\">10000.00 元</th><td>78.00 元</td><td>60.00 元</td></tr>"))
        #expect(html.contains("<tr><th scope=\"row\">30000.00 元</th><td>174.00 元</td><td>180.00 元</td></tr>"))
        #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 360 240\" role=\"img\""))
        #expect(html.components(separatedBy: "<polyline").count == 3)
        #expect(html.contains("<desc id=\"fee-chart-desc\">每月刷卡金额与每月手续费：甲，10000.00 元时 78.00 元；30000.00 元时 174.00 元。"))
    }

    @Test func unknownScheduleIsAnError() throws {
        let site = try SiteFixture([
            "content/data/fees.yaml": Self.schedule,
            "content/articles/a.md": page("甲", "正文\n\n```fee-table nope\n```\n"),
        ])
        #expect(site.diagnostics() == ["content/articles/a.md:7:1: error: no usable schedule `nope` under `schedules` in content/data/fees.yaml"])
    }

    @Test func theRealFeesArticleShowsTheChart() {
        let html = ToolPagesTests.build.text("articles/hidden-fees/index.html")
        #expect(html.contains("<figure class=\"fee-chart\">"))
        #expect(html.contains("<td>270.00 元</td><td>300.00 元</td>"))
    }
}
