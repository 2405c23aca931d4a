/// A date as precise as its source: `2024-09-10`, `2024-09` or `2024`.
public struct PartialDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    var year: Int
    var month: Int?
    var day: Int?

    init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses the ISO forms; nil for anything else, including impossible days like 2026-02-30.
    init?(iso text: String) {
        // `2026-11-27`, the date of nearly every page, read from its ten bytes: splitting and
        // reading Substrings as `Int`s took more than the rest of a page's front matter.
        if let date = Self.dayFromTenBytes(text) {
            self = date
            return
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, let year = Int(parts[0]) else { return nil }
        self.year = year
        if parts.count >= 2 {
            guard parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return nil }
            self.month = month
        }
        if parts.count == 3, let month {
            guard parts[2].count == 2, let day = Int(parts[2]),
                  (1...PartialDate.daysIn(month: month, year: year)).contains(day) else { return nil }
            self.day = day
        }
    }

    var isComplete: Bool { day != nil }

    /// `YYYY-MM-DD` of ASCII digits naming a real day; nil for anything else (which `init(iso:)`
    /// then reads the long way, to the same verdict).
    private static func dayFromTenBytes(_ text: String) -> PartialDate? {
        var text = text
        return text.withUTF8 { bytes -> PartialDate? in
            guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for index in range {
                    let digit = bytes[index] &- UInt8(ascii: "0")
                    guard digit < 10 else { return nil }
                    value = value * 10 + Int(digit)
                }
                return value
            }
            guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
                  (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day) else { return nil }
            return PartialDate(year: year, month: month, day: day)
        }
    }

    /// What is wrong with a date written in the ISO shape that names no real day
    /// (`2026-13-01`: "there is no month 13"), or nil when the text is not of that shape.
    static func impossibility(in text: String) -> String? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), parts[0].count == 4, let year = Int(parts[0]),
              parts.dropFirst().allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
              let month = Int(parts[1]) else { return nil }
        guard (1...12).contains(month) else { return "there is no month \(month) (months run 01 to 12)" }
        guard parts.count == 3, let day = Int(parts[2]) else { return nil }
        let days = daysIn(month: month, year: year)
        guard (1...days).contains(day) else {
            return day == 0 ? "there is no day 00 (days start at 01)" : "\(year)-\(parts[1]) has \(days) days, so there is no day \(day)"
        }
        return nil
    }

    /// `2024-09-10`, `2024-09` or `2024`.
    public var description: String {
        // Every page's dates are written several times a build: a four-digit year (every date
        // a site has) is written digit by digit into one String, not made of four Strings.
        guard (1000...9999).contains(year), (0...99).contains(month ?? 0), (0...99).contains(day ?? 0),
              month != nil || day == nil else { return paddedDescription }
        return String(unsafeUninitializedCapacity: 10) { out in
            func write(_ value: Int, digits: Int, at offset: Int) {
                var rest = value
                for position in (offset..<offset + digits).reversed() {
                    out[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
            }
            write(year, digits: 4, at: 0)
            guard let month else { return 4 }
            out[4] = UInt8(ascii: "-")
            write(month, digits: 2, at: 5)
            guard let day else { return 7 }
            out[7] = UInt8(ascii: "-")
            write(day, digits: 2, at: 8)
            return 10
        }
    }

    /// `description` made of its parts' Strings, for any year.
    var paddedDescription: String {
        var text = String(year)
        if let month { text += "-" + String(month).leftPadded(to: 2) }
        if let day { text += "-" + String(day).leftPadded(to: 2) }
        return text
    }

    /// `2024年9月10日`, as prose writes dates.
    var chinese: String {
        var text = "\(year)年"
        if let month { text += "\(month)月" }
        if let day { text += "\(day)日" }
        return text
    }

    /// Days since 1970-01-01 (the first of the month or year when less precise).
    var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month.map { $0 <= 2 ? year - 1 : year } ?? year - 1
        let m = month ?? 1
        let d = day ?? 1
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool {
        (lhs.year, lhs.month ?? 0, lhs.day ?? 0) < (rhs.year, rhs.month ?? 0, rhs.day ?? 0)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The calendar date of a day number (inverse of `dayNumber`).
    init(dayNumber: Int) {
        let z = dayNumber + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }
}
