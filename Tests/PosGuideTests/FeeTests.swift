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
            }
            struct Expected: Decodable {
                var monthly_fee: String
                var effective_rate: String?
            }
            var description: String
            var input: Input
            var expected: Expected?
            var error: String?
        }
        var fees: [Case]
        var invalid_fees: [Case]
    }

    static let vectors = try! JSONDecoder().decode(
        Vectors.self,
        from: Data(contentsOf: SiteFixture.packageRoot.appendingPathComponent("Tests/vectors/tools.json"))
    )

    func input(_ vector: Vectors.Case) -> FeeCommand.Input {
        FeeCommand.Input(amount: vector.input.amount, rate: vector.input.rate,
                         perTransactionFee: vector.input.per_txn_fee ?? "0", transactionCount: vector.input.txn_count ?? 0,
                         annualFee: vector.input.annual_fee ?? "0")
    }

    @Test func everyVectorThroughTheLibrary() throws {
        #expect(Self.vectors.fees.count >= 10)
        for vector in Self.vectors.fees {
            let offer = try FeeCommand.offer(from: input(vector)).get()
            let cost = offer.monthlyCost()
            #expect(Money.yuan(cost.monthlyTotalFen) == vector.expected?.monthly_fee, "\(vector.description)")
            #expect(cost.effectiveRatePercent.map { Money.fixed($0, places: 2) } == vector.expected?.effective_rate, "\(vector.description)")
        }
    }

    @Test func everyInvalidVectorNamesItsField() {
        for vector in Self.vectors.invalid_fees {
            guard case .failure(let error) = FeeCommand.offer(from: input(vector)) else {
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
            guard let run = try PosguideBinary.run(arguments) else { return }
            #expect(run.status == 0, "\(vector.description): \(run.stderr)")
            let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
            #expect(json?["monthly_fee"] as? String == vector.expected?.monthly_fee, "\(vector.description)")
            #expect((json?["effective_rate"] as? String) == vector.expected?.effective_rate, "\(vector.description)")
        }
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
        #expect(Money.fen(fromYuan: "１２") == nil)
        #expect(Money.yuan(5) == "0.05")
    }
}
