/// The links stage: every internal link and `#anchor` checked once all pages are rendered.
///
/// What each page's links came to is kept for the preview: when the plan is reused (so every
/// path that exists still does), a rebuild rechecks only the changed pages' links, plus every
/// link with an anchor, since the page it points into may have lost the heading.
struct LinkResults {
    var pages: [RenderedPage]
    /// Per page: problems with where its links go.
    var pathDiagnostics: [[Diagnostic]]
    /// Per page: its links that have an anchor and go somewhere that exists.
    var fragmentLinks: [[LinkReference]]
    /// Element ids of each page and record, by site path.
    var anchors: [String: Set<String>]

    static func check(pages: [RenderedPage], records: [RenderedRecord], plan: SitePlan, cache: BuildCache?) -> [Diagnostic] {
        var results: LinkResults
        var drafts: [String: String] = [:]
        for (file, url) in plan.content.drafts { drafts[url] = file }
        let withErrors = Set(plan.content.withErrors.values)
        if let cache, cache.planReused, var previous = cache.lastLinks, previous.pages.count == pages.count {
            cache.lastLinks = nil  // sole owner, so the tables below change in place
            var changed: [Int] = []
            for index in pages.indices where pages[index] !== previous.pages[index] {
                changed.append(index)
                previous.anchors[pages[index].source.url] = pages[index].markdown.anchors
            }
            previous.pages = pages
            results = previous
            results.addRecordAnchors(records)
            let checker = LinkChecker(knownPaths: plan.knownPaths, anchors: results.anchors, drafts: drafts, withErrors: withErrors)
            for index in changed {
                (results.pathDiagnostics[index], results.fragmentLinks[index]) = checker.checkPaths(pages[index].markdown.links)
            }
        } else {
            var anchors: [String: Set<String>] = [:]
            for page in pages { anchors[page.source.url] = page.markdown.anchors }
            let checker = LinkChecker(knownPaths: plan.knownPaths, anchors: anchors, drafts: drafts, withErrors: withErrors)
            let split = pages.map { checker.checkPaths($0.markdown.links) }
            results = LinkResults(pages: pages, pathDiagnostics: split.map(\.diagnostics), fragmentLinks: split.map(\.withFragments), anchors: anchors)
            results.addRecordAnchors(records)
        }

        let checker = LinkChecker(knownPaths: plan.knownPaths, anchors: results.anchors, drafts: drafts, withErrors: withErrors)
        var diagnostics: [Diagnostic] = []
        for index in pages.indices {
            diagnostics += results.pathDiagnostics[index]
            if !results.fragmentLinks[index].isEmpty { diagnostics += checker.checkFragments(results.fragmentLinks[index]) }
        }
        for record in records { diagnostics += checker.check(record.links) }
        diagnostics += checker.check(plan.config.nav.map { LinkReference(path: $0.url, fragment: nil, written: $0.url, location: $0.location) })
        cache?.lastLinks = results
        return diagnostics
    }

    mutating func addRecordAnchors(_ records: [RenderedRecord]) {
        for record in records { anchors[record.url] = record.anchors }
    }
}
