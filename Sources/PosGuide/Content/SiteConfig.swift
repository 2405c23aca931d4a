/// `content/site.yaml`: the site's settings. Every field has a default, so a site may omit the file.
struct SiteConfig: Sendable {
    struct NavItem: Sendable, Equatable {
        var title: String
        var url: String
        var location: SourceLocation
    }

    var title = "商户 POS 安全指南"
    var description = ""
    /// Always ends with `/`.
    var baseURL = "http://localhost/"
    /// Where site.yaml sets `base_url`; nil when it does not (or `--base-url` replaced it).
    var baseURLLocation: SourceLocation?
    var language = "zh-CN"
    var freshnessDays = 180
    var allowRawHTML = false
    /// `cjk_emphasis`: pair `*` and `_` next to CJK text; unset, on for a zh, ja or ko `language`.
    var cjkEmphasis: Bool?
    var allowedDomains: [String] = []
    /// Images from other hosts: an error (the default), a warning, or allowed.
    var remoteImages = RemoteImagePolicy.error
    var nav: [NavItem] = []

    /// Editorial rules by section name (`rules:`), enforced by `build` and `check`.
    var rules: [String: SectionRules] = [:]

    init() {}

    static let path = "content/site.yaml"

    /// Reads `site.yaml`; a missing file gives the defaults.
    static func load(_ file: SourceFile?) -> (SiteConfig, [Diagnostic]) {
        var config = SiteConfig()
        guard let file else { return (config, []) }
        let node: Yams.Node?
        let (parsed, duplicates) = YAMLParsing.parseKeepingFirst(file.text, path: file.path, lineOffset: 0)
        switch parsed {
        case .success(let value): node = value
        case .failure(let diagnostic): return (config, duplicates + [diagnostic])
        }
        let map = YAMLMapping(node, path: file.path, lineOffset: 0, subject: "site.yaml", at: SourceLocation(path: file.path))
        if let title = map.string("title") { config.title = title }
        if let description = map.string("description") { config.description = description }
        if let url = map.absoluteURL("base_url", id: "site.base-url") {
            config.baseURL = url.hasSuffix("/") ? url : url + "/"
            config.baseURLLocation = map.value("base_url").map(map.location(of:))
        }
        if let language = map.string("language") { config.language = language }
        if let days = map.int("freshness_days", in: 1...3650) { config.freshnessDays = days }
        if let allow = map.bool("allow_raw_html") { config.allowRawHTML = allow }
        if let cjk = map.bool("cjk_emphasis") { config.cjkEmphasis = cjk }
        if let domains = map.strings("allowed_domains") { config.allowedDomains = domains.map { $0.lowercased() } }
        if let node = map.value("remote_images"), let text = map.scalarString(node, key: "remote_images") {
            if let policy = RemoteImagePolicy(rawValue: text) {
                config.remoteImages = policy
            } else {
                map.report(.error("site.remote-images", "`remote_images` must be one of \(RemoteImagePolicy.choices), not `\(text)`", at: map.location(of: node)))
            }
        }
        if let items = map.mappings("nav", subject: "nav item") {
            for item in items {
                if let title = item.string("title", required: true), let url = item.string("url", required: true) {
                    config.nav.append(NavItem(title: title, url: url, location: item.location))
                }
                map.collect(item)
            }
        }

        config.rules = SectionRules.read(map)

        map.finish()
        return (config, duplicates + map.diagnostics)
    }

    /// Whether emphasis pairs by the CJK-friendly rules: `cjk_emphasis`, else the language's.
    var pairsCJKEmphasis: Bool {
        cjkEmphasis ?? ["zh", "ja", "ko"].contains(language.lowercased().split(separator: "-").first.map(String.init) ?? "")
    }
}

import Yams
