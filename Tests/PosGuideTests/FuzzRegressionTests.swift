import Foundation
import Testing
@testable import PosGuide

/// Inputs the fuzz targets (Fuzz/, scripts/fuzz.sh) found, minimised, each kept so the fix stays.
@Suite struct FuzzRegressionTests {
    @Test func decodeJSONStaysJSONWhenTheNumberHoldsControlCharacters() throws {
        // cli-parsers: `posguide decode $'\x1bq.5' --json` printed the escape raw inside a JSON string.
        for typed in ["\u{1B}", "\u{1}2\u{0}", "12\t3\r\n", "\u{1F}\"\\"] {
            let result = DecodeCommand.run(typed, mccNames: [:], json: true)
            #expect(result.exitCode == 1)
            let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            let warning = try #require(object?["warning"] as? String, "not JSON: \(result.stdout.debugDescription)")
            #expect(warning.hasPrefix("商户编号"))
        }
    }
}
