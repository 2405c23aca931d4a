/// Builds the values templates see. Keys are snake_case, as Mustache templates read them.
///
/// Every value is plain data; Mustache escapes each `{{value}}`, and only
/// fields named `*_html` or `body` hold markup the build made (render with `{{{ }}}`).
struct TemplateContexts {
    let plan: SitePlan
    let today: PartialDate
    let stylesheet: String

    /// The parts every page has: site, nav with the current item marked, assets.
    func base(path: String, title: String, description: String) -> [String: Any] {
        let config = plan.config
        let nav: [[String: Any]] = config.nav.map { item in
            let current = item.url == "/" ? path == "/" : path.hasPrefix(item.url)
            return ["title": item.title, "url": item.url, "current": current]
        }
        let pageTitle = path == "/" || title == config.title ? config.title : "\(title) · \(config.title)"
        return [
            "site": [
                "title": config.title,
                "description": config.description,
                "base_url": config.baseURL,
                "language": config.language,
                "nav": nav,
                "has_nav": !nav.isEmpty,
                "year": String(today.year),
            ] as [String: Any],
            "head_title": pageTitle,
            "title": title,
            "description": description,
            "url": path,
            "canonical": canonical(path),
            "stylesheet": stylesheet,
            "data": plan.content.data.values,
            "feed_url": "/feed.xml",
        ]
    }

    func canonical(_ path: String) -> String {
        plan.config.baseURL + path.dropFirst()
    }

    func page(_ rendered: RenderedPage) -> [String: Any] {
        let page = rendered.source
        let metadata = page.metadata
        let title = metadata.title ?? plan.config.title
        let summary = metadata.summary ?? rendered.markdown.summary
        var context = base(path: page.url, title: title, description: metadata.description ?? summary)
        context["body"] = rendered.markdown.html
        context["sources_html"] = rendered.sourcesHTML
        context["summary"] = summary
        context["reading_minutes"] = rendered.markdown.statistics.readingMinutes
        context["toc"] = metadata.toc ? toc(rendered.markdown.headings) : []
        context["has_toc"] = metadata.toc && rendered.markdown.headings.contains { $0.level == 2 }
        context["tags"] = metadata.tags
        if let date = metadata.date { context["date"] = dateValue(date) }
        if let updated = metadata.updated { context["updated"] = dateValue(updated) }
        if let section = page.section, let info = plan.sections.first(where: { $0.name == section }) {
            context["section"] = ["title": info.title, "url": info.url]
        }
        context["is_article"] = { if case .article = page.kind { return true } else { return false } }()
        return context
    }

    func dateValue(_ date: PartialDate) -> [String: Any] {
        ["iso": date.description, "text": date.chinese]
    }

    /// Level-2 headings with their level-3 children.
    func toc(_ headings: [Heading]) -> [[String: Any]] {
        var entries: [[String: Any]] = []
        var children: [[String: Any]] = []
        func flush() {
            guard !entries.isEmpty else { return }
            entries[entries.count - 1]["children"] = children
            entries[entries.count - 1]["has_children"] = !children.isEmpty
            children = []
        }
        for heading in headings where heading.level == 2 || heading.level == 3 {
            if heading.level == 2 {
                flush()
                entries.append(["id": heading.id, "text": heading.text])
            } else if !entries.isEmpty {
                children.append(["id": heading.id, "text": heading.text])
            }
        }
        flush()
        return entries
    }

    func listItem(_ page: PageSource, summary: String) -> [String: Any] {
        var item: [String: Any] = ["title": page.metadata.title ?? page.url, "url": page.url, "summary": summary]
        if let date = page.metadata.date { item["date"] = dateValue(date) }
        return item
    }

    func providerItem(_ record: ProviderRecord) -> [String: Any] {
        var item: [String: Any] = [
            "id": record.id,
            "name": record.name,
            "legal_name": record.legalName,
            "url": plan.providerURL(record.id),
            "status": record.licence.status.rawValue,
            "status_label": record.licence.status.label,
            "checked": dateValue(record.checked),
            "stale": isStale(record),
        ]
        if let summary = record.summary { item["summary"] = summary }
        return item
    }

    func isStale(_ record: ProviderRecord) -> Bool {
        today.dayNumber - record.checked.dayNumber > plan.config.freshnessDays
    }

    func provider(_ rendered: RenderedProvider) -> [String: Any] {
        let record = rendered.record
        let description = record.summary ?? "\(record.legalName)：许可状态、处罚记录与一清核实方法。"
        var context = base(path: plan.providerURL(record.id), title: record.name, description: description)
        var provider = providerItem(record)
        provider["former_names"] = record.formerNames
        provider["has_former_names"] = !record.formerNames.isEmpty
        // Only present keys: an Optional wrapped in Any renders as "nil" in Mustache.
        if let website = record.website { provider["website"] = website }
        let licence = record.licence
        var licenceContext: [String: Any] = ["status": licence.status.rawValue, "status_label": licence.status.label]
        licenceContext["status_note"] = licence.statusNote
        licenceContext["number"] = licence.number
        licenceContext["number_note"] = licence.numberNote
        licenceContext["business"] = licence.business
        licenceContext["region"] = licence.region
        licenceContext["valid_until"] = licence.validUntil
        licenceContext["citations_html"] = citationMarks(licence.sources.map(\.value), numbers: rendered.citationNumbers)
        provider["licence"] = licenceContext
        provider["penalties"] = record.penalties.map { penalty -> [String: Any] in
            [
                "date": dateValue(penalty.date),
                "authority": penalty.authority,
                "summary": penalty.summary,
                "citations_html": citationMarks(penalty.sources.map(\.value), numbers: rendered.citationNumbers),
            ]
        }
        provider["has_penalties"] = !record.penalties.isEmpty
        provider["verify_html"] = rendered.verifyHTML
        if let about = rendered.aboutHTML { provider["about_html"] = about }
        provider["freshness_days"] = plan.config.freshnessDays
        context["provider"] = provider
        context["sources_html"] = rendered.sourcesHTML
        return context
    }

    /// `[1][3]` links to the page's source list.
    func citationMarks(_ ids: [String], numbers: [String: Int]) -> String {
        ids.compactMap { id in numbers[id].map { "<a class=\"citation\" href=\"#source-\(id.htmlEscaped)\"><sup>[\($0)]</sup></a>" } }.joined()
    }
}
