import Foundation
import Testing
@testable import PosGuide

/// The fee model against the shared vectors (Tests/vectors/tools.json), through the
/// library and through `posguide fee --json`; the tool page will read the same file.
@Suite struct FeeTests {
    struct Vectors: Decodable {
        struct Case: Decodable {
            struct Input: Decodable {
                var amount: String
                var rate: String
                var per_txn_fee: String?
                var txn_count: Int?
                var annual_fee: String?
                var deposit: String?
                var deposit_refunded: Bool?
            }
            struct Expected: Decodable {
                var monthly_fee: String
                var effective_rate: String?
                var yearly_fee: String
                var first_year_fee: String
                var rate_looks_mistyped: Bool
            }
            var description: String
            var input: Input
            var expected: Expected?
            var error: String?
        }
        struct Comparison: Decodable {
            struct Offer: Decodable {
                var rate: String
                var per_txn_fee: String
                var annual_fee: String
                var deposit: String
                var deposit_refunded: Bool
            }
            struct Input: Decodable {
                var amount: String
                var txn_count: Int
                var a: Offer
                var b: Offer
            }
            struct Expected: Decodable {
                var first_year_fee: String
                var b_first_year_fee: String
                var first_year_difference: String
                var yearly_difference: String
                var first_year_verdict: String
                var yearly_verdict: String
            }
            var description: String
            var input: Input
            var expected: Expected
        }
        var fees: [Case]
        var invalid_fees: [Case]
        var comparisons: [Comparison]
    }

    static let vectors = try! JSONDecoder().decode(
        Vectors.self,
        from: Data(contentsOf: SiteFixture.packageRoot.appendingPathComponent("Tests/vectors/tools.json"))
    )

    func input(_ vector: Vectors.Case) -> FeeInput {
        FeeInput(amount: vector.input.amount, rate: vector.input.rate,
                 perTransactionFee: vector.input.per_txn_fee ?? "0", transactionCount: vector.input.txn_count ?? 0,
                 annualFee: vector.input.annual_fee ?? "0", deposit: vector.input.deposit ?? "0",
                 depositRefunded: vector.input.deposit_refunded ?? false)
    }

    func input(_ comparison: Vectors.Comparison, _ offer: Vectors.Comparison.Offer) -> FeeInput {
        FeeInput(amount: comparison.input.amount, rate: offer.rate, perTransactionFee: offer.per_txn_fee,
                 transactionCount: comparison.input.txn_count, annualFee: offer.annual_fee,
                 deposit: offer.deposit, depositRefunded: offer.deposit_refunded)
    }

    @Test func everyVectorThroughTheLibrary() throws {
        #expect(Self.vectors.fees.count >= 20)
        for vector in Self.vectors.fees {
            let offer = try input(vector).offer().get()
            let cost = offer.monthlyCost()
            let year = offer.yearlyCost()
            #expect(Money.yuan(cost.monthlyTotalFen) == vector.expected?.monthly_fee, "\(vector.description)")
            #expect(cost.effectiveRatePercent.map { Money.fixed($0, places: 2) } == vector.expected?.effective_rate, "\(vector.description)")
            #expect(Money.yuan(year.yearlyTotalFen) == vector.expected?.yearly_fee, "\(vector.description)")
            #expect(Money.yuan(year.firstYearTotalFen) == vector.expected?.first_year_fee, "\(vector.description)")
            #expect(offer.rateLooksMistyped == vector.expected?.rate_looks_mistyped, "\(vector.description)")
        }
    }

    @Test func everyComparisonThroughTheLibrary() throws {
        #expect(Self.vectors.comparisons.count >= 3)
        for vector in Self.vectors.comparisons {
            let a = try input(vector, vector.input.a).offer().get()
            let b = try input(vector, vector.input.b).offer().get()
            let comparison = FeeComparison(a, b)
            #expect(Money.yuan(a.yearlyCost().firstYearTotalFen) == vector.expected.first_year_fee, "\(vector.description)")
            #expect(Money.yuan(b.yearlyCost().firstYearTotalFen) == vector.expected.b_first_year_fee, "\(vector.description)")
            #expect(Money.yuan(comparison.firstYearDifferenceFen) == vector.expected.first_year_difference, "\(vector.description)")
            #expect(Money.yuan(comparison.yearlyDifferenceFen) == vector.expected.yearly_difference, "\(vector.description)")
            #expect(FeeComparison.verdict(comparison.firstYearDifferenceFen) == vector.expected.first_year_verdict, "\(vector.description)")
            #expect(FeeComparison.verdict(comparison.yearlyDifferenceFen) == vector.expected.yearly_verdict, "\(vector.description)")
        }
    }

    @Test func everyInvalidVectorNamesItsField() {
        for vector in Self.vectors.invalid_fees {
            guard case .failure(let error) = input(vector).offer() else {
                Issue.record("accepted: \(vector.description)")
                continue
            }
            #expect(error.field == vector.error, "\(vector.description)")
        }
    }

    @Test func everyVectorThroughTheCLI() throws {
        for vector in Self.vectors.fees {
            var arguments = ["fee", "--amount", vector.input.amount, "--rate", vector.input.rate, "--json"]
            if let fee = vector.input.per_txn_fee { arguments += ["--per-txn-fee", fee] }
            if let count = vector.input.txn_count { arguments += ["--txn-count", String(count)] }
            if let annual = vector.input.annual_fee { arguments += ["--annual-fee", annual] }
            if let deposit = vector.input.deposit { arguments += ["--deposit", deposit] }
            if vector.input.deposit_refunded == true { arguments.append("--deposit-refunded") }
            guard let run = try PosguideBinary.run(arguments) else { return }
            #expect(run.status == 0, "\(vector.description): \(run.stderr)")
            let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
            #expect(json?["monthly_fee"] as? String == vector.expected?.monthly_fee, "\(vector.description)")
            #expect((json?["effective_rate"] as? String) == vector.expected?.effective_rate, "\(vector.description)")
            #expect(json?["yearly_fee"] as? String == vector.expected?.yearly_fee, "\(vector.description)")
            #expect(json?["first_year_fee"] as? String == vector.expected?.first_year_fee, "\(vector.description)")
            #expect(json?["rate_looks_mistyped"] as? Bool == vector.expected?.rate_looks_mistyped, "\(vector.description)")
        }
        for vector in Self.vectors.invalid_fees {
            var arguments = ["fee", "--amount", vector.input.amount, "--rate", vector.input.rate, "--json"]
            if let fee = vector.input.per_txn_fee { arguments += ["--per-txn-fee", fee] }
            if let count = vector.input.txn_count { arguments += ["--txn-count", String(count)] }
            if let annual = vector.input.annual_fee { arguments += ["--annual-fee", annual] }
            if let deposit = vector.input.deposit { arguments += ["--deposit", deposit] }
            guard let run = try PosguideBinary.run(arguments) else { return }
            #expect(run.status == 2, "\(vector.description)")
            #expect(run.stderr.contains("--\(vector.error ?? "")"), "\(vector.description): \(run.stderr)")
        }
    }

    @Test func theTextOutputShowsTheYearTheDepositAndTheRateQuestion() throws {
        guard let run = try PosguideBinary.run(["fee", "--amount", "50000", "--rate", "38", "--deposit", "300"]) else { return }
        #expect(run.status == 0)
        #expect(run.stdout.contains("注意：费率 38% 比常见报价高得多"))
        #expect(run.stdout.contains("每年合计    228000.00 元\n"))
        #expect(run.stdout.contains("第一年合计  228300.00 元（含押金 300.00 元）\n"))
    }

    @Test func invalidInputIsAUsageError() throws {
        guard let run = try PosguideBinary.run(["fee", "--amount", "5万", "--rate", "0.6"]) else { return }
        #expect(run.status == 2)
        #expect(run.stderr == "posguide: error: --amount `5万` is not an amount in 元 (digits, at most two decimals)\n")
    }

    @Test func moneyIsExact() {
        // 0.1 + 0.2 style errors cannot happen: fen are integers, rates decimals.
        let offer = FeeOffer(monthlyAmountFen: 30, ratePercent: Decimal(string: "0.1")!, perTransactionFeeFen: 10, transactionCount: 2)
        #expect(offer.monthlyCost().rateFeeFen == Decimal(string: "0.03")!)
        #expect(offer.monthlyCost().monthlyTotalFen == 20)
        #expect(Money.fen(fromYuan: "0.1") == 10)
        #expect(Money.fen(fromYuan: "1,000") == 100_000)
        #expect(Money.fen(fromYuan: "１２．５") == 1250, "full-width, as typed on a Chinese keyboard")
        #expect(Money.fen(fromYuan: ".") == nil)
        #expect(Money.yuan(5) == "0.05")
    }
}
