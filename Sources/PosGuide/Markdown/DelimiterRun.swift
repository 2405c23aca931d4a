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
    /// The character before the one before the run, for a variation selector's base
    /// (`\n` when `previous` is no text variation selector: nothing reads it then).
    var beforePrevious: UInt32
    var previous: UInt32
    var next: UInt32

    /// (can open, can close) for a run of `character` between these neighbours.
    func flags(for character: UInt8, rules: EmphasisRules) -> (canOpen: Bool, canClose: Bool) {
        let both = flags(for: character)
        switch rules {
        case .commonMark: return both.commonMark
        case .cjkFriendly: return both.cjkFriendly
        }
    }

    /// (can open, can close) under both rules, the neighbours classified once: the pass asks
    /// for both for every run it finds.
    func flags(for character: UInt8) -> (commonMark: (canOpen: Bool, canClose: Bool), cjkFriendly: (canOpen: Bool, canClose: Bool)) {
        typealias C = EmphasisCharacters
        let previousIsSpace = C.isWhitespace(previous), nextIsSpace = C.isWhitespace(next)
        let nextIsPunctuation = C.isPunctuation(next), previousIsPunctuation = C.isPunctuation(previous)
        // CommonMark 0.30.
        let left = !nextIsSpace && (!nextIsPunctuation || previousIsSpace || previousIsPunctuation)
        let right = !previousIsSpace && (!previousIsPunctuation || nextIsSpace || nextIsPunctuation)
        // The amendment. A text variation selector belongs to the character before it.
        let hasSelector = C.isTextVariationSelector(previous)
        let base = hasSelector ? beforePrevious : previous
        let baseIsPunctuation = hasSelector ? C.isPunctuation(base) : previousIsPunctuation
        let previousIsCJK = C.isCJK(base)
        let previousIsCJKPunctuation = (baseIsPunctuation && previousIsCJK)
            || (previous == 0xFE01 && C.isFullWidthQuoteBeforeSelector(beforePrevious))
        let previousIsOtherPunctuation = baseIsPunctuation && !previousIsCJKPunctuation
        let nextIsCJK = C.isCJK(next)
        let nextIsOtherPunctuation = nextIsPunctuation && !nextIsCJK
        let amendedLeft = !nextIsSpace && (!nextIsOtherPunctuation || previousIsSpace || previousIsOtherPunctuation
            || previousIsCJK || C.isIdeographicVariationSelector(previous))
        let amendedRight = !previousIsSpace && (!previousIsOtherPunctuation || nextIsSpace || nextIsOtherPunctuation || nextIsCJK)
        guard character == UInt8(ascii: "_") else { return ((left, right), (amendedLeft, amendedRight)) }
        // `_` inside a word never emphasises: it opens only after punctuation, closes only before it.
        return ((left && (!right || previousIsPunctuation), right && (!left || nextIsPunctuation)),
                (amendedLeft && (!amendedRight || baseIsPunctuation), amendedRight && (!amendedLeft || nextIsPunctuation)))
    }
}
