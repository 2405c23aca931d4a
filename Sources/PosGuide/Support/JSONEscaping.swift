extension String {
    /// The text inside a JSON string literal: quotes, backslashes and control characters escaped
    /// (a merchant number as typed may hold any of them). Used by `decode --json` and the MCC table
    /// the merchant-number page embeds.
    var jsonEscaped: String {
        var out = ""
        for scalar in unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case _ where scalar.value < 0x20: out += "\\u" + String(scalar.value, radix: 16).leftPadded(to: 4)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
