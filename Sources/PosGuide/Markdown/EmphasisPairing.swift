/// CommonMark's "process emphasis" step over the delimiter runs of one inline scope
/// (a paragraph's or heading's inlines, or one link's text), as libcmark 0.30 does it.
///
/// The runs come in document order; what lies between them does not matter to
/// the pairing. The result says, for each run, which emphasis it closed and opened.
struct EmphasisPairing: Equatable {
    /// For each run: whether each emphasis it closed was strong, innermost first.
    var closes: [[Bool]]
    /// For each run: whether each emphasis it opened was strong, innermost first.
    var opens: [[Bool]]
    /// For each run: the characters left over as literal text.
    var leftover: [Int]

    init(_ runs: [DelimiterRun]) {
        closes = Array(repeating: [], count: runs.count)
        opens = Array(repeating: [], count: runs.count)
        leftover = runs.map(\.length)
        var removed = Array(repeating: false, count: runs.count)
        // Where the search for an opener stops, per kind of closer (cmark's `openers_bottom`).
        var bottom = Array(repeating: 0, count: 9)
        var closer = 0
        while closer < runs.count {
            let run = runs[closer]
            guard !removed[closer], run.canClose else { closer += 1; continue }
            let kind = run.character == UInt8(ascii: "_") ? 2 : 3 + (run.canOpen ? 3 : 0) + run.length % 3
            var opener = closer - 1
            var found = false
            while opener >= bottom[kind] {
                let candidate = runs[opener]
                // The rule of three: a run that may both open and close pairs only when the lengths allow it.
                if !removed[opener], candidate.canOpen, candidate.character == run.character,
                   !(run.canOpen || candidate.canClose) || run.length % 3 == 0 || (candidate.length + run.length) % 3 != 0 {
                    found = true
                    break
                }
                opener -= 1
            }
            guard found else {
                bottom[kind] = closer
                if !run.canOpen { removed[closer] = true }
                closer += 1
                continue
            }
            let strong = leftover[closer] >= 2 && leftover[opener] >= 2
            let used = strong ? 2 : 1
            leftover[opener] -= used
            leftover[closer] -= used
            opens[opener].append(strong)
            closes[closer].append(strong)
            for between in (opener + 1)..<closer { removed[between] = true }
            if leftover[opener] == 0 { removed[opener] = true }
            if leftover[closer] == 0 {
                removed[closer] = true
                closer += 1
            }
        }
    }
}
