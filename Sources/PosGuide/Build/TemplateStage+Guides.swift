extension TemplateStage {
    /// `/guides/`: every printable guide with its summary and, when this build made it, its PDF and page count.
    func renderGuideList(_ documents: [PrintDocument], pageCounts: [String: Int]) -> OutputFile? {
        guard !documents.isEmpty else { return nil }
        var context = contexts.base(path: "/guides/", title: "打印版指南", description: "可打印的商户指南：整本下载或打印，发给店员、带到培训会。")
        context["guides"] = .list(documents.map { document in
            let guide = document.guide
            var item: TemplateValue.Map = [
                "id": .string(guide.id),
                "title": .string(guide.title),
                "url": .string(contexts.href(PrintDocument.url(of: guide.id))),
                "date": contexts.dateValue(guide.date),
                "paper": .string(guide.paper.rawValue),
                "chapter_count": .int(document.chapters.filter { !$0.isAppendix }.count),
                "appendix_count": .int(document.chapters.filter(\.isAppendix).count),
                "has_appendices": .bool(document.chapters.contains(where: \.isAppendix)),
            ]
            item["subtitle"] = .optional(guide.subtitle)
            item["audience"] = .optional(guide.audience)
            item["summary"] = .optional(guide.summary)
            if let pages = pageCounts[guide.id] {
                item["pdf_url"] = .string(contexts.href("/" + document.pdfPath))
                item["pages"] = .int(pages)
            }
            return .map(item)
        })
        return templates.renderFile("guides", context, path: "guides/index.html")
    }
}
