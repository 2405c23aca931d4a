/// Thrown when a stage cannot go on; carries every diagnostic collected so far.
public struct DiagnosticError: Error, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public init(_ diagnostic: Diagnostic) {
        self.diagnostics = [diagnostic]
    }

    public var description: String {
        diagnostics.map(\.formatted).joined(separator: "\n")
    }
}
