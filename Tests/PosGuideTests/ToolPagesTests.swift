import Foundation
import Testing
@testable import PosGuide

/// The tool pages' HTML contract (what the script and the browser tests rely on),
/// and that they teach without JavaScript: results and examples are computed at build time.
@Suite struct ToolPagesTests {
    static let build = SiteBuilder.build(BuildOptions(source: SiteFixture.packageRoot, today: SiteFixture.today))

    @Test func feeCalculatorPageHasTheFormContractAndPrecomputedResults() {
        let html = Self.build.text("tools/fees/index.html")
        #expect(html.contains("<form class=\"tool\" data-tool=\"fee-calculator\" action=\"#\">"))
        for name in ["amount", "rate", "per_txn_fee", "txn_count", "annual_fee"] {
            #expect(html.contains("<input name=\"\(name)\""), "\(name)")
        }
        #expect(html.contains("<strong data-result=\"monthly-fee\">400.00</strong>"))
        #expect(html.contains("<strong data-result=\"effective-rate\">0.80</strong>"))
        #expect(html.contains("data-result=\"warning\""))
        #expect(html.contains("<td>300.00 元</td><td>0.60%</td>"), "worked examples table")
        #expect(html.contains("<script src=\"/assets/tools.js\" defer></script>"))
        #expect(Self.build.file("assets/tools.js") != nil)
    }

    @Test func merchantNumberPageHasTheFormContractDataAndExample() {
        let html = Self.build.text("tools/merchant-number/index.html")
        #expect(html.contains("<form class=\"tool\" data-tool=\"merchant-number\" action=\"#\">"))
        #expect(html.contains("<input name=\"merchant_no\" value=\"105290058130392\""))
        for (name, value) in [("acquirer", "105"), ("region", "2900"), ("mcc", "5813")] {
            #expect(html.contains("<span data-result=\"\(name)\">\(value)</span>"), "\(name)")
        }
        #expect(html.contains("<span data-result=\"mcc-name\">酒吧、夜总会、茶馆、咖啡馆等饮酒场所</span>"))
        #expect(html.contains("<script type=\"application/json\" id=\"posguide-mcc\">{\"5411\":\"大型仓储式超级市场、超市\""))
        #expect(html.contains("不是官方标准"))
    }

    @Test func badExampleOffersAreErrorsAtTheirLine() throws {
        let site = try SiteFixture(["content/tools/fees.md": page("计算器", "```fee-calculator\namount=50000 rate=0.6\namount=5万 rate=0.6\n```\n")])
        #expect(site.diagnostics() == ["content/tools/fees.md:7:1: error: example offer: --amount `5万` is not an amount in 元 (digits, at most two decimals)"])
    }

    @Test func theScriptAgreesWithTheVectors() throws {
        // The same vectors as FeeTests and MerchantNumberTests, through templates/assets/tools.js.
        guard let node = ["/usr/bin/node", "/usr/local/bin/node"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: node)
        process.arguments = [SiteFixture.packageRoot.appendingPathComponent("Tests/js/tools-vectors.js").path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.hasSuffix(" passed, 0 failed\n"))
    }
}
