/// ```` ```checklist [title] ````: one `- item` per line, rendered as tickable boxes.
///
/// A line `## 标题` starts a group under its own heading (e.g. "在柜台查" / "回家再查").
/// An item whose text ends in a colon and a run of underscores (`- 商户编号：____`)
/// is a blank to fill in on paper, not a box to tick. Both read as what they are
/// when the block is shown as plain text by any other CommonMark renderer.
///
/// Real checkboxes work without JavaScript on a phone and print as empty boxes.
struct ChecklistDirective: Directive {
    let name = "checklist"

    static let blankLine = String(repeating: "＿", count: 6)

    /// One line of the body, as written.
    enum Line: Equatable {
        case group(String)
        case item(String)
        /// The label before the colon; the blank itself is drawn by the stylesheet.
        case blank(String)
    }

    /// Reads one trimmed, non-empty body line; nil when it is neither a group heading nor an item.
    static func parse(_ line: String) -> Line? {
        if line.hasPrefix("## ") {
            let title = line.dropFirst(3).trimmingCharacters(in: " \t")
            return title.isEmpty ? nil : .group(title)
        }
        guard line.hasPrefix("- ") || line.hasPrefix("* ") else { return nil }
        var text = String(line.dropFirst(2))
        for box in ["[ ] ", "[x] ", "[X] "] where text.hasPrefix(box) {
            text = String(text.dropFirst(box.count))
        }
        if let label = blankLabel(text) { return .blank(label) }
        return .item(text)
    }

    /// `商户编号：____` → `商户编号`: a label, a full- or half-width colon, then three or more underscores.
    static func blankLabel(_ text: String) -> String? {
        let withoutBlank = text.trimmingCharacters(in: " \t")
        let underscores = withoutBlank.reversed().prefix { $0 == "_" }.count
        guard underscores >= 3 else { return nil }
        let beforeBlank = withoutBlank.dropLast(underscores).trimmingCharacters(in: " \t")
        guard let colon = beforeBlank.last, colon == "：" || colon == ":" else { return nil }
        let label = beforeBlank.dropLast().trimmingCharacters(in: " \t")
        return label.isEmpty ? nil : label
    }

    func render(_ invocation: DirectiveInvocation, in context: DirectiveContext) -> String {
        // Groups in order; the first may be untitled (items before any `## ` line).
        var groups: [Group] = []
        var itemCount = 0
        for (index, rawLine) in invocation.body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: " \t")
            if line.isEmpty { continue }
            let lineOffset = invocation.bodyLineOffset + index
            let location = SourceLocation(path: invocation.location.path, line: lineOffset + 1, column: 1)
            switch Self.parse(line) {
            case nil:
                context.report(.error("directive.checklist-item", "checklist lines start with `- ` (an item) or `## ` (a group heading)",
                                      at: location))
            case .group(let title):
                if let last = groups.last { last.reportIfEmpty(in: context) }
                groups.append(Group(title: title, headingHTML: context.renderMarkdownInline(title, lineOffset: lineOffset), location: location))
            case .item(let text):
                if groups.isEmpty { groups.append(Group(title: nil, headingHTML: "", location: location)) }
                groups[groups.count - 1].lines.append(
                    "<li><label><input type=\"checkbox\"> <span>\(context.renderMarkdownInline(text, lineOffset: lineOffset))</span></label></li>\n")
                groups[groups.count - 1].blanksOnly = false
                itemCount += 1
            case .blank(let label):
                if groups.isEmpty { groups.append(Group(title: nil, headingHTML: "", location: location)) }
                // Full-width low lines show a blank even unstyled; the print stylesheet draws a rule instead.
                groups[groups.count - 1].lines.append(
                    "<li class=\"blank\"><span class=\"blank-label\">\(context.renderMarkdownInline(label, lineOffset: lineOffset))：</span>"
                    + "<span class=\"blank-line\" aria-hidden=\"true\">\(Self.blankLine)</span></li>\n")
                itemCount += 1
            }
        }
        if let last = groups.last { last.reportIfEmpty(in: context) }
        if itemCount == 0 {
            context.report(.error("directive.checklist-empty", "checklist has no items", at: invocation.location))
        }
        let title = invocation.arguments.joined(separator: " ")
        var html = "<div class=\"checklist\">\n"
        if !title.isEmpty {
            html += "<p class=\"checklist-title\">\(title.htmlEscaped)</p>\n"
        }
        for group in groups {
            // A list of blanks only gets a class, so print can set the blanks side by side.
            let list = (group.blanksOnly ? "<ul class=\"blanks\">\n" : "<ul>\n") + group.lines.joined() + "</ul>\n"
            if group.title != nil {
                html += "<div class=\"checklist-group\">\n<h3 class=\"checklist-group-title\">\(group.headingHTML)</h3>\n" + list + "</div>\n"
            } else {
                html += list
            }
        }
        html += "</div>\n"
        return html
    }
}

extension ChecklistDirective {
    /// A `## ` heading and the items under it; the first group is untitled when items come before any heading.
    struct Group {
        var title: String?
        var headingHTML: String
        var location: SourceLocation
        var lines: [String] = []
        var blanksOnly = true

        func reportIfEmpty(in context: DirectiveContext) {
            guard lines.isEmpty, let title else { return }
            context.report(.error("directive.checklist-empty-group", "checklist group `\(title)` has no items", at: location,
                                  hint: "put `- ` items under each `## ` heading"))
        }
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
