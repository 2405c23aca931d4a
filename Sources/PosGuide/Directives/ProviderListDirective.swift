/// ```` ```provider-list ````: every provider record with its licence status and checked date.
struct ProviderListDirective: Directive {
    let name = "provider-list"

    struct Row: Sendable {
        var name: String
        var legalName: String
        var url: String
        var status: ProviderRecord.LicenceStatus
        var checked: PartialDate
    }

    let rows: [Row]

    func render(_ invocation: DirectiveInvocation, in context: DirectiveContext) -> String {
        if !invocation.body.trimmingWhitespace.isEmpty || !invocation.arguments.isEmpty {
            context.report(.warning("directive.provider-list-body", "provider-list takes no arguments or body; they were ignored", at: invocation.location))
        }
        return Self.table(rows, paths: context.sitePaths)
    }

    /// The table, also used by the generated `/providers/` page.
    static func table(_ rows: [Row], paths: SitePaths) -> String {
        var html = """
        <div class="table-wrap" tabindex="0" role="region" aria-label="支付机构列表"><table class="provider-list">
        <thead><tr><th scope="col">机构</th><th scope="col">持牌主体</th><th scope="col">许可状态</th><th scope="col">核对日期</th></tr></thead>
        <tbody>

        """
        for row in rows {
            html += "<tr><td><a href=\"\(paths.href(row.url).htmlEscaped)\">\(row.name.htmlEscaped)</a></td>"
            html += "<td>\(row.legalName.htmlEscaped)</td>"
            html += "<td class=\"status status-\(row.status.rawValue)\">\(row.status.label)</td>"
            html += "<td><time datetime=\"\(row.checked)\">\(row.checked.chinese)</time></td></tr>\n"
        }
        html += "</tbody>\n</table></div>\n"
        return html
    }
}
