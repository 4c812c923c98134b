/// The search's questions that depend on a row's shape only (its width and sum groups) and a position: a table of
/// 40 rows has two or three shapes, so each is answered once per shape and position instead of at every state.
extension RowSegmenter {
    struct RowShapes {
        /// Per row, the index of its shape.
        var index: [Int]
        /// Per shape and position p (0...tokens.count): whether a full row fits at p and its identities hold on
        /// tokens p..<p+width.
        var fullRowHolds: [[Bool]]
        /// Per shape whose last value sums the others (wider than two values) and position p: whether the
        /// missing-first move is open (the first value worked out from the total, a whole number of 0 or more, and
        /// the page's columns not placing the values read as from the first column). Empty for other shapes.
        var missingFirstAllowed: [[Bool]]

        var count: Int { fullRowHolds.count }
    }

    func rowShapes() -> RowShapes {
        let m = tokens.count
        var index: [Int] = []
        var representatives: [RowSpec] = []
        for row in rows {
            if let k = representatives.firstIndex(where: { $0.width == row.width && $0.sumGroups == row.sumGroups }) {
                index.append(k)
            } else {
                index.append(representatives.count)
                representatives.append(row)
            }
        }
        let fullRowHolds = representatives.map { row in
            (0...m).map { p in p + row.width <= m && (!row.hasSumIdentity || identityHolds(p, row)) }
        }
        let missingFirstAllowed = representatives.map { row -> [Bool] in
            let w = row.width
            guard row.sumGroups.count == 1, row.sumGroups[0] == 0..<w, w > 2 else { return [] }
            return (0...m).map { p in
                guard p + w - 1 <= m, let first = missingFirst(p, w) else { return false }
                return first >= 0 && first == first.rounded() && first < TableAligner.largestCellValue
                    && !positionsPlaceFirst(p, count: w - 1, width: w)
            }
        }
        return RowShapes(index: index, fullRowHolds: fullRowHolds, missingFirstAllowed: missingFirstAllowed)
    }
}
