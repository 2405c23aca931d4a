extension TemplateStage {
    /// Renders each page's Markdown and, in the same step, its HTML page into the sink: the build
    /// without a cache (`posguide build`, export, tests). Once its page is in the sink, a page's body
    /// HTML is read by nothing else, so the page comes back without it (the link check needs its
    /// anchors and links, lists its summary): a large site's HTML is never all in memory at once.
    /// The home page, which lists other pages, and list intros (no template of their own) keep
    /// theirs for `renderPagesAndSections`. Returns the pages in order and the output paths put.
    func renderMarkdownAndPages(_ sources: [PageSource], environment: MarkdownEnvironment) -> (pages: [RenderedPage], paths: [String]) {
        let made = sources.parallelMap { source -> (page: RenderedPage, path: String?) in
            let page = MarkdownStage.render(source, environment: environment)
            guard Self.template(for: source.kind) != nil, source.kind != .home else { return (page, nil) }
            let file = renderPage(page, pages: [])
            sink.put(file)
            var rest = page.markdown
            rest.html = ""
            return (RenderedPage(source: source, markdown: rest, sourcesHTML: ""), file.path)
        }
        return (made.map(\.page), made.compactMap(\.path))
    }
}
