import Foundation

/// Renders every HTML page through its template, on all cores.
struct TemplateStage {
    let templates: TemplateSet
    let contexts: TemplateContexts

    var plan: SitePlan { contexts.plan }

    static func outputPath(for url: String) -> String {
        url == "/" ? "index.html" : String(url.dropFirst()) + "index.html"
    }

    func renderPages(_ pages: [RenderedPage]) -> [OutputFile] {
        pages.parallelMap { rendered in
            let template: String
            switch rendered.source.kind {
            case .home: template = "home"
            case .article, .standalone: template = "article"
            case .sectionIndex, .providerIndex: return nil
            }
            var context = contexts.page(rendered)
            if rendered.source.kind == .home { context.merge(homeExtras(summaries: Self.summaries(pages))) { $1 } }
            return OutputFile(path: Self.outputPath(for: rendered.source.url), text: templates.render(template, context))
        }.compactMap { $0 }
    }

    /// A home page without `content/index.md` still gets rendered, from the site's lists alone.
    func renderHomeIfMissing(_ pages: [RenderedPage]) -> OutputFile? {
        guard !pages.contains(where: { $0.source.kind == .home }) else { return nil }
        var context = contexts.base(path: "/", title: plan.config.title, description: plan.config.description)
        context["body"] = ""
        context.merge(homeExtras(summaries: Self.summaries(pages))) { $1 }
        return OutputFile(path: "index.html", text: templates.render("home", context))
    }

    /// Sections with their newest few articles, for the home page.
    func homeExtras(summaries: [String: String]) -> [String: Any] {
        ["sections": plan.sections.map { section -> [String: Any] in
            let items = section.articles.prefix(6).map { contexts.listItem($0, summary: summaries[$0.url] ?? "") }
            return ["title": section.title, "url": section.url, "pages": Array(items),
                    "count": section.articles.count, "more": section.articles.count > items.count]
        }, "provider_count": plan.providers.count, "has_providers": !plan.providers.isEmpty,
           "guide_count": plan.content.guides.count, "has_guides": !plan.content.guides.isEmpty]
    }

    /// `/<section>/`: the intro (when written) and the list of every article with its summary.
    /// Each page's list summary by URL: the front matter's, else the first paragraph.
    static func summaries(_ pages: [RenderedPage]) -> [String: String] {
        Dictionary(pages.map { ($0.source.url, $0.source.metadata.summary ?? $0.markdown.summary) }, uniquingKeysWith: { first, _ in first })
    }

    func renderSections(_ pages: [RenderedPage]) -> [OutputFile] {
        let summaries = Self.summaries(pages)
        var intros: [String: RenderedPage] = [:]
        for page in pages {
            if case .sectionIndex(let section) = page.source.kind { intros[section] = page }
        }
        return plan.sections.parallelMap { section in
            var context: [String: Any]
            if let intro = intros[section.name] {
                context = contexts.page(intro)
            } else {
                context = contexts.base(path: section.url, title: section.title, description: "\(section.title)：全部文章")
                context["body"] = ""
            }
            context["pages"] = section.articles.map { contexts.listItem($0, summary: summaries[$0.url] ?? "") }
            return OutputFile(path: Self.outputPath(for: section.url), text: templates.render("section", context))
        }
    }

    func renderProviders(_ providers: [RenderedProvider], intro: RenderedPage?) -> [OutputFile] {
        var files = providers.parallelMap { rendered in
            OutputFile(path: Self.outputPath(for: plan.providerURL(rendered.record.id)),
                       text: templates.render("provider", contexts.provider(rendered)))
        }
        var context: [String: Any]
        if let intro {
            context = contexts.page(intro)
        } else {
            context = contexts.base(path: "/providers/", title: "支付机构", description: "支付机构记录：许可状态、处罚与核实方法")
            context["body"] = ""
        }
        context["providers"] = plan.providers.map(contexts.providerItem)
        files.append(OutputFile(path: "providers/index.html", text: templates.render("providers", context)))
        return files
    }

    func render404() -> OutputFile {
        var context = contexts.base(path: "/404.html", title: "页面不存在", description: "页面不存在")
        context["sections"] = plan.sections.map { ["title": $0.title, "url": $0.url] }
        return OutputFile(path: "404.html", text: templates.render("404", context))
    }
}
