/// The plan stage's memo: the last build's plan, reused while its site-wide inputs are as they were
/// and only page bodies changed: the same pages in the same places, so sections, list order, link
/// targets and URLs are all as they were.
final class PlanMemo {
    private let keeps: Bool
    private var last: (site: SiteInputs.Plan, plan: SitePlan, diagnostics: [Diagnostic])?
    /// Counts plans resolved anew: while it stays, every path that existed still does (the link stage's site-wide input).
    private(set) var generation = 0

    init(keeps: Bool) {
        self.keeps = keeps
    }

    func plan(for content: SiteContent, site: SiteInputs.Plan, resolve: () -> (SitePlan, [Diagnostic])) -> (SitePlan, [Diagnostic]) {
        guard keeps else { return resolve() }
        if let last, last.site == site, let plan = SitePlan.reuse(last.plan, for: content) {
            self.last = (site, plan, last.diagnostics)
            return (plan, last.diagnostics)
        }
        let (plan, diagnostics) = resolve()
        last = (site, plan, diagnostics)
        generation += 1
        return (plan, diagnostics)
    }
}

extension SitePlan {
    /// The previous plan for `content` with its re-read pages swapped in, or nil when any page
    /// came, went, moved, or changed what decides its place (title, weight, date).
    static func reuse(_ previous: SitePlan, for content: SiteContent) -> SitePlan? {
        let old = previous.content.pages, new = content.pages
        guard old.count == new.count else { return nil }
        var replaced: [ObjectIdentifier: PageSource] = [:]
        for index in new.indices where old[index] !== new[index] {
            guard samePlace(old[index], new[index]) else { return nil }
            replaced[ObjectIdentifier(old[index])] = new[index]
        }
        var plan = previous
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

    /// Whether two versions of a page have the same place in the plan: what `resolve` reads of a page
    /// (its dates, `pageDates`, too).
    static func samePlace(_ a: PageSource, _ b: PageSource) -> Bool {
        a.file.path == b.file.path && a.url == b.url && a.kind == b.kind && a.metadata.title == b.metadata.title
            && a.metadata.weight == b.metadata.weight && a.metadata.date == b.metadata.date
            && a.metadata.updated == b.metadata.updated
    }
}
