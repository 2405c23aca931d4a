/// Reusing the last build's plan when only page bodies changed: the same pages in the same
/// places, so sections, list order, link targets and URLs are all as they were.
extension SitePlan {
    /// What the cache keeps of a resolved plan, with everything it was resolved from besides the pages.
    struct Resolved {
        var plan: SitePlan
        var diagnostics: [Diagnostic]
        var contentGeneration: Int
        var templateGeneration: Int
        var today: Int
        var baseURL: String?
    }

    /// The previous plan for `content` with its re-read pages swapped in, or nil when any page
    /// came, went, moved, or changed what decides its place (title, weight, date).
    static func reuse(_ previous: Resolved, for content: SiteContent) -> SitePlan? {
        let old = previous.plan.content.pages, new = content.pages
        guard old.count == new.count else { return nil }
        var replaced: [ObjectIdentifier: PageSource] = [:]
        for index in new.indices where old[index] !== new[index] {
            guard samePlace(old[index], new[index]) else { return nil }
            replaced[ObjectIdentifier(old[index])] = new[index]
        }
        var plan = previous.plan
        plan.content = content
        guard !replaced.isEmpty else { return plan }
        // The old pages are alive in `previous`, so their identifiers cannot have been reused.
        let swap = { (page: PageSource) -> PageSource in replaced[ObjectIdentifier(page)] ?? page }
        plan.home = plan.home.map(swap)
        plan.standalone = plan.standalone.map(swap)
        for index in plan.records.indices { plan.records[index].intro = plan.records[index].intro.map(swap) }
        for index in plan.sections.indices {
            plan.sections[index].intro = plan.sections[index].intro.map(swap)
            plan.sections[index].articles = plan.sections[index].articles.map(swap)
        }
        return plan
    }

    /// Whether two versions of a page have the same place in the plan: what `resolve` reads of a page.
    static func samePlace(_ a: PageSource, _ b: PageSource) -> Bool {
        a.file.path == b.file.path && a.url == b.url && a.kind == b.kind && a.metadata.title == b.metadata.title
            && a.metadata.weight == b.metadata.weight && a.metadata.date == b.metadata.date
    }
}
