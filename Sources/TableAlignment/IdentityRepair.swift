import FuzzyMatching
import ReportModel
import ReportTemplates

/// Digits a reading lost, gained or changed, and rows it lost whole, put back where the identities (勾稽关系)
/// prove them.
///
/// OCR drops a digit (`17` read `1`), adds one (`15` read `515`), takes a ruling line for a `9`, or loses a row's
/// numbers altogether. Every 表三 cell sits in two identities — its row's sum and its column's (`（七）总计` = the
/// six groups, or `一 + 二 = （七） + 四`) — so one wrong cell makes both fail by the same amount, and the cell where
/// they cross is found. The moves, each tried only on cells of failing identities:
///
/// - **digit**: a read value one digit away (`1` ↔ `17`, `515` ↔ `15`, `9` ↔ `0`) from the value that makes two
///   identities hold (row and column agree: confidence 0.7); or a digit lost, added or typically confused (`1` ↔
///   `11`, `9` for `0`; not `3` ↔ `9`) where that makes its row hold, moves its column towards holding, and no other
///   cell of the row could (0.5); or, when a row lost two digits, the only cell of a column one digit away from
///   the value that makes that column hold, bringing its row closer (0.5).
///   A blank is never filled this way: two sums of small counts agree by chance too often.
/// - **placement**: a row whose sum holds but had a cell not read (a blank dropped, a first value inferred): its
///   values, in their order, moved to the columns where two or more failing column identities come to hold (0.6;
///   the cells stay read).
/// - **unreadable cell** (`IdentityRepair+Unknowns`): a glyph OCR read in a value's place, the only one of its failing
///   row, worked out from the row's sum (0.6 when its column agrees, else 0.5).
/// - **joint placement** (`IdentityRepair+Joint`): the rows read more than one way (placed by a guess, digits cut or
///   joined more than one way) settled together where every column identity holds (0.6; cells the identities leave
///   open 0.3).
/// - **guessed placement** (`IdentityRepair+Unknowns`), when no joint placement holds: a row whose values had no
///   position to go by (placed from the first column), its sum holding, moved to the columns where the column
///   identities miss least (0.5; values stay read).
/// - **lost row** (the same file): a row with no value read (every cell blank or not found) whose columns' identities all miss
///   numbers, filled from them when every identity of the report then holds (0.5): a row solved from its columns
///   always sums right when the other rows do, so only a table with no other doubt proves it.
///
/// A value that held an identity is never changed to break one, a value worked out is not changed again, and nothing
/// is changed when two moves tie. Every change is flagged on its cell (origin `inferred`, the read value and the
/// reason in the note) and listed as a decision.
enum IdentityRepair {
    /// The most changes made on one report: past this, the reading is too damaged for the identities to say which
    /// cells are wrong.
    static let maximumChanges = 40

    /// Applies the moves until none is proven; the decisions of the changes made.
    /// `unreadable`: the cells OCR read as a glyph in a value's place (blanks whose value is unknown).
    /// `alternatives`: rows the text reads as several value lists alike (their cells' keys, the lists).
    static func apply(
        _ cells: inout [AlignedCell], template: ReportTemplate, unreadable: Set<CellKey> = [],
        alternatives: [(keys: [CellKey], options: [[Double]])] = []
    ) -> [AlignmentDecision] {
        let values = template.valuesInOrder(keys: cells.map(\.cell.key), values: cells.map(\.cell.value))
        guard template.identities.contains(where: { $0.holds(in: values) == false }) else { return [] }
        // Rows whose values were placed by a guess: looked for only once an identity fails.
        let guessed = guessedCells(cells)
        let keys = template.cellKeys()
        let position = Dictionary(cells.indices.map { (cells[$0].cell.key, $0) }, uniquingKeysWith: { first, _ in first })
        let layout = Layout.of(template)
        var state = State(values: values, identities: template.identities, layout: layout,
                          read: keys.map { key in position[key].map { cells[$0].origin == .read } ?? false },
                          seen: keys.map { key in position[key].map { cells[$0].origin != .inferred } ?? false },
                          unreadable: keys.map { unreadable.contains($0) }, guessed: keys.map { guessed.contains($0) })
        state.alternatives = alternatives.compactMap { row in
            let cells = row.keys.compactMap { template.cellIndex[$0] }
            return cells.count == row.keys.count ? (cells, row.options) : nil
        }
        var decisions: [AlignmentDecision] = []
        while decisions.count < maximumChanges, let move = state.nextMove() {
            for change in move.changes {
                guard let k = position[keys[change.index]] else { continue }
                let before = state.values[change.index] ?? 0
                state.set(change.index, change.value)
                let isUncertain = move.uncertain.contains(change.index)
                let note = "\(move.reason): " + (before == change.value ? "kept \(before.formattedCell)" : "\(before.formattedCell) → \(change.value.formattedCell)")
                    + (isUncertain ? " (the identities allow other columns too)" : "")
                cells[k].cell.value = change.value
                cells[k].origin = move.isPlacement ? (change.value == 0 ? .blank : .read) : .inferred
                // A value worked out is not changed again (no move undoes another); one moved stays read.
                state.read[change.index] = move.isPlacement && change.value != 0
                state.unreadable[change.index] = false
                // A guessed row moved is not moved again.
                if move.movesGuessedRow, let row = layout.rows.first(where: { $0.cells.contains(change.index) }) {
                    for index in row.cells { state.guessed[index] = false }
                }
                cells[k].note = [cells[k].note, note].compactMap { $0 }.joined(separator: "; ")
                let confidence = isUncertain ? min(move.confidence, 0.3) : move.confidence
                cells[k].confidence = min(cells[k].confidence, confidence)
                decisions.append(AlignmentDecision(
                    line: cells[k].line, raw: before.formattedCell,
                    chosen: "\(keys[change.index]) = \(change.value.formattedCell)", score: confidence,
                    reason: move.reason))
            }
        }
        return decisions
    }

    /// Digits OCR reads for other digits in table cells, as (read, meant), enough to let a row's sum alone decide.
    static let digitConfusions: [(read: Character, meant: Character)] = [
        ("9", "0"),  // a narrow 0 in a cell read as 9 (`0 3 1 1 9 0 5`, the row's sum 5): a dozen times in the corpus's OCR
    ]

    /// Whether `read` is what OCR typically makes of `meant`: a digit lost (`11` → `1`) or added (`15` → `515`), or
    /// one digit of `digitConfusions` (not any substitution: `3` for `9` is as likely a wrong row as a misread).
    static func likelyMisreading(of meant: Double, as read: Double) -> Bool {
        let a = Array(read.formattedCell)
        let b = Array(meant.formattedCell)
        if a.count != b.count { return true }  // one digit apart already checked: a digit lost or added
        let differing = zip(a, b).filter { $0 != $1 }
        return differing.count == 1 && digitConfusions.contains { $0.read == differing[0].0 && $0.meant == differing[0].1 }
    }

    /// One proven change set.
    struct Move {
        var changes: [(index: Int, value: Double)]
        var reason: String
        var confidence: Double
        /// The row's read values moved to other columns (each stays read; a cell left empty is a blank), as
        /// against values worked out (inferred).
        var isPlacement = false
        /// The move is a guessed row's (`guessedPlacement`): its row is not moved again.
        var movesGuessedRow = false
        /// Cell positions the move sets to one of several values the identities allow alike (confidence 0.3).
        var uncertain: Set<Int> = []
    }

    /// The values and each identity's residual (left − right), kept up to date as cells change.
    struct State {
        var values: [Double?]
        let identities: [Identity]
        let layout: Layout
        /// Per cell position: whether its value was read (a number stood in the text), as against blank or inferred.
        var read: [Bool]
        /// Per cell position: whether the text had the cell (a number or a blank), as against inferred.
        let seen: [Bool]
        /// Per cell position: a glyph OCR read in a value's place, not yet worked out.
        var unreadable: [Bool]
        /// Per cell position: in a row whose values were placed by a guess (no position to go by), not yet moved.
        var guessed: [Bool]
        var residuals: [Double?]
        /// The joint placement found nothing since other cells last changed.
        var jointSearchFailed = false
        /// Rows the text reads as several value lists alike (cell positions, the lists), not yet weighed by a joint
        /// placement.
        var alternatives: [(cells: [Int], options: [[Double]])] = []
        /// How many more states the joint placements of this report may solve (`jointSearchBudget` in all).
        var jointStatesLeft = IdentityRepair.State.jointSearchBudget

        init(values: [Double?], identities: [Identity], layout: Layout, read: [Bool], seen: [Bool], unreadable: [Bool] = [],
             guessed: [Bool] = []) {
            self.values = values
            self.identities = identities
            self.layout = layout
            self.read = read
            self.seen = seen
            self.unreadable = unreadable.count == values.count ? unreadable : [Bool](repeating: false, count: values.count)
            self.guessed = guessed.count == values.count ? guessed : [Bool](repeating: false, count: values.count)
            self.residuals = identities.map { $0.sides(in: values).map { $0.left - $0.right } }
        }

        func fails(_ n: Int) -> Bool { residuals[n].map { !Identity.agree($0, 0) } ?? false }

        mutating func set(_ index: Int, _ value: Double) {
            let delta = value - (values[index] ?? 0)
            values[index] = value
            for (n, sign) in layout.memberships[index] { residuals[n] = residuals[n].map { $0 + sign * delta } }
        }

        /// The best proven move, or nil.
        mutating func nextMove() -> Move? {
            let failing = residuals.indices.filter(fails)
            guard !failing.isEmpty else { return nil }
            if let move = digit(failing) ?? placement(failing) ?? unreadableCell(failing) {
                // Cells outside the guessed rows changed: a joint placement may exist now.
                jointSearchFailed = false
                return move
            }
            if !jointSearchFailed, jointStatesLeft > 0 {
                let (move, states) = jointPlacement(failing, budget: jointStatesLeft)
                jointStatesLeft -= states
                if let move {
                    alternatives = []
                    return move
                }
                // Moving one guessed row to one of its placements only narrows the search: it cannot succeed again
                // until another move changes other cells.
                jointSearchFailed = true
            }
            return guessedPlacement(failing) ?? lostRow(failing)
        }

        /// How a change of `delta` at `index` acts on its identities: nil when it breaks one that held or moves
        /// one away from holding; else how many it makes hold and how many it moves towards holding. A value made
        /// smaller (a stray digit taken out) may carry a sum past holding, to the side its other errors leave it
        /// on; a value made larger that overshoots added too much, and is turned away.
        func effect(of delta: Double, at index: Int) -> (fixed: Int, closer: Int)? {
            var fixed = 0
            var closer = 0
            for (n, sign) in layout.memberships[index] {
                guard let before = residuals[n] else { continue }
                let after = before + sign * delta
                let held = Identity.agree(before, 0)
                let holds = Identity.agree(after, 0)
                if held { if !holds { return nil } else { continue } }
                if holds {
                    fixed += 1
                } else if abs(after) < abs(before), after.sign == before.sign || delta < 0 {
                    closer += 1
                } else {
                    return nil
                }
            }
            return (fixed, closer)
        }

        /// Whether the cell's reading could be a misreading of `value`: a read number one digit away, or, when
        /// `blank` allows it (a lost row), a cell nothing was read in.
        func plausible(_ index: Int, _ value: Double, blank: Bool = false) -> Bool {
            guard value >= 0, value < TableAligner.largestCellValue, value == value.rounded() else { return false }
            // A blank filled to make one row and one column hold was wrong as often as right on OCR text: two
            // sums of small counts agree by chance. So was a total lost beside six read parts, filled with their
            // sum (2 of 7 right: the parts hold OCR's errors too). Only a whole lost row, proven by every
            // identity, is filled.
            guard read[index] else { return blank }
            guard let old = values[index], old == old.rounded() else { return false }
            return Levenshtein.distance(old.formattedCell, value.formattedCell, scoreCutoff: 1) <= 1
        }

        /// A single read cell one digit away from the value its failing identities want.
        func digit(_ failing: [Int]) -> Move? {
            var strong: [(index: Int, value: Double)] = []
            var weak: [(index: Int, value: Double, identity: Int)] = []
            var columnWeak: [(index: Int, value: Double, identity: Int)] = []
            for n in failing {
                guard let residual = residuals[n] else { continue }
                let identity = identities[n]
                for (members, sign) in [(identity.leftIndices, 1.0), (identity.rightIndices, -1.0)] {
                    for index in members {
                        guard let old = values[index] else { continue }
                        let delta = -sign * residual
                        let value = old + delta
                        guard plausible(index, value), let effect = effect(of: delta, at: index) else { continue }
                        if effect.fixed >= 2 {
                            if !strong.contains(where: { $0.index == index && $0.value == value }) { strong.append((index, value)) }
                        } else if effect.fixed == 1, layout.rowIdentities.contains(n), read[index],
                            effect.closer >= 1 || layout.memberships[index].count == 1,
                            IdentityRepair.likelyMisreading(of: value, as: old)
                        {
                            weak.append((index, value, n))
                        } else if effect.fixed == 1, !layout.rowIdentities.contains(n), read[index],
                            IdentityRepair.likelyMisreading(of: value, as: old), rowComesCloser(index, delta)
                        {
                            columnWeak.append((index, value, n))
                        }
                    }
                }
            }
            // Two strong moves on different cells may both be right (two errors); on one cell they cannot be.
            for move in strong where strong.filter({ $0.index == move.index }).count == 1 {
                return Move(changes: [move], reason: "a digit misread: the row and column sums agree on the value",
                            confidence: 0.7)
            }
            // A weak move must be the only one its identity allows.
            for move in weak where weak.filter({ $0.identity == move.identity }).count == 1 {
                return Move(changes: [(move.index, move.value)],
                            reason: "a digit misread: the only value one digit away that makes the row sum hold",
                            confidence: 0.5)
            }
            // Two digits lost in one row (`0 5 2 4 8 0 69` for `0 5 12 44 8 0 69`): no single cell makes the row
            // hold, but each makes its column hold and brings the row closer; the only such cell of its column.
            for move in columnWeak where columnWeak.filter({ $0.identity == move.identity }).count == 1 {
                return Move(changes: [(move.index, move.value)],
                            reason: "a digit misread: the only value one digit away that makes its column sum hold, its row's closer",
                            confidence: 0.5)
            }
            return nil
        }

        /// Whether the row sum holding `index` fails and a change of `delta` there brings it closer to holding.
        func rowComesCloser(_ index: Int, _ delta: Double) -> Bool {
            guard let (n, sign) = layout.memberships[index].first(where: { layout.rowIdentities.contains($0.identity) }),
                let before = residuals[n], !Identity.agree(before, 0)
            else { return false }
            let after = before + sign * delta
            return abs(after) < abs(before) && after.sign == before.sign
        }

        /// A row whose read values stand in the wrong columns (a blank cell was dropped, or a value taken for one
        /// printed with the label) though its own sum holds: its non-zero values, kept in their order and its total
        /// in place, moved to the columns where at least two failing column identities come to hold and none
        /// breaks; the best such placement of all rows, when no other placement does as well.
        func placement(_ failing: [Int]) -> Move? {
            var best: (move: Move, gain: Int)? = nil
            var tied = false
            // Only a row whose own sum holds: its values are right, only their columns are in doubt. (Letting a
            // failing row in with a third column to hold placed as many values wrong as right on the corpus's OCR.)
            for row in layout.rows where !fails(row.identity) {
                // A row whose values all stood in their cells is placed; one with a cell not read (a blank, a value
                // inferred) may have had its values put in the wrong columns.
                guard identities[row.identity].rightIndices.contains(where: { !read[$0] }) else { continue }
                for changes in rePlacements(of: row.identity) {
                    guard let gain = gain(of: changes), gain >= 2 else { continue }
                    if best == nil || gain > best!.gain {
                        best = (Move(changes: changes, reason: "values in other columns: the column sums place them",
                                     confidence: 0.6, isPlacement: true), gain)
                        tied = false
                    } else if gain == best!.gain {
                        tied = true
                    }
                }
            }
            return tied ? nil : best?.move
        }

        /// Failing identities made to hold by `changes`, or nil when one that held breaks or one fails worse.
        func gain(of changes: [(index: Int, value: Double)]) -> Int? {
            var fixed = 0
            for (n, d) in residualChanges(of: changes) where !Identity.agree(d, 0) {
                guard let before = residuals[n] else { continue }
                let after = before + d
                if Identity.agree(before, 0) { return nil }
                if Identity.agree(after, 0) { fixed += 1 } else if abs(after) >= abs(before) { return nil }
            }
            return fixed
        }

        /// Every other placement of a row's non-zero values in its data columns (the cells of `identity`'s right
        /// side), their order kept: the changes each makes, none empty. Nothing when every cell holds a value or none.
        func rePlacements(of identity: Int) -> [[(index: Int, value: Double)]] {
            let data = identities[identity].rightIndices
            let nonzero = data.compactMap { values[$0] }.filter { $0 != 0 }
            guard !nonzero.isEmpty, nonzero.count < data.count else { return [] }
            return Self.combinations(nonzero.count, of: data.count).compactMap { columns in
                var placed = [Double](repeating: 0, count: data.count)
                for (value, column) in zip(nonzero, columns) { placed[column] = value }
                let changes = zip(data, placed).filter { values[$0.0] != $0.1 }.map { (index: $0.0, value: $0.1) }
                return changes.isEmpty ? nil : changes
            }
        }

        /// How `changes` move each identity's residual (left − right), by identity number.
        func residualChanges(of changes: [(index: Int, value: Double)]) -> [Int: Double] {
            var delta: [Int: Double] = [:]
            for change in changes {
                let d = change.value - (values[change.index] ?? 0)
                for (n, sign) in layout.memberships[change.index] { delta[n, default: 0] += sign * d }
            }
            return delta
        }

        /// The ways to choose `k` of `n` positions, in increasing order.
        static func combinations(_ k: Int, of n: Int) -> [[Int]] {
            guard k > 0 else { return [[]] }
            guard k <= n else { return [] }
            var out: [[Int]] = []
            var chosen: [Int] = []
            func pick(_ from: Int) {
                if chosen.count == k { out.append(chosen); return }
                guard from < n, n - from >= k - chosen.count else { return }
                for i in from..<n {
                    chosen.append(i)
                    pick(i + 1)
                    chosen.removeLast()
                }
            }
            pick(0)
            return out
        }
    }
}

extension Double {
    /// The value as a cell prints it (`17`, `36.5344`).
    fileprivate var formattedCell: String { CanonicalTable.format(self) }
}

