import Testing

@testable import TableAlignment

/// The joint placement's search on small hand-checked cases: residuals, steps and costs a person can add up.
@Suite struct JointSearchTests {
    /// Two rows of options 2 or 3 against a residual of −5: (2, 3) and (3, 2) complete, at the same cost; the first
    /// among equals is taken, and both options of each row are usable.
    @Test func twoCompletionsOfEqualCost() throws {
        var search = JointSearch(start: [-5], steps: [[[2], [3]], [[2], [3]]], costs: [[0, 1], [0, 1]], budget: 100)
        let solved = search.solve()
        let total = try #require(solved)
        #expect(total.count == 2 && total.cost == 1)
        #expect(search.cheapest() == [0, 1])
        #expect(search.usableOptions() == [[0, 1], [0, 1]])
    }

    /// Two identities: only the second row's second option brings both to 0, whatever it costs; the first row's
    /// options differ only in cost, so the cheaper is taken and both are usable.
    @Test func twoIdentitiesLeaveOneOptionOfARow() throws {
        var search = JointSearch(
            start: [-4, -1], steps: [[[1, 0], [1, 0]], [[3, 0], [3, 1], [2, 1]]], costs: [[5, 2], [0, 9, 0]], budget: 100)
        let solved = search.solve()
        let total = try #require(solved)
        #expect(total.count == 2 && total.cost == 11)
        #expect(search.cheapest() == [1, 1])
        #expect(search.usableOptions() == [[0, 1], [1]])
    }

    /// No combination: nothing completes; over the budget: no answer at all.
    @Test func noCompletionAndOverBudget() {
        var none = JointSearch(start: [-100], steps: [[[1], [2]], [[1], [2]]], costs: [[0, 0], [0, 0]], budget: 100)
        let nothing = none.solve()
        #expect(nothing?.count == 0)
        let steps = Array(repeating: [[Int64(1)], [2], [3]], count: 12)
        var tight = JointSearch(start: [-18], steps: steps, costs: Array(repeating: [0, 0, 0], count: 12), budget: 5)
        let overBudget = tight.solve()
        #expect(overBudget == nil)
        #expect(tight.visited > 5)
    }
}
