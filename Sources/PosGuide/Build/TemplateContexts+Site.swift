extension TemplateContexts {
    /// The `site` mapping every page has, made once per build rather than once per page. Only its
    /// nav's `current` marks depend on the page, and a page is under one nav item (or none) on
    /// nearly every site: the mapping for each of those is made ahead, any other is made when asked.
    struct SiteValues: Sendable {
        /// `site` without `nav`.
        private let fields: TemplateValue.Map
        private let nav: [SiteConfig.NavItem]
        private let paths: SitePaths
        /// Index 0: no item current; index `i + 1`: item `i` alone.
        private let madeAhead: [TemplateValue]

        init(fields: TemplateValue.Map, nav: [SiteConfig.NavItem], paths: SitePaths) {
            self.fields = fields
            self.nav = nav
            self.paths = paths
            let none = [Bool](repeating: false, count: nav.count)
            var madeAhead = [Self.make(fields, nav, paths, current: none)]
            for index in nav.indices {
                var current = none
                current[index] = true
                madeAhead.append(Self.make(fields, nav, paths, current: current))
            }
            self.madeAhead = madeAhead
        }

        /// `site` for the page at `path`, its nav item(s) marked current.
        func value(path: String) -> TemplateValue {
            var current: Int?
            for (index, item) in nav.enumerated() where Self.isCurrent(item, path: path) {
                guard current == nil else {
                    return Self.make(fields, nav, paths, current: nav.map { Self.isCurrent($0, path: path) })
                }
                current = index
            }
            return madeAhead[current.map { $0 + 1 } ?? 0]
        }

        static func isCurrent(_ item: SiteConfig.NavItem, path: String) -> Bool {
            item.url == "/" ? path == "/" : path.hasPrefix(item.url)
        }

        private static func make(_ fields: TemplateValue.Map, _ nav: [SiteConfig.NavItem], _ paths: SitePaths,
                                 current: [Bool]) -> TemplateValue {
            var site = fields
            site["nav"] = .list(zip(nav, current).map { item, current in
                ["title": .string(item.title), "url": .string(paths.href(item.url)), "current": .bool(current)]
            })
            return .map(site)
        }
    }

    static func siteValues(plan: SitePlan, today: PartialDate) -> SiteValues {
        let config = plan.config
        return SiteValues(fields: [
            "title": .string(config.title),
            "description": .string(config.description),
            "base_url": .string(config.baseURL),
            "language": .string(config.language),
            "has_nav": .bool(!config.nav.isEmpty),
            "has_guides": .bool(!plan.content.guides.isEmpty),
            "year": .string(String(today.year)),
        ], nav: config.nav, paths: plan.paths)
    }
}
