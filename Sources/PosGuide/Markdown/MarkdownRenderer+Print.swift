import CCmark

extension MarkdownRenderer {
    /// The id a heading gets: its slug, prefixed with the chapter id in a print document.
    func documentAnchor(_ slug: String) -> String {
        guard let printChapter else { return slug }
        return PrintChapter.anchor(slug, inChapter: printChapter.id)
    }

    /// Rewrites a link to a page of the site: in-document when that page is a
    /// chapter, else to the live site with its URL printed after the text.
    func rewriteSiteLinkForPrint(_ node: CmarkNode, path: String, fragment: String?, chapter: PrintChapter) {
        if let anchor = chapter.anchor(path: path, fragment: fragment) {
            // Written raw, not percent-encoded: WeasyPrint matches `#小节` but not `#%E5%B0%8F%E8%8A%82`.
            node.replaceKeepingChildren(enter: "<a class=\"in-document\" href=\"#\(anchor.htmlEscaped)\">", exit: "</a>")
            return
        }
        let url = chapter.siteURL(path)
        let href = url + (fragment.map { "#" + $0 } ?? "")
        // The printed address leaves out the fragment: a reader types the page's address.
        printURLAfter(node, href: href, shown: url)
    }

    /// `#fragment` on the page itself: the same anchor inside this chapter.
    func rewriteSamePageLinkForPrint(_ node: CmarkNode, fragment: String, chapter: PrintChapter) {
        let anchor = PrintChapter.anchor(fragment.percentDecoded, inChapter: chapter.id)
        node.replaceKeepingChildren(enter: "<a class=\"in-document\" href=\"#\(anchor.htmlEscaped)\">", exit: "</a>")
    }

    /// Keeps the link (a PDF keeps it clickable) and prints its address in brackets after the text.
    func printURLAfter(_ node: CmarkNode, href: String, shown: String) {
        let text = node.plainText.trimmingWhitespace
        let repeatsAddress = text == shown || text == href || shown.hasSuffix("//" + text) || shown.hasSuffix("//" + text + "/")
        let suffix = repeatsAddress ? "" : "<span class=\"link-url\">（\(shown.htmlEscaped)）</span>"
        node.replaceKeepingChildren(enter: "<a class=\"offsite\" href=\"\(href.hrefEscaped)\">", exit: "</a>" + suffix)
    }
}
