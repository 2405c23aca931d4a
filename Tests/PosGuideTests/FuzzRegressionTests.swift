import Foundation
import Testing
@testable import PosGuide

/// Inputs the fuzz targets (Fuzz/, scripts/fuzz.sh) found, minimised, each kept so the fix stays.
@Suite struct FuzzRegressionTests {
    @Test func decodeJSONStaysJSONWhenTheNumberHoldsControlCharacters() throws {
        // cli-parsers: `posguide decode $'\x1bq.5' --json` printed the escape raw inside a JSON string.
        for typed in ["\u{1B}", "\u{1}2\u{0}", "12\t3\r\n", "\u{1F}\"\\"] {
            let result = DecodeCommand.run(typed, mcc: MCCTable(), json: true)
            #expect(result.exitCode == 1)
            let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            let warning = try #require(object?["warning"] as? String, "not JSON: \(result.stdout.debugDescription)")
            #expect(warning.hasPrefix("商户编号"))
        }
    }

    @Test func aRateOverAHundredPercentIsAUsageErrorNotANegativeTotal() {
        // cli-parsers: `fee --amount 9 --rate 5222222222222222222229 --per-txn-fee 5` printed a negative
        // monthly total (the Decimal overflowed Int silently) and crashed with --json.
        let result = FeeCommand.run(.init(amount: "9", rate: "5222222222222222222229", perTransactionFee: "5"), json: true)
        #expect(result.exitCode == 2)
        #expect(result.stderr == "posguide: error: --rate `5222222222222222222229` is above the largest value the tools accept (100)\n")
        #expect(FeeCommand.run(.init(amount: "9", rate: "100"), json: true).exitCode == 0)
    }

    @Test func amountsAtTheEdgeOfIntAreRefusedNotTrapped() {
        #expect(Money.fen(fromYuan: "92233720368547758.07") == Int.max)
        #expect(Money.fen(fromYuan: "92233720368547758.99") == nil)
        let many = FeeInput(amount: "1", rate: "0.6", perTransactionFee: "92233720368547758", transactionCount: 2).offer()
        // The tools' bounds (FeeInput.Limit) refuse such inputs before any product is formed.
        #expect(many == .failure(FeeInputError(field: "per-txn-fee", value: "92233720368547758",
                                               problem: .tooLarge(Money.yuan(FeeInput.Limit.perTransactionFeeFen)))))
        let huge = FeeInput(amount: "92233720368547758", rate: "100").offer()
        #expect(huge == .failure(FeeInputError(field: "amount", value: "92233720368547758",
                                               problem: .tooLarge(Money.yuan(FeeInput.Limit.amountFen)))))
    }

    @Test(.timeLimit(.minutes(1))) func aHeadingThatSlugsToSourceSomethingEndsAndGetsItsOwnId() {
        // directives: a checklist group `## [ ] source-itei` hung the build for good: every `-N`
        // candidate kept the `source-` prefix reserved for the source list, so none was ever free.
        var slugger = HeadingSlugger()
        #expect(slugger.slug(for: "Source code") == "section-source-code")
        #expect(slugger.slug(for: "Source code") == "section-source-code-2")
        #expect(slugger.slug(for: "sources") == "sources-2")
        let rendered = MarkdownRenderer(environment: MarkdownEnvironment(), source: SourceText(path: "content/a.md", text: ""), pagePath: "/a/")
            .render("## Source-code 说明\n\n```checklist\n## [ ] source-itei\n- item\n```\n")
        #expect(rendered.headings.map(\.id) == ["section-source-code-说明"])
        #expect(rendered.html.contains("<h2 id=\"section-source-code-说明\">"))
    }
}
