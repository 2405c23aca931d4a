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
                var mcc_category: String?
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
    static let loaded = MCCTable.load(from: DiskTree(root: SiteFixture.packageRoot))
    static let table = loaded.0

    @Test func readsTheSitesMCCTableWithCategories() {
        #expect(Self.loaded.1.isEmpty)
        #expect(Self.table["5411"] == MCCTable.Entry(name: "大型仓储式超级市场、超市", category: "零售"))
        #expect(Self.table.entries.count == 9)
        #expect(Self.table.entries.values.allSatisfy { !$0.category.isEmpty })
    }

    @Test func mcc5813IsDrinkingPlacesOnly() {
        // facts-2026-11 R25: not 茶馆 or 咖啡馆, and where those belong is unknown.
        let name = Self.table["5813"]?.name ?? ""
        #expect(name.contains("酒吧"))
        #expect(!name.contains("茶") && !name.contains("咖啡"))
        #expect(Self.table.entries.values.allSatisfy { !$0.name.contains("茶馆") && !$0.name.contains("咖啡") })
    }

    @Test func adviceNamesTheCategoryOrSaysTheCodeIsUnknown() {
        #expect(Self.table.advice(for: "5812").hasPrefix("这是一个「餐饮」类代码。"))
        #expect(Self.table.advice(for: "5812").contains("跳码"))
        #expect(Self.table.advice(for: "9999").hasPrefix("本站的举例表里没有 9999 这个代码"))
    }

    @Test func everyVectorThroughTheLibrary() throws {
        for vector in Self.vectors.merchant_numbers {
            let number = try MerchantNumber.parse(vector.input).get()
            #expect(String(number.acquirerCode) == vector.expected?.acquirer, "\(vector.description)")
            #expect(String(number.regionCode) == vector.expected?.region, "\(vector.description)")
            #expect(String(number.mcc) == vector.expected?.mcc, "\(vector.description)")
            #expect(Self.table[number.mcc]?.name == vector.expected?.mcc_name, "\(vector.description)")
            #expect(Self.table[number.mcc]?.category == vector.expected?.mcc_category, "\(vector.description)")
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
                #expect(json?["mcc_category"] as? String == expected.mcc_category, "\(vector.description)")
                #expect(json?["advice"] as? String == Self.table.advice(for: Substring(expected.mcc)), "\(vector.description)")
                #expect((json?["warning"] as? String)?.contains("不是官方标准") == true)
                #expect((json?["warning"] as? String)?.contains("一清") == true)
            } else {
                #expect(run.status == 1, "\(vector.description)")
                #expect(json?["warning"] as? String == vector.warning, "\(vector.description)")
            }
        }
    }
}
