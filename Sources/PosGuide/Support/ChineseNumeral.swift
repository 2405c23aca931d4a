/// Chinese numerals for chapter labels: 1 一, 10 十, 12 十二, 20 二十, 105 一百零五.
enum ChineseNumeral {
    static let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

    static func text(_ number: Int) -> String {
        guard number > 0, number < 1000 else { return String(number) }
        let hundreds = number / 100, tens = number / 10 % 10, ones = number % 10
        var out = ""
        if hundreds > 0 { out += digits[hundreds] + "百" }
        if tens > 0 {
            out += (tens == 1 && hundreds == 0 ? "" : digits[tens]) + "十"
        } else if hundreds > 0 && ones > 0 {
            out += "零"
        }
        if ones > 0 { out += digits[ones] }
        return out
    }
}
