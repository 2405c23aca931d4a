/// The directives a build knows, by name.
struct DirectiveRegistry: Sendable {
    /// Every name reserved for a directive. A reserved name without an
    /// implementation is an error, so a page never publishes a code block
    /// where a component was meant.
    static let reservedNames: Set<String> = [
        "callout", "checklist", "provider-list", "fee-table", "fee-calculator", "merchant-number",
    ]

    private var directives: [String: any Directive] = [:]

    /// The directives that need nothing from the site.
    init() {
        register(CalloutDirective())
        register(ChecklistDirective())
    }

    mutating func register(_ directive: any Directive) {
        precondition(Self.reservedNames.contains(directive.name), "directive names must be reserved: \(directive.name)")
        directives[directive.name] = directive
    }

    func render(_ invocation: DirectiveInvocation, with context: DirectiveContext) -> String {
        guard let directive = directives[invocation.name] else {
            context.report(.error(
                "directive.unavailable",
                "directive `\(invocation.name)` is not available in this build",
                at: invocation.location
            ))
            return ""
        }
        return directive.render(invocation, in: context)
    }
}
