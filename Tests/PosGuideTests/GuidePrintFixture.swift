import Foundation
@testable import PosGuide

/// A site with three guides for the export tests: a booklet with an appendix,
/// a one-page checklist (a leaflet), and an A5 booklet.
enum GuidePrintFixture {
    static let baseURL = "https://posguide.example/"

    static let paragraph = "商户收到的每一笔刷卡款项，都应当由持牌收单机构直接结算到商户本人或本企业的同名银行账户，中间不经过任何代理商或个人账户。"

    /// An article of `sections` level-2 headings, each with two paragraphs; `extra` goes after the first section.
    static func article(_ title: String, sections: [String], extra: String = "") -> String {
        var body = ""
        for (index, section) in sections.enumerated() {
            body += "## \(section)\n\n\(paragraph)\n\n\(paragraph)\n\n"
            if index == 0 { body += extra }
        }
        return "---\ntitle: \(title)\n---\n\n\(body)"
    }

    static var files: [String: String] {
        [
            "content/site.yaml": "title: 商户 POS 安全指南\nbase_url: \(baseURL)\n",
            "content/data/sources.yaml": sourcesYAML,
            "content/assets/img/flow.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 20 10\"><rect width=\"10\" height=\"10\"/></svg>\n",
            "content/articles/yiqing.md": article("怎么判断我的 POS 机是不是一清", sections: ["什么是一清", "五步自查", "发现问题怎么办"], extra: """
                支付机构要公开收费项目（[《条例》第三十四条](source:state-council-768)）。费用见[发卡行服务费](fees.md#发卡行服务费)，\
                另见[本章第二节](#五步自查)、[不在手册里的文章](/articles/other/)和[人民银行](https://www.pbc.gov.cn/)。

                **找对机构。**投诉对象是收单机构。

                ![资金流向](/assets/img/flow.svg "一清：钱不经过代理商的手")


                """),
            "content/articles/fees.md": article("刷卡手续费由哪几部分组成", sections: ["发卡行服务费", "网络服务费", "什么是一清"], extra: """
                手续费定价见[《通知》](source:ndrc-2016-557)，收费公示见[《条例》](source:state-council-768)。


                """),
            "content/articles/other.md": article("不在手册里的文章", sections: ["其他"]),
            "content/checklists/self-check.md": """
                ---
                title: 一清自查清单
                ---

                对照下面每一项，在方框里打勾。

                ```checklist 到账后
                - 付款方是持牌机构，不是个人
                - 结算账户是本人同名账户
                - 手续费与合同约定一致（见[手续费](/articles/fees/)）
                ```

                有任何一项打不了勾，先停用该机具（[《条例》](source:state-council-768)）。

                """,
            "content/guides/handbook.yaml": """
                title: 商户 POS 安全手册
                subtitle: 一清自查与手续费
                audience: 小微商户
                date: 2026-11-24
                summary: 写给小店老板的 POS 机安全手册。
                chapters:
                  - articles/yiqing.md
                  - articles/fees.md
                appendices:
                  - checklists/self-check.md

                """,
            "content/guides/checklist.yaml": """
                title: 一清自查清单
                subtitle: 贴在收银台旁边
                date: 2026-11-24
                chapters:
                  - checklists/self-check.md

                """,
            "content/guides/fees.yaml": """
                title: 看懂刷卡手续费
                date: 2026-11-24
                paper: A5
                chapters:
                  - articles/fees.md

                """,
        ]
    }

    static func site() throws -> SiteFixture {
        try SiteFixture(files)
    }

    /// Chapter URLs of each guide: what their QR codes must open.
    static let chapterURLs: [String: Set<String>] = [
        "handbook": [baseURL + "articles/yiqing/", baseURL + "articles/fees/", baseURL + "checklists/self-check/"],
        "checklist": [baseURL + "checklists/self-check/"],
        "fees": [baseURL + "articles/fees/"],
    ]
}

/// The command-line tools the PDF checks use: WeasyPrint (found as posguide finds it,
/// with the repository's `.venv` standing in for the site's), poppler-utils and zbar-tools.
enum GuidePrintTools {
    static let environment: [String: String] = {
        var environment = ProcessInfo.processInfo.environment
        let venv = SiteFixture.packageRoot.appendingPathComponent(".venv/bin/weasyprint").path
        if environment["WEASYPRINT"] == nil, FileManager.default.isExecutableFile(atPath: venv) {
            environment["WEASYPRINT"] = venv
        }
        return environment
    }()

    static func which(_ tool: String) -> String? {
        (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map { "\($0)/\(tool)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Everything needed to render and check PDFs; scripts/test.sh installs all of it.
    static let available: Bool = {
        guard case .success = PDFRenderer.locate(source: SiteFixture.packageRoot, environment: environment) else { return false }
        return ["pdfinfo", "pdftotext", "pdftoppm", "zbarimg"].allSatisfy { which($0) != nil }
    }()

    /// Runs a tool and returns its stdout (stderr is dropped; these tools are chatty).
    @discardableResult
    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: which(tool) ?? tool)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// `pdfinfo`'s `Pages:` line.
    static func pageCount(_ pdf: URL) throws -> Int? {
        try field("Pages", of: pdf).flatMap { Int($0) }
    }

    /// `pdfinfo`'s `Page size:` line, e.g. `595.276 x 841.89 pts (A4)`.
    static func pageSize(_ pdf: URL) throws -> String? {
        try field("Page size", of: pdf)
    }

    static func field(_ name: String, of pdf: URL) throws -> String? {
        let info = try run("pdfinfo", [pdf.path])
        return info.split(separator: "\n").first { $0.hasPrefix(name + ":") }
            .map { $0.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces) }
    }

    /// The text of one page (1-based), or of the whole document.
    static func text(_ pdf: URL, page: Int? = nil) throws -> String {
        let range = page.map { ["-f", "\($0)", "-l", "\($0)"] } ?? []
        return try run("pdftotext", range + ["-enc", "UTF-8", pdf.path, "-"])
    }

    /// Every QR code found on the document's pages, rendered at 150 dpi.
    static func qrCodes(_ pdf: URL) throws -> [String] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("posguide-qr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try run("pdftoppm", ["-r", "150", "-png", pdf.path, folder.appendingPathComponent("page").path])
        let pages = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map { folder.appendingPathComponent($0).path }
        return try run("zbarimg", ["-q", "--raw"] + pages).split(separator: "\n").map(String.init)
    }
}
