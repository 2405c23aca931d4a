/// ```` ```checklist [title] ````: one `- item` per line, rendered as tickable boxes.
///
/// Real checkboxes work without JavaScript on a phone and print as empty boxes.
struct ChecklistDirective: Directive {
    let name = "checklist"

    func render(_ invocation: DirectiveInvocation, in context: DirectiveContext) -> String {
        var items: [String] = []
        for (index, rawLine) in invocation.body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: " \t")
            if line.isEmpty { continue }
            let lineOffset = invocation.bodyLineOffset + index
            guard line.hasPrefix("- ") || line.hasPrefix("* ") else {
                context.report(.error(
                    "directive.checklist-item",
                    "checklist lines start with `- `",
                    at: SourceLocation(path: invocation.location.path, line: lineOffset + 1, column: 1)
                ))
                continue
            }
            var text = String(line.dropFirst(2))
            for box in ["[ ] ", "[x] ", "[X] "] where text.hasPrefix(box) {
                text = String(text.dropFirst(box.count))
            }
            items.append(context.renderMarkdownInline(text, lineOffset: lineOffset))
        }
        if items.isEmpty {
            context.report(.error("directive.checklist-empty", "checklist has no items", at: invocation.location))
        }
        let title = invocation.arguments.joined(separator: " ")
        var html = "<div class=\"checklist\">\n"
        if !title.isEmpty {
            html += "<p class=\"checklist-title\">\(title.htmlEscaped)</p>\n"
        }
        html += "<ul>\n"
        for item in items {
            html += "<li><label><input type=\"checkbox\"> <span>\(item)</span></label></li>\n"
        }
        html += "</ul>\n</div>\n"
        return html
    }
}

extension StringProtocol {
    func trimmingCharacters(in set: String) -> String {
        let characters = Set(set)
        guard let start = firstIndex(where: { !characters.contains($0) }) else { return "" }
        let end = lastIndex(where: { !characters.contains($0) })!
        return String(self[start...end])
    }
}
