/// Where the site sits on its host: `/` for `https://posguide.cn/`, `/guide/` for
/// `https://org.example/guide/` (a GitHub Pages project site, a folder on a shared host).
///
/// Everything inside the build speaks in site paths (`/articles/yiqing/`, as authors write
/// them and as the link checker knows them); every href the build emits goes through
/// `href(_:)` once, so a site published under a sub-path links within it.
struct SitePaths: Sendable, Equatable {
    /// The path part of `base_url`: starts and ends with `/`.
    let basePath: String

    /// A site at the host's root: every href is its site path, unchanged.
    static let root = SitePaths(basePath: "/")

    init(basePath: String) {
        var path = basePath.hasPrefix("/") ? basePath : "/" + basePath
        if !path.hasSuffix("/") { path += "/" }
        self.basePath = path
    }

    /// The base path of an absolute `base_url` (`https://org.example/guide/` -> `/guide/`).
    init(baseURL: String) {
        guard let scheme = baseURL.range(of: "://") else {
            self = .root
            return
        }
        let afterScheme = baseURL[scheme.upperBound...]
        guard let slash = afterScheme.firstIndex(of: "/") else {
            self = .root
            return
        }
        let path = afterScheme[slash...].prefix { $0 != "?" && $0 != "#" }
        self.init(basePath: String(path))
    }

    var isRoot: Bool { basePath == "/" }

    /// The href for a site path: `/articles/x/` -> `/guide/articles/x/`. Anything that is not
    /// site-absolute (relative paths, `#fragment`, `//host`, `https:`) is already an href and
    /// comes back as it is.
    func href(_ sitePath: String) -> String {
        guard !isRoot, sitePath.hasPrefix("/"), !sitePath.hasPrefix("//") else { return sitePath }
        return basePath + sitePath.dropFirst()
    }
}
