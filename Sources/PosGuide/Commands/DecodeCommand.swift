import Foundation

/// `posguide decode`: what a receipt's merchant number can and cannot tell.
public enum DecodeCommand {
    static let caveat = "15 位的拆法是行业常见说法，不是官方标准；从编号看不出是哪家机构，也看不出机器是不是一清、钱是不是结算到你自己的账户。请以持牌机构官方客服核实为准"

    /// Decodes with the MCC table of the site at `source`; errors in its mcc.yaml are content errors (exit 1).
    public static func run(_ text: String, source: URL, json: Bool) -> CommandResult {
        let (mcc, diagnostics) = MCCTable.load(from: DiskTree(root: source))
        if diagnostics.hasErrors { return CommandResult(exitCode: 1, stderr: CommandResult.diagnostics(diagnostics)) }
        return run(text, mcc: mcc, json: json)
    }

    static func run(_ text: String, mcc: MCCTable, json: Bool) -> CommandResult {
        let number: MerchantNumber
        switch MerchantNumber.parse(text) {
        case .success(let parsed): number = parsed
        case .failure(let problem):
            if json { return CommandResult(exitCode: 1, stdout: "{\"warning\":\"\(problem.description.jsonEscaped)\"}\n") }
            return CommandResult(exitCode: 1, stderr: "posguide: \(problem)\n")
        }
        let entry = mcc[number.mcc]
        let advice = mcc.advice(for: number.mcc)
        if json {
            let name = entry.map { "\"\($0.name.jsonEscaped)\"" } ?? "null"
            let category = entry.map { "\"\($0.category.jsonEscaped)\"" } ?? "null"
            return CommandResult(stdout: """
            {"merchant_no":"\(number.digits)","acquirer":"\(number.acquirerCode)","region":"\(number.regionCode)",\
            "mcc":"\(number.mcc)","mcc_name":\(name),"mcc_category":\(category),"sequence":"\(number.sequence)",\
            "advice":"\(advice.jsonEscaped)","warning":"\(caveat)"}

            """)
        }
        return CommandResult(stdout: """
        商户编号  \(number.digits)
          第 1—3 位   \(number.acquirerCode)  收单机构代码（本站没有可靠的代码对照表，无法说出是哪家机构）
          第 4—7 位   \(number.regionCode)  地区代码（本站没有可靠的地区对照表）
          第 8—11 位  \(number.mcc)  MCC：\(entry.map { "\($0.name)（据行业公开资料，仅供参考）" } ?? "本站的举例表里没有这个代码")
          第 12—15 位 \(number.sequence)  商户顺序号
        \(advice)
        注意：\(caveat)。

        """)
    }
}
