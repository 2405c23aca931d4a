import CCmark

extension MarkdownRenderer {
    /// Directives, heading ids and figures: block nodes replaced by their HTML.
    /// `nodes`: the code blocks, headings and paragraphs of the tree, from `CmarkNode.survey`,
    /// collected before the inline transforms (which never free a block of these kinds).
    func transformBlocks(_ nodes: [CmarkNode], lineOffset: Int, isPageBody: Bool) {
        // Room for every heading's id at once: a set that grows rehashes its ids, and hashing
        // Chinese text (normalised first) was a large part of a heading's cost.
        let headingCount = nodes.reduce(0) { $0 + ($1.type == CMARK_NODE_HEADING ? 1 : 0) }
        if headingCount > 0 {
            anchors.reserveCapacity(anchors.count + headingCount)
            slugger.reserveCapacity(headingCount)
            if isPageBody { headings.reserveCapacity(headings.count + headingCount) }
        }
        for node in nodes {
            switch node.type {
            case CMARK_NODE_CODE_BLOCK:
                transformDirective(node, lineOffset: lineOffset)
            case CMARK_NODE_HEADING:
                if node.headingLevel == 1 {
                    report(.warning(
                        "markdown.h1",
                        "a page has one level-1 heading, its title; this `#` heading makes a second",
                        at: location(of: node, lineOffset: lineOffset),
                        hint: "use `##` for sections"
                    ))
                }
                transformHeading(node, isPageBody: isPageBody)
            default:
                warnAboutPipeTable(node, lineOffset: lineOffset)
                transformFigure(node)
            }
        }
    }

    private func transformDirective(_ node: CmarkNode, lineOffset: Int) {
        let info = node.fenceInfo.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let name = info.first, DirectiveRegistry.reservedNames.contains(name) else { return }
        let invocation = DirectiveInvocation(
            name: name,
            arguments: Array(info.dropFirst()),
            body: node.literal,
            location: location(of: node, lineOffset: lineOffset),
            // The body starts on the line after the opening fence.
            bodyLineOffset: node.startLine + lineOffset
        )
        let html = environment.directives.render(invocation, with: self)
        node.replace(withBlockHTML: html)
    }

    private func transformHeading(_ node: CmarkNode, isPageBody: Bool) {
        let text = node.plainText.trimmingWhitespace
        let id = documentAnchor(slugger.slug(for: text))
        anchors.insert(id)
        let level = node.headingLevel
        if isPageBody {
            headings.append(Heading(level: level, text: text, id: id))
        }
        // cmark has no attributes: the heading becomes a custom block that opens and closes the
        // tag itself, its content still rendered by cmark in the page's one pass.
        node.replaceBlockKeepingInlines(enter: Self.headingStartTag(level: level, id: id), exit: Self.headingEndTags[level])
    }

    /// A heading level's end tag, made once (cmark's levels are 1 to 6).
    private static let headingEndTags = (0...6).map { "</h\($0)>" }

    /// `<hN id="…">`, written into one buffer and made a String once: string interpolation
    /// appended it piece by piece (and formatted the level through `description`), which cost
    /// more than the rest of a heading's id and tag together.
    static func headingStartTag(level: Int, id: String) -> String {
        var escaped = id.htmlEscaped
        return escaped.withUTF8 { idBytes in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: idBytes.count + 12) { buffer in
                var count = 0
                func put<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
                    for byte in bytes {
                        buffer[count] = byte
                        count += 1
                    }
                }
                put("<h".utf8)
                // cmark's heading levels are 1 to 6: one digit.
                put(CollectionOfOne(UInt8(ascii: "0") + UInt8(level)))
                put(" id=\"".utf8)
                put(idBytes)
                put("\">".utf8)
                // ASCII and an escaped String's bytes: UTF-8 already.
                return UTF8Bytes.string(trusting: UnsafeBufferPointer(rebasing: buffer[..<count]))
            }
        }
    }

    /// CommonMark has no tables: a GitHub-style pipe table renders as a paragraph of `|`s.
    private func warnAboutPipeTable(_ node: CmarkNode, lineOffset: Int) {
        // Most paragraphs do not start with `|`: tell from the first text before making the whole text.
        var first = node.firstChild
        while let current = first, current.type != CMARK_NODE_TEXT, current.type != CMARK_NODE_CODE, let child = current.firstChild {
            first = child
        }
        if let first, first.type == CMARK_NODE_TEXT || first.type == CMARK_NODE_CODE, !first.literalStarts(with: UInt8(ascii: "|")) { return }
        let text = node.plainText
        guard text.hasPrefix("|"), text.contains("|---") || text.contains("| ---") || text.contains("|:--") else { return }
        report(.warning(
            "markdown.pipe-table",
            "pipe tables are not CommonMark: this renders as a paragraph of `|` characters",
            at: location(of: node, lineOffset: lineOffset),
            hint: "write it as a list"
        ))
    }

    /// An image alone in its paragraph, with a title, becomes a figure with a caption.
    private func transformFigure(_ node: CmarkNode) {
        // Read through the pointers, not `children`: an array for each of a page's paragraphs.
        guard let image = node.firstChild, image.next == nil, image.type == CMARK_NODE_IMAGE, !image.title.isEmpty else { return }
        let html = """
        <figure><img src="\(image.url.hrefEscaped)" alt="\(image.plainText.htmlEscaped)" loading="lazy">\
        <figcaption>\(image.title.htmlEscaped)</figcaption></figure>

        """
        node.replace(withBlockHTML: html)
    }
}
