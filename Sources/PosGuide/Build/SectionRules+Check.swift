extension SectionRules {
    /// The rules each page breaks, as errors at the top of the page. Drafts are exempt, and so are the
    /// files in `skipping` (pages with errors of their own).
    static func check(_ pages: [RenderedPage], rules: [String: SectionRules], sections: [String],
                      skipping: Set<String> = []) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (section, rule) in rules.sorted(by: { $0.key < $1.key }) where !sections.contains(section) {
            diagnostics.append(.warning(
                "site.rules-section", "rules for section `\(section)`, but there is no such section: they check nothing",
                at: rule.location,
                hint: Suggestion.nearest(to: section, among: sections).map { "did you mean `\($0)`?" }
                    ?? "sections are the folders of content/ that hold pages: " + sections.joined(separator: ", ")
            ))
        }
        guard !rules.isEmpty else { return diagnostics }
        for page in pages {
            // A page without its title has front matter errors (an article needs one): they come first.
            guard case .article(let section) = page.source.kind, let rule = rules[section], !page.source.metadata.draft,
                  page.source.metadata.title != nil, !skipping.contains(page.source.file.path) else { continue }
            let top = SourceLocation(path: page.source.file.path)
            // Counted over the Markdown body, callouts and checklists included: all of it is the article.
            if let minimum = rule.minChineseCharacters, case let characters = TextStatistics(counting: page.source.body).cjkCharacters, characters < minimum {
                diagnostics.append(.error(
                    "rules.chinese-characters",
                    "has \(characters.grouped) Chinese characters; \(section) need at least \(minimum.grouped)",
                    at: top,
                    hint: "the rule is `min_chinese_characters` under `rules: \(section):` in content/site.yaml; mark the page `draft: true` until it is finished"
                ))
            }
            let cited = page.markdown.citations.count
            if let minimum = rule.minSources, cited < minimum {
                diagnostics.append(.error(
                    "rules.sources",
                    "cites \(cited) source\(cited == 1 ? "" : "s"); \(section) need at least \(minimum)",
                    at: top,
                    hint: "cite an entry of content/data/sources.yaml as [text](source:<id>); the rule is `min_sources` under `rules: \(section):` in content/site.yaml"
                ))
            }
        }
        return diagnostics
    }
}
