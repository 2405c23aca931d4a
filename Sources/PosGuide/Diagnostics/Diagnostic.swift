/// A problem found in the site's sources, written for the editor who has to fix it.
///
/// Prints exactly as `path:line:col: severity: message`, the shape compilers use,
/// so editors and CI logs can jump to the spot.
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case warning
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    public var severity: Severity
    /// A stable identifier (`front-matter.unknown-key`) that tests and tools can match on.
    var id: String
    var message: String
    var location: SourceLocation
    /// An extra sentence that suggests the fix, printed on its own line.
    var hint: String?

    init(_ severity: Severity, _ id: String, _ message: String, at location: SourceLocation, hint: String? = nil) {
        self.severity = severity
        self.id = id
        self.message = message
        self.location = location
        self.hint = hint
    }

    static func error(_ id: String, _ message: String, at location: SourceLocation, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, id, message, at: location, hint: hint)
    }

    static func warning(_ id: String, _ message: String, at location: SourceLocation, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, id, message, at: location, hint: hint)
    }

    /// The one-line form: `path:line:col: severity: message`.
    public var description: String {
        "\(location): \(severity.rawValue): \(message)"
    }

    /// The one-line form, plus the hint on a second line when there is one.
    public var formatted: String {
        guard let hint else { return description }
        return description + "\n\(location): note: " + hint
    }
}

extension Array where Element == Diagnostic {
    var hasErrors: Bool { contains { $0.severity == .error } }
    var errors: [Diagnostic] { filter { $0.severity == .error } }
    var warnings: [Diagnostic] { filter { $0.severity == .warning } }

    /// Diagnostics in reading order: by file, then line, then column.
    func sortedByLocation() -> [Diagnostic] {
        sorted { a, b in
            if a.location.path != b.location.path { return a.location.path < b.location.path }
            if a.location.line != b.location.line { return a.location.line < b.location.line }
            if a.location.column != b.location.column { return a.location.column < b.location.column }
            return a.message < b.message
        }
    }
}
