import ReportModel

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
}
