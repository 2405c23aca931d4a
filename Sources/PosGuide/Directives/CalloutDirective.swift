/// ```` ```callout tip|warning|danger [title] ````: a highlighted box whose body is Markdown.
struct CalloutDirective: Directive {
    let name = "callout"

    static let kinds: [String: String] = ["tip": "提示", "warning": "注意", "danger": "警告"]

    func render(_ invocation: DirectiveInvocation, in context: DirectiveContext) -> String {
        guard let kind = invocation.arguments.first, let label = Self.kinds[kind] else {
            context.report(.error(
                "directive.callout-kind",
                "callout needs a kind: tip, warning or danger",
                at: invocation.location,
                hint: "write ```callout warning 标题"
            ))
            return ""
        }
        let title = invocation.arguments.dropFirst().joined(separator: " ")
        let heading = title.isEmpty ? label : title
        let body = context.renderMarkdownBlocks(invocation.body, lineOffset: invocation.bodyLineOffset)
        // role="note" lets screen readers announce the box; the visible title carries the kind.
        return """
        <aside class="callout callout-\(kind)" role="note">
        <p class="callout-title">\(context.renderMarkdownInline(heading, lineOffset: invocation.bodyLineOffset - 1))</p>
        \(body)</aside>

        """
    }
}
