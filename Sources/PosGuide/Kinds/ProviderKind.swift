/// Payment institutions: `content/providers/<id>.yaml` (schema: `ProviderRecord`).
struct ProviderKind: RecordKind {
    let folder = "providers"
    let name = "provider"
    let recordTemplate = "provider"
    let listTemplate = "providers"
    let listTitle = "支付机构"
    let listDescription = "支付机构记录：许可状态、处罚与核实方法"
    // The providers' list has been a page of every site, records or not.
    let listsWhenAbsent = true

    func load(_ file: SourceFile, id: String) -> (ContentRecord?, [Diagnostic]) {
        let (record, diagnostics) = ProviderRecord.load(file, id: id)
        return (record, diagnostics)
    }

    func check(_ record: ContentRecord, in site: RecordChecks) -> [Diagnostic] {
        guard let provider = record as? ProviderRecord else { return [] }
        var diagnostics: [Diagnostic] = []
        if provider.licence.number != nil, provider.licence.numberNote == nil {
            let confidences = provider.licence.sources.compactMap { site.sources.entries[$0.value]?.confidence }
            if !confidences.contains(.high) {
                diagnostics.append(.error(
                    "provider.number-attribution",
                    "licence number from a source below high confidence needs a `number_note` that says where it comes from",
                    at: SourceLocation(path: provider.file.path),
                    hint: "e.g. number_note: 据2011年首批公开名单，以人民银行公布为准"
                ))
            }
        }
        if let website = provider.website, !MarkdownEnvironment.isAllowed(host: LinkResolver.host(of: website), by: site.config.allowedDomains) {
            diagnostics.append(.warning(
                "provider.website-domain",
                "`website` \(website) is not on the site's allowed domains",
                at: SourceLocation(path: provider.file.path),
                hint: "add the provider's own domain to `allowed_domains` in content/site.yaml once you have confirmed it is first-party"
            ))
        }
        return diagnostics
    }

    /// The table of every provider: the list page's and the `provider-list` directive's, one and the same.
    func rows(_ records: [ContentRecord], config: SiteConfig, today: PartialDate) -> [ProviderListDirective.Row] {
        records.compactMap { $0 as? ProviderRecord }.map { record in
            .init(name: record.name, legalName: record.legalName, url: url(of: record.id), status: record.licence.status,
                  checked: record.checked, stale: config.isStale(record.checked, today: today))
        }
    }

    func directives(_ records: [ContentRecord], plan: SitePlan) -> [any Directive] {
        [ProviderListDirective(rows: rows(records, config: plan.config, today: plan.today))]
    }

    func listContext(_ records: [RenderedRecord], contexts: TemplateContexts) -> TemplateValue.Map {
        let plan = contexts.plan
        return ["table_html": .string(ProviderListDirective.table(rows(records.map(\.record), config: plan.config, today: contexts.today),
                                                                  paths: plan.paths))]
    }

    func homeContext(_ records: [ContentRecord]) -> TemplateValue.Map {
        ["provider_count": .int(records.count), "has_providers": .bool(!records.isEmpty)]
    }

    func context(_ rendered: RenderedRecord, contexts: TemplateContexts) -> TemplateValue.Map {
        let record = rendered.record as! ProviderRecord
        let description = record.summary ?? "\(record.legalName)：许可状态、处罚记录与一清核实方法。"
        var context = contexts.base(path: url(of: record.id), title: record.name, description: description)
        var provider: TemplateValue.Map = [
            "id": .string(record.id),
            "name": .string(record.name),
            "legal_name": .string(record.legalName),
            "url": .string(contexts.href(url(of: record.id))),
            "status": .string(record.licence.status.rawValue),
            "status_label": .string(record.licence.status.label),
            "checked": contexts.dateValue(record.checked),
            "stale": .bool(contexts.plan.config.isStale(record.checked, today: contexts.today)),
        ]
        provider["summary"] = .optional(record.summary)
        provider["former_names"] = .list(record.formerNames.map(TemplateValue.string))
        provider["has_former_names"] = .bool(!record.formerNames.isEmpty)
        // Names a merchant types (short names, misspellings): in the page for search only, never shown.
        provider["aliases"] = .list(record.aliases.map(TemplateValue.string))
        provider["has_aliases"] = .bool(!record.aliases.isEmpty)
        // Absent values are absent keys, which `{{#name}}` skips.
        provider["website"] = .optional(record.website)
        let licence = record.licence
        var licenceContext: TemplateValue.Map = ["status": .string(licence.status.rawValue), "status_label": .string(licence.status.label)]
        licenceContext["status_note"] = .optional(licence.statusNote)
        licenceContext["number"] = .optional(licence.number)
        licenceContext["number_note"] = .optional(licence.numberNote)
        licenceContext["business"] = .optional(licence.business)
        licenceContext["region"] = .optional(licence.region)
        licenceContext["valid_until"] = .optional(licence.validUntil)
        licenceContext["citations_html"] = .string(contexts.citationMarks(licence.sources.map(\.value), numbers: rendered.citationNumbers))
        provider["licence"] = .map(licenceContext)
        provider["penalties"] = .list(record.penalties.map { penalty in
            [
                "date": contexts.dateValue(penalty.date),
                "authority": .string(penalty.authority),
                "summary": .string(penalty.summary),
                "citations_html": .string(contexts.citationMarks(penalty.sources.map(\.value), numbers: rendered.citationNumbers)),
            ]
        })
        provider["has_penalties"] = .bool(!record.penalties.isEmpty)
        provider["verify_html"] = .optional(rendered.fieldsHTML["verify"])
        provider["about_html"] = .optional(rendered.fieldsHTML["about"])
        provider["freshness_days"] = .int(contexts.plan.config.freshnessDays)
        context["provider"] = .map(provider)
        context["sources_html"] = .string(rendered.sourcesHTML)
        return context
    }
}
