/// A 15-digit merchant number as printed on a receipt, split the way the industry
/// commonly describes it.
///
/// The split (acquirer 3, region 4, MCC 4, sequence 4) is an industry convention
/// found on many pages, not a published standard: no UnionPay or PBOC
/// specification was found (facts register 4.1). Everything shown from it says so.
struct MerchantNumber: Sendable, Equatable {
    var digits: String
    var acquirerCode: Substring { digits.prefix(3) }
    var regionCode: Substring { digits.dropFirst(3).prefix(4) }
    var mcc: Substring { digits.dropFirst(7).prefix(4) }
    var sequence: Substring { digits.suffix(4) }

    enum Problem: Error, Equatable, CustomStringConvertible {
        case empty
        case notDigits(String)
        case wrongLength(Int)

        var description: String {
            switch self {
            case .empty: return "请输入签购单上的商户编号"
            case .notDigits(let characters): return "商户编号只含数字，这里有：\(characters)"
            case .wrongLength(let count): return "商户编号常见为 15 位，这里是 \(count) 位；请对照签购单再看一遍"
            }
        }
    }

    /// Reads what a merchant typed: full-width digits become ASCII, spaces and dashes go.
    static func parse(_ text: String) -> Result<MerchantNumber, Problem> {
        var digits = ""
        var others: [Character] = []
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x30...0x39: digits.unicodeScalars.append(scalar)
            case 0xFF10...0xFF19: digits.unicodeScalars.append(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
            case 0x20, 0x3000, 0x09, 0x2D: continue
            default: others.append(Character(scalar))
            }
        }
        if !others.isEmpty { return .failure(.notDigits(String(others))) }
        if digits.isEmpty { return .failure(.empty) }
        if digits.count != 15 { return .failure(.wrongLength(digits.count)) }
        return .success(MerchantNumber(digits: digits))
    }
}
