import Foundation

/// The guides stage of the build: each `content/guides/<id>.yaml` as one print document.
struct GuideStage {
    let plan: SitePlan
    let environment: MarkdownEnvironment
    let templates: TemplateSet
    /// The site's files, to read the pictures embedded in documents.
    let tree: any SourceTree
    /// Whether this build also renders PDFs (the screen view then links its PDF).
    let withPDF: Bool

    static let templateNames = ["print", "guides"]
    static let stylesheet = "print.css"

    /// What the stage needs from `templates/` before anything renders; only checked when the site has guides.
    static func check(_ templates: TemplateSet, assets: [String], guides: [GuideDefinition]) -> [Diagnostic] {
        guard !guides.isEmpty else { return [] }
        var diagnostics: [Diagnostic] = templateNames.filter { !templates.has($0) }.map { name in
            .error("template.missing", "missing template `\(name).mustache` in \(templates.location): the site has guides",
                   at: SourceLocation(path: "templates/\(name).mustache"))
        }
        if !assets.contains(stylesheet) {
            diagnostics.append(.error("template.missing", "missing templates/assets/\(stylesheet): guides print with it",
                                      at: SourceLocation(path: "templates/assets/\(stylesheet)")))
        }
        return diagnostics
    }

    /// Renders every guide, each on its own core.
    func renderDocuments() -> (documents: [PrintDocument], diagnostics: [Diagnostic]) {
        guard !plan.content.guides.isEmpty else { return ([], []) }
        var pages: [String: PageSource] = [:]
        for page in plan.content.pages { pages[page.file.path] = page }
        let stylesheet = templates.tree.text(of: templates.folder + "/assets/" + Self.stylesheet) ?? ""
        let results = plan.content.guides.sorted { $0.id < $1.id }.parallelMap { [pages] guide in
            render(guide, pages: pages, stylesheet: stylesheet)
        }
        var diagnostics: [Diagnostic] = []
        // A base_url written in site.yaml is judged by PublishingAddress (build, check, export), at its line.
        if !results.isEmpty, plan.config.baseURL == SiteConfig().baseURL, plan.config.baseURLLocation == nil {
            diagnostics.append(.warning(
                "guide.base-url", "printed guides link their chapters at \(plan.config.baseURL), the default base_url",
                at: SourceLocation(path: SiteConfig.path),
                hint: "set `base_url` in content/site.yaml (or pass --base-url) so the QR codes open the live site"
            ))
        }
        return (results.map(\.0), diagnostics + results.flatMap(\.1))
    }

    func render(_ guide: GuideDefinition, pages: [String: PageSource], stylesheet: String) -> (PrintDocument, [Diagnostic]) {
        let baseURL = plan.config.baseURL
        let rendered = GuideChapters.render(guide, pages: pages, environment: environment, baseURL: baseURL,
                                            records: plan.publishedRecords)
        var chapters = rendered.chapters
        var diagnostics: [Diagnostic] = []
        var qrCodes: [String: String] = [:]
        for index in chapters.indices {
            let chapter = chapters[index]
            chapters[index].html = PrintDocument.selfContained(chapter.html, baseURL: baseURL, embed: embed)
            if let svg = QRCodeSVG.svg(for: chapter.onlineURL, size: "22mm", label: "二维码：\(chapter.title) 在线版 \(chapter.onlineURL)") {
                qrCodes[chapter.id] = svg
            } else {
                diagnostics.append(.warning("guide.qr-code", "cannot make a QR code for \(chapter.onlineURL): the address is too long",
                                            at: SourceLocation(path: guide.path)))
            }
        }
        let sourcesHTML = PrintDocument.selfContained(
            SourceListHTML.render(rendered.citations, registry: plan.content.sources, printsURLs: true), baseURL: baseURL, embed: embed
        )
        let context = PrintDocument.context(guide: guide, chapters: chapters, sourcesHTML: sourcesHTML, config: plan.config,
                                            stylesheet: stylesheet, withPDF: withPDF, qrCodes: qrCodes)
        return (PrintDocument(guide: guide, chapters: chapters, html: templates.render("print", context)), diagnostics)
    }

    /// A `/assets/…` picture of the site as a `data:` URL.
    func embed(_ path: String) -> String? {
        guard path.hasPrefix("/assets/"), let file = plan.assets[String(path.dropFirst("/assets/".count))] else { return nil }
        return PrintDocument.dataURL(for: file, in: tree)
    }
}
