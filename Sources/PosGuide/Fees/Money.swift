import Foundation

/// Parses and prints 元 amounts and percentages exactly, for the fee tools.
enum Money {
    /// `"1,234.5"` 元 -> 123450 fen. Nil for anything that is not a non-negative amount
    /// with at most two decimals. Full-width digits and punctuation count as typed (`１２．５`).
    static func fen(fromYuan text: String) -> Int? {
        let cleaned = TypedText.halfWidth(text).trimmingWhitespace.replacingOccurrences(of: ",", with: "")
        guard !cleaned.isEmpty, cleaned != ".", cleaned.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) else { return nil }
        let parts = cleaned.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = Int(parts[0].isEmpty ? "0" : String(parts[0])) else { return nil }
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.count <= 2 else { return nil }
        fraction = fraction.padding(toLength: 2, withPad: "0", startingAt: 0)
        guard let cents = Int(fraction) else { return nil }
        let (product, overflow) = whole.multipliedReportingOverflow(by: 100)
        let (total, carried) = product.addingReportingOverflow(cents)
        guard !overflow, !carried else { return nil }
        return total
    }

    /// `"0.38"`, `"0.38%"` or `"０．３８％"` -> 0.38 (percent). Nil unless a non-negative decimal number.
    static func percent(_ text: String) -> Decimal? {
        var cleaned = TypedText.halfWidth(text).trimmingWhitespace
        if cleaned.hasSuffix("%") { cleaned = String(cleaned.dropLast()).trimmingWhitespace }
        guard !cleaned.isEmpty, cleaned != ".", cleaned.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              cleaned.filter({ $0 == "." }).count <= 1 else { return nil }
        return Decimal(string: cleaned, locale: Locale(identifier: "en_US_POSIX"))
    }

    /// 123450 fen -> `"1234.50"`.
    static func yuan(_ fen: Int) -> String {
        let sign = fen < 0 ? "-" : ""
        let magnitude = abs(fen)
        return "\(sign)\(magnitude / 100).\(String(magnitude % 100).leftPadded(to: 2))"
    }

    /// A decimal with exactly `places` decimals: 0.8 -> `"0.80"`.
    static func fixed(_ value: Decimal, places: Int) -> String {
        let rounded = FeeOffer.roundHalfUp(value, scale: places)
        let formatter = NumberFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.minimumFractionDigits = places
        formatter.maximumFractionDigits = places
        formatter.minimumIntegerDigits = 1
        formatter.usesGroupingSeparator = false
        return formatter.string(from: NSDecimalNumber(decimal: rounded)) ?? "\(rounded)"
    }
}
