import Foundation
@testable import PosGuide

/// A small site written into a fresh temporary folder, for one test.
///
/// Templates default to the repository's own `templates/`, so tests exercise
/// what the real site renders with.
final class SiteFixture {
    let root: URL

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    // A fixed "today" keeps freshness checks reproducible; it must not be earlier than any
    // `checked:` date in content/ (a future check date is an error).
    static let today = PartialDate(year: 2026, month: 11, day: 27)

    enum Templates {
        case repository
        case none
        /// The repository's templates with some files replaced (or added) by name, e.g. "article".
        case repositoryWith([String: String])
    }

    init(_ files: [String: String], templates: Templates = .repository) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("posguide-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        switch templates {
        case .none:
            break
        case .repository:
            try copyTemplates()
        case .repositoryWith(let overrides):
            try copyTemplates()
            for (name, text) in overrides {
                try write("templates/\(name).mustache", text)
            }
        }
        for (path, text) in files {
            try write(path, text)
        }
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    private func copyTemplates() throws {
        try FileManager.default.copyItem(at: Self.packageRoot.appendingPathComponent("templates"), to: root.appendingPathComponent("templates"))
    }

    func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    func write(_ path: String, _ data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }

    var options: BuildOptions {
        BuildOptions(source: root, today: Self.today)
    }

    func build() -> MemoryBuild {
        SiteBuilder.buildInMemory(options)
    }

    /// Every diagnostic as printed: `path:line:col: severity: message`.
    func diagnostics() -> [String] {
        build().diagnostics.map(\.description)
    }

    var output: URL { root.appendingPathComponent("public") }
}

extension MemoryBuild {
    /// The text of an output file, or "" when the build did not make it.
    func text(_ path: String) -> String {
        guard let file = file(path), let data = try? file.data() else { return "" }
        return String(decoding: data, as: UTF8.self)
    }
}

/// A minimal valid page.
func page(_ title: String, _ body: String = "正文。", extra: String = "") -> String {
    "---\ntitle: \(title)\n\(extra)---\n\n\(body)\n"
}

let sourcesYAML = """
state-council-768:
  title: 非银行支付机构监督管理条例
  publisher: 国务院
  number: 国务院令第768号
  date: 2023-12-09
  checked: 2026-11-24
  confidence: high
ndrc-2016-557:
  title: 关于完善银行卡刷卡手续费定价机制的通知
  publisher: 国家发展改革委、中国人民银行
  number: 发改价格〔2016〕557号
  date: 2016-03
  url: https://www.ndrc.gov.cn/
  checked: 2026-11-24
  confidence: high
  confirmed: true

"""

func provider(name: String = "示例支付", checked: String = "2026-11-01", extra: String = "") -> String {
    """
    name: \(name)
    legal_name: \(name)有限公司
    licence:
      status: unknown
      status_note: 当前有效期未核实
    verify: |
      1. 看到账短信的付款方名称。
      2. 对照[《条例》第三十四条](source:state-council-768)。
    checked: \(checked)
    sources: [state-council-768]
    \(extra)
    """
}

/// The built `posguide` binary, run end to end.
enum PosguideBinary {
    static let url = SiteFixture.packageRoot.appendingPathComponent(".build/debug/posguide")

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// `swift test` builds the binary; a filtered run may not have, and then this is nil.
    /// `environment` is added to the test's own.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Run? {
        guard FileManager.default.isExecutableFile(atPath: url.path) else { return nil }
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }
}
