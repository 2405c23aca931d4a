import Yams

/// One payment institution: `content/providers/<id>.yaml`.
struct ProviderRecord: ContentRecord {
    enum LicenceStatus: String, Sendable, CaseIterable {
        case active
        case notRenewed = "not-renewed"
        case revoked
        case unknown

        /// How the page states it.
        var label: String {
            switch self {
            case .active: return "持有有效许可"
            case .notRenewed: return "未续展，已不持有有效许可"
            case .revoked: return "许可已注销"
            case .unknown: return "当前状态未核实"
            }
        }
    }

    struct Licence: Sendable {
        var status: LicenceStatus
        var statusNote: String?
        var number: String?
        var numberNote: String?
        var business: String?
        var region: String?
        var validUntil: String?
        var sources: [Located<String>]
    }

    struct Penalty: Sendable {
        var date: PartialDate
        var authority: String
        var summary: String
        var sources: [Located<String>]
    }

    var id: String
    var file: SourceFile
    var name: String
    var legalName: String
    var formerNames: [String]
    /// Short names and common misspellings a merchant types into search; never shown, only indexed.
    var aliases: [String]
    var summary: String?
    var website: String?
    var licence: Licence
    var penalties: [Penalty]
    var verify: MarkdownField
    var about: MarkdownField?
    var checked: PartialDate
    /// Where `checked` is written, for freshness messages.
    var checkedLocation: SourceLocation
    var sources: [Located<String>]
    /// Every location a source id is named at, for checking them against the registry.
    var citedSources: [Located<String>] {
        sources + licence.sources + penalties.flatMap(\.sources)
    }
    var markdownFields: [(name: String, field: MarkdownField)] {
        [("verify", verify)] + (about.map { [("about", $0)] } ?? [])
    }

    static func load(_ file: SourceFile, id: String) -> (ProviderRecord?, [Diagnostic]) {
        let (read, failure) = YAMLMapping.file(file, subject: "provider record")
        guard let map = read else { return (nil, failure) }
        let name = map.string("name", required: true)
        let legalName = map.string("legal_name", required: true)
        let formerNames = map.strings("former_names") ?? []
        let aliases = map.strings("aliases") ?? []
        let summary = map.string("summary")
        let website = map.absoluteURL("website", id: "provider.website")
        let licence = readLicence(map.mapping("licence", subject: "licence", required: true), in: map)
        var penalties: [Penalty] = []
        for item in map.mappings("penalties", subject: "penalty") ?? [] {
            let date = item.date("date", required: true, complete: false)
            let authority = item.string("authority", required: true)
            let text = item.string("summary", required: true)
            let sources = item.locatedStrings("sources", required: true)?.map(Located.init) ?? []
            if let date, let authority, let text {
                penalties.append(Penalty(date: date, authority: authority, summary: text, sources: sources))
            }
            map.collect(item)
        }
        let verify = map.markdown("verify", required: true)
        let about = map.markdown("about")
        let checked = map.date("checked", required: true)
        let checkedLocation = map.value("checked").map(map.location(of:)) ?? map.location
        let sources = map.locatedStrings("sources", required: true)?.map(Located.init) ?? []
        if sources.isEmpty, map.value("sources") != nil {
            map.report(.error("provider.sources", "a provider record needs at least one source", at: map.location))
        }
        map.finish()
        guard let name, let legalName, let licence, let verify, let checked else { return (nil, map.diagnostics) }
        let record = ProviderRecord(
            id: id, file: file, name: name, legalName: legalName, formerNames: formerNames, aliases: aliases, summary: summary,
            website: website, licence: licence, penalties: penalties.sorted { $0.date > $1.date },
            verify: MarkdownField(verify), about: about.map(MarkdownField.init),
            checked: checked, checkedLocation: checkedLocation, sources: sources
        )
        return (record, map.diagnostics)
    }

    private static func readLicence(_ map: YAMLMapping?, in parent: YAMLMapping) -> Licence? {
        guard let map else { return nil }
        defer { parent.collect(map) }
        var status: LicenceStatus?
        if let node = map.requireValue("status"), let text = map.scalarString(node, key: "status") {
            status = LicenceStatus(rawValue: text)
            if status == nil {
                map.report(.error("provider.licence-status", "licence `status` must be one of \(LicenceStatus.allCases.map(\.rawValue).joined(separator: ", "))", at: map.location(of: node)))
            }
        }
        let statusNote = map.string("status_note")
        let number = map.string("number")
        let numberNote = map.string("number_note")
        let business = map.string("business")
        let region = map.string("region")
        let validUntil = map.string("valid_until")
        let sources = map.locatedStrings("sources")?.map(Located.init) ?? []
        if sources.isEmpty, number != nil || business != nil || region != nil || validUntil != nil {
            map.report(.error(
                "provider.licence-unsourced",
                "licence details need `sources`: a number, business, region or validity is stated only where a source gives it",
                at: map.location
            ))
        }
        guard let status else { return nil }
        return Licence(status: status, statusNote: statusNote, number: number, numberNote: numberNote,
                       business: business, region: region, validUntil: validUntil, sources: sources)
    }
}

/// A value with where it was written.
struct Located<Value: Sendable>: Sendable {
    var value: Value
    var location: SourceLocation

    init(_ pair: (value: Value, location: SourceLocation)) {
        self.value = pair.value
        self.location = pair.location
    }
}
