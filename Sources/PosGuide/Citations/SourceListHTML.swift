/// The numbered source list a page ends with: `<section id="sources">`.
enum SourceListHTML {
    /// The list for `ids` (numbered in that order); empty when nothing is cited.
    /// `printsURLs` writes each official URL out, for paper (print documents).
    static func render(_ ids: [String], registry: SourceRegistry, heading: String = "资料来源", printsURLs: Bool = false) -> String {
        let entries = ids.compactMap { registry.entries[$0] }
        guard !entries.isEmpty else { return "" }
        var html = "<section id=\"sources\" class=\"sources\">\n<h2>\(heading.htmlEscaped)</h2>\n<ol>\n"
        for entry in entries {
            html += "<li id=\"source-\(entry.id.htmlEscaped)\">\(describe(entry, printsURL: printsURLs))</li>\n"
        }
        html += "</ol>\n</section>\n"
        return html
    }

    /// 《标题》，发布机构，文号，日期。官方页面。核对于……；以官方公布为准。
    static func describe(_ entry: SourceEntry, printsURL: Bool = false) -> String {
        var parts = ["<cite>《\(entry.title.htmlEscaped)》</cite>", entry.publisher.htmlEscaped]
        if let number = entry.number { parts.append(number.htmlEscaped) }
        if let date = entry.date { parts.append(date.chinese) }
        var html = parts.joined(separator: "，") + "。"
        if let url = entry.url, printsURL {
            html += "官方页面：<a class=\"source-url\" href=\"\(url.hrefEscaped)\">\(url.htmlEscaped)</a>。"
        } else if let url = entry.url {
            html += "<a href=\"\(url.hrefEscaped)\" rel=\"noopener\">官方页面</a>。"
        }
        if let note = entry.note { html += note.htmlEscaped + (note.hasSuffix("。") ? "" : "。") }
        html += "<span class=\"source-checked\">核对于 \(entry.checked.chinese)"
        html += entry.confirmed ? "。</span>" : "；以官方公布为准。</span>"
        return html
    }
}
