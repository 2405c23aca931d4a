/// CommonMark's "process emphasis" step over the delimiter runs of one inline scope
/// (a paragraph's or heading's inlines, or one link's text), as libcmark 0.30 does it.
///
/// The runs come in document order; what lies between them does not matter to
/// the pairing. The result says which emphasis each run closed and opened, and what is left.
struct EmphasisPairing: Equatable {
    /// One emphasis: the runs that opened and closed it (indices into the runs) and whether it is strong.
    struct Match: Equatable {
        var opener: Int32
        var closer: Int32
        var strong: Bool
    }

    /// Every emphasis formed, in the order cmark forms them: by closing run, and within one
    /// closing run innermost first. Two pairings with equal matches close and open the same
    /// emphasis at every run, in the same order.
    var matches: [Match] = []
    /// For each run: the characters left over as literal text.
    var leftover: [Int]

    init<Runs: RandomAccessCollection<DelimiterRun>>(_ runs: Runs) where Runs.Index == Int {
        leftover = runs.map(\.length)
        // Most scopes form one or two emphasis: room for a few without regrowing.
        matches.reserveCapacity(4)
        let count = runs.count
        // Scratch on the stack: this runs for every scope with a run next to CJK text.
        withUnsafeTemporaryAllocation(of: Bool.self, capacity: count) { removed in
            removed.initialize(repeating: false)
            withUnsafeTemporaryAllocation(of: Int.self, capacity: 9) { bottom in
                // Where the search for an opener stops, per kind of closer (cmark's `openers_bottom`).
                bottom.initialize(repeating: 0)
                pair(runs, removed: removed, bottom: bottom)
            }
        }
    }

    private mutating func pair<Runs: RandomAccessCollection<DelimiterRun>>(_ runs: Runs, removed: UnsafeMutableBufferPointer<Bool>, bottom: UnsafeMutableBufferPointer<Int>) where Runs.Index == Int {
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
            matches.append(Match(opener: Int32(opener), closer: Int32(closer), strong: strong))
            for between in (opener + 1)..<closer { removed[between] = true }
            if leftover[opener] == 0 { removed[opener] = true }
            if leftover[closer] == 0 {
                removed[closer] = true
                closer += 1
            }
        }
    }

    /// How many emphasis run `run` closed.
    func closeCount(of run: Int) -> Int {
        matches.reduce(0) { $0 + ($1.closer == run ? 1 : 0) }
    }

    /// Whether each emphasis run `run` opened is strong, innermost first.
    func opens(of run: Int) -> [Bool] {
        matches.filter { $0.opener == run }.map(\.strong)
    }
}
