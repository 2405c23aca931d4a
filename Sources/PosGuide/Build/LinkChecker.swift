/// Checks every internal link and `#anchor` once all pages are rendered.
struct LinkChecker {
    let knownPaths: Set<String>
    /// Element ids of each page, by site path.
    let anchors: [String: Set<String>]

    func check(_ links: [LinkReference]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for link in links {
            guard let path = canonicalPath(link.path) else {
                diagnostics.append(.error("link.broken", "broken link `\(link.written)`: no page or file at \(link.path)", at: link.location))
                continue
            }
            guard let fragment = link.fragment, !fragment.isEmpty else { continue }
            if !(anchors[path]?.contains(fragment) ?? false) {
                diagnostics.append(.error("link.broken-anchor", "broken link `\(link.written)`: \(path) has no heading or element with id `\(fragment)`", at: link.location))
            }
        }
        return diagnostics
    }

    /// Checks where `links` go; returns the problems and the links whose anchor is still to check.
    func checkPaths(_ links: [LinkReference]) -> (diagnostics: [Diagnostic], withFragments: [LinkReference]) {
        var diagnostics: [Diagnostic] = []
        var withFragments: [LinkReference] = []
        for link in links {
            guard canonicalPath(link.path) != nil else {
                diagnostics.append(.error("link.broken", "broken link `\(link.written)`: no page or file at \(link.path)", at: link.location))
                continue
            }
            if let fragment = link.fragment, !fragment.isEmpty { withFragments.append(link) }
        }
        return (diagnostics, withFragments)
    }

    /// Checks the anchors of links whose paths `checkPaths` accepted.
    func checkFragments(_ links: [LinkReference]) -> [Diagnostic] {
        links.compactMap { link in
            guard let path = canonicalPath(link.path), let fragment = link.fragment else { return nil }
            guard !(anchors[path]?.contains(fragment) ?? false) else { return nil }
            return .error("link.broken-anchor", "broken link `\(link.written)`: \(path) has no heading or element with id `\(fragment)`", at: link.location)
        }
    }

    /// The known path a link means: `/a/b` and `/a/b/index.html` both mean `/a/b/`.
    func canonicalPath(_ path: String) -> String? {
        if knownPaths.contains(path) { return path }
        if path.hasSuffix("/index.html") {
            let directory = String(path.dropLast("index.html".count))
            if knownPaths.contains(directory) { return directory }
        }
        if !path.hasSuffix("/"), knownPaths.contains(path + "/") { return path + "/" }
        return nil
    }
}
