/// Whether `base_url` can be where the site is published.
///
/// Canonical links, the sitemap, the feed and the QR codes on printed guides all start
/// with it; on a name reserved for examples, tests or one's own machine they lead nowhere.
/// `build`, `check` and `export` say so (an error with `--strict`); the preview, which
/// is local by nature, does not.
enum PublishingAddress {
    /// Why `url` cannot be a published site's address, or nil when it can be.
    static func placeholderReason(_ url: String) -> String? {
        let host = self.host(of: url)
        if host.isEmpty { return nil }
        if host == "localhost" || host.hasSuffix(".localhost") { return "`localhost` is the reader's own device" }
        if isIPAddress(host) { return "`\(host)` is an IP address, not a name readers can reach the site at" }
        let labels = host.split(separator: ".")
        guard let top = labels.last.map(String.init) else { return nil }
        switch top {
        case "example": return "names under `.example` are reserved for examples"
        case "test": return "names under `.test` are reserved for testing"
        case "invalid": return "names under `.invalid` are reserved never to exist"
        default: break
        }
        if labels.count >= 2, labels[labels.count - 2] == "example", ["com", "net", "org"].contains(top) {
            return "`example.\(top)` is reserved for examples"
        }
        return nil
    }

    /// The id of the warning (or error) for a placeholder address, in site.yaml or as --base-url.
    static let placeholderID = "site.base-url-placeholder"

    /// The diagnostic for a `base_url` written in site.yaml, at its line; nil for a real address.
    static func check(_ config: SiteConfig, severity: Diagnostic.Severity) -> Diagnostic? {
        guard let location = config.baseURLLocation, let reason = placeholderReason(config.baseURL) else { return nil }
        return Diagnostic(
            severity, placeholderID,
            "`base_url` \(config.baseURL) is not a real address (\(reason)): \(consequence)",
            at: location,
            hint: "set `base_url` to the address the site is published at, or pass it to this build with --base-url https://…"
        )
    }

    /// The lines `build`, `check` and `export` print for a `--base-url` on a reserved name, or nil.
    static func flagProblem(_ url: String, severity: Diagnostic.Severity) -> String? {
        guard let reason = placeholderReason(url) else { return nil }
        return "posguide: \(severity.rawValue): --base-url \(url) is not a real address (\(reason)): \(consequence)\n"
            + "note: pass the address the site is published at\n"
    }

    static let consequence = "canonical links, the sitemap, the feed and the QR codes in printed guides would point nowhere"

    /// The host of an absolute URL, lower-cased, without user, port, brackets or a final dot.
    static func host(of url: String) -> String {
        guard let scheme = url.range(of: "://") else { return "" }
        let authority = url[scheme.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        var host = authority.split(separator: "@", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        if host.hasPrefix("[") {
            host = String(host.dropFirst().prefix { $0 != "]" })
        } else if let colon = host.firstIndex(of: ":") {
            host = String(host[..<colon])
        }
        if host.hasSuffix(".") { host.removeLast() }
        return host.lowercased()
    }

    static func isIPAddress(_ host: String) -> Bool {
        if host.contains(":") { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { !$0.isEmpty && $0.count <= 3 && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }
}
