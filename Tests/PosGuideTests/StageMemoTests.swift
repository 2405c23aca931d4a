import Testing
@testable import PosGuide

/// The one place a rebuild decides whether to reuse a stage's result.
@Suite struct StageMemoTests {
    /// Runs `inputs` through `memo`, returning the results and the inputs that were made anew.
    func run(_ memo: StageMemo<String, String>, _ inputs: [String], site: Int = 0) -> (results: [String], made: [String]) {
        var made: [String] = []
        let results = memo.results(for: inputs, site: site) { missing in
            made = missing.map { inputs[$0] }
            return made.map { $0.uppercased() }
        }
        return (results, made)
    }

    @Test func onlyNewInputsAreMadeWhetherTheItemsKeepTheirPlacesOrNot() {
        let memo = StageMemo<String, String>(keeps: true)
        #expect(run(memo, ["a", "b", "c"]) == (["A", "B", "C"], ["a", "b", "c"]))
        // Same count: compared by position.
        #expect(run(memo, ["a", "x", "c"]) == (["A", "X", "C"], ["x"]))
        // One more, and moved: looked up by input.
        #expect(run(memo, ["c", "y", "a", "x"]) == (["C", "Y", "A", "X"], ["y"]))
        // What the last build did not have is not reused: "b" was dropped one build ago.
        #expect(run(memo, ["b", "c"]).made == ["b"])
    }

    @Test func aChangedSiteWideInputMakesEverythingAgain() {
        let memo = StageMemo<String, String>(keeps: true)
        _ = run(memo, ["a", "b"], site: 1)
        #expect(run(memo, ["a", "b"], site: 2).made == ["a", "b"])
        #expect(run(memo, ["a", "b"], site: 2).made == [])
    }

    @Test func aMemoThatDoesNotKeepMakesEveryResultEveryTime() {
        let memo = StageMemo<String, String>(keeps: false)
        _ = run(memo, ["a", "b"])
        #expect(run(memo, ["a", "b"]).made == ["a", "b"])
    }

    @Test func anObjectIsTheSameInputOnlyAsTheSameObject() {
        final class Box {
            let value: Int
            init(_ value: Int) { self.value = value }
        }
        let box = Box(1)
        #expect(Identical(box) == Identical(box))
        #expect(Identical(box) != Identical(Box(1)))
    }
}
