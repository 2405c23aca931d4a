/// A page with its Markdown rendered. A class for the reason `PageSource` is one.
final class RenderedPage: Sendable {
    let source: PageSource
    let markdown: RenderedMarkdown
    /// The numbered source list, empty when the page cites nothing.
    let sourcesHTML: String

    /// A hash of what lists, the feed and the sitemap show of the page: when it is unchanged,
    /// so are they (as far as this page goes).
    let listSignature: Int

    init(source: PageSource, markdown: RenderedMarkdown, sourcesHTML: String) {
        self.source = source
        self.markdown = markdown
        self.sourcesHTML = sourcesHTML
        var hasher = Hasher()
        hasher.combine(utf8: source.url)
        hasher.combine(utf8: source.metadata.title ?? "")
        hasher.combine(utf8: source.metadata.date?.description ?? "")
        hasher.combine(utf8: source.metadata.updated?.description ?? "")
        hasher.combine(source.metadata.weight)
        hasher.combine(utf8: source.metadata.summary ?? markdown.summary)
        listSignature = hasher.finalize()
    }

    /// What lists show as the page's summary: the front matter's, else the first paragraph.
    var summary: String { source.metadata.summary ?? markdown.summary }
}

/// Renders every page's and record's Markdown, on all cores.
enum MarkdownStage {
    static func environment(for plan: SitePlan) -> MarkdownEnvironment {
        var directives = DirectiveRegistry()
        for list in plan.records {
            for directive in list.kind.directives(list.records, plan: plan) { directives.register(directive) }
        }
        directives.register(FeeCalculatorDirective())
        directives.register(FeeTableDirective(fees: plan.content.data.fees))
        directives.register(MerchantNumberDirective(mcc: plan.content.data.mcc))
        return MarkdownEnvironment(
            allowRawHTML: plan.config.allowRawHTML,
            siteTransforms: true,
            cjkEmphasis: plan.config.pairsCJKEmphasis,
            sources: plan.content.sources,
            links: LinkResolver(pagesByFile: plan.pagesByFile, leftOutByFile: plan.content.drafts.merging(plan.content.withErrors) { a, _ in a }),
            records: RecordLinks(plan.records),
            directives: directives,
            allowedDomains: plan.config.allowedDomains,
            remoteImages: plan.config.remoteImages,
            sitePaths: plan.paths
        )
    }

    /// Renders every page, on all cores.
    static func renderPages(_ pages: [PageSource], environment: MarkdownEnvironment) -> [RenderedPage] {
        pages.parallelMap { render($0, environment: environment) }
    }

    static func render(_ page: PageSource, environment: MarkdownEnvironment) -> RenderedPage {
        let renderer = MarkdownRenderer(environment: environment, source: SourceText(path: page.file.path, text: page.file.text), pagePath: page.url)
        let markdown = renderer.render(page.body, firstLine: page.bodyFirstLine)
        let sources = SourceListHTML.render(markdown.citations, registry: environment.sources)
        return RenderedPage(source: page, markdown: markdown, sourcesHTML: sources)
    }

    /// Renders every published record's Markdown fields, on all cores.
    static func renderRecords(_ plan: SitePlan, environment: MarkdownEnvironment) -> [RenderedRecord] {
        let records = plan.publishedRecords.flatMap { list in list.records.map { (kind: list.kind, record: $0) } }
        return records.parallelMap { kind, record in
            let renderer = MarkdownRenderer(environment: environment, source: SourceText(path: record.file.path, text: record.file.text),
                                            pagePath: kind.url(of: record.id))
            var fieldsHTML: [String: String] = [:]
            var summary: String?
            for (name, field) in record.markdownFields {
                let rendered = renderer.render(field.text, firstLine: field.lineOffset + 1, firstColumn: field.firstColumn)
                fieldsHTML[name] = rendered.html
                summary = summary ?? rendered.summary
            }
            // Sources named in the record's fields are numbered after those cited in its text.
            for id in record.citedSources.map(\.value) where environment.sources.entries[id] != nil {
                _ = renderer.cite(id)
            }
            let final = renderer.snapshot()
            var numbers: [String: Int] = [:]
            for (index, id) in final.citations.enumerated() { numbers[id] = index + 1 }
            return RenderedRecord(
                kind: kind, record: record, fieldsHTML: fieldsHTML, summary: summary ?? "", citationNumbers: numbers,
                sourcesHTML: SourceListHTML.render(final.citations, registry: environment.sources),
                links: final.links, anchors: final.anchors, diagnostics: final.diagnostics
            )
        }
    }
}
