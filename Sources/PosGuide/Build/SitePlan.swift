/// The resolved site: where every page goes, how sections group, what may be linked.
struct SitePlan: Sendable {
    struct Section: Sendable {
        var name: String
        var url: String
        var title: String
        /// `content/<section>/index.md`, when the section has one.
        var intro: PageSource?
        /// Articles in list order.
        var articles: [PageSource]
    }

    var config: SiteConfig
    var content: SiteContent
    var home: PageSource?
    var sections: [Section]
    /// Top-level pages (`content/<slug>.md`).
    var standalone: [PageSource]
    /// Each kind of record, in `RecordKinds.all` order: the published ones and the absent alike.
    var records: [RecordList]
    /// The day the plan was resolved for: staleness is judged against it.
    var today: PartialDate
    /// Source file -> site path, for links written as `fees.md`.
    var pagesByFile: [String: String]
    /// Site path -> the page's position in `content.pages`.
    var pageIndex: [String: Int]
    /// Every site path a link may point at: pages, generated lists, files.
    var knownPaths: Set<String>
    /// Files under /assets/: path relative to /assets/ -> the file to copy.
    var assets: [String: String]
    /// Every page's `date` and `updated`, each once: the templates format each once per build.
    var pageDates: Set<PartialDate>
    /// Turns the site paths above into the hrefs pages emit (the path part of `base_url`).
    var paths = SitePaths.root

    /// The kinds whose pages this build publishes.
    var publishedRecords: [RecordList] { records.filter(\.isPublished) }

    /// Resolves `content` for a build on `today`.
    static func resolve(_ content: SiteContent, themeAssets: [String], baseURL: String?, today: PartialDate) -> (SitePlan, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var config = content.config
        if let baseURL { config.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/" }

        var owners: [String: String] = [:]
        func claim(_ url: String, by path: String) {
            if let owner = owners[url] {
                diagnostics.append(.error("content.url-conflict", "\(path) and \(owner) would both publish \(url)", at: SourceLocation(path: path)))
            } else {
                owners[url] = path
            }
        }

        var home: PageSource?
        var standalone: [PageSource] = []
        var recordIntros: [String: PageSource] = [:]
        var intros: [String: PageSource] = [:]
        var articles: [String: [PageSource]] = [:]
        var pagesByFile: [String: String] = [:]
        var pageIndex: [String: Int] = [:]
        var pageDates: Set<PartialDate> = []
        // Room for every page at once: 100,000 pages grew each table a dozen times.
        let expected = content.pages.count + content.records.values.reduce(0) { $0 + $1.count }
        owners.reserveCapacity(expected)
        pagesByFile.reserveCapacity(expected)
        pageIndex.reserveCapacity(content.pages.count)
        for (index, page) in content.pages.enumerated() {
            claim(page.url, by: page.file.path)
            if let date = page.metadata.date { pageDates.insert(date) }
            if let updated = page.metadata.updated { pageDates.insert(updated) }
            pagesByFile[page.file.path] = page.url
            pageIndex[page.url] = index
            switch page.kind {
            case .home: home = page
            case .standalone: standalone.append(page)
            case .recordList(let folder): recordIntros[folder] = page
            case .sectionIndex(let section): intros[section] = page
            case .article(let section): articles[section, default: []].append(page)
            }
        }
        let sectionNames = Set(articles.keys).union(intros.keys).sorted()
        let sections = sectionNames.map { name in
            Section(name: name, url: "/\(name)/", title: intros[name]?.metadata.title ?? name,
                    intro: intros[name], articles: ListOrder.sorted(articles[name] ?? []))
        }
        var knownPaths = Set<String>(minimumCapacity: expected + sections.count + 16)
        knownPaths.formUnion(owners.keys)
        knownPaths.insert("/")
        for section in sections { knownPaths.insert(section.url) }

        var records: [RecordList] = []
        for kind in RecordKinds.all {
            let list = RecordList(kind: kind, intro: recordIntros[kind.folder],
                                  records: (content.records[kind.folder] ?? []).sorted { $0.id < $1.id },
                                  isPublished: kind.listsWhenAbsent || content.recordFolders.contains(kind.folder))
            records.append(list)
            guard list.isPublished else { continue }
            knownPaths.insert(kind.listURL)
            let checks = RecordChecks(sources: content.sources, config: config, today: today, ids: Set(list.ids))
            for record in list.records {
                let url = kind.url(of: record.id)
                claim(url, by: record.file.path)
                pagesByFile[record.file.path] = url
                knownPaths.insert(url)
                diagnostics += check(record, of: kind, in: checks)
            }
        }

        var assets: [String: String] = [:]
        for asset in themeAssets { assets[asset] = "templates/assets/" + asset }
        for asset in content.assets {
            if assets[asset] != nil {
                diagnostics.append(.error("assets.conflict", "content/assets/\(asset) and templates/assets/\(asset) would both publish /assets/\(asset)", at: SourceLocation(path: "content/assets/" + asset)))
            }
            assets[asset] = "content/assets/" + asset
        }
        for asset in assets.keys { knownPaths.insert("/assets/" + asset) }
        for file in ["/sitemap.xml", "/feed.xml", "/robots.txt", "/404.html"] { knownPaths.insert(file) }
        if assets[SiteBuilder.rootIcon] != nil { knownPaths.insert("/" + SiteBuilder.rootIcon) }

        if !content.guides.isEmpty {
            claim("/guides/", by: "content/guides/")
            knownPaths.insert("/guides/")
        }
        for guide in content.guides {
            let url = PrintDocument.url(of: guide.id)
            claim(url, by: guide.path)
            pagesByFile[guide.path] = url
            knownPaths.insert(url)
        }
        diagnostics += checkGuides(content.guides, pagesByFile: pagesByFile, drafts: content.drafts, withErrors: content.withErrors)
        diagnostics += checkSourceFreshness(content.sources, config: config, today: today)

        let plan = SitePlan(config: config, content: content, home: home, sections: sections, standalone: standalone,
                            records: records, today: today, pagesByFile: pagesByFile, pageIndex: pageIndex,
                            knownPaths: knownPaths, assets: assets, pageDates: pageDates, paths: SitePaths(baseURL: config.baseURL))
        return (plan, diagnostics)
    }

    /// The checks every record has, whatever its kind, then its kind's own.
    static func check(_ record: ContentRecord, of kind: any RecordKind, in site: RecordChecks) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // A `【待填写】` left where an id goes is reported once, as text still to write.
        for cited in record.citedSources where site.sources.isUnknown(cited.value) && !FillInMarker.isMarker(cited.value) {
            diagnostics.append(.error("citation.unknown-source", "unknown source `\(cited.value)`", at: cited.location,
                                      hint: Suggestion.nearest(to: cited.value, among: site.sources.ids).map { "did you mean `\($0)`?" }))
        }
        diagnostics += kind.check(record, in: site)
        if let future = futureChecked(record.checked, today: site.today, at: record.checkedLocation) {
            diagnostics.append(future)
        } else if site.config.isStale(record.checked, today: site.today) {
            let age = site.config.age(of: record.checked, today: site.today)
            diagnostics.append(.warning(
                "\(kind.name).stale",
                "record last checked \(record.checked) (\(age) days ago, over freshness_days \(site.config.freshnessDays))",
                at: record.checkedLocation,
                hint: "check the record against the official sources and update `checked`"
            ))
        }
        return diagnostics
    }

    static func checkGuides(_ guides: [GuideDefinition], pagesByFile: [String: String], drafts: [String: String] = [:],
                            withErrors: [String: String] = [:]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for guide in guides {
            for chapter in guide.chapters + guide.appendices {
                let path = GuideDefinition.sourcePath(of: chapter.value)
                guard pagesByFile[path] == nil, withErrors[path] == nil else { continue }
                if drafts[path] != nil {
                    diagnostics.append(.error(
                        "guide.draft-chapter", "chapter `\(chapter.value)` is a draft (`draft: true`), so it is not built", at: chapter.location,
                        hint: "build with `--drafts` to include drafts, or remove `draft: true` from content/\(chapter.value) when it is ready"
                    ))
                } else {
                    diagnostics.append(.error("guide.missing-chapter", "chapter `\(chapter.value)` is not a page under content/", at: chapter.location))
                }
            }
        }
        return diagnostics
    }

    static func checkSourceFreshness(_ sources: SourceRegistry, config: SiteConfig, today: PartialDate) -> [Diagnostic] {
        sources.ids.compactMap { id in
            guard let entry = sources.entries[id] else { return nil }
            if let future = futureChecked(entry.checked, today: today, at: entry.checkedLocation) { return future }
            guard config.isStale(entry.checked, today: today) else { return nil }
            let age = config.age(of: entry.checked, today: today)
            return .warning("sources.stale", "source `\(id)` last checked \(entry.checked) (\(age) days ago)", at: entry.checkedLocation,
                            hint: "check the source again and update `checked`")
        }
    }

    /// A `checked` date after today: nobody checked anything then, and it would keep the record fresh for longer.
    static func futureChecked(_ checked: PartialDate, today: PartialDate, at location: SourceLocation) -> Diagnostic? {
        guard checked.dayNumber > today.dayNumber else { return nil }
        return .error("checked.future", "`checked` \(checked) is in the future (today is \(today))", at: location,
                      hint: "write the date you last checked it, today or earlier")
    }
}
