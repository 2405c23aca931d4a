/// What a reader types on a Chinese phone keyboard, read the way they meant it.
enum TypedText {
    /// Full-width digits, `．`/`。` (decimal point), `，` (thousands separator), `％` and the
    /// ideographic space become their ASCII forms; everything else is left as typed.
    static func halfWidth(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF10...0xFF19: result.append(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
            case 0xFF0E, 0x3002: result.append(".")
            case 0xFF0C: result.append(",")
            case 0xFF05: result.append("%")
            case 0x3000: result.append(" ")
            default: result.append(scalar)
            }
        }
        return String(result)
    }
}
