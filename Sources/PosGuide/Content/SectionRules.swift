/// The editorial rules of one section (`site.yaml`'s `rules:`): what each of its pages must
/// have before it is published. `build` and `check` enforce them; drafts are exempt.
struct SectionRules: Sendable, Equatable {
    /// Chinese characters in the Markdown body (callouts and checklists included).
    var minChineseCharacters: Int?
    /// Different sources the page cites.
    var minSources: Int?
    /// Where the section's rules are written, for a rule that names no section.
    var location: SourceLocation

    init(minChineseCharacters: Int? = nil, minSources: Int? = nil, location: SourceLocation) {
        self.minChineseCharacters = minChineseCharacters
        self.minSources = minSources
        self.location = location
    }

    /// Reads `rules:`, a mapping from section name to that section's rules.
    static func read(_ map: YAMLMapping) -> [String: SectionRules] {
        guard let sections = map.mapping("rules", subject: "rules") else { return [:] }
        defer { map.collect(sections) }
        var rules: [String: SectionRules] = [:]
        for pair in sections.pairs {
            guard ContentRules.isIdentifier(pair.key) else {
                sections.report(.error("site.rules-section", "`\(pair.key)` is not a section name: rules are listed under a folder name of content/",
                                       at: sections.location(of: pair.keyNode)))
                _ = sections.value(pair.key)
                continue
            }
            guard let section = sections.mapping(pair.key, subject: "rules for `\(pair.key)`") else { continue }
            var sectionRules = SectionRules(location: sections.location(of: pair.keyNode))
            sectionRules.minChineseCharacters = section.int("min_chinese_characters", in: 0...1_000_000)
            sectionRules.minSources = section.int("min_sources", in: 0...1000)
            sections.collect(section)
            rules[pair.key] = sectionRules
        }
        return rules
    }
}

extension Int {
    /// `1,200`: thousands grouped, as the messages print counts.
    var grouped: String {
        let digits = String(magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return (self < 0 ? "-" : "") + out
    }
}
