/// The search behind the joint placement (`IdentityRepair.State.jointPlacement`): rows taken in order, one option
/// each, every option moving each identity's residual by a fixed step; a combination is complete when every
/// residual ends at 0.
///
/// Two walks that reach a row with the same residuals go on alike, so each (row, residuals) state is solved once
/// (memoised): how many completions it has and the cheapest. The least and most each residual can still move from a
/// row on cut a walk short as soon as no option of the rows left can bring it back to 0. Residuals are whole
/// numbers (the caller scales cells kept to four places).
///
/// ```swift
/// var search = JointSearch(start: [-5], steps: [[[2], [3]], [[2], [3]]], costs: [[0, 1], [0, 1]], budget: 100)
/// search.solve()?.count   // 2: (2, 3) and (3, 2)
/// search.cheapest()       // [0, 1]: the first row's cheaper option where both complete
/// ```
struct JointSearch {
    let start: [Int64]
    /// Per row, per option: the step it adds to each residual.
    let steps: [[[Int64]]]
    /// Per row, per option: its cost (the cheapest completion is the one taken).
    let costs: [[Int]]
    let budget: Int
    /// How many states the search solved.
    private(set) var visited = 0
    private var overBudget = false
    private var memo: [[[Int64]: (count: Int, cost: Int)]]
    private var lowest: [[Int64]]
    private var highest: [[Int64]]

    init(start: [Int64], steps: [[[Int64]]], costs: [[Int]], budget: Int) {
        self.start = start
        self.steps = steps
        self.costs = costs
        self.budget = budget
        memo = .init(repeating: [:], count: steps.count + 1)
        let width = start.count
        lowest = .init(repeating: .init(repeating: 0, count: width), count: steps.count + 1)
        highest = lowest
        for d in stride(from: steps.count - 1, through: 0, by: -1) {
            for s in 0..<width {
                lowest[d][s] = lowest[d + 1][s] + steps[d].map { $0[s] }.min()!
                highest[d][s] = highest[d + 1][s] + steps[d].map { $0[s] }.max()!
            }
        }
    }

    /// How many combinations complete (capped at 2^40) and the cheapest's cost; nil over the budget.
    mutating func solve() -> (count: Int, cost: Int)? {
        let total = completions(0, start)
        return overBudget ? nil : total
    }

    private mutating func completions(_ d: Int, _ residual: [Int64]) -> (count: Int, cost: Int) {
        if let known = memo[d][residual] { return known }
        visited += 1
        if visited > budget { overBudget = true }
        var result = (count: 0, cost: Int.max)
        if overBudget {
            return result
        } else if d == steps.count {
            if residual.allSatisfy({ $0 == 0 }) { result = (1, 0) }
        } else if residual.indices.allSatisfy({ residual[$0] + lowest[d][$0] <= 0 && residual[$0] + highest[d][$0] >= 0 }) {
            for (o, step) in steps[d].enumerated() {
                let next = completions(d + 1, zip(residual, step).map { $0 + $1 })
                guard next.count > 0 else { continue }
                result.count = min(result.count + next.count, 1 << 40)
                result.cost = min(result.cost, next.cost + costs[d][o])
            }
        }
        memo[d][residual] = result
        return result
    }

    /// After a `solve()` that found completions: the cheapest combination, an option per row (the first among
    /// equals, so an unchanged row keeps option 0).
    func cheapest() -> [Int] {
        var best: [Int] = []
        var residual = start
        for d in steps.indices {
            let choice = steps[d].indices.first { o in
                let next = zip(residual, steps[d][o]).map { $0 + $1 }
                guard let known = memo[d + 1][next], known.count > 0 else { return false }
                return known.cost + costs[d][o] == memo[d][residual]!.cost
            }!
            best.append(choice)
            residual = zip(residual, steps[d][choice]).map { $0 + $1 }
        }
        return best
    }

    /// After a `solve()` that found completions: per row, every option some complete combination takes.
    func usableOptions() -> [Set<Int>] {
        var usable = [Set<Int>](repeating: [], count: steps.count)
        var frontier: Set<[Int64]> = [start]
        for d in steps.indices {
            var next: Set<[Int64]> = []
            for state in frontier {
                for (o, step) in steps[d].enumerated() {
                    let child = zip(state, step).map { $0 + $1 }
                    guard let known = memo[d + 1][child], known.count > 0 else { continue }
                    usable[d].insert(o)
                    next.insert(child)
                }
            }
            frontier = next
        }
        return usable
    }
}
