import Foundation
import Testing
@testable import PosGuide

/// The merchant-number decoder against the shared vectors, through the library and `posguide decode --json`.
@Suite struct MerchantNumberTests {
    struct Vectors: Decodable {
        struct Case: Decodable {
            struct Expected: Decodable {
                var acquirer: String
                var region: String
                var mcc: String
                var mcc_name: String?
                var sequence: String
            }
            var description: String
            var input: String
            var expected: Expected?
            var warning: String?
        }
        var merchant_numbers: [Case]
        var invalid_merchant_numbers: [Case]
    }

    static let vectors = try! JSONDecoder().decode(
        Vectors.self,
        from: Data(contentsOf: SiteFixture.packageRoot.appendingPathComponent("Tests/vectors/tools.json"))
    )
    static let names = DecodeCommand.mccNames(source: SiteFixture.packageRoot)

    @Test func readsTheSitesMCCTable() {
        #expect(Self.names["5411"] == "大型仓储式超级市场、超市")
        #expect(Self.names.count == 8)
    }

    @Test func everyVectorThroughTheLibrary() throws {
        for vector in Self.vectors.merchant_numbers {
            let number = try MerchantNumber.parse(vector.input).get()
            #expect(String(number.acquirerCode) == vector.expected?.acquirer, "\(vector.description)")
            #expect(String(number.regionCode) == vector.expected?.region, "\(vector.description)")
            #expect(String(number.mcc) == vector.expected?.mcc, "\(vector.description)")
            #expect(Self.names[String(number.mcc)] == vector.expected?.mcc_name, "\(vector.description)")
            #expect(String(number.sequence) == vector.expected?.sequence, "\(vector.description)")
        }
        for vector in Self.vectors.invalid_merchant_numbers {
            guard case .failure(let problem) = MerchantNumber.parse(vector.input) else {
                Issue.record("accepted: \(vector.description)")
                continue
            }
            #expect(problem.description == vector.warning, "\(vector.description)")
        }
    }

    @Test func everyVectorThroughTheCLI() throws {
        for vector in Self.vectors.merchant_numbers + Self.vectors.invalid_merchant_numbers {
            guard let run = try PosguideBinary.run(["decode", vector.input, "--source", SiteFixture.packageRoot.path, "--json"]) else { return }
            let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
            if let expected = vector.expected {
                #expect(run.status == 0, "\(vector.description)")
                #expect(json?["mcc"] as? String == expected.mcc, "\(vector.description)")
                #expect(json?["mcc_name"] as? String == expected.mcc_name, "\(vector.description)")
                #expect((json?["warning"] as? String)?.contains("不是官方标准") == true)
            } else {
                #expect(run.status == 1, "\(vector.description)")
                #expect(json?["warning"] as? String == vector.warning, "\(vector.description)")
            }
        }
    }
}
