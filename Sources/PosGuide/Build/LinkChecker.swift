/// Checks every internal link and `#anchor` once all pages are rendered.
struct LinkChecker: Sendable {
    let knownPaths: Set<String>
    /// Element ids of a page or record, by site path.
    let anchors: @Sendable (String) -> Set<String>?
    /// Drafts left out of the build: site path -> source file.
    var drafts: [String: String] = [:]
    /// Site paths of pages and records whose files have errors of their own: links to them are no further error.
    var withErrors: Set<String> = []

    func check(_ links: [LinkReference]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for link in links {
            guard let path = canonicalPath(link.path) else {
                if let problem = pathProblem(link) { diagnostics.append(problem) }
                continue
            }
            if let problem = fragmentProblem(link, path: path) { diagnostics.append(problem) }
        }
        return diagnostics
    }

    /// Where a page's links go: the problems, and the links whose anchor is still to check.
    typealias PathCheck = (diagnostics: [Diagnostic], withFragments: [LinkReference])

    /// Checks where `links` go.
    func checkPaths(_ links: [LinkReference]) -> PathCheck {
        var diagnostics: [Diagnostic] = []
        var withFragments: [LinkReference] = []
        for link in links {
            guard canonicalPath(link.path) != nil else {
                if let problem = pathProblem(link) { diagnostics.append(problem) }
                continue
            }
            if let fragment = link.fragment, !fragment.isEmpty { withFragments.append(link) }
        }
        return (diagnostics, withFragments)
    }

    /// Checks the anchors of links whose paths `checkPaths` accepted.
    func checkFragments(_ links: [LinkReference]) -> [Diagnostic] {
        links.compactMap { link in
            canonicalPath(link.path).flatMap { fragmentProblem(link, path: $0) }
        }
    }

    /// Why a link to a path that is not published fails, and what the editor likely meant;
    /// nil when the page is left out for errors of its own.
    private func pathProblem(_ link: LinkReference) -> Diagnostic? {
        let withSlash = link.path.hasSuffix("/") ? link.path : link.path + "/"
        if withErrors.contains(link.path) || withErrors.contains(withSlash) { return nil }
        if let draft = drafts[link.path] ?? drafts[withSlash] {
            return .error(
                "link.draft", "link `\(link.written)` goes to a draft: \(draft) has `draft: true`, so it is not built",
                at: link.location,
                hint: "build with `--drafts` to include drafts (`posguide serve --drafts`), or remove `draft: true` from \(draft) when it is ready"
            )
        }
        let hint = LinkResolver.schemeHint(for: link.written)
            ?? nearestPath(to: link.path).map { "did you mean `\($0)`?" }
        return .error("link.broken", "broken link `\(link.written)`: no page or file at \(link.path)", at: link.location, hint: hint)
    }

    /// The known path closest to `path`, when it differs by a slip: a few characters for the last part's length.
    private func nearestPath(to path: String) -> String? {
        let last = path.split(separator: "/").last ?? ""
        let nearest = knownPaths.map { ($0, EditDistance.between(path, $0)) }.min { ($0.1, $0.0) < ($1.1, $1.0) }
        guard let nearest, nearest.1 <= max(2, last.count / 3) else { return nil }
        return nearest.0
    }

    /// The problem with a link's `#anchor` on the page at `path`, if any.
    private func fragmentProblem(_ link: LinkReference, path: String) -> Diagnostic? {
        guard let fragment = link.fragment, !fragment.isEmpty else { return nil }
        let ids = anchors(path) ?? []
        guard !ids.contains(fragment) else { return nil }
        let slug = HeadingSlugger.baseSlug(fragment)
        let hint: String?
        if slug != fragment, ids.contains(slug) {
            hint = "heading ids drop punctuation and turn spaces into `-`: the id is `\(slug)`, so link to `#\(slug)`"
        } else {
            // Heading ids are long and typed short: the shortest that starts with what was typed
            // (`第三部` of `第三部分费用`) comes first, then the nearest by edits.
            let nearest = ids.filter { $0.hasPrefix(slug) }.min { ($0.count, $0) < ($1.count, $1) }
                ?? Suggestion.nearest(to: slug, among: ids.sorted())
            hint = nearest.map { "did you mean `#\($0)`?" }
        }
        return .error("link.broken-anchor", "broken link `\(link.written)`: \(path) has no heading or element with id `\(fragment)`",
                      at: link.location, hint: hint)
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
