import ReportTemplates

/// The rows the text reads more than one way, settled together by the column identities.
///
/// A table that leaves its zeros blank, read by an extractor that drops the blank cells (raw `pdftotext`, pypdf,
/// PDFium), gives each row its non-zero values in order and no column for them: each such row was placed by a guess.
/// A row whose digits ran together (`23501011`) or whose numbers were split into two cells (`3  9` for 39) may cut or
/// join more than one way. One row's sum holds whichever way; the column identities (`（七）总计` = the items, `一 +
/// 二 = （七） + 四`) tie the rows together, so the rows are settled all at once: every reading of each row (every
/// placement of a guessed row's parts, in their order, total last; every cut or join that holds), searched for the
/// combinations under which every identity the rows touch holds.
extension IdentityRepair.State {
    /// How many (row, residuals) states the joint placements of one report may solve before they give up (a 表三
    /// of 20 guessed rows of two or three values each is billions of combinations; the column sums and the shared
    /// states cut them to thousands, rarely a hundred thousand).
    static let jointSearchBudget = 150_000

    /// The guessed rows (sum holding, not yet moved) and the rows read more than one way (`alternatives`), settled
    /// so that every identity they touch holds: the one such combination (confidence 0.6), or, when several hold,
    /// the one whose values stand in the columns reports fill most often (`ColumnTemplate.rarity`: 自然人, then
    /// 商业企业, …), the cells the combinations disagree on marked uncertain (0.3). Nil with no combination or the
    /// search over `budget` states; the one-row-a-round `guessedPlacement` is then tried. Also says how many states
    /// the search solved.
    func jointPlacement(_ failing: [Int], budget: Int) -> (move: IdentityRepair.Move?, states: Int) {
        var rows = jointRows()
        guard rows.count >= 2 || (rows.count == 1 && failing.contains(where: { !layout.rowIdentities.contains($0) })) else { return (nil, 0) }
        // The identities the rows touch, other than the rows' own sums (every placement keeps those), and each
        // one's residual with the rows' cells taken out.
        var touched: [Int] = []
        for row in rows {
            for cell in row.cells {
                for (n, _) in layout.memberships[cell] where !layout.rowIdentities.contains(n) && !touched.contains(n) { touched.append(n) }
            }
        }
        guard !touched.isEmpty, touched.allSatisfy({ residuals[$0] != nil }) else { return (nil, 0) }
        let slot = Dictionary(uniqueKeysWithValues: touched.enumerated().map { ($1, $0) })
        var base = touched.map { residuals[$0]! }
        rows = placingOrder(rows, touched: touched, slot: slot).map { rows[$0] }
        // Per row, per option: its contribution to each touched identity.
        var contributions: [[[Double]]] = []
        for row in rows {
            var perOption: [[Double]] = []
            for option in row.options {
                var c = [Double](repeating: 0, count: touched.count)
                for (cell, value) in zip(row.cells, option) {
                    for (n, sign) in layout.memberships[cell] { if let s = slot[n] { c[s] += sign * value } }
                }
                perOption.append(c)
            }
            contributions.append(perOption)
            // Take the row's current contribution (option 0) out of the base.
            for s in touched.indices { base[s] -= perOption[0][s] }
        }
        // Residuals are searched as whole numbers (cells to 4 places).
        let numbers = ([base] + contributions.flatMap { $0 }).joined()
        let scale = numbers.allSatisfy { $0 == $0.rounded() } ? 1.0 : 10_000
        guard numbers.allSatisfy({ abs($0 * scale) < 1e15 }) else { return (nil, 0) }
        // The cost of a placement: how seldom its columns hold a count (`Layout.placementCost`).
        let costs = rows.map { row in
            row.options.map { option in zip(row.cells, option).reduce(0) { $0 + ($1.1 != 0 ? layout.placementCost[$1.0] : 0) } }
        }
        var search = JointSearch(
            start: base.map { Int64(($0 * scale).rounded()) },
            steps: contributions.map { $0.map { $0.map { Int64(($0 * scale).rounded()) } } }, costs: costs, budget: budget)
        guard let total = search.solve(), total.count > 0 else { return (nil, search.visited) }
        let visited = search.visited
        // The cheapest combination, row by row (the current placement first among equals); and every placement of
        // each row that some combination uses.
        let best = search.cheapest()
        let usable = search.usableOptions()
        guard best.contains(where: { $0 != 0 }) else { return (nil, visited) }
        var changes: [(index: Int, value: Double)] = []
        var uncertain: Set<Int> = []
        for (r, row) in rows.enumerated() {
            let option = row.options[best[r]]
            for (at, cell) in row.cells.enumerated() {
                let isUncertain = usable[r].contains { !Identity.agree(row.options[$0][at], option[at]) }
                // A cell the identities leave open is flagged even where the guess already had its value.
                guard values[cell] != option[at] || isUncertain else { continue }
                changes.append((cell, option[at]))
                if isUncertain { uncertain.insert(cell) }
            }
        }
        guard changes.contains(where: { values[$0.index] != $0.value }) else { return (nil, visited) }
        let reason = total.count == 1
            ? "rows read more than one way (placed by a guess, digits cut or joined) read the only way every column identity holds"
            : "rows read more than one way (placed by a guess, digits cut or joined) read a way every column identity holds (one of \(total.count))"
        let move = IdentityRepair.Move(
            changes: changes, reason: reason, confidence: 0.6, isPlacement: true, movesGuessedRow: true, uncertain: uncertain)
        return (move, visited)
    }

    /// The rows the joint placement weighs, each with its cells and its options (its current values first): every
    /// guessed row whose sum holds with each placement of its parts, and each row read as several value lists
    /// alike (digits cut or joined more than one way) that still stands as first read.
    func jointRows() -> [(cells: [Int], options: [[Double]])] {
        var rows: [(cells: [Int], options: [[Double]])] = []
        for row in layout.rows where !fails(row.identity) && row.cells.contains(where: { guessed[$0] }) {
            let current = row.cells.map { values[$0] ?? 0 }
            var options = [current]
            for changes in rePlacements(of: row.identity) {
                var placed = current
                for change in changes {
                    if let at = row.cells.firstIndex(of: change.index) { placed[at] = change.value }
                }
                options.append(placed)
            }
            if options.count > 1 { rows.append((row.cells, options)) }
        }
        // Rows read as several value lists alike (digits cut or joined more than one way), still as first read.
        for alternative in alternatives where !rows.contains(where: { $0.cells == alternative.cells }) {
            let current = alternative.cells.map { values[$0] ?? 0 }
            guard alternative.options.contains(where: { $0 == current }) else { continue }
            rows.append((alternative.cells, [current] + alternative.options.filter { $0 != current }))
        }
        return rows
    }

    /// The order the rows are placed in (indices into `rows`): each time the row whose identities have the fewest
    /// other rows still open (an identity whose rows are all placed must hold, which cuts the search there), the
    /// larger values first among equals. `slot`: each touched identity's position in the residuals.
    func placingOrder(_ rows: [(cells: [Int], options: [[Double]])], touched: [Int], slot: [Int: Int]) -> [Int] {
        var open = touched.map { n in rows.indices.filter { r in rows[r].cells.contains { cell in layout.memberships[cell].contains { $0.identity == n } } }.count }
        let identitiesOf = rows.map { row in Set(row.cells.flatMap { cell in layout.memberships[cell].compactMap { slot[$0.identity] } }) }
        var remaining = Array(rows.indices)
        var order: [Int] = []
        while !remaining.isEmpty {
            let next = remaining.min { a, b in
                let (sa, sb) = (identitiesOf[a].reduce(0) { $0 + open[$1] - 1 }, identitiesOf[b].reduce(0) { $0 + open[$1] - 1 })
                return sa != sb ? sa < sb : (rows[a].options[0].max() ?? 0) > (rows[b].options[0].max() ?? 0)
            }!
            order.append(next)
            remaining.removeAll { $0 == next }
            for s in identitiesOf[next] { open[s] -= 1 }
        }
        return order
    }
}
