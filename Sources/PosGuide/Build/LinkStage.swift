/// The links stage: every internal link and `#anchor` checked once all pages are rendered.
///
/// In two steps: where each page's links go (`checkPaths`, which depends on the page and the plan
/// only, so the preview reuses it while the plan stands), then every link with an anchor, since
/// the page it points into may have lost the heading.
enum LinkStage {
    /// A checker for the plan's paths and the anchors of `pages` (the plan's pages, rendered) and `records`.
    static func checker(plan: SitePlan, pages: [RenderedPage], records: [RenderedRecord]) -> LinkChecker {
        var drafts: [String: String] = [:]
        for (file, url) in plan.content.drafts { drafts[url] = file }
        let recordAnchors = Dictionary(records.map { ($0.url, $0.anchors) }, uniquingKeysWith: { _, last in last })
        let pageIndex = plan.pageIndex
        return LinkChecker(knownPaths: plan.knownPaths,
                           anchors: { path in recordAnchors[path] ?? pageIndex[path].map { pages[$0].markdown.anchors } },
                           drafts: drafts, withErrors: Set(plan.content.withErrors.values))
    }

    /// Where each page's links go.
    static func checkPaths(_ pages: [RenderedPage], checker: LinkChecker) -> [LinkChecker.PathCheck] {
        pages.parallelMap { checker.checkPaths($0.markdown.links) }
    }

    /// Every link's problems: the pages' (`paths`, from `checkPaths`, with their anchors checked), the records' and the menu's.
    static func diagnostics(pages paths: [LinkChecker.PathCheck], records: [RenderedRecord], plan: SitePlan, checker: LinkChecker) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for page in paths {
            diagnostics += page.diagnostics
            if !page.withFragments.isEmpty { diagnostics += checker.checkFragments(page.withFragments) }
        }
        for record in records { diagnostics += checker.check(record.links) }
        diagnostics += checker.check(plan.config.nav.map { LinkReference(path: $0.url, fragment: nil, written: $0.url, location: $0.location) })
        return diagnostics
    }
}
