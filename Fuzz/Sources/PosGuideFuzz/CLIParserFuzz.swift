import Foundation
@testable import PosGuide

/// The CLI's number readers: `fee`'s amounts and rates, `decode`'s merchant number. The first
/// byte picks the reader, the rest is what a shop owner typed.
enum CLIParserFuzz {
    static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let selector = bytes.first else { return }
        let input = text(UnsafeBufferPointer(rebasing: bytes.dropFirst()))
        switch selector % 3 {
        case 0:
            // An amount read back from its own printing is the same amount.
            if let fen = Money.fen(fromYuan: input) {
                invariant(fen >= 0, "a negative amount from \(input.debugDescription)")
                invariant(Money.fen(fromYuan: Money.yuan(fen)) == fen, "\(input.debugDescription) -> \(fen) fen does not survive printing")
            }
            _ = Money.percent(input)
        case 1:
            // Whatever was typed, `decode --json` prints one JSON object.
            let result = DecodeCommand.run(input, mcc: Self.mcc, json: true)
            expectJSONObject(result.stdout, from: input)
            _ = DecodeCommand.run(input, mcc: MCCTable(), json: false)
        default:
            // `fee --json` on four fields (one a line): a usage error or one JSON object.
            let fields = input.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            func field(_ index: Int) -> String { index < fields.count ? fields[index] : "0" }
            let feeInput = FeeInput(amount: field(0), rate: field(1), perTransactionFee: field(2),
                                    transactionCount: Int(field(3)) ?? 0, annualFee: field(4), deposit: field(5))
            let result = FeeCommand.run(feeInput, json: true)
            if result.exitCode == 0 { expectJSONObject(result.stdout, from: input) }
        }
    }

    static let mcc = MCCTable(entries: ["5411": .init(name: "超市", category: "零售")],
                              knownAdvice: "这是一个「{category}」类代码", unknownAdvice: "{code} 不在表里")

    static func expectJSONObject(_ output: String, from input: String) {
        let parsed = try? JSONSerialization.jsonObject(with: Data(output.utf8))
        invariant(parsed is [String: Any], "not one JSON object: \(output.debugDescription) from \(input.debugDescription)")
    }
}
