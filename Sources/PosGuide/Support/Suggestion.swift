/// "Did you mean" hints: the known name closest to a mistyped one.
enum Suggestion {
    /// The candidate fewest edits away from `name`, or nil when none is near enough to be
    /// the likely intent (at most a third of the name's length, and never fewer than 2 edits).
    static func nearest(to name: String, among candidates: [String]) -> String? {
        let scored = candidates.map { ($0, EditDistance.between(name, $0)) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, name.count / 3) else { return nil }
        return best.0
    }
}
