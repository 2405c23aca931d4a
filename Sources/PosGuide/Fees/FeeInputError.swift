/// An input that is not a valid amount or rate, or is out of bounds. Fields are named as the
/// `fee` command's options (`--rate`); the calculator's example lines and `fees.yaml` reuse the message.
struct FeeInputError: Error, Equatable, CustomStringConvertible {
    enum Problem: Equatable, Sendable {
        case notANumber
        case tooLarge(String)
        case tooManyDecimals(Int)
    }

    var field: String
    var value: String
    var problem: Problem = .notANumber

    init(field: String, value: String, problem: Problem = .notANumber) {
        self.field = field
        self.value = value
        self.problem = problem
    }

    var description: String { message(naming: "--\(field)") }

    /// The message with the input called `name`: `--rate` on the command line, `` `rate` `` in a YAML file.
    func message(naming name: String) -> String {
        switch (field, problem) {
        case (_, .tooLarge(let limit)): return "\(name) `\(value)` is above the largest value the tools accept (\(limit))"
        case (_, .tooManyDecimals(let places)): return "\(name) `\(value)` has more than \(places) decimals"
        case ("rate", _): return "\(name) `\(value)` is not a percentage like 0.6 or 0.38"
        case ("txn-count", _): return "\(name) must not be negative"
        default: return "\(name) `\(value)` is not an amount in 元 (digits, at most two decimals)"
        }
    }
}
