/// A run of `*` or `_` as CommonMark's emphasis pairing sees it: its character,
/// its length, and whether it may open or close emphasis.
struct DelimiterRun: Equatable {
    var character: UInt8
    var length: Int
    var canOpen: Bool
    var canClose: Bool
}

/// Which flanking rules decide whether a run may open or close.
enum EmphasisRules: Sendable {
    /// CommonMark 0.30, as libcmark applies them.
    case commonMark
    /// The CJK-friendly amendment: CJK characters and CJK punctuation next to a run
    /// count like letters, so `**找对机构。**投诉` pairs.
    case cjkFriendly
}

/// The characters around a delimiter run in the source (`\n` at either end of a line).
struct DelimiterNeighbours: Equatable {
    /// The character before the one before the run, for a variation selector's base.
    var beforePrevious: UInt32
    var previous: UInt32
    var next: UInt32

    /// (can open, can close) for a run of `character` between these neighbours.
    func flags(for character: UInt8, rules: EmphasisRules) -> (canOpen: Bool, canClose: Bool) {
        typealias C = EmphasisCharacters
        let previousIsSpace = C.isWhitespace(previous), nextIsSpace = C.isWhitespace(next)
        let nextIsPunctuation = C.isPunctuation(next)
        let left: Bool, right: Bool, previousIsPunctuation: Bool
        switch rules {
        case .commonMark:
            previousIsPunctuation = C.isPunctuation(previous)
            left = !nextIsSpace && (!nextIsPunctuation || previousIsSpace || previousIsPunctuation)
            right = !previousIsSpace && (!previousIsPunctuation || nextIsSpace || nextIsPunctuation)
        case .cjkFriendly:
            // A text variation selector belongs to the character before it.
            let hasSelector = C.isTextVariationSelector(previous)
            let base = hasSelector ? beforePrevious : previous
            previousIsPunctuation = C.isPunctuation(base)
            let previousIsCJK = C.isCJK(base)
            let previousIsCJKPunctuation = (previousIsPunctuation && previousIsCJK)
                || (previous == 0xFE01 && C.isFullWidthQuoteBeforeSelector(beforePrevious))
            let previousIsOtherPunctuation = previousIsPunctuation && !previousIsCJKPunctuation
            let nextIsCJK = C.isCJK(next)
            let nextIsOtherPunctuation = nextIsPunctuation && !nextIsCJK
            left = !nextIsSpace && (!nextIsOtherPunctuation || previousIsSpace || previousIsOtherPunctuation
                || previousIsCJK || C.isIdeographicVariationSelector(previous))
            right = !previousIsSpace && (!previousIsOtherPunctuation || nextIsSpace || nextIsOtherPunctuation || nextIsCJK)
        }
        guard character == UInt8(ascii: "_") else { return (left, right) }
        // `_` inside a word never emphasises: it opens only after punctuation, closes only before it.
        return (left && (!right || previousIsPunctuation), right && (!left || nextIsPunctuation))
    }
}
