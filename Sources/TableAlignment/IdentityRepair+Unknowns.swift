import ReportModel
import ReportTemplates

/// The moves for what the text left unknown: a glyph OCR read where a number stood, a row whose values had no
/// position to go by, and a row lost whole.
extension IdentityRepair.State {
    /// A cell OCR read as a glyph in a value's place (`汪  0  0  0  过  1  11`), worked out from its row's sum when it
    /// is the only such cell of a failing row: the value that makes the row hold, a whole number of 0 or more, taken
    /// when it breaks no identity that held and moves none away from holding (confidence 0.6 when its column then
    /// holds too, else 0.5). A row with two such cells says only their sum, and is left alone.
    ///
    /// Measured and refused (fifth session): the same for a cell the text has nothing for in a table that prints its
    /// zeros, taken only where its column agrees too — it fired four times over the four OCR readings of the corpus,
    /// two of them wrong.
    func unreadableCell(_ failing: [Int]) -> IdentityRepair.Move? {
        var found: [IdentityRepair.Move] = []
        for row in layout.rows where fails(row.identity) {
            let unknown = row.cells.filter { unreadable[$0] }
            guard unknown.count == 1, let index = unknown.first, let residual = residuals[row.identity],
                let sign = layout.memberships[index].first(where: { $0.identity == row.identity })?.sign
            else { continue }
            let old = values[index] ?? 0
            let value = old - residual / sign
            guard value >= 0, value == value.rounded(), value < TableAligner.largestCellValue,
                let (fixed, _) = effect(of: value - old, at: index), fixed >= 1
            else { continue }
            found.append(IdentityRepair.Move(
                changes: [(index, value)], reason: "unreadable cell worked out from its row's sum" + (fixed >= 2 ? " (its column agrees)" : ""),
                confidence: fixed >= 2 ? 0.6 : 0.5))
        }
        // The surest first: a fill its column confirms.
        return found.max { $0.confidence < $1.confidence }
    }

    /// A row whose values were placed by a guess (no position to go by: the parts from the first column), its own
    /// sum holding, moved to the columns that bring the column identities closest to holding: the largest drop of
    /// their summed misses, breaking none that held (confidence 0.5; the values stay read). One row a round, so
    /// that each move sees the others'.
    func guessedPlacement(_ failing: [Int]) -> IdentityRepair.Move? {
        var best: (move: IdentityRepair.Move, drop: Double)? = nil
        for row in layout.rows where !fails(row.identity) && row.cells.contains(where: { guessed[$0] }) {
            for changes in rePlacements(of: row.identity) {
                guard let drop = missDrop(of: changes), drop > 0.5 else { continue }
                if best == nil || drop > best!.drop {
                    best = (IdentityRepair.Move(changes: changes, reason: "values placed by a guess moved to the columns whose sums they fit",
                                                confidence: 0.5, isPlacement: true, movesGuessedRow: true), drop)
                }
            }
        }
        return best?.move
    }

    /// How much `changes` lower the summed misses of the identities they touch; nil when one that held breaks.
    func missDrop(of changes: [(index: Int, value: Double)]) -> Double? {
        var drop = 0.0
        for (n, d) in residualChanges(of: changes) where !Identity.agree(d, 0) {
            guard let before = residuals[n] else { continue }
            if Identity.agree(before, 0) { return nil }
            drop += abs(before) - abs(before + d)
        }
        return drop
    }

    /// A row with nothing read, filled from its column identities when its own sum then holds.
    func lostRow(_ failing: [Int]) -> IdentityRepair.Move? {
        var found: [IdentityRepair.Move] = []
        for row in layout.rows where row.cells.allSatisfy({ !read[$0] && (values[$0] ?? 0) == 0 }) {
            var changes: [(index: Int, value: Double)] = []
            for index in row.cells {
                // The first failing identity holding this cell and no other cell of the row says its value;
                // its other cells must all stand in the text (a second lost row would pour into this one).
                guard let (n, sign) = layout.memberships[index].first(where: { m in
                    m.identity != row.identity && fails(m.identity)
                        && !row.cells.contains { $0 != index && layout.memberships[$0].contains { $0.identity == m.identity } }
                }), let residual = residuals[n] else {
                    changes.append((index, 0))
                    continue
                }
                let others = identities[n].leftIndices + identities[n].rightIndices
                guard others.allSatisfy({ $0 == index || seen[$0] }) else {
                    changes.removeAll()
                    break
                }
                changes.append((index, -sign * residual))
            }
            guard changes.count == row.cells.count, changes.allSatisfy({ plausible($0.index, $0.value, blank: true) }), changes.contains(where: { $0.value != 0 })
            else { continue }
            // The filled row's own sum is the check no column gave.
            let signs = Dictionary(uniqueKeysWithValues: row.cells.map { index in
                (index, layout.memberships[index].first { $0.identity == row.identity }?.sign ?? 0)
            })
            let sum = changes.reduce(0.0) { $0 + (signs[$1.index] ?? 0) * $1.value }
            guard Identity.agree(sum, 0) else { continue }
            // The row sum of values solved from the columns holds whenever the other rows do, so it proves
            // nothing alone: the fill must leave every identity holding (no other cell in doubt).
            var after = self
            for change in changes { after.set(change.index, change.value) }
            guard !after.residuals.indices.contains(where: after.fails) else { continue }
            found.append(IdentityRepair.Move(changes: changes.filter { $0.value != 0 },
                              reason: "row lost in the text: its values from the column sums, its own sum holds",
                              confidence: 0.5))
        }
        // Two rows lost in the same columns fill either one with both: only one lost row is proven.
        return found.count == 1 ? found[0] : nil
    }
}

extension IdentityRepair {
    /// The cells of rows whose values had no position to go by.
    static func guessedCells(_ cells: [AlignedCell]) -> Set<CellKey> {
        Set(cells.filter(\.isGuessed).map(\.cell.key))
    }
}
