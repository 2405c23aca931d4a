import CCmark

extension MarkdownRenderer {
    /// Links, citations, images and raw HTML: resolve, check, rewrite or drop.
    /// `nodes`: the links, images and raw HTML of the tree under `root`, from `CmarkNode.survey`.
    func transformInlines(_ nodes: [CmarkNode], in root: CmarkNode, lineOffset: Int) {
        // Removed images are freed only at the end: links inside their alt text
        // were collected too and must not be touched once their parent is gone.
        var detached: [CmarkNode] = []
        defer { detached.forEach { cmark_node_free($0.pointer) } }
        for node in nodes where node.isDescendant(of: root) {
            switch node.type {
            case CMARK_NODE_HTML_INLINE, CMARK_NODE_HTML_BLOCK:
                guard !environment.allowRawHTML else { continue }
                report(.warning(
                    "markdown.raw-html",
                    "raw HTML dropped: \(Self.preview(node.literal))",
                    at: location(of: node, lineOffset: lineOffset),
                    hint: "write it in Markdown, or set `allow_raw_html: true` in content/site.yaml"
                ))
                node.remove()
            case CMARK_NODE_LINK:
                transformLink(node, lineOffset: lineOffset)
            default:
                if !transformImage(node, lineOffset: lineOffset) {
                    cmark_node_unlink(node.pointer)
                    detached.append(node)
                }
            }
        }
    }

    private func transformLink(_ node: CmarkNode, lineOffset: Int) {
        let url = node.url
        // Only reports and site links need it; most links of a page are external and allowed.
        lazy var here = location(of: node, lineOffset: lineOffset)
        switch environment.links.resolve(url, inFile: source.path, pagePath: pagePath) {
        case .citation(let id):
            guard let entry = environment.sources.entries[id] else {
                // A broken entry or an unreadable sources.yaml has its own error: this citation is not another.
                if environment.sources.isUnknown(id) { report(.error(
                    "citation.unknown-source",
                    "unknown source `\(id)` in citation",
                    at: here,
                    hint: Suggestion.nearest(to: id, among: environment.sources.ids).map { "did you mean `\($0)`? Sources are listed in content/data/sources.yaml" }
                        ?? "add it to content/data/sources.yaml"
                )) }
                node.replaceKeepingChildren(enter: "", exit: "")
                return
            }
            let number = cite(entry.id)
            node.replaceKeepingChildren(
                enter: "<a class=\"citation\" href=\"#source-\(entry.id.htmlEscaped)\">",
                exit: "<sup>[\(number)]</sup></a>"
            )
        case .site(let path, let fragment, let rewritten):
            links.append(LinkReference(path: path, fragment: fragment, written: url, location: here))
            if let printChapter {
                rewriteSiteLinkForPrint(node, path: path, fragment: fragment, chapter: printChapter)
            } else if let href = siteHref(written: url, rewritten: rewritten) {
                node.url = href
            }
        case .record(let scheme, let reference):
            switch environment.records.resolve(scheme: scheme, reference: reference, at: here) {
            case .failure(let diagnostic):
                report(diagnostic)
                node.replaceKeepingChildren(enter: "", exit: "")
            case .success(let path):
                // Checked and rewritten like a link written as the record's site path.
                links.append(LinkReference(path: path, fragment: nil, written: url, location: here))
                if let printChapter {
                    rewriteSiteLinkForPrint(node, path: path, fragment: nil, chapter: printChapter)
                } else {
                    node.url = environment.sitePaths.href(path)
                }
            }
        case .samePage(let fragment):
            links.append(LinkReference(path: pagePath, fragment: fragment.percentDecoded, written: url, location: here))
            if let printChapter { rewriteSamePageLinkForPrint(node, fragment: fragment, chapter: printChapter) }
        case .external(let host):
            if !environment.isAllowed(host: host) {
                report(.warning(
                    "link.external-domain",
                    "external link to `\(host)` is not on the site's allowed domains",
                    at: here,
                    hint: "link only to official or first-party sites, or add the domain to `allowed_domains` in content/site.yaml once it is confirmed first-party (a site.yaml without the list allows every domain)"
                ))
            }
            if printChapter != nil {
                let address = url.trimmingWhitespace
                printURLAfter(node, href: address.hasPrefix("//") ? "https:" + address : address, shown: address)
            }
        case .contact:
            break
        case .unsafe(let scheme):
            report(.warning("link.unsafe-url", "`\(scheme):` link dropped; only http(s), mailto and tel links are published", at: here))
            node.replaceKeepingChildren(enter: "", exit: "")
        case .missingFile(let path):
            report(.error("link.broken", "link to `\(url)`: \(path) is not a page of this site", at: here))
        }
    }

    /// Returns false when the image must be dropped.
    private func transformImage(_ node: CmarkNode, lineOffset: Int) -> Bool {
        let url = node.url
        // Only reports and site links need it; most links of a page are external and allowed.
        lazy var here = location(of: node, lineOffset: lineOffset)
        switch environment.links.resolve(url, inFile: source.path, pagePath: pagePath) {
        case .site(let path, _, let rewritten):
            links.append(LinkReference(path: path, fragment: nil, written: url, location: here))
            // A print document is not at the page's path: it needs the image's own site path.
            if printChapter != nil {
                node.url = path
            } else if let href = siteHref(written: url, rewritten: rewritten) {
                node.url = href
            }
            return true
        case .external(let host):
            switch environment.remoteImages {
            case .allow:
                return true
            case .warn:
                report(.warning(
                    "image.third-party",
                    "image from `\(host)`: every reader's browser will request it from that host",
                    at: here,
                    hint: "published because content/site.yaml sets `remote_images: warn`; `remote_images: allow` publishes such images without a warning"
                ))
                return true
            case .error:
                report(.error(
                    "image.third-party",
                    "image from `\(host)`: pages make no third-party requests",
                    at: here,
                    hint: "save the picture under content/assets/ and link it as /assets/…, or set `remote_images: warn` (or `allow`) in content/site.yaml to publish images from other hosts"
                ))
                return false
            }
        default:
            report(.warning("image.unsafe-url", "image `\(Self.preview(url))` dropped: images must be files of this site", at: here))
            return false
        }
    }

    /// The href for a link into the site, or nil to keep what the author wrote: a link to a
    /// source file becomes its page's URL, and a site-absolute one (`/articles/x/`) gets the
    /// site's base path; a relative one already works under any base path.
    private func siteHref(written: String, rewritten: String?) -> String? {
        if let rewritten { return environment.sitePaths.href(rewritten) }
        let trimmed = written.trimmingWhitespace
        guard !environment.sitePaths.isRoot, trimmed.hasPrefix("/") else { return nil }
        return environment.sitePaths.href(trimmed)
    }

    /// The citation number of `id` on this page, numbering it on first use.
    func cite(_ id: String) -> Int {
        if let number = citationNumbers[id] { return number }
        citations.append(id)
        citationNumbers[id] = citations.count
        anchors.insert("source-\(id)")
        return citations.count
    }

    static func preview(_ text: String) -> String {
        let line = text.split(separator: "\n").first.map(String.init) ?? ""
        return line.count > 40 ? String(line.prefix(40)) + "…" : line
    }
}
