import CCmark
import Foundation

/// One piece of an inline scope's content, in document order, as cmark left it.
private enum InlinePiece {
    /// Bytes `range` of the text node `node`'s literal, holding no delimiter character.
    case text(CmarkNode, Range<Int>)
    /// `count` delimiter characters left as literal text, `offset` bytes into the text node `node`.
    case delimiters(UInt8, count: Int, node: CmarkNode, offset: Int)
    case open(CmarkNode, strong: Bool)
    case close(CmarkNode, strong: Bool)
    /// Anything emphasis does not look into: code, raw HTML, breaks, links and images.
    case atom(CmarkNode)
}

/// What an inline scope renders as: compared to tell whether pairing changed anything.
/// Text is kept as UTF-8 bytes: the scopes of every paragraph with a `*` are compared twice,
/// and making and joining Strings there was a third of the pass.
private enum InlineEvent: Equatable {
    case text([UInt8])
    case open(strong: Bool)
    case close
    case atom(OpaquePointer)
}

/// A delimiter run found in a scope: which pieces make it and where it is in the source.
private struct LocatedRun {
    var pieces: Range<Int>
    var character: UInt8
    var length: Int
    var line: Int
    var column: Int
    /// The characters around the run; nil when the source does not hold this run where the
    /// tree puts it (an escaped `\*` or an entity that reads like one).
    var neighbours: DelimiterNeighbours?
}

extension MarkdownRenderer {
    /// Pairs `*` and `_` again in `blocks` (paragraphs and headings holding emphasis or a
    /// `*`/`_` in their text) with the CJK-friendly rules when the site asks for them, and
    /// warns, in a site build, about `**` or `__` a reader would see.
    ///
    /// cmark has already paired with CommonMark's rules; a scope changes only where a run
    /// next to CJK text may open or close under the amendment and not under CommonMark.
    /// Code spans, raw HTML and link destinations are never looked into; a link's text is
    /// its own scope, as in cmark. Escaped characters are text. When the source around a run
    /// is not what the tree says (an entity, an escaped `*` right inside `*` emphasis), the
    /// scope keeps cmark's rendering and that run draws no warning.
    func pairEmphasis(in blocks: [CmarkNode], markdown: String, lineOffset: Int) {
        guard !blocks.isEmpty, environment.cjkEmphasis || environment.siteTransforms else { return }
        let source = InlineSourceBytes(markdown)
        for block in blocks {
            var scopes = [block]
            var index = 0
            while index < scopes.count {
                pairEmphasis(inScope: scopes[index], block: block, source: source, lineOffset: lineOffset, linkScopes: &scopes)
                index += 1
            }
        }
    }

    private func pairEmphasis(inScope scope: CmarkNode, block: CmarkNode, source: InlineSourceBytes, lineOffset: Int, linkScopes: inout [CmarkNode]) {
        var pieces: [InlinePiece] = []
        // A paragraph with emphasis has a dozen pieces or so: room for them at once, not four regrowths.
        pieces.reserveCapacity(16)
        Self.collectPieces(of: scope, into: &pieces, linkScopes: &linkScopes)
        guard let runs = Self.locateRuns(pieces, block: block, source: source), !runs.isEmpty else { return }
        var leftover = runs.map { run in
            pieces[run.pieces].reduce(0) { count, piece in
                if case .delimiters(_, let literal, _, _) = piece { return count + literal }
                return count
            }
        }
        if environment.cjkEmphasis, runs.allSatisfy({ $0.neighbours != nil }) {
            let standard = runs.map { Self.delimiterRun($0, rules: .commonMark) }
            let amended = runs.map { Self.delimiterRun($0, rules: .cjkFriendly) }
            if standard != amended {
                let current = Self.currentEvents(pieces)
                // The runs must pair as cmark paired them before the amendment may change anything.
                guard Self.events(pieces, runs: runs, pairing: EmphasisPairing(standard)) == current else { return }
                let pairing = EmphasisPairing(amended)
                let paired = Self.events(pieces, runs: runs, pairing: pairing)
                if paired != current, !Self.rebuild(scope, with: paired) { return }
                leftover = pairing.leftover
            }
        }
        guard environment.siteTransforms else { return }
        for (run, count) in zip(runs, leftover) where count >= 2 && run.neighbours != nil {
            let marker = String(repeating: Character(Unicode.Scalar(run.character)), count: 2)
            report(.warning(
                "markdown.literal-emphasis",
                "`\(String(repeating: Character(Unicode.Scalar(run.character)), count: count))` shows as literal text: nothing pairs with it",
                at: location(line: run.line + lineOffset, byteColumn: run.column),
                hint: "emphasis marks the text it touches: `\(marker)重点\(marker)`, no space just inside the marks; "
                    + "close it in the same paragraph, or write `\\\(marker.first!)\\\(marker.first!)` to show the characters"
            ))
        }
    }

    /// For tests of the reconstruction: for each inline scope of `markdown` with delimiter runs,
    /// whether its runs paired by CommonMark's rules give exactly what cmark gave (nil: not located).
    static func standardPairingAgreement(_ markdown: String) -> [Bool?] {
        guard let document = markdown.withCString({ cmark_parse_document($0, strlen($0), CMARK_OPT_UNSAFE) }) else { return [] }
        defer { cmark_node_free(document) }
        var unused = TextStatistics()
        let source = InlineSourceBytes(markdown)
        var agreement: [Bool?] = []
        for block in CmarkNode(document).survey(counting: false, emphasis: true, into: &unused).emphasisBlocks {
            var scopes = [block]
            var index = 0
            while index < scopes.count {
                var pieces: [InlinePiece] = []
                collectPieces(of: scopes[index], into: &pieces, linkScopes: &scopes)
                index += 1
                guard let runs = locateRuns(pieces, block: block, source: source) else { agreement.append(nil); continue }
                guard !runs.isEmpty else { continue }
                guard runs.allSatisfy({ $0.neighbours != nil }) else { agreement.append(nil); continue }
                let pairing = EmphasisPairing(runs.map { delimiterRun($0, rules: .commonMark) })
                agreement.append(events(pieces, runs: runs, pairing: pairing) == currentEvents(pieces))
            }
        }
        return agreement
    }

    private static func delimiterRun(_ run: LocatedRun, rules: EmphasisRules) -> DelimiterRun {
        let flags = run.neighbours!.flags(for: run.character, rules: rules)
        return DelimiterRun(character: run.character, length: run.length, canOpen: flags.canOpen, canClose: flags.canClose)
    }

    /// The scope's inlines in order, looking through emphasis; links and images become
    /// atoms here and scopes of their own.
    private static func collectPieces(of container: CmarkNode, into pieces: inout [InlinePiece], linkScopes: inout [CmarkNode]) {
        var child = container.firstChild
        while let node = child {
            switch node.type {
            case CMARK_NODE_TEXT:
                appendTextPieces(node, to: &pieces)
            case CMARK_NODE_EMPH, CMARK_NODE_STRONG:
                let strong = node.type == CMARK_NODE_STRONG
                pieces.append(.open(node, strong: strong))
                collectPieces(of: node, into: &pieces, linkScopes: &linkScopes)
                pieces.append(.close(node, strong: strong))
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                pieces.append(.atom(node))
                linkScopes.append(node)
            default:
                pieces.append(.atom(node))
            }
            child = node.next
        }
    }

    /// Splits a text node into plain text and delimiter characters, reading cmark's buffer.
    private static func appendTextPieces(_ node: CmarkNode, to pieces: inout [InlinePiece]) {
        guard let literal = cmark_node_get_literal(node.pointer) else { return }
        let count = strlen(literal)
        literal.withMemoryRebound(to: UInt8.self, capacity: count) { bytes in
            var start = 0, index = 0
            while index < count {
                // libc's search skips the text between delimiters far faster than a byte loop.
                index += strcspn(literal + index, "*_")
                guard index < count else { break }
                let byte = bytes[index]
                var end = index
                while end < count, bytes[end] == byte { end += 1 }
                if start < index { pieces.append(.text(node, start..<index)) }
                pieces.append(.delimiters(byte, count: end - index, node: node, offset: index))
                start = end
                index = end
            }
            if start < count { pieces.append(.text(node, start..<count)) }
        }
    }

    /// Groups the delimiter pieces into the source's runs and reads what surrounds each;
    /// nil when an emphasis node's character cannot be read from the source.
    private static func locateRuns(_ pieces: [InlinePiece], block: CmarkNode, source: InlineSourceBytes) -> [LocatedRun]? {
        // The character of each delimiter piece (read from the source for emphasis); nil for the rest.
        var characters: [UInt8?] = []
        for piece in pieces {
            let line: Int, reported: Int
            switch piece {
            case .delimiters(let byte, _, _, _): characters.append(byte); continue
            case .open(let node, _): (line, reported) = (node.startLine, node.startColumn)
            case .close(let node, _): (line, reported) = (node.endLine, node.endColumn)
            case .text, .atom: characters.append(nil); continue
            }
            guard let offset = source.offset(line: line, column: source.column(line: line, reported: reported, in: block)),
                  source.bytes[offset] == UInt8(ascii: "*") || source.bytes[offset] == UInt8(ascii: "_") else { return nil }
            characters.append(source.bytes[offset])
        }
        var runs: [LocatedRun] = []
        var index = 0
        while index < pieces.count {
            guard let byte = characters[index] else { index += 1; continue }
            let first = index
            var length = 0
            while index < pieces.count, characters[index] == byte {
                switch pieces[index] {
                case .delimiters(_, let count, _, _): length += count
                case .open(_, let strong), .close(_, let strong): length += strong ? 2 : 1
                case .text, .atom: break
                }
                index += 1
            }
            let line: Int, column: Int
            switch pieces[first] {
            case .delimiters(_, _, let node, let offset):
                line = node.startLine
                let start = source.column(line: line, reported: node.startColumn, in: block)
                // A column that cannot be found leaves the run unlocated (0 is no column).
                column = source.column(ofLiteralByte: offset, in: node, startingAt: start, line: line) ?? 0
            case .open(let node, _):
                line = node.startLine
                column = source.column(line: line, reported: node.startColumn, in: block)
            case .close(let node, _):
                line = node.endLine
                column = source.column(line: line, reported: node.endColumn, in: block) - length + 1
            default:
                return nil
            }
            // Characters the author escaped (`\*\*`) are text, not a run.
            if first + 1 == index, case .delimiters = pieces[first], source.holdsEscapes(of: byte, count: length, line: line, column: column) { continue }
            let neighbours = neighbours(ofRunAt: line, column: column, length: length, character: byte, block: block, source: source)
            runs.append(LocatedRun(pieces: first..<index, character: byte, length: length, line: line, column: column, neighbours: neighbours))
        }
        return runs
    }

    /// The characters around the run, after checking the source holds exactly that run there.
    private static func neighbours(ofRunAt line: Int, column: Int, length: Int, character: UInt8, block: CmarkNode, source: InlineSourceBytes) -> DelimiterNeighbours? {
        guard let start = source.offset(line: line, column: column) else { return nil }
        let end = start + length
        let lineStart = source.lineStarts[line - 1], lineEnd = source.lineEnd(line)
        // The character before may be the same one escaped (`\**`): not part of the run.
        guard end <= lineEnd, source.bytes[start..<end].allSatisfy({ $0 == character }),
              start == lineStart || source.bytes[start - 1] != character
                || (start - 2 >= lineStart && source.bytes[start - 2] == UInt8(ascii: "\\")),
              end == lineEnd || source.bytes[end] != character else { return nil }
        let newline = UInt32(10)
        var previous = newline, beforePrevious = newline
        if column != source.contentColumn(line: line, in: block), start > lineStart {
            let previousStart = source.start(before: start)
            previous = source.scalar(at: previousStart)
            if previousStart > lineStart { beforePrevious = source.scalar(at: source.start(before: previousStart)) }
        }
        let next = end < lineEnd ? source.scalar(at: end) : newline
        return DelimiterNeighbours(beforePrevious: beforePrevious, previous: previous, next: next)
    }

    private static func currentEvents(_ pieces: [InlinePiece]) -> [InlineEvent] {
        var events: [InlineEvent] = []
        for piece in pieces {
            switch piece {
            case .text(let node, let range): node.withLiteralBytes(range) { appendText($0, to: &events) }
            case .delimiters(let byte, let count, _, _): appendText(repeatElement(byte, count: count), to: &events)
            case .open(_, let strong): events.append(.open(strong: strong))
            case .close: events.append(.close)
            case .atom(let node): events.append(.atom(node.pointer))
            }
        }
        return events
    }

    /// The scope as `pairing` renders it: each run closes, keeps its leftover, then opens.
    private static func events(_ pieces: [InlinePiece], runs: [LocatedRun], pairing: EmphasisPairing) -> [InlineEvent] {
        var events: [InlineEvent] = []
        var index = 0, runIndex = 0
        while index < pieces.count {
            if runIndex < runs.count, runs[runIndex].pieces.lowerBound == index {
                let run = runs[runIndex]
                events += pairing.closes[runIndex].map { _ in InlineEvent.close }
                appendText(repeatElement(run.character, count: pairing.leftover[runIndex]), to: &events)
                events += pairing.opens[runIndex].reversed().map { InlineEvent.open(strong: $0) }
                index = run.pieces.upperBound
                runIndex += 1
                continue
            }
            switch pieces[index] {
            case .text(let node, let range): node.withLiteralBytes(range) { appendText($0, to: &events) }
            case .delimiters(let byte, let count, _, _): appendText(repeatElement(byte, count: count), to: &events)
            case .atom(let node): events.append(.atom(node.pointer))
            case .open, .close: break
            }
            index += 1
        }
        return events
    }

    private static func appendText<Bytes: Collection<UInt8>>(_ text: Bytes, to events: inout [InlineEvent]) {
        guard !text.isEmpty else { return }
        if case .text(var before) = events.last {
            // Taken out first, so the bytes grow in place instead of being copied.
            events.removeLast()
            before.append(contentsOf: text)
            events.append(.text(before))
        } else {
            events.append(.text(Array(text)))
        }
    }

    /// Replaces the scope's children with `events`, moving its atoms (links, code, HTML) into place.
    /// False, changing nothing, when `events` do not nest.
    private static func rebuild(_ scope: CmarkNode, with events: [InlineEvent]) -> Bool {
        // Pairing never crosses emphasis; should it ever, the scope stays as cmark made it.
        var depth = 0
        for event in events {
            if case .open = event { depth += 1 } else if case .close = event { depth -= 1 }
            if depth < 0 { return false }
        }
        guard depth == 0 else { return false }
        let old = scope.children
        old.forEach { cmark_node_unlink($0.pointer) }
        var stack = [scope.pointer]
        for event in events {
            switch event {
            case .text(let text):
                let node = CmarkArena.node(CMARK_NODE_TEXT).pointer
                cmark_node_set_literal(node, String(decoding: text, as: UTF8.self))
                cmark_node_append_child(stack.last!, node)
            case .open(let strong):
                let node = CmarkArena.node(strong ? CMARK_NODE_STRONG : CMARK_NODE_EMPH).pointer
                cmark_node_append_child(stack.last!, node)
                stack.append(node)
            case .close:
                stack.removeLast()
            case .atom(let pointer):
                cmark_node_append_child(stack.last!, pointer)
            }
        }
        // The atoms have moved: what is freed is the old text and emphasis, emptied of atoms.
        for node in old where [CMARK_NODE_TEXT, CMARK_NODE_EMPH, CMARK_NODE_STRONG].contains(node.type) {
            cmark_node_free(node.pointer)
        }
        return true
    }
}
