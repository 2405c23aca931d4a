/// ```` ```merchant-number ````: the merchant-number decoder form, and an example decoded at
/// build time, so the page teaches without JavaScript.
///
/// The body is one example number. The form starts empty, disabled and showing "—" until the
/// script runs (as `FeeCalculatorForm`). MCC names and categories come from
/// `content/data/mcc.yaml` and are embedded as JSON for the script: the data has one source.
struct MerchantNumberDirective: Directive {
    let name = "merchant-number"
    let mcc: MCCTable

    static let parts: [(label: String, result: String, note: String)] = [
        ("第 1—3 位：收单机构代码", "acquirer", "本站没有可靠的代码对照表，不说是哪家机构"),
        ("第 4—7 位：地区代码", "region", "本站没有可靠的地区对照表"),
        ("第 8—11 位：商户类别码（MCC）", "mcc", ""),
        ("第 12—15 位：商户顺序号", "sequence", ""),
    ]

    func render(_ invocation: DirectiveInvocation, in context: DirectiveContext) -> String {
        let exampleText = invocation.body.trimmingWhitespace
        guard case .success(let example) = MerchantNumber.parse(exampleText) else {
            context.report(.error("directive.merchant-number-example", "merchant-number needs an example 15-digit number as its body", at: invocation.location))
            return ""
        }
        var html = "<form class=\"tool\" data-tool=\"merchant-number\" action=\"#\">\n"
        html += "<p class=\"tool-needs-script\" data-needs-script>解读要用到网页里的小程序（JavaScript）。如果输入框是灰的、填不进去，"
        html += "说明你的浏览器没有运行它：可能被关掉了，也可能网络慢还没加载完。可以刷新一次，或者先看下面的<a href=\"#merchant-number-example\">例子</a>，对照签购单自己数位数。</p>\n"
        html += "<div class=\"tool-fields\">\n<label class=\"tool-field\"><span>签购单上的商户编号</span><input name=\"merchant_no\" inputmode=\"numeric\" "
        html += "autocomplete=\"off\" placeholder=\"15 位数字\" disabled></label>\n</div>\n"
        html += "<div class=\"tool-results\">\n<p class=\"tool-warning\" data-result=\"warning\" aria-live=\"polite\"></p>\n<dl class=\"tool-decoded\">\n"
        for part in Self.parts {
            html += "<dt>\(part.label)</dt><dd><span data-result=\"\(part.result)\">—</span>"
            if part.result == "mcc" { html += " <span data-result=\"mcc-name\"></span>" }
            if !part.note.isEmpty { html += "（\(part.note)）" }
            html += "</dd>\n"
        }
        html += "</dl>\n<p class=\"tool-advice\" data-result=\"advice\" aria-live=\"polite\"></p>\n</div>\n"
        html += "<p class=\"note\">编号说明不了的事：15 位的拆法是行业里的习惯说法，不是官方标准，有的编号不一定这样排；"
        html += "从编号看不出是哪家机构，也看不出你的机器是不是一清、钱是不是结算到你自己的账户。MCC 名称据行业公开资料，仅供参考。"
        html += "拿不准就打 POS 机身或合同上持牌机构的官方客服电话核实。</p>\n</form>\n"
        html += Self.exampleTable(example, mcc)
        html += "<script type=\"application/json\" id=\"posguide-mcc\">\(Self.scriptSafe(mcc.json))</script>\n<script src=\"\(context.sitePaths.href("/assets/tools.js"))\" defer></script>\n"
        return html
    }

    /// The example number split into its four parts, as static content.
    static func exampleTable(_ example: MerchantNumber, _ mcc: MCCTable) -> String {
        let values = [example.acquirerCode, example.regionCode, example.mcc, example.sequence]
        var html = "<div class=\"table-wrap\" id=\"merchant-number-example\" tabindex=\"0\" role=\"region\" aria-label=\"例子\"><table class=\"merchant-number-example\">\n"
        html += "<caption>例子：\(example.digits) 拆开来看（举例用的编号，不是你的）</caption>\n<tbody>\n"
        for (part, value) in zip(parts, values) {
            var meaning = ""
            if part.result == "mcc" {
                meaning = mcc[value].map { "\($0.name)，「\($0.category)」类" } ?? "举例表里没有这个代码"
            }
            html += "<tr><th scope=\"row\">\(part.label)</th><td>\(value)\(meaning.isEmpty ? "" : "：\(meaning.htmlEscaped)")</td></tr>\n"
        }
        return html + "</tbody>\n</table></div>\n"
    }

    /// JSON inside `<script>` is raw text: entities are not decoded there, so only `<` is
    /// escaped (as a JSON escape) to keep `</script>` out.
    static func scriptSafe(_ text: String) -> String {
        text.replacingOccurrences(of: "<", with: "\\u003c")
    }
}
