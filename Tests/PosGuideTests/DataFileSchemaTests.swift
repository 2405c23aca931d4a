import Foundation
import Testing
@testable import PosGuide

/// `content/data/fees.yaml` and `mcc.yaml` are read against their schemas when the site loads:
/// a wrong value is reported once, at its own line and column in the data file, not at the
/// page that uses it.
@Suite struct DataFileSchemaTests {
    static func fees(_ offers: String, volumes: String = "[10000, 30000]") -> String {
        """
        schedules:
          demo:
            title: 示例
            average_ticket: 500
            volumes: \(volumes)
            offers:
        \(offers)
        """
    }

    static let drawing = page("甲", "```fee-table demo\n```\n")

    /// What `check` prints and how it exits.
    static func check(_ site: SiteFixture) -> CommandResult {
        BuildCommand.run(site.options, output: nil, strict: false)
    }

    @Test func aRateWithTooManyDecimalsIsReportedAtItsValueInFeesYAMLAndNotAtThePage() throws {
        let site = try SiteFixture([
            "content/data/fees.yaml": Self.fees("      - name: 甲\n        rate: \"0.3855\""),
            "content/articles/a.md": Self.drawing,
        ])
        #expect(site.diagnostics() == ["content/data/fees.yaml:8:15: error: `rate` `0.3855` has more than 3 decimals"])
        #expect(Self.check(site).exitCode == 1)
    }

    @Test func aRateThatIsNotAPercentageAndAFeeThatIsNotAnAmountAreEachReported() throws {
        let site = try SiteFixture([
            "content/data/fees.yaml": Self.fees("      - name: 甲\n        rate: 百分之零点六\n        per_txn_fee: 五毛"),
            "content/articles/a.md": Self.drawing,
        ])
        #expect(site.diagnostics() == [
            "content/data/fees.yaml:8:15: error: `rate` `百分之零点六` is not a percentage like 0.6 or 0.38",
            "content/data/fees.yaml:9:22: error: `per_txn_fee` `五毛` is not an amount in 元 (digits, at most two decimals)",
        ])
    }

    @Test func anUnknownKeyInAnOfferSuggestsTheKnownOneAndTheMissingRateIsNamed() throws {
        let site = try SiteFixture([
            "content/data/fees.yaml": Self.fees("      - name: 甲\n        rat: \"0.6\""),
            "content/articles/a.md": Self.drawing,
        ])
        let result = Self.check(site)
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("""
        content/data/fees.yaml:7:9: error: offer is missing required key `rate`
        """))
        #expect(result.stderr.contains("""
        content/data/fees.yaml:8:9: error: unknown key `rat` in offer
        content/data/fees.yaml:8:9: note: did you mean `rate`?
        """))
        #expect(!result.stderr.contains("content/articles/a.md"))
    }

    @Test func volumesThatAreNotAListAndAMissingTitleAreReportedInTheSchedule() throws {
        let text = Self.fees("      - name: 甲\n        rate: \"0.6\"", volumes: "10000").replacingOccurrences(of: "    title: 示例\n", with: "")
        let site = try SiteFixture(["content/data/fees.yaml": text, "content/articles/a.md": Self.drawing])
        #expect(site.diagnostics() == [
            "content/data/fees.yaml:3:5: error: schedule `demo` is missing required key `title`",
            "content/data/fees.yaml:4:14: error: `volumes` must be a list of monthly card sales in 元, e.g. `[10000, 30000]`",
        ])
    }

    @Test func aPageNamingAScheduleThatDoesNotExistGetsADidYouMean() throws {
        let site = try SiteFixture([
            "content/data/fees.yaml": Self.fees("      - name: 甲\n        rate: \"0.6\""),
            "content/articles/a.md": page("甲", "```fee-table dmeo\n```\n"),
        ])
        let result = Self.check(site)
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("""
        content/articles/a.md:5:1: error: no schedule `dmeo` under `schedules` in content/data/fees.yaml
        content/articles/a.md:5:1: note: did you mean `demo`?
        """))
    }

    static let mcc = """
    codes:
      "5812": {name: 就餐场所和餐馆, categroy: 餐饮}
      "581": {name: 短了一位, category: 餐饮}
    advice:
      known: 这是一个「{category}」类代码。
      unknown: 没有 {code} 这个代码。
    """

    @Test func mccYAMLErrorsAreReportedAtTheirOwnLineWhenTheSiteLoads() throws {
        let site = try SiteFixture(["content/data/mcc.yaml": Self.mcc])
        let result = Self.check(site)
        #expect(result.exitCode == 1)
        #expect(site.diagnostics() == [
            "content/data/mcc.yaml:2:11: error: MCC `5812` is missing required key `category`",
            "content/data/mcc.yaml:2:27: error: unknown key `categroy` in MCC `5812`",
            "content/data/mcc.yaml:3:3: error: MCC `581` must be 4 digits, quoted: `\"5812\": {name: …, category: …}`",
        ])
        #expect(result.stderr.contains("content/data/mcc.yaml:2:27: note: did you mean `category`?\n"))
    }

    @Test func decodeReadsMCCYAMLThroughTheSameSchemaAndExitsOneOnItsErrors() throws {
        let site = try SiteFixture(["content/data/mcc.yaml": Self.mcc])
        let result = DecodeCommand.run("123456758120001", source: site.root, json: false)
        #expect(result.exitCode == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("content/data/mcc.yaml:2:11: error: MCC `5812` is missing required key `category`\n"))
    }

    @Test func anAdviceWithoutItsUnknownTextAndAWrongConfidenceAreReported() throws {
        let site = try SiteFixture(["content/data/mcc.yaml": "confidence: sure\nadvice:\n  known: 「{category}」类。\n"])
        #expect(site.diagnostics() == [
            "content/data/mcc.yaml:1:13: error: `confidence` must be one of high, medium-high, medium, low-medium, low",
            "content/data/mcc.yaml:3:3: error: advice is missing required key `unknown`",
        ])
    }

    @Test func aSiteWithoutDataFilesDecodesWithAnEmptyTable() throws {
        let site = try SiteFixture(["content/articles/a.md": page("甲")])
        let result = DecodeCommand.run("123456758120001", source: site.root, json: false)
        #expect(result.exitCode == 0)
        #expect(result.stdout.contains("本站的举例表里没有这个代码"))
    }
}
