import Yams

/// Terms a shop owner meets: `content/glossary/<id>.yaml`, published at `/glossary/<id>/` and
/// listed by topic at `/glossary/`; `[一清](glossary:yiqing)` links to one from any Markdown, and
/// a guide that lists `glossary/index.md` as a chapter prints every term there.
struct GlossaryKind: RecordKind {
    let folder = "glossary"
    let name = "glossary"
    let noun = "glossary term"
    let linkScheme: String? = "glossary"
    let recordTemplate = "glossary"
    let listTemplate = "glossary-index"
    let listTitle = "名词解释"
    let listDescription = "商户常遇到的支付术语：一句话解释、怎么核实、出处"

    /// The topics, in the order the list and the printed appendix show them.
    enum Topic: String, CaseIterable, Sendable {
        case institutions, settlement, fees, terminal, risks

        var label: String {
            switch self {
            case .institutions: return "机构与牌照"
            case .settlement: return "资金与结算"
            case .fees: return "费用"
            case .terminal: return "机具与单据"
            case .risks: return "风险与违规"
            }
        }
    }

    /// One term (the format: docs/content-format.md, "Glossary records").
    struct Record: ContentRecord {
        var id: String
        var file: SourceFile
        var term: String
        var pinyin: String?
        var english: String?
        /// Other names people type: listed as 又称 and indexed for search.
        var aliases: [String]
        var topic: Topic
        var definition: MarkdownField
        var explanation: MarkdownField?
        var related: [Located<String>]
        var sources: [Located<String>]
        var checked: PartialDate
        var checkedLocation: SourceLocation

        var citedSources: [Located<String>] { sources }
        var markdownFields: [(name: String, field: MarkdownField)] {
            [("definition", definition)] + (explanation.map { [("explanation", $0)] } ?? [])
        }
    }

    func load(_ file: SourceFile, id: String) -> (ContentRecord?, [Diagnostic]) {
        let (read, failure) = YAMLMapping.file(file, subject: "glossary record")
        guard let map = read else { return (nil, failure) }
        let term = map.string("term", required: true)
        let pinyin = map.string("pinyin")
        let english = map.string("english")
        let aliases = map.strings("aliases") ?? []
        var topic: Topic?
        if let node = map.requireValue("topic"), let text = map.scalarString(node, key: "topic") {
            topic = Topic(rawValue: text)
            if topic == nil {
                let names = Topic.allCases.map(\.rawValue)
                map.report(.error("glossary.topic", "`topic` must be one of \(names.joined(separator: ", "))", at: map.location(of: node),
                                  hint: Suggestion.nearest(to: text, among: names).map { "did you mean `\($0)`?" }))
            }
        }
        let definition = map.markdown("definition", required: true)
        let explanation = map.markdown("explanation")
        let related = map.locatedStrings("related")?.map(Located.init) ?? []
        let sources = map.locatedStrings("sources", required: true)?.map(Located.init) ?? []
        if sources.isEmpty, map.value("sources") != nil {
            map.report(.error("glossary.sources", "a glossary record needs at least one source", at: map.location))
        }
        let checked = map.date("checked", required: true)
        let checkedLocation = map.value("checked").map(map.location(of:)) ?? map.location
        map.finish()
        guard let term, let topic, let definition, let checked else { return (nil, map.diagnostics) }
        let record = Record(id: id, file: file, term: term, pinyin: pinyin, english: english, aliases: aliases, topic: topic,
                            definition: MarkdownField(definition), explanation: explanation.map(MarkdownField.init),
                            related: related, sources: sources, checked: checked, checkedLocation: checkedLocation)
        return (record, map.diagnostics)
    }

    func check(_ record: ContentRecord, in site: RecordChecks) -> [Diagnostic] {
        guard let entry = record as? Record else { return [] }
        let known = site.ids.sorted()
        return entry.related.compactMap { related in
            if related.value == entry.id {
                return .error("glossary.related-self", "`related` names the term itself", at: related.location)
            }
            guard !site.ids.contains(related.value) else { return nil }
            return .error("glossary.unknown-related", "unknown glossary id `\(related.value)` in `related`", at: related.location,
                          hint: Suggestion.nearest(to: related.value, among: known).map { "did you mean `\($0)`?" }
                              ?? "glossary ids are the file names of content/glossary/<id>.yaml")
        }
    }

    func context(_ rendered: RenderedRecord, contexts: TemplateContexts) -> TemplateValue.Map {
        let record = rendered.record as! Record
        let plan = contexts.plan
        var context = contexts.base(path: url(of: record.id), title: record.term, description: rendered.summary)
        var entry = item(record, contexts: contexts)
        entry["aliases"] = .list(record.aliases.map(TemplateValue.string))
        entry["aliases_text"] = .string(record.aliases.joined(separator: "、"))
        entry["has_aliases"] = .bool(!record.aliases.isEmpty)
        entry["has_names"] = .bool(record.pinyin != nil || record.english != nil || !record.aliases.isEmpty)
        entry["definition_html"] = .optional(rendered.fieldsHTML["definition"])
        entry["explanation_html"] = .optional(rendered.fieldsHTML["explanation"])
        let terms = plan.records.first { $0.kind.folder == folder }?.records.compactMap { $0 as? Record } ?? []
        // `related` was checked in resolve: every id names a term.
        let related: [TemplateValue] = record.related.compactMap { id in terms.first { $0.id == id.value } }
            .map { .map(item($0, contexts: contexts)) }
        entry["related"] = .list(related)
        entry["has_related"] = .bool(!related.isEmpty)
        entry["stale"] = .bool(plan.config.isStale(record.checked, today: contexts.today))
        entry["freshness_days"] = .int(plan.config.freshnessDays)
        context["entry"] = .map(entry)
        context["sources_html"] = .string(rendered.sourcesHTML)
        return context
    }

    /// What lists show of a term.
    func item(_ record: Record, contexts: TemplateContexts) -> TemplateValue.Map {
        var item: TemplateValue.Map = [
            "id": .string(record.id),
            "term": .string(record.term),
            "url": .string(contexts.href(url(of: record.id))),
            "topic": .string(record.topic.rawValue),
            "topic_label": .string(record.topic.label),
            "checked": contexts.dateValue(record.checked),
        ]
        item["pinyin"] = .optional(record.pinyin)
        item["english"] = .optional(record.english)
        return item
    }

    func listContext(_ records: [RenderedRecord], contexts: TemplateContexts) -> TemplateValue.Map {
        let topics: [TemplateValue] = Topic.allCases.compactMap { topic in
            let terms = Self.inReadingOrder(records.filter { ($0.record as? Record)?.topic == topic }) { $0.record as! Record }
            guard !terms.isEmpty else { return nil }
            return ["id": .string("topic-" + topic.rawValue), "label": .string(topic.label), "terms": .list(terms.map { rendered in
                var entry = item(rendered.record as! Record, contexts: contexts)
                // The definition was rendered for the term's own page: its `#source-…` marks point there.
                let page = contexts.href(rendered.url)
                entry["definition_html"] = .string((rendered.fieldsHTML["definition"] ?? "").replacingOccurrences(of: "href=\"#", with: "href=\"\(page)#"))
                return .map(entry)
            })]
        }
        return ["topics": .list(topics), "has_topics": .bool(!topics.isEmpty)]
    }

    /// Terms in the order a reader looks them up, on the list and in the appendix: by pinyin as a
    /// dictionary orders words (`PinyinCollation`), then the terms without pinyin by their term.
    static func inReadingOrder<Item>(_ items: [Item], record: (Item) -> Record) -> [Item] {
        let keyed = items.map { item -> (item: Item, record: Record, key: String?) in
            let term = record(item)
            return (item, term, term.pinyin.map(PinyinCollation.key))
        }
        return keyed.sorted { a, b in
            switch (a.key, b.key) {
            case let (x?, y?) where x != y: return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return (a.record.term, a.record.id) < (b.record.term, b.record.id)
            }
        }.map(\.item)
    }

    /// The appendix prints each term's definition, not its explanation: the articles the explanations
    /// point to are the guide's own chapters, and the whole handbook must stay light enough for a phone.
    func printedList(_ records: [ContentRecord], printer: inout RecordPrinter) -> (html: String, headings: [Heading])? {
        let terms = records.compactMap { $0 as? Record }
        var html = ""
        var headings: [Heading] = []
        for topic in Topic.allCases {
            let inTopic = Self.inReadingOrder(terms.filter { $0.topic == topic }) { $0 }
            guard !inTopic.isEmpty else { continue }
            let topicID = PrintChapter.anchor("topic-" + topic.rawValue, inChapter: printer.chapter.id)
            headings.append(Heading(level: 2, text: topic.label, id: topicID))
            html += "<h2 id=\"\(topicID.htmlEscaped)\">\(topic.label.htmlEscaped)</h2>\n"
            for term in inTopic {
                let page = url(of: term.id)
                let names = [term.pinyin, term.english].compactMap { $0 }
                html += "<h3 id=\"\((printer.anchor(of: page) ?? term.id).htmlEscaped)\">\(term.term.htmlEscaped)"
                html += names.isEmpty ? "</h3>\n" : " <small>\(names.joined(separator: " · ").htmlEscaped)</small></h3>\n"
                if !term.aliases.isEmpty { html += "<p class=\"meta\">又称：\(term.aliases.joined(separator: "、").htmlEscaped)</p>\n" }
                html += printer.render(term.definition, of: term, pagePath: page)
                html += "<p class=\"meta\">出处：\(printer.citationMarks(term.sources.map(\.value), of: term, pagePath: page))</p>\n"
            }
        }
        return (html, headings)
    }

}
