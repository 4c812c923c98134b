/// Column positions for a laid-out row (`pdftotext -layout`) whose last value is the sum of the others, read from
/// where its total stands.
///
/// A table that leaves its zeros blank gives most rows two or three values. `pdftotext -layout` spaces such a
/// sparse row on a grid of its own: on one page of a corpus report the sparse rows put 总计 at character 43 and
/// their columns four characters apart, while the page's one full row put 总计 at 53 with wider gaps, so the full
/// row's positions sent every sparse row's values a column or two astray. And where no repeated header marks the
/// page break, the two pages' full rows are averaged, which fits neither page. The row's own total says which
/// positions are its own: the sparse rows whose total stands where its total stands, when their values fall into
/// exactly the row's other columns; else the full row whose total stands nearest, moved onto this row's total.
struct TotalAnchors {
    /// Column positions shared by sparse rows that hold their sum: the total's position and the parts' columns.
    struct Grid {
        var total: Double
        var parts: [Double]
    }

    /// Per full row (a line holding exactly the row's width of values), its values' positions.
    var fullRows: [[Double]] = []
    var grids: [Grid] = []

    /// Sparse rows whose totals stand within this many columns of each other share a grid.
    static let totalTolerance = 1.5

    /// The anchors of rows `width` wide whose last value is the sum of the others, from the table's lines.
    /// None for a table OCR read (a glyph in a value's place, a digit repaired): OCR loses and adds values
    /// anywhere on a line, so a last value that adds up proves little there (measured: the JPEG scans lost cells).
    init(width: Int, lines: some Sequence<[ValueToken]>, countingCharacters: Bool) {
        let lines = Array(lines)
        guard !lines.contains(where: { $0.contains(where: \.showsOCRDamage) }) else { return }
        var sparse: [(total: Double, parts: [ValueToken])] = []
        for line in lines where !line.contains(where: { $0.isCellIndex || $0.isUnreadable }) {
            if line.count == width {
                fullRows.append(line.map { $0.center(countingCharacters: countingCharacters) })
            } else if line.count >= 2, line.count < width, RowSegmenter.groupHolds(0..<line.count, in: line.map(\.value)) {
                sparse.append((line.last!.center(countingCharacters: countingCharacters), Array(line.dropLast())))
            }
        }
        // Sparse rows grouped by where their total stands; a group whose parts fall into exactly the other columns
        // is a grid (two rows at least, so that one row's values alone never make one).
        sparse.sort { $0.total < $1.total }
        var start = 0
        while start < sparse.count {
            var end = start + 1
            while end < sparse.count, sparse[end].total - sparse[end - 1].total <= Self.totalTolerance { end += 1 }
            let group = sparse[start..<end]
            let parts = RowSegmenter.positionClusters(group.flatMap(\.parts), countingCharacters: countingCharacters)
            if group.count >= 2, parts.count == width - 1 {
                grids.append(Grid(total: group.reduce(0) { $0 + $1.total } / Double(group.count), parts: parts))
            }
            start = end
        }
    }

    /// The parts' column positions for a row whose total stands at `total`, and where they came from: a grid of
    /// sparse rows with their total there, else the full row whose total stands nearest, moved by the difference,
    /// when the row's total stands nearer that row's total than its column before.
    func partPositions(forTotalAt total: Double) -> (positions: [Double], how: String)? {
        if let grid = grids.first(where: { abs($0.total - total) <= Self.totalTolerance }) {
            return (grid.parts, "column positions of the rows whose total stands where its total stands")
        }
        // The total must stand nearer that row's total than its column before (其他): a value lost before the
        // total (OCR) leaves a last value that only adds up by chance, standing in another column.
        guard let nearest = fullRows.min(by: { abs($0.last! - total) < abs($1.last! - total) }),
            nearest.count >= 2, abs(nearest.last! - total) < (nearest.last! - nearest[nearest.count - 2]) / 2
        else { return nil }
        let shift = total - nearest.last!
        return (nearest.dropLast().map { $0 + shift }, "column positions of the full row whose total stands nearest, moved onto its total")
    }
}
