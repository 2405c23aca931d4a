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

/// Buffers the pass reuses from one scope to the next.
private struct EmphasisScratch {
    /// The block's scopes: the block, then the text of each link and image found in a scope.
    var scopes: [CmarkNode] = []
    var pieces: [InlinePiece] = []
    var runs: [LocatedRun] = []

    init() {
        // A paragraph with emphasis has a dozen pieces or so: room for them at once, not four regrowths.
        pieces.reserveCapacity(16)
    }
}

/// A delimiter run found in a scope: which pieces make it and where it is in the source.
private struct LocatedRun {
    var pieces: Range<Int>
    var character: UInt8
    var length: Int
    /// How many of its characters cmark left as literal text.
    var literal: Int
    var line: Int
    var column: Int
    /// The characters around the run; nil when the source does not hold this run where the
    /// tree puts it (an escaped `\*` or an entity that reads like one).
    var neighbours: DelimiterNeighbours?
    /// The run as CommonMark's rules and as the amendment's see it, once `setDelimiterRuns` set them.
    var standard = DelimiterRun(character: 0, length: 0, canOpen: false, canClose: false)
    var amended = DelimiterRun(character: 0, length: 0, canOpen: false, canClose: false)
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
        pairEmphasis(in: blocks, markdown: markdown, lineOffset: lineOffset, readingTree: true)
    }

    /// `readingTree`: whether a scope whose pairing the amendment leaves as it is may be told
    /// from cmark's tree itself; false compares the rendered scopes every time (for tests).
    func pairEmphasis(in blocks: [CmarkNode], markdown: String, lineOffset: Int, readingTree: Bool) {
        guard !blocks.isEmpty, environment.cjkEmphasis || environment.siteTransforms else { return }
        let source = InlineSourceBytes(markdown)
        // One set of buffers for every scope of the page: most scopes need no more than the first.
        var scratch = EmphasisScratch()
        for block in blocks {
            scratch.scopes.removeAll(keepingCapacity: true)
            scratch.scopes.append(block)
            var index = 0
            while index < scratch.scopes.count {
                pairEmphasis(inScope: scratch.scopes[index], block: block, source: source, lineOffset: lineOffset, readingTree: readingTree, scratch: &scratch)
                index += 1
            }
        }
    }

    private func pairEmphasis(inScope scope: CmarkNode, block: CmarkNode, source: InlineSourceBytes, lineOffset: Int,
                              readingTree: Bool, scratch: inout EmphasisScratch) {
        scratch.pieces.removeAll(keepingCapacity: true)
        Self.collectPieces(of: scope, into: &scratch.pieces, linkScopes: &scratch.scopes)
        guard Self.locateRuns(scratch.pieces, block: block, source: source, into: &scratch.runs), !scratch.runs.isEmpty else { return }
        // What each run leaves as text when the amendment changed the pairing; else what cmark left.
        var repaired: EmphasisPairing?
        if environment.cjkEmphasis, scratch.runs.allSatisfy({ $0.neighbours != nil }), Self.setDelimiterRuns(of: &scratch.runs) {
            let pieces = scratch.pieces, runs = scratch.runs
            let standardPairing = EmphasisPairing(runs.lazy.map(\.standard))
            let pairing = EmphasisPairing(runs.lazy.map(\.amended))
            if readingTree, Self.treePairs(pieces, runs: runs, as: standardPairing) {
                // cmark paired as CommonMark says, and the scope renders as that pairing does:
                // the same pairing under the amendment changes nothing (and leaves what cmark
                // left), with no need to render it.
                if pairing != standardPairing {
                    let paired = Self.events(pieces, runs: runs, pairing: pairing)
                    if paired != Self.currentEvents(pieces), !Self.rebuild(scope, with: paired) { return }
                    repaired = pairing
                }
            } else {
                let current = Self.currentEvents(pieces)
                // The runs must pair as cmark paired them before the amendment may change anything.
                guard Self.events(pieces, runs: runs, pairing: standardPairing) == current else { return }
                let paired = Self.events(pieces, runs: runs, pairing: pairing)
                if paired != current, !Self.rebuild(scope, with: paired) { return }
                repaired = pairing
            }
        }
        guard environment.siteTransforms else { return }
        for (index, run) in scratch.runs.enumerated() where run.neighbours != nil {
            let count = repaired?.leftover[index] ?? run.literal
            guard count >= 2 else { continue }
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
        standardPairingChecks(markdown).map { $0?.renders }
    }

    /// `standardPairingAgreement`, with whether cmark's tree tells it (`treePairs`) without rendering
    /// the scope; and the same two for the amendment's pairing of the runs.
    static func standardPairingChecks(_ markdown: String) -> [(renders: Bool, tree: Bool, amendedRenders: Bool, amendedTree: Bool)?] {
        CmarkArena.use {
            guard let document = CmarkArena.parse(markdown, options: CMARK_OPT_UNSAFE) else { return [] }
            return standardPairingChecks(document, markdown: markdown)
        }
    }

    private static func standardPairingChecks(_ document: CmarkNode, markdown: String) -> [(renders: Bool, tree: Bool, amendedRenders: Bool, amendedTree: Bool)?] {
        var unused = TextStatistics()
        let source = InlineSourceBytes(markdown)
        var agreement: [(renders: Bool, tree: Bool, amendedRenders: Bool, amendedTree: Bool)?] = []
        for block in document.survey(counting: false, emphasis: true, into: &unused).emphasisBlocks {
            var scopes = [block]
            var index = 0
            while index < scopes.count {
                var pieces: [InlinePiece] = [], runs: [LocatedRun] = []
                collectPieces(of: scopes[index], into: &pieces, linkScopes: &scopes)
                index += 1
                guard locateRuns(pieces, block: block, source: source, into: &runs) else { agreement.append(nil); continue }
                guard !runs.isEmpty else { continue }
                guard runs.allSatisfy({ $0.neighbours != nil }) else { agreement.append(nil); continue }
                _ = setDelimiterRuns(of: &runs)
                let current = currentEvents(pieces)
                let pairing = EmphasisPairing(runs.map(\.standard)), amendedPairing = EmphasisPairing(runs.map(\.amended))
                agreement.append((events(pieces, runs: runs, pairing: pairing) == current, treePairs(pieces, runs: runs, as: pairing),
                                  events(pieces, runs: runs, pairing: amendedPairing) == current, treePairs(pieces, runs: runs, as: amendedPairing)))
            }
        }
        return agreement
    }

    /// For tests of the shortcut: `markdown` rendered as a page of `environment` renders (HTML and
    /// diagnostics) with scopes told from cmark's tree (`readingTree`) or always rendered and compared.
    static func renderPairingEmphasis(_ markdown: String, environment: MarkdownEnvironment, readingTree: Bool) -> (html: String, diagnostics: [Diagnostic]) {
        let renderer = MarkdownRenderer(environment: environment, source: SourceText(path: "page.md", text: markdown), pagePath: "/")
        // In the arena, as a page's tree: the nodes pairing makes are the arena's too.
        return CmarkArena.use {
            guard let document = CmarkArena.parse(markdown, options: renderer.cmarkOptions) else { return ("", []) }
            var unused = TextStatistics()
            let blocks = document.survey(counting: false, emphasis: environment.cjkEmphasis, into: &unused).emphasisBlocks
            renderer.pairEmphasis(in: blocks, markdown: markdown, lineOffset: 0, readingTree: readingTree)
            return (document.renderHTML(options: renderer.cmarkOptions), renderer.diagnostics)
        }
    }

    /// Sets each run's `standard` and `amended` (every run has its neighbours); whether they
    /// differ for any run.
    private static func setDelimiterRuns(of runs: inout [LocatedRun]) -> Bool {
        var differ = false
        for index in runs.indices {
            let run = runs[index]
            let flags = run.neighbours!.flags(for: run.character)
            runs[index].standard = DelimiterRun(character: run.character, length: run.length, canOpen: flags.commonMark.canOpen, canClose: flags.commonMark.canClose)
            runs[index].amended = DelimiterRun(character: run.character, length: run.length, canOpen: flags.cjkFriendly.canOpen, canClose: flags.cjkFriendly.canClose)
            if flags.commonMark != flags.cjkFriendly { differ = true }
        }
        return differ
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

    /// Groups the delimiter pieces into the source's runs and reads what surrounds each, into
    /// `runs`; false when an emphasis node's character cannot be read from the source.
    private static func locateRuns(_ pieces: [InlinePiece], block: CmarkNode, source: InlineSourceBytes, into runs: inout [LocatedRun]) -> Bool {
        runs.removeAll(keepingCapacity: true)
        var index = 0
        while index < pieces.count {
            guard let byte = character(of: pieces[index], block: block, source: source) else { return false }
            guard byte != 0 else { index += 1; continue }
            let first = index
            var length = 0, literal = 0
            repeat {
                switch pieces[index] {
                case .delimiters(_, let count, _, _): length += count; literal += count
                case .open(_, let strong), .close(_, let strong): length += strong ? 2 : 1
                case .text, .atom: break
                }
                index += 1
                guard index < pieces.count else { break }
                guard let next = character(of: pieces[index], block: block, source: source) else { return false }
                guard next == byte else { break }
            } while true
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
                return false
            }
            // Characters the author escaped (`\*\*`) are text, not a run.
            if first + 1 == index, case .delimiters = pieces[first], source.holdsEscapes(of: byte, count: length, line: line, column: column) { continue }
            let neighbours = neighbours(ofRunAt: line, column: column, length: length, character: byte, block: block, source: source)
            runs.append(LocatedRun(pieces: first..<index, character: byte, length: length, literal: literal, line: line, column: column, neighbours: neighbours))
        }
        return true
    }

    /// The delimiter character of `piece`, read from the source for emphasis; 0 for text and
    /// atoms, nil when the source does not hold a `*` or `_` where an emphasis node starts or ends.
    private static func character(of piece: InlinePiece, block: CmarkNode, source: InlineSourceBytes) -> UInt8? {
        let line: Int, reported: Int
        switch piece {
        case .delimiters(let byte, _, _, _): return byte
        case .open(let node, _): (line, reported) = (node.startLine, node.startColumn)
        case .close(let node, _): (line, reported) = (node.endLine, node.endColumn)
        case .text, .atom: return 0
        }
        guard let offset = source.offset(line: line, column: source.column(line: line, reported: reported, in: block)),
              source.bytes[offset] == UInt8(ascii: "*") || source.bytes[offset] == UInt8(ascii: "_") else { return nil }
        return source.bytes[offset]
    }

    /// The characters around the run, after checking the source holds exactly that run there.
    private static func neighbours(ofRunAt line: Int, column: Int, length: Int, character: UInt8, block: CmarkNode, source: InlineSourceBytes) -> DelimiterNeighbours? {
        guard line >= 1, line <= source.lineStarts.count, column >= 1 else { return nil }
        let lineStart = source.lineStarts[line - 1], lineEnd = source.lineEnd(line)
        let start = lineStart + column - 1, end = start + length
        guard start < lineEnd else { return nil }
        // The character before may be the same one escaped (`\**`): not part of the run.
        guard end <= lineEnd, source.bytes[start..<end].allSatisfy({ $0 == character }),
              start == lineStart || source.bytes[start - 1] != character
                || (start - 2 >= lineStart && source.bytes[start - 2] == UInt8(ascii: "\\")),
              end == lineEnd || source.bytes[end] != character else { return nil }
        let newline = UInt32(10)
        var previous = newline, beforePrevious = newline
        if start > lineStart, column != source.contentColumn(line: line, in: block) {
            let previousStart = source.start(before: start)
            previous = source.scalar(at: previousStart)
            // Only a variation selector needs the character before it.
            if EmphasisCharacters.isTextVariationSelector(previous), previousStart > lineStart {
                beforePrevious = source.scalar(at: source.start(before: previousStart))
            }
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

    /// Whether cmark's tree holds exactly `pairing`: each run's pieces are its closes, then
    /// what it left as text, then its opens, and its emphasis nodes are `pairing`'s matches.
    /// Then `events(pieces, runs: runs, pairing: pairing)` equals `currentEvents(pieces)`,
    /// known without building either. False may still be that (pieces in another order).
    private static func treePairs(_ pieces: [InlinePiece], runs: [LocatedRun], as pairing: EmphasisPairing) -> Bool {
        // Every emphasis piece lies in a run (only text and atoms have no character, and only a
        // lone piece of literal delimiters is left out), so a stack of the runs that opened
        // the emphasis around each piece pairs every close with its open.
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: pieces.count) { openers in
            var depth = 0, matched = 0
            for (index, run) in runs.enumerated() {
                guard pairing.leftover[index] == run.literal else { return false }
                // 0: closing, 1: its literal text, 2: opening.
                var stage = 0
                for piece in pieces[run.pieces] {
                    switch piece {
                    case .close(_, let strong):
                        guard stage == 0, depth > 0, matched < pairing.matches.count else { return false }
                        depth -= 1
                        guard pairing.matches[matched] == EmphasisPairing.Match(opener: openers[depth], closer: Int32(index), strong: strong) else { return false }
                        matched += 1
                    case .delimiters:
                        guard stage <= 1 else { return false }
                        stage = 1
                    case .open:
                        stage = 2
                        openers[depth] = Int32(index)
                        depth += 1
                    case .text, .atom:
                        return false
                    }
                }
            }
            return matched == pairing.matches.count
        }
    }

    /// The scope as `pairing` renders it: each run closes, keeps its leftover, then opens.
    private static func events(_ pieces: [InlinePiece], runs: [LocatedRun], pairing: EmphasisPairing) -> [InlineEvent] {
        var events: [InlineEvent] = []
        var index = 0, runIndex = 0
        while index < pieces.count {
            if runIndex < runs.count, runs[runIndex].pieces.lowerBound == index {
                let run = runs[runIndex]
                events += repeatElement(InlineEvent.close, count: pairing.closeCount(of: runIndex))
                appendText(repeatElement(run.character, count: pairing.leftover[runIndex]), to: &events)
                events += pairing.opens(of: runIndex).reversed().map { InlineEvent.open(strong: $0) }
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
