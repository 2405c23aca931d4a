import Foundation
import Testing
@testable import PosGuide

/// The tool pages' HTML contract (what the script and the browser tests rely on),
/// and that they teach without JavaScript: results and examples are computed at build time.
@Suite struct ToolPagesTests {
    static let build = SiteBuilder.buildInMemory(BuildOptions(source: SiteFixture.packageRoot, today: SiteFixture.today))

    /// The text of every `data-result` element in `html`.
    static func results(_ html: String) -> [String: String] {
        var found: [String: String] = [:]
        var rest = html[...]
        while let start = rest.range(of: "data-result=\"") {
            let name = rest[start.upperBound...].prefix { $0 != "\"" }
            let afterTag = rest[start.upperBound...].drop { $0 != ">" }.dropFirst()
            found[String(name)] = String(afterTag.prefix { $0 != "<" })
            rest = afterTag
        }
        return found
    }

    @Test func feeCalculatorPageHasTheFormContractAndShowsNoNumberBeforeTheScript() {
        let html = Self.build.text("tools/fees/index.html")
        #expect(html.contains("<form class=\"tool\" data-tool=\"fee-calculator\" action=\"#\">"))
        for name in ["amount", "txn_count", "rate", "per_txn_fee", "annual_fee", "deposit", "b_rate", "b_per_txn_fee", "b_annual_fee", "b_deposit"] {
            #expect(html.contains("<input name=\"\(name)\" inputmode="), "\(name)")
        }
        for name in ["deposit_refunded", "b_deposit_refunded"] {
            #expect(html.contains("<input type=\"checkbox\" name=\"\(name)\" disabled>"), "\(name)")
        }
        #expect(!html.contains(" value=\""), "inputs start empty")
        let results = Self.results(html)
        for name in ["monthly-fee", "effective-rate", "yearly-fee", "first-year-fee", "b-first-year-fee", "first-year-difference", "yearly-difference"] {
            #expect(results[name] == "—", "\(name)")
        }
        #expect(results.values.allSatisfy { !$0.contains(where: \.isNumber) }, "no result has a number before the script computes one")
        #expect(html.contains("<p class=\"tool-needs-script\" data-needs-script>"))
        #expect(html.contains("<a href=\"#fee-examples\">算例表</a>"))
        #expect(html.contains("<tr><td>1. 每月刷卡 50000 元，费率 0.38%，每笔另收 1 元 × 200 笔，年费 120 元，押金 300 元（不退或没写进合同）</td>"
            + "<td>每月 400.00 元<br>有效费率 0.80%<br>第一年 5100.00 元</td></tr>"), "worked examples table, with the deposit")
        #expect(html.contains("<td>每月 300.00 元<br>有效费率 0.60%<br>第一年 3600.00 元</td>"))
        #expect(html.contains("算例 1 和算例 2 比：第一年第 2 个便宜 1500.00 元；以后每年第 2 个便宜 1200.00 元。"))
        #expect(html.contains("<script src=\"/assets/tools.js\" defer></script>"))
        #expect(Self.build.file("assets/tools.js") != nil)
    }

    @Test func everyToolInputIsDisabledUntilTheScriptRuns() {
        // A disabled control can be neither typed into nor submitted: without the script, nothing
        // typed can end up in a URL, whatever the browser does on Enter.
        for path in ["tools/fees/index.html", "tools/merchant-number/index.html"] {
            // The tool's own form, not the header's search box (a query belongs in the search page's URL).
            let html = Self.build.text(path)
            let tool = html.components(separatedBy: "<form class=\"tool\"").dropFirst().joined()
            let inputs = tool.components(separatedBy: "</form>").first!.components(separatedBy: "<input ").dropFirst()
            #expect(!inputs.isEmpty, "\(path)")
            for input in inputs {
                #expect(input.prefix { $0 != ">" }.hasSuffix(" disabled"), "\(path): <input \(input.prefix(60))")
            }
        }
    }

    @Test func merchantNumberPageStartsEmptyAndKeepsAStaticExample() {
        let html = Self.build.text("tools/merchant-number/index.html")
        #expect(html.contains("<form class=\"tool\" data-tool=\"merchant-number\" action=\"#\">"))
        #expect(html.contains("<input name=\"merchant_no\" inputmode=\"numeric\" autocomplete=\"off\" placeholder=\"15 位数字\" disabled>"))
        let results = Self.results(html)
        for name in ["acquirer", "region", "mcc", "sequence"] {
            #expect(results[name] == "—", "\(name)")
        }
        #expect(results["mcc-name"] == "" && results["advice"] == "")
        #expect(html.contains("<tr><th scope=\"row\">第 8—11 位：商户类别码（MCC）</th><td>5813：饮酒场所（酒吧、酒馆、夜总会等），「酒吧夜场」类</td></tr>"))
        #expect(html.contains("<script type=\"application/json\" id=\"posguide-mcc\">{\"codes\":{\"5411\":{\"name\":\"大型仓储式超级市场、超市\",\"category\":\"零售\"}"))
        #expect(html.contains("不是官方标准"))
        #expect(html.contains("看不出你的机器是不是一清"))
    }

    @Test func toolPagesSayNothingOfHowTheSiteIsMade() {
        for path in ["tools/fees/index.html", "tools/merchant-number/index.html", "tools/index.html"] {
            let html = Self.build.text(path)
            // What the reader reads: the main text, without the script's data island.
            let body = html.components(separatedBy: "<main id=\"main\">").dropFirst().first?
                .components(separatedBy: "</main>").first?
                .replacingOccurrences(of: "id=\"posguide-mcc\"", with: "") ?? ""
            #expect(!body.isEmpty, "\(path)")
            for phrase in ["posguide", "命令行", "事实核查", "事实登记"] {
                #expect(!body.contains(phrase), "\(path): \(phrase)")
            }
            #expect(!html.contains("茶馆") && !html.contains("咖啡"), "\(path)")
        }
    }

    @Test func badExampleOffersAreErrorsAtTheirLine() throws {
        let site = try SiteFixture(["content/tools/fees.md": page("计算器", "```fee-calculator\namount=50000 rate=0.6\namount=5万 rate=0.6\n```\n")])
        #expect(site.diagnostics() == ["content/tools/fees.md:7:1: error: example offer: --amount `5万` is not an amount in 元 (digits, at most two decimals)"])
    }

    /// Runs a checker that prints "N passed, M failed" (the first of `interpreters` that exists),
    /// and expects no failure; skips when none is installed.
    static func expectCheckerPasses(_ interpreters: [String], _ script: String) throws {
        guard let interpreter = interpreters.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: interpreter)
        process.arguments = [SiteFixture.packageRoot.appendingPathComponent(script).path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.hasSuffix(" passed, 0 failed\n"))
    }

    @Test func theFeeVectorsAgreeWithAnIndependentOracle() throws {
        // Recomputes every fee vector with Python fractions, sharing no code with the library or the script.
        try Self.expectCheckerPasses(["/usr/bin/python3"], "Tests/vectors/check_fees.py")
    }

    @Test func theScriptAgreesWithTheVectors() throws {
        // The same vectors as FeeTests and MerchantNumberTests, through templates/assets/tools.js.
        try Self.expectCheckerPasses(["/usr/bin/node", "/usr/local/bin/node"], "Tests/js/tools-vectors.js")
    }
}
