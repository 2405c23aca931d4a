/// The site-wide inputs of the memoized stages, declared once: what a stage's results depend on
/// besides their own items. A memo reuses nothing when its stage's site-wide inputs differ from the
/// last build's.
struct SiteInputs {
    /// Counts changes to what the files of `content/` but the pages' own hold, and to `templates/`
    /// (kept by `BuildCache`; always 0 in a full build, which has nothing to compare).
    struct Generations: Hashable {
        var content = 0
        var templates = 0
    }

    /// What the plan is resolved from besides the pages (the theme's assets are in the plan).
    struct Plan: Hashable {
        var generations: Generations
        var today: Int
        var baseURL: String?
    }

    /// What a page's Markdown depends on besides its own file.
    struct Markdown: Hashable {
        var content: Int
        var includeDrafts: Bool
        var baseURL: String
        var basePath: String
        /// The provider-list directive marks records gone stale by today.
        var today: Int
    }

    /// What a page's or a list's HTML depends on besides its own rendering.
    struct Templates: Hashable {
        var markdown: Markdown
        var templates: Int
        /// Pages printed as leaflets link the PDF only when the build renders it.
        var withPDF: Bool
        /// Pages show their section's title, which its intro page sets: names and titles, in turn.
        var sections: [String]
        var stylesheet: String
    }

    let generations: Generations
    let options: BuildOptions

    var plan: Plan {
        Plan(generations: generations, today: options.today.dayNumber, baseURL: options.baseURL)
    }

    func markdown(_ plan: SitePlan) -> Markdown {
        Markdown(content: generations.content, includeDrafts: options.includeDrafts, baseURL: plan.config.baseURL,
                 basePath: plan.paths.basePath, today: options.today.dayNumber)
    }

    func templates(_ plan: SitePlan, stylesheet: String) -> Templates {
        Templates(markdown: markdown(plan), templates: generations.templates, withPDF: options.pdf != nil,
                  sections: plan.sections.flatMap { [$0.name, $0.title] }, stylesheet: stylesheet)
    }
}

/// What one file of the template stage is made from besides the site-wide inputs.
enum TemplateInput: Hashable {
    case page(Identical<RenderedPage>)
    /// A section's list: its intro, and what it shows of each article (`listSignature`), in reading order
    /// (the list's order is decided by what the signatures cover).
    case section(name: String, intro: Identical<RenderedPage>?, listed: [Int])

    init(_ job: TemplateStage.Job, listed: [String: [Int]]) {
        switch job {
        case .page(let page): self = .page(Identical(page))
        case .section(let section, let intro):
            self = .section(name: section.name, intro: intro.map(Identical.init), listed: listed[section.name] ?? [])
        }
    }

    /// The list signatures of each section's articles, by section name.
    static func listed(_ pages: [RenderedPage]) -> [String: [Int]] {
        var listed: [String: [Int]] = [:]
        // A section's articles come one after another: collected apart and put in the table when the
        // section changes, rather than one lookup per article.
        var current: (section: String, signatures: [Int])?
        for page in pages {
            guard case .article(let section) = page.source.kind else { continue }
            if current?.section != section {
                if let current { listed[current.section] = current.signatures }
                current = (section, listed.removeValue(forKey: section) ?? [])
            }
            current!.signatures.append(page.listSignature)
        }
        if let current { listed[current.section] = current.signatures }
        return listed
    }
}

/// What the sitemap and the feed are made from besides the site-wide inputs.
enum ListInput: Hashable {
    case sitemap(baseURL: String, paths: [String], dates: [PartialDate?])
    /// What the feed shows of each article (`listSignature`), in reading order.
    case feed(listed: [Int])
}
