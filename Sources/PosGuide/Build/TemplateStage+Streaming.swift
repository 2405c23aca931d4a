extension TemplateStage {
    /// Renders each page's Markdown and, in the same step, its HTML page into the sink: the build
    /// without a cache (`posguide build`, export, tests). Once its page is in the sink, a page's body
    /// HTML (and its headings) is read by nothing else, so the page comes back without it (the link check
    /// needs its anchors and links, lists its summary): a large site's HTML is never all in memory at once.
    /// The home page, which lists other pages, and list intros (no template of their own) keep
    /// theirs for the rest of the template stage (`jobs`, `renderHome`, `renderRecords`).
    /// Returns the pages in order and the output paths put.
    /// A page lets go of its source text too, unless a later stage reads it (`readsTextLater`).
    func renderMarkdownAndPages(_ sources: [PageSource], environment: MarkdownEnvironment) -> (pages: [RenderedPage], paths: [String]) {
        let printed = Set(plan.content.guides.flatMap(\.partPaths))
        let made = sources.parallelMap { source -> (page: RenderedPage, path: String?) in
            let page = MarkdownStage.render(source, environment: environment)
            if !readsTextLater(source, printed: printed) { source.releaseText() }
            guard Self.rendersAlone(source.kind) else { return (page, nil) }
            let file = renderPage(page, pages: [])
            sink.put(file)
            // What only the page itself shows: its body, table of contents, and the first paragraph
            // when the front matter gives the summary lists show.
            var rest = page.markdown
            rest.html = ""
            rest.headings = []
            if source.metadata.summary != nil { rest.summary = "" }
            return (RenderedPage(source: source, markdown: rest, sourcesHTML: ""), file.path)
        }
        return (made.map(\.page), made.compactMap(\.path))
    }

    /// Whether a stage after the Markdown stage reads the page's source text: a guide prints it
    /// (`printed`: the chapters' paths), or its section's rules count its Chinese characters.
    func readsTextLater(_ page: PageSource, printed: Set<String>) -> Bool {
        if printed.contains(page.file.path) { return true }
        guard case .article(let section) = page.kind else { return false }
        return plan.config.rules[section]?.minChineseCharacters != nil
    }
}
