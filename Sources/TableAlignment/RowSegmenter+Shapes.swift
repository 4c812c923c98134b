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

    // MARK: The table's layout, learned when the segmenter is made

    /// Whether every line holding exactly `width` values (at least one) has them one space apart: a packed row,
    /// which says nothing about the columns of a row with fewer values.
    static func fullRowsArePacked(width: Int, lines: some Sequence<[ValueToken]>) -> Bool {
        var any = false
        for line in lines where line.count == width && width >= 2 {
            if line.contains(where: \.isCellIndex) { return false }
            for (a, b) in zip(line, line.dropFirst()) where b.characterX - (a.characterX + a.text.count) > 1 { return false }
            any = true
        }
        return any
    }

    /// Whether most rows' labels were found and every found row's interval holds at most its width of values, nine
    /// in ten values inside them: the values stand row by row after their labels (not in column blocks, as raw
    /// `pdftotext` prints some tables).
    static func intervalsHoldRows(rows: [RowSpec], tokens: [ValueToken], intervals: [Range<Int>?]) -> Bool {
        guard !tokens.isEmpty, intervals.count == rows.count, intervals.filter({ $0 != nil }).count * 3 >= rows.count * 2 else {
            return false
        }
        var inside = 0
        for (i, interval) in intervals.enumerated() {
            guard let interval else { continue }
            var count = 0
            for t in tokens where interval.contains(t.line) { count += 1 }
            if count > rows[i].width { return false }
            inside += count
        }
        return inside * 10 >= tokens.count * 9
    }

    /// Whether row i's interval holds no value at all (a row whose cells are all blank).
    func intervalIsEmpty(_ i: Int) -> Bool {
        guard useIntervals, i < intervals.count, let interval = intervals[i] else { return false }
        return !tokens.contains { interval.contains($0.line) }
    }
}
