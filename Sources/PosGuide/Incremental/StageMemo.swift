/// One stage's results from the last build, each with the input it was made from: the one place
/// a rebuild decides, item by item, whether to reuse a result or make it again.
///
/// An item's result is reused when its input equals the last build's (by `Hashable`, so the key is
/// the input itself, never a hand-written hash) and so do the stage's site-wide inputs (`site`,
/// one of the `SiteInputs`). A memo that does not keep (a full build) makes every result and holds none.
final class StageMemo<Input: Hashable, Result> {
    private let keeps: Bool
    private var site: AnyHashable?
    private var inputs: [Input] = []
    private var results: [Result] = []

    init(keeps: Bool) {
        self.keeps = keeps
    }

    /// The results for `inputs`, in order. `make` gets the positions of the inputs with no result to
    /// reuse and returns their results, in that order.
    func results(for inputs: [Input], site: AnyHashable, make: ([Int]) -> [Result]) -> [Result] {
        guard keeps else { return make(Array(inputs.indices)) }
        let lastInputs = self.inputs
        var results = self.results
        // Let go here, so that `results` is the only reference and changes in place.
        self.inputs = []
        self.results = []
        if site == self.site, inputs.count == lastInputs.count {
            // The same items in the same order as last time (an edit of a page's body): compared by
            // position, with no lookups, which showed in profiles of a 10,000-page rebuild.
            let missing = inputs.indices.filter { inputs[$0] != lastInputs[$0] }
            for (index, result) in zip(missing, make(missing)) { results[index] = result }
        } else {
            var found: [Result?]
            if site == self.site {
                var last: [Input: Result] = [:]
                last.reserveCapacity(lastInputs.count)
                for (input, result) in zip(lastInputs, results) { last[input] = result }
                found = inputs.map { last[$0] }
            } else {
                found = Array(repeating: nil, count: inputs.count)
            }
            let missing = found.indices.filter { found[$0] == nil }
            for (index, result) in zip(missing, make(missing)) { found[index] = result }
            results = found.map { $0! }
        }
        self.site = site
        self.inputs = inputs
        self.results = results
        return results
    }

    /// The result for one input (a file made from a whole list, like the sitemap).
    func result(for input: Input, site: AnyHashable, make: () -> Result) -> Result {
        results(for: [input], site: site) { _ in [make()] }[0]
    }
}

/// An object as a memo's input: the same object again is the same input. For objects never
/// changed once made (a page as read, a page as rendered), so that a new version is a new object.
/// The memo holds the object, so its identity cannot be reused by another while compared.
struct Identical<Object: AnyObject>: Hashable {
    let object: Object

    init(_ object: Object) {
        self.object = object
    }

    static func == (a: Self, b: Self) -> Bool { a.object === b.object }

    func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(object))
    }
}
