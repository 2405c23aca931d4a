extension TemplateStage {
    /// `/guides/`: every printable guide with its summary and, when this build made it, its PDF and page count.
    func renderGuideList(_ documents: [PrintDocument], pageCounts: [String: Int]) -> OutputFile? {
        guard !documents.isEmpty else { return nil }
        var context = contexts.base(path: "/guides/", title: "打印版指南", description: "可打印的商户指南：整本下载或打印，发给店员、带到培训会。")
        context["guides"] = documents.map { document -> [String: Any] in
            let guide = document.guide
            var item: [String: Any] = [
                "id": guide.id,
                "title": guide.title,
                "url": PrintDocument.url(of: guide.id),
                "date": contexts.dateValue(guide.date),
                "paper": guide.paper.rawValue,
                "chapter_count": document.chapters.filter { !$0.isAppendix }.count,
                "appendix_count": document.chapters.filter(\.isAppendix).count,
                "has_appendices": document.chapters.contains(where: \.isAppendix),
            ]
            item["subtitle"] = guide.subtitle
            item["audience"] = guide.audience
            item["summary"] = guide.summary
            if let pages = pageCounts[guide.id] {
                item["pdf_url"] = "/" + document.pdfPath
                item["pages"] = pages
            }
            return item
        }
        return OutputFile(path: "guides/index.html", text: templates.render("guides", context))
    }
}
