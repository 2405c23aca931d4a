/// Pass 2 of `TemplateParser`: which spaces and line ends belong to a tag rather than to the output
/// (the Mustache spec's "standalone" rules), decided on the scanned pieces before the tree is built.
///
/// A tag "clears" on the left when only spaces stand between it and the start of its line, and on
/// the right when only spaces stand between it and the end of its line (or of the template).
/// - Section, inverted, comment, partial and delimiter tags, and blocks outside a parent, are
///   standalone when they clear on both sides: the line goes, and a partial keeps its spaces as
///   the indentation of every line it renders.
/// - Inside `{{<parent}}…{{/parent}}` everything but `{{$block}}` overrides is ignored, so only
///   the sides facing the output count: a parent whose `{{<parent}}` clears on the left and whose
///   `{{/parent}}` clears on the right is standalone (its spaces become the indentation of every
///   line, its line end goes), even on one line; an override's `{{$block}}` clearing on the right
///   takes its line end (the content starts on the next line), and its `{{/block}}` takes the
///   spaces before it.
/// - Block indentation: an override that starts on its own line loses the indentation of its first
///   line from every line (it is written where it is defined), and gains the indentation of the
///   block it replaces, which is the indentation of the line after a `{{$block}}` on its own
///   line, or the spaces before a `{{$block}}…{{/block}}` pair that clears on both outer sides.
extension TemplateParser {
    mutating func removeStandaloneWhitespace() {
        let lines = PieceLines(pieces)
        let pairs = matchPairs()
        removeIntrinsicIndentation(lines, pairs)

        var dropped = [Bool](repeating: false, count: pieces.count)
        for position in pieces.indices {
            guard case .tag(var tag) = pieces[position] else { continue }
            let left = clearsLeft(position, lines)
            let right = clearsRight(position, lines)
            var takesLeft = false
            var takesRight = false
            switch tag.kind {
            case .value:
                continue
            case .parent:
                takesLeft = left && pairs.close[position].map { clearsRight($0, lines) } == true
            case .block where pairs.overrides.contains(position):
                takesRight = right
            case .close where pairs.closesParent.contains(position):
                takesRight = right && pairs.open[position].map { clearsLeft($0, lines) } == true
            case .close where pairs.closesOverride.contains(position):
                takesLeft = left
            default:
                takesLeft = left && right
                takesRight = takesLeft
            }
            if tag.kind == .block && !pairs.overrides.contains(position) {
                if takesLeft {
                    tag.indentation = lines.leadingSpaces(ofLineAfter: position, in: pieces, bytes)
                } else if left, let close = pairs.close[position], clearsRight(close, lines) {
                    tag.indentation = lines.leadingSpaces(ofLineOf: position, in: pieces, bytes)
                }
            } else if takesLeft {
                tag.indentation = lines.leadingSpaces(ofLineOf: position, in: pieces, bytes)
            }
            if takesLeft {
                for before in lines.start(of: position)..<position { dropped[before] = true }
            }
            if takesRight {
                for after in position + 1..<lines.end(of: position) { dropped[after] = true }
            }
            pieces[position] = .tag(tag)
        }
        pieces = pieces.indices.filter { !dropped[$0] }.map { pieces[$0] }
    }

    /// Sections, parents and blocks matched with their `{{/name}}` (a mismatch is left for pass 3 to report).
    struct Pairs {
        /// The closing tag of each opening tag, and the other way round.
        var close: [Int: Int] = [:]
        var open: [Int: Int] = [:]
        /// `{{$block}}` tags directly inside a parent: overrides.
        var overrides: Set<Int> = []
        var closesOverride: Set<Int> = []
        var closesParent: Set<Int> = []
    }

    private func matchPairs() -> Pairs {
        var pairs = Pairs()
        var opened: [(position: Int, tag: Tag)] = []
        for position in pieces.indices {
            guard case .tag(let tag) = pieces[position] else { continue }
            switch tag.kind {
            case .section, .inverted, .parent:
                opened.append((position, tag))
            case .block:
                if opened.last?.tag.kind == .parent { pairs.overrides.insert(position) }
                opened.append((position, tag))
            case .close:
                guard let opening = opened.last, opening.tag.name == tag.name else { continue }
                opened.removeLast()
                pairs.close[opening.position] = position
                pairs.open[position] = opening.position
                if opening.tag.kind == .parent { pairs.closesParent.insert(position) }
                if pairs.overrides.contains(opening.position) { pairs.closesOverride.insert(position) }
            default:
                continue
            }
        }
        return pairs
    }

    /// Cuts from each line of an override that starts on its own line the indentation of its first
    /// line (outer overrides first, so nested ones measure what is left).
    private mutating func removeIntrinsicIndentation(_ lines: PieceLines, _ pairs: Pairs) {
        for open in pairs.overrides.sorted() {
            guard let close = pairs.close[open], clearsRight(open, lines) else { continue }
            let first = lines.line[open] + 1
            let last = lines.line[close]
            guard first <= last else { continue }
            let indentation = Array(lines.leadingSpaces(ofLine: first, in: pieces, bytes).utf8)
            guard !indentation.isEmpty else { continue }
            for line in first...last {
                guard case .text(let range) = pieces[lines.starts[line]] else { continue }
                var cut = 0
                while cut < indentation.count, range.lowerBound + cut < range.upperBound,
                      bytes[range.lowerBound + cut] == indentation[cut] { cut += 1 }
                pieces[lines.starts[line]] = .text(range.lowerBound + cut..<range.upperBound)
            }
        }
    }

    private func clearsLeft(_ position: Int, _ lines: PieceLines) -> Bool {
        (lines.start(of: position)..<position).allSatisfy { isSpaces(pieces[$0]) }
    }

    private func clearsRight(_ position: Int, _ lines: PieceLines) -> Bool {
        (position + 1..<lines.end(of: position)).allSatisfy { after in
            if case .lineEnd = pieces[after] { return true }
            return isSpaces(pieces[after])
        }
    }

    private func isSpaces(_ piece: Piece) -> Bool {
        guard case .text(let range) = piece else { return false }
        return bytes[range].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }
}

/// The lines of a template's pieces: each ends after its `.lineEnd` (the last one at the end).
struct PieceLines {
    /// The first piece of each line.
    let starts: [Int]
    /// The line of each piece.
    let line: [Int]
    private let count: Int

    init(_ pieces: [TemplateParser.Piece]) {
        var starts = [0]
        var line: [Int] = []
        line.reserveCapacity(pieces.count)
        for (position, piece) in pieces.enumerated() {
            line.append(starts.count - 1)
            if case .lineEnd = piece { starts.append(position + 1) }
        }
        self.starts = starts
        self.line = line
        count = pieces.count
    }

    func start(of position: Int) -> Int { starts[line[position]] }

    /// One past the last piece of the line of `position` (its line end included).
    func end(of position: Int) -> Int {
        let next = line[position] + 1
        return next < starts.count ? starts[next] : count
    }

    /// The spaces a line starts with.
    func leadingSpaces(ofLine number: Int, in pieces: [TemplateParser.Piece], _ bytes: [UInt8]) -> String {
        guard number < starts.count, starts[number] < count, case .text(let range) = pieces[starts[number]] else { return "" }
        let spaces = bytes[range].prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        return String(decoding: spaces, as: UTF8.self)
    }

    func leadingSpaces(ofLineOf position: Int, in pieces: [TemplateParser.Piece], _ bytes: [UInt8]) -> String {
        leadingSpaces(ofLine: line[position], in: pieces, bytes)
    }

    func leadingSpaces(ofLineAfter position: Int, in pieces: [TemplateParser.Piece], _ bytes: [UInt8]) -> String {
        leadingSpaces(ofLine: line[position] + 1, in: pieces, bytes)
    }
}
