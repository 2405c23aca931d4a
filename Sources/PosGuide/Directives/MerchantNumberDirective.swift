/// ```` ```merchant-number ````: the merchant-number decoder form, with the structure
/// explained and an example decoded at build time, so the page teaches without JavaScript.
///
/// The body is one example number. MCC names come from `content/data/mcc.yaml` and are
/// embedded as JSON for the script: the data has one source.
struct MerchantNumberDirective: Directive {
    let name = "merchant-number"
    let mccNames: [String: String]

    func render(_ invocation: DirectiveInvocation, in context: DirectiveContext) -> String {
        let exampleText = invocation.body.trimmingWhitespace
        guard case .success(let example) = MerchantNumber.parse(exampleText) else {
            context.report(.error("directive.merchant-number-example", "merchant-number needs an example 15-digit number as its body", at: invocation.location))
            return ""
        }
        let exampleName = mccNames[String(example.mcc)]
        let json = "{" + mccNames.keys.sorted().map { "\"\($0)\":\"\(Self.scriptSafe(DecodeCommand.jsonEscaped(mccNames[$0]!)))\"" }.joined(separator: ",") + "}"
        var html = "<form class=\"tool\" data-tool=\"merchant-number\" action=\"#\">\n<div class=\"tool-fields\">\n"
        html += "<label class=\"tool-field\"><span>签购单上的商户编号</span><input name=\"merchant_no\" value=\"\(example.digits)\" inputmode=\"numeric\" autocomplete=\"off\"></label>\n</div>\n"
        html += "<dl class=\"tool-decoded\">\n"
        html += "<dt>第 1—3 位：收单机构代码</dt><dd><span data-result=\"acquirer\">\(example.acquirerCode)</span>（本站没有可靠的代码对照表，不说是哪家机构）</dd>\n"
        html += "<dt>第 4—7 位：地区代码</dt><dd><span data-result=\"region\">\(example.regionCode)</span>（本站没有可靠的地区对照表）</dd>\n"
        html += "<dt>第 8—11 位：MCC</dt><dd><span data-result=\"mcc\">\(example.mcc)</span> <span data-result=\"mcc-name\">\((exampleName ?? "举例表里没有这个代码").htmlEscaped)</span></dd>\n"
        html += "<dt>第 12—15 位：商户顺序号</dt><dd data-result=\"sequence\">\(example.sequence)</dd>\n</dl>\n"
        html += "<p class=\"tool-warning\" data-result=\"warning\"></p>\n"
        html += "<p class=\"note\">这是行业常见的说法，不是官方标准；MCC 名称据行业公开资料，仅供参考。以收单机构客服核实为准。</p>\n</form>\n"
        html += "<script type=\"application/json\" id=\"posguide-mcc\">\(json)</script>\n<script src=\"\(context.sitePaths.href("/assets/tools.js"))\" defer></script>\n"
        return html
    }

    /// JSON inside `<script>` is raw text: entities are not decoded there, so only `<` is
    /// escaped (as a JSON escape) to keep `</script>` out.
    static func scriptSafe(_ text: String) -> String {
        text.replacingOccurrences(of: "<", with: "\\u003c")
    }
}
