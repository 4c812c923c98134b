import ReportModel
import ReportTemplates

/// Rows whose values were read in the wrong order, put right by the column identities (勾稽关系).
///
/// Raw `pdftotext` can print a row's cells in another order than their columns (the header's line structure sets the
/// order); the row's own sum holds for every order, but the column identities do not. For a row in a failing
/// identity, each of its cells is solved from a column identity that holds it once and no other cell of the row
/// (`四[c] = 一[c] + 二[c] − （七）[c]`); when the solved values are the row's read values in another order, the
/// row takes that order — its values were read, only their columns are inferred — flagged with the reason.
/// Nothing is changed when no row, or more than one, fits.
enum IdentityReorder {
    /// `cells` with at most one row reordered, and the decision that says why (nil when nothing changed).
    static func apply(_ cells: inout [AlignedCell], template: ReportTemplate) -> AlignmentDecision? {
        let values = template.valuesInOrder(keys: cells.map(\.cell.key), values: cells.map(\.cell.value))
        // An identity with a cell missing cannot fail.
        let failing = template.identities.filter { $0.holds(in: values) == false }
        guard !failing.isEmpty else { return nil }
        // Rows (their cells' positions) with a cell in a failing identity.
        let keys = template.cellKeys()
        let (rowOf, rowCells) = rows(of: template)
        var rowsInDoubt: [Int] = []
        for identity in failing {
            for index in identity.leftIndices + identity.rightIndices where !rowsInDoubt.contains(rowOf[index]) {
                rowsInDoubt.append(rowOf[index])
            }
        }
        var fits: [(indices: [Int], solved: [Double])] = []
        for row in rowsInDoubt {
            let indices = rowCells[row]
            guard indices.count >= 2, let solved = solve(indices, template: template, values: values) else { continue }
            let read = indices.map { values[$0] ?? .nan }
            guard zip(read, solved).contains(where: { !Identity.agree($0, $1) }),
                zip(read.sorted(), solved.sorted()).allSatisfy({ Identity.agree($0, $1) })
            else { continue }
            fits.append((indices, solved))
        }
        guard fits.count == 1, let fit = fits.first else { return nil }
        // Cells are in the template's order when the aligner wrote them (the usual case); else found by key.
        let position = Dictionary(cells.indices.map { (cells[$0].cell.key, $0) }, uniquingKeysWith: { first, _ in first })
        let note = "values read in another order; columns from the column identities"
        let hadBlanks = fit.indices.contains { position[keys[$0]].map { cells[$0].origin == .blank } ?? false }
        for (index, value) in zip(fit.indices, fit.solved) {
            guard let k = position[keys[index]] else { continue }
            // Still read (the value stood in the text); the confidence below 1 reports it as repaired. A 0 that
            // lands where a blank was read stays a blank.
            cells[k].cell.value = value
            cells[k].origin = value == 0 && hadBlanks ? .blank : .read
            cells[k].note = note
            cells[k].confidence = min(cells[k].confidence, 0.8)
            // Its columns now come from the identities, not from a guess.
            cells[k].isGuessed = false
        }
        let first = keys[fit.indices[0]]
        return AlignmentDecision(
            line: 0, raw: fit.indices.map { ValueFormat.canonical(values[$0] ?? 0) }.joined(separator: " "),
            chosen: "\(first.row): " + fit.solved.map(ValueFormat.canonical).joined(separator: " "), score: 0.8,
            reason: note)
    }

    /// Per cell position of `template.cellKeys()`, its row's number; per row, its cells' positions. Built once
    /// per edition.
    static func rows(of template: ReportTemplate) -> (rowOf: [Int], rowCells: [[Int]]) {
        rowCache[template.edition] ?? build(template)
    }

    private static let rowCache: [Edition: (rowOf: [Int], rowCells: [[Int]])] = Dictionary(
        uniqueKeysWithValues: Edition.allCases.map { ($0, build(ReportTemplate.for($0))) })

    private static func build(_ template: ReportTemplate) -> (rowOf: [Int], rowCells: [[Int]]) {
        var number: [String: Int] = [:]
        var rowCells: [[Int]] = []
        let rowOf = template.cellKeys().enumerated().map { index, key -> Int in
            let name = key.table.rawValue + "|" + key.row
            if let row = number[name] {
                rowCells[row].append(index)
                return row
            }
            number[name] = rowCells.count
            rowCells.append([index])
            return rowCells.count - 1
        }
        return (rowOf, rowCells)
    }

    /// Each cell of a row solved from an identity that holds it once and no other cell of the row, its other
    /// cells all present; nil when a cell has no such identity.
    static func solve(_ row: [Int], template: ReportTemplate, values: [Double?]) -> [Double]? {
        let inRow = Set(row)
        var solved: [Double] = []
        for cell in row {
            var value: Double? = nil
            for identity in template.identities {
                let left = identity.leftIndices
                let right = identity.rightIndices
                guard (left + right).filter({ inRow.contains($0) }) == [cell] else { continue }
                let others = (left + right).filter { $0 != cell }
                guard others.allSatisfy({ values[$0] != nil }) else { continue }
                let leftSum = left.filter { $0 != cell }.reduce(0.0) { $0 + values[$1]! }
                let rightSum = right.filter { $0 != cell }.reduce(0.0) { $0 + values[$1]! }
                value = left.contains(cell) ? rightSum - leftSum : leftSum - rightSum
                break
            }
            guard let value else { return nil }
            solved.append(value)
        }
        return solved
    }
}
