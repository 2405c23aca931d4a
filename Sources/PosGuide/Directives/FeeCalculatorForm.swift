/// The fee calculator's form: shared sales figures, two offers side by side, their costs
/// and which is cheaper.
///
/// The HTML is the contract `templates/assets/tools.js` and the browser tests rely on.
/// Until the script runs, every input is disabled (so nothing typed can be submitted into a
/// URL, with any browser) and every result shows "—"; a line says why and points at the
/// worked examples. The script removes that line and enables the inputs only once it works.
enum FeeCalculatorForm {
    /// A labelled input; the unit (`（元）`) never breaks across lines.
    static func field(_ name: String, _ label: String, unit: String = "", placeholder: String, numeric: Bool = false) -> String {
        let unitHTML = unit.isEmpty ? "" : "<span class=\"tool-unit\">\(unit)</span>"
        return "<label class=\"tool-field\"><span>\(label)\(unitHTML)</span><input name=\"\(name)\" inputmode=\"\(numeric ? "numeric" : "decimal")\" "
            + "autocomplete=\"off\" placeholder=\"\(placeholder)\" disabled></label>\n"
    }

    static func offer(prefix: String, legend: String, hint: String, ratePlaceholder: String) -> String {
        var html = "<fieldset class=\"tool-offer\"><legend>\(legend)<span class=\"tool-hint\">\(hint)</span></legend>\n"
        html += field(prefix + "rate", "费率", unit: "（%）", placeholder: ratePlaceholder)
        html += field(prefix + "per_txn_fee", "每笔另收", unit: "（元）", placeholder: "没有就空着")
        html += field(prefix + "annual_fee", "年费、流量费等", unit: "（元/年）", placeholder: "没有就空着")
        html += field(prefix + "deposit", "押金", unit: "（元）", placeholder: "没有就空着")
        html += "<label class=\"tool-check\"><input type=\"checkbox\" name=\"\(prefix)deposit_refunded\" disabled><span>合同写明退押金</span></label>\n"
        return html + "</fieldset>\n"
    }

    static func row(_ label: String, _ result: String, strong: Bool = false) -> String {
        let first = strong ? "<strong data-result=\"\(result)\">—</strong>" : "<span data-result=\"\(result)\">—</span>"
        return "<tr><th scope=\"row\">\(label)</th><td>\(first)</td><td><span data-result=\"b-\(result)\">—</span></td></tr>\n"
    }

    static let html: String = {
        var html = "<form class=\"tool\" data-tool=\"fee-calculator\" action=\"#\">\n"
        html += "<p class=\"tool-needs-script\" data-needs-script>计算要用到网页里的小程序（JavaScript）。如果输入框是灰的、填不进去，"
        html += "说明你的浏览器没有运行它：可能被关掉了，也可能网络慢还没加载完。可以刷新一次，或者先看下面的<a href=\"#fee-examples\">算例表</a>。</p>\n"
        html += "<fieldset class=\"tool-shared\"><legend>你的生意（两个报价共用）</legend>\n<div class=\"tool-pair\">\n"
        html += field("amount", "每月刷卡金额", unit: "（元）", placeholder: "例如 50000")
        html += field("txn_count", "每月刷卡笔数", placeholder: "例如 200", numeric: true)
        html += "</div>\n</fieldset>\n<div class=\"tool-pair\">\n"
        html += offer(prefix: "", legend: "报价一", hint: "推销员给你的", ratePlaceholder: "例如 0.38")
        html += offer(prefix: "b_", legend: "报价二", hint: "拿来比较的", ratePlaceholder: "例如 0.6")
        // Only the warning and the verdict are live: the table would be read out on every keystroke.
        html += "</div>\n<div class=\"tool-results\">\n"
        html += "<p class=\"tool-warning\" data-result=\"warning\" aria-live=\"polite\"></p>\n"
        html += "<table class=\"tool-compare\">\n<caption>两个报价的成本</caption>\n"
        html += "<thead><tr><td></td><th scope=\"col\">报价一</th><th scope=\"col\">报价二</th></tr></thead>\n<tbody>\n"
        html += row("每月合计（元）", "monthly-fee", strong: true)
        html += row("有效费率（%）", "effective-rate")
        html += row("每年合计（元）", "yearly-fee")
        html += row("第一年合计（元，含不退的押金）", "first-year-fee", strong: true)
        html += "</tbody>\n</table>\n"
        html += "<p class=\"tool-verdict\" aria-live=\"polite\">第一年：<span data-result=\"first-year-verdict\">—</span>，相差 <strong data-result=\"first-year-difference\">—</strong> 元。"
        html += "<br>以后每年：<span data-result=\"yearly-verdict\">—</span>，相差 <strong data-result=\"yearly-difference\">—</strong> 元。</p>\n"
        return html + "</div>\n</form>\n"
    }()
}
