import Foundation

/// The file `posguide new` creates: where it goes, the page it becomes, and the values its archetype sees.
struct NewTarget: Equatable {
    /// Relative to the site root: `content/articles/pos-rates.md`.
    var path: String
    /// The site path it is published at: `/articles/pos-rates/`.
    var url: String
    /// `templates/archetypes/<name>`.
    var archetype: String
    var section: String?
    var slug: String

    /// A problem with the name given on the command line: a usage error.
    struct Problem: Error, Equatable {
        var message: String
        var note: String?
    }

    /// Resolves `name` (`<section>/<slug>` for an article, `<id>` otherwise) against the site's sections;
    /// a record's folder, address and archetype are its kind's (`RecordKinds.all`).
    static func resolve(_ kind: NewCommand.Kind, name: String, sections: [String]) -> Result<NewTarget, Problem> {
        switch kind {
        case .article:
            let parts = name.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2 else {
                let example = sections.contains("articles") ? "articles" : sections.first ?? "articles"
                let suggestion = ContentRules.isIdentifier(name) ? "did you mean `\(example)/\(name)`? " : ""
                return .failure(Problem(message: "`\(name)` is not <section>/<slug>: name the article as `\(example)/<slug>`",
                                        note: suggestion + sectionsNote(sections)))
            }
            let (section, slug) = (parts[0], parts[1])
            if section == "guides" {
                return .failure(Problem(message: "content/guides/ holds guide definitions, not articles", note: "start one with `posguide new guide \(slug)`"))
            }
            if let records = RecordKinds.kind(folder: section) {
                return .failure(Problem(message: "content/\(section)/ holds \(records.name) records, not articles",
                                        note: "start one with `posguide new \(records.name) \(slug)`"))
            }
            guard sections.contains(section) else {
                let problem = ContentLoader.specialFolders.contains(section)
                    ? "content/\(section)/ is not a section of pages" : "no section `\(section)`: there is no folder content/\(section)/"
                return .failure(Problem(message: problem, note: sectionsNote(sections) + "; a new section starts as a folder under content/"))
            }
            if let problem = slugProblem(slug, what: "slug") { return .failure(problem) }
            guard slug != "index" else {
                return .failure(Problem(message: "`index` is the section's own intro page (content/\(section)/index.md), not an article",
                                        note: "choose another slug"))
            }
            return .success(NewTarget(path: "content/\(section)/\(slug).md", url: "/\(section)/\(slug)/",
                                      archetype: "article.md", section: section, slug: slug))
        case .guide:
            if let problem = slugProblem(name, what: "id") { return .failure(problem) }
            return .success(NewTarget(path: "content/guides/\(name).yaml", url: "/guides/\(name)/", archetype: "guide.yaml", section: nil, slug: name))
        default:
            guard let records = RecordKinds.kind(name: kind.rawValue) else {
                let names = NewCommand.Kind.all.map(\.rawValue)
                let guess = Suggestion.nearest(to: kind.rawValue, among: names).map { "did you mean `\($0)`? " } ?? ""
                return .failure(Problem(message: "`posguide new` knows no kind `\(kind.rawValue)`", note: guess + "kinds: " + names.joined(separator: ", ")))
            }
            if let problem = slugProblem(name, what: "id") { return .failure(problem) }
            return .success(NewTarget(path: "content/\(records.folder)/\(name).yaml", url: records.url(of: name),
                                      archetype: records.archetype, section: nil, slug: name))
        }
    }

    /// The folders of `content/` that hold pages: every folder but the ones with a meaning of their own.
    static func sections(in content: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: content.path)) ?? []
        return names.filter { name in
            var isDirectory: ObjCBool = false
            return ContentRules.isIdentifier(name) && !ContentLoader.specialFolders.contains(name)
                && FileManager.default.fileExists(atPath: content.appendingPathComponent(name).path, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }.sorted()
    }

    private static func sectionsNote(_ sections: [String]) -> String {
        sections.isEmpty ? "content/ has no section folders yet" : "sections: " + sections.joined(separator: ", ")
    }

    /// Why `text` cannot be a slug or id, with a suggestion when one can be made from it.
    static func slugProblem(_ text: String, what: String) -> Problem? {
        guard !ContentRules.isIdentifier(text) else { return nil }
        let rule = "\(what == "id" ? "an" : "a") \(what) is part of the page's address: lower-case letters a-z, digits and `-`"
        if let suggestion = suggestedSlug(for: text), suggestion != text {
            return Problem(message: "`\(text)` is not a valid \(what): \(rule)", note: "did you mean `\(suggestion)`?")
        }
        return Problem(message: "`\(text)` is not a valid \(what): \(rule)",
                       note: "write it in English or pinyin words joined by `-`, e.g. `yiqing-check` for 一清自查")
    }

    /// `My Page.md` gives `my-page`; nil for text with Chinese in it (dropping it would lose the meaning).
    static func suggestedSlug(for text: String) -> String? {
        var stem = Substring(text)
        for suffix in [".md", ".yaml"] where stem.hasSuffix(suffix) { stem = stem.dropLast(suffix.count) }
        guard stem.allSatisfy(\.isASCII) else { return nil }
        var slug = ""
        for character in stem.lowercased() {
            if character.isASCII, character.isLetter || character.isNumber {
                slug.append(character)
            } else if !slug.isEmpty, slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return ContentRules.isIdentifier(slug) ? slug : nil
    }
}
