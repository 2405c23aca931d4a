/// ```` ```provider-list ````: every provider record with its licence status and checked date.
struct ProviderListDirective: Directive {
    let name = "provider-list"

    struct Row: Sendable {
        var name: String
        var legalName: String
        var url: String
        var status: ProviderRecord.LicenceStatus
        var checked: PartialDate
        var stale: Bool
    }

    let rows: [Row]

    func render(_ invocation: DirectiveInvocation, in context: DirectiveContext) -> String {
        if !invocation.body.trimmingWhitespace.isEmpty || !invocation.arguments.isEmpty {
            context.report(.warning("directive.provider-list-body", "provider-list takes no arguments or body; they were ignored", at: invocation.location))
        }
        return Self.table(rows, paths: context.sitePaths)
    }

    /// The table of providers: the one source of it, for this directive and the `/providers/` page alike.
    /// `data-label` names each cell where a narrow screen stacks them; a stale record says so.
    static func table(_ rows: [Row], paths: SitePaths) -> String {
        var html = """
        <div class="table-wrap" tabindex="0" role="region" aria-label="支付机构列表">
        <table class="provider-list">
        <caption>支付机构记录（按网址中的英文名排列，不代表推荐或排名）</caption>
        <thead><tr><th scope="col">机构</th><th scope="col">持牌主体</th><th scope="col">许可状态</th><th scope="col">核对日期</th></tr></thead>
        <tbody>

        """
        for row in rows {
            html += "<tr><td><a href=\"\(paths.href(row.url).htmlEscaped)\">\(row.name.htmlEscaped)</a></td>"
            html += "<td data-label=\"持牌主体\">\(row.legalName.htmlEscaped)</td>"
            html += "<td data-label=\"许可状态\" class=\"status status-\(row.status.rawValue)\">\(row.status.label)</td>"
            html += "<td data-label=\"核对日期\"><time datetime=\"\(row.checked)\">\(row.checked.chinese)</time>"
            html += row.stale ? " <span class=\"stale\">（待复核）</span></td></tr>\n" : "</td></tr>\n"
        }
        html += "</tbody>\n</table>\n</div>\n"
        return html
    }
}
