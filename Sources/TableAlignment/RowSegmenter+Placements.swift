import ReportModel
import ReportTemplates

/// The segmenter's placements: what each move on the best path puts into a row's columns (read in order, moved,
/// partial with blank cells, cut from a digit run, or inferred), with the note and confidence each carries.
extension RowSegmenter {
    /// A move of the dynamic program, kept instead of its placement: placements are built only for the moves on
    /// the best path (building one for every relaxation cost more than the search itself).
    enum Move {
        case none, skip, absent, full, firstLast, firstColumnBlock(k: Int), partial(q: Int), runTogether, missingFirst
        /// `w + 1` tokens, the ones at `at` and `at + 1` one value printed on two lines.
        case joined(at: Int)
        /// The tokens of one line, more than the row's width: values split in two where the line was cut into cells.
        case splitApart
    }

    /// Whether tokens p..<p+w end with one token among label text and hold no other: the shape of a row whose
    /// first cell raw `pdftotext` printed with the label, after the row's other cells.
    func firstComesLast(_ p: Int, _ w: Int) -> Bool {
        guard tokens[p + w - 1].isAmongLabelText else { return false }
        for t in p..<(p + w - 1) where tokens[t].isAmongLabelText { return false }
        return true
    }

    /// Token indices of row j of a first-column block of k rows at p: its first value among the labels, then its
    /// share of the values after the block.
    func blockIndices(_ p: Int, k: Int, j: Int, w: Int) -> [Int] {
        let rest = p + k + j * (w - 1)
        return [p + j] + Array(rest..<(rest + w - 1))
    }

    func blockRow(_ p: Int, k: Int, j: Int, w: Int) -> [Double] {
        blockIndices(p, k: k, j: j, w: w).map { tokens[$0].value }
    }

    /// The values of tokens p..<p+w with the last moved first.
    func rotated(_ p: Int, _ w: Int) -> [Double] {
        [tokens[p + w - 1].value] + tokens[p..<(p + w - 1)].map(\.value)
    }

    /// The first value of a row whose first value was printed elsewhere: 总计 minus the others read.
    func missingFirst(_ p: Int, _ w: Int) -> Double? {
        guard p + w - 1 <= tokens.count, w >= 2 else { return nil }
        var others = 0.0
        for t in p..<(p + w - 2) { others += tokens[t].value }
        return tokens[p + w - 2].value - others
    }

    /// Whether the table's column positions put token `p`, the first of `count` values on one laid-out line, in the
    /// first of `width` columns, each value standing at its column (within `positionTolerance` of a column
    /// spacing). A row whose first value was lost (`missingFirst`) is then not what the page shows: OCR lost a value
    /// further on (`16  2  11  ·  28  10  70`), and working the first out from 总计 would slide every value read a
    /// column off its place. Text whose positions are only roughly the page's (tesseract's plain text) says nothing.
    func positionsPlaceFirst(_ p: Int, count: Int, width: Int) -> Bool {
        guard count >= 2, p + count <= tokens.count, !tokens[p].isCellIndex, tokens[p].line == tokens[p + count - 1].line,
            let perPage = centers[width], case let centers = perPage[page(of: tokens[p].line)], centers.count == width,
            let first = centers.first, let last = centers.last, last > first
        else { return false }
        let columns = nearestColumns(p, p + count, centers: centers)
        guard columns.first == 0 else { return false }
        let spacing = (last - first) / Double(width - 1)
        return columns.enumerated().allSatisfy { t, c in
            abs(tokens[p + t].center(countingCharacters: countsCharacters) - centers[c]) <= Self.positionTolerance * spacing
        }
    }

    /// How far from its column a value may stand, in column spacings, for its place to count as the page's.
    static let positionTolerance = 0.25

    /// The values of tokens `p..<p+w+1` with tokens `j` and `j + 1` (counted from p) read as one number.
    func joinedValues(_ p: Int, _ w: Int, at j: Int) -> [Double]? {
        guard let joined = Double(tokens[p + j].text + tokens[p + j + 1].text) else { return nil }
        return tokens[p..<(p + j)].map(\.value) + [joined] + tokens[(p + j + 2)..<(p + w + 1)].map(\.value)
    }

    /// Where two neighbouring tokens of `p..<p+w+1`, each plain digits on a line of its own, the second on the next
    /// line, read as one number make the row's identities hold: the only such place, or nil.
    func splitValue(_ p: Int, _ row: RowSpec) -> Int? {
        let w = row.width
        var found: Int? = nil
        for j in 0..<w {
            let (a, b) = (tokens[p + j], tokens[p + j + 1])
            guard !a.isBlankMarker, !b.isBlankMarker, b.line == a.line + 1, a.text.utf8.count + b.text.utf8.count <= 9,
                a.text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), b.text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                a.text.utf8.first != 0x30,
                let values = joinedValues(p, w, at: j), identityHolds(values, row)
            else { continue }
            if found != nil { return nil }
            found = j
        }
        return found
    }

    /// A row read from tokens in another order than their columns (`order`: a token index per column), flagged
    /// with `note` and whether the row's sum holds.
    func reordered(_ order: [Int], row: RowSpec, note: String) -> Placement {
        let values = order.map { tokens[$0].value }
        let holds = !row.hasSumIdentity || identityHolds(values, row)
        return Placement(
            values: values, origins: order.map { tokens[$0].isBlankMarker ? CellOrigin.blank : .read },
            lines: order.map { tokens[$0].line }, note: note + (holds ? "" : "; row sum does not hold"),
            confidence: holds && row.hasSumIdentity ? 0.9 : 0.7, repairs: order.map { tokens[$0].repair })
    }

    /// The placement a move on the best path stands for.
    func placement(
        _ move: Move, row i: Int, at p: Int,
        partial: (Int, Int, Int) -> (placement: Placement, holds: Bool)?,
        runTogether: (Int, Int) -> RunTogetherCut?,
        splitApart: (Int, Int) -> SplitApartJoin?
    ) -> Placement? {
        let row = rows[i]
        let w = row.width
        switch move {
        case .none, .skip, .firstColumnBlock:
            return nil
        case .absent:
            return Placement(
                values: .init(repeating: 0, count: w), origins: .init(repeating: .inferred, count: w),
                lines: .init(repeating: -1, count: w), note: "row not found in the text: 0, inferred", confidence: 0.3)
        case .full:
            let holds = !row.hasSumIdentity || identityHolds(p, row)
            return Placement(
                values: tokens[p..<(p + w)].map(\.value), origins: tokens[p..<(p + w)].map { $0.isBlankMarker ? CellOrigin.blank : .read },
                lines: tokens[p..<(p + w)].map(\.line), note: holds ? nil : "row sum does not hold", confidence: holds ? 1 : 0.5,
                repairs: tokens[p..<(p + w)].map(\.repair))
        case .firstLast:
            return reordered(
                [p + w - 1] + Array(p..<(p + w - 1)), row: row,
                note: "first value printed with the label after the row's other values: moved first")
        case .partial(let q):
            return partial(i, p, q)?.placement
        case .runTogether:
            guard let split = runTogether(i, p) else { return nil }
            if !row.hasSumIdentity {
                return Placement(
                    values: split.values, origins: .init(repeating: .read, count: w), lines: .init(repeating: tokens[p].line, count: w),
                    note: split.isUnique ? "values run together against their label: the only cut into the row's values"
                        : "values run together against their label: one of several cuts into the row's values (no identity"
                            + " tells them apart; the one whose longest value is shortest taken)",
                    confidence: split.isUnique ? 0.7 : 0.2)
            }
            if split.blanks > 0 {
                let how = split.isGuess ? "parts from the first column, total last " + Self.noPosition : "the columns as the column identities allow"
                return Placement(
                    values: split.values, origins: split.values.map { $0 == 0 ? CellOrigin.blank : .read },
                    lines: .init(repeating: tokens[p].line, count: w),
                    note: "digits run together, cut where the row's sum holds"
                        + (split.isUnique ? "" : " (not the only such cut)") + "; \(split.blanks) blank cell(s) read as 0; placed by \(how)",
                    confidence: split.isUnique ? 0.5 : 0.3, alternatives: split.alternatives, isGuess: split.isGuess)
            }
            return Placement(
                values: split.values, origins: .init(repeating: .read, count: w),
                lines: .init(repeating: tokens[p].line, count: w),
                note: split.isUnique ? "digits run together, cut where the row's identities hold"
                    : "digits run together, cut where the row's identities hold (not the only such cut)",
                confidence: split.isUnique ? 0.8 : 0.4, alternatives: split.alternatives)
        case .splitApart:
            guard let join = splitApart(i, p) else { return nil }
            let firsts = join.groups.map(\.lowerBound)
            let repairs = join.groups.map { group -> String? in
                group.count == 1 ? tokens[group.lowerBound].repair
                    : "value split in cells joined (" + group.map { tokens[$0].text }.joined(separator: " / ") + ")"
            }
            return Placement(
                values: join.values, origins: firsts.map { tokens[$0].isBlankMarker ? CellOrigin.blank : .read },
                lines: firsts.map { tokens[$0].line },
                note: !row.hasSumIdentity ? "values split in two on their line, joined where the parts show it"
                    : join.isUnique ? "values split in two on their line, joined where the row's identities hold"
                    : "values split in two on their line, joined where the row's identities hold (not the only such join)",
                confidence: !row.hasSumIdentity ? 0.6 : join.isUnique ? 0.8 : 0.4, repairs: repairs, alternatives: join.alternatives)
        case .joined(let j):
            guard let values = joinedValues(p, w, at: j) else { return nil }
            let kept = Array(p..<(p + j)) + [p + j] + Array((p + j + 2)..<(p + w + 1))
            var repairs = kept.map { tokens[$0].repair }
            repairs[j] = "digits on two lines joined (\(tokens[p + j].text) / \(tokens[p + j + 1].text))"
            return Placement(
                values: values, origins: kept.map { tokens[$0].isBlankMarker ? CellOrigin.blank : .read },
                lines: kept.map { tokens[$0].line },
                note: "one value printed on two lines, joined where the row's identities hold", confidence: 0.8,
                repairs: repairs)
        case .missingFirst:
            guard let first = missingFirst(p, w) else { return nil }
            let rest = tokens[p..<(p + w - 1)].map(\.value)
            return Placement(
                values: [first] + rest, origins: [.inferred] + .init(repeating: .read, count: w - 1),
                lines: [-1] + tokens[p..<(p + w - 1)].map(\.line),
                note: "first value not in sequence: \(ValueFormat.canonical(first)) inferred from 总计", confidence: 0.6,
                repairs: [nil] + tokens[p..<(p + w - 1)].map(\.repair))
        }
    }

    /// The placement of the tokens `p..<q` of one line as a row with blank cells: the first candidate whose values
    /// satisfy the row's identities, else the first candidate.
    func partialPlacement(_ p: Int, _ q: Int, row: RowSpec) -> (placement: Placement, holds: Bool)? {
        let w = row.width
        let candidates = candidateColumns(p, q, row: row)
        var chosen: (placement: Placement, holds: Bool)? = nil
        for (cols, how, isGuess) in candidates {
            var values = [Double](repeating: 0, count: w)
            for (t, c) in cols.enumerated() { values[c] = tokens[p + t].value }
            let holds = !row.hasSumIdentity || identityHolds(values, row)
            // The first candidate, or the first that holds after others that did not: the rest of the placement
            // (and its note) is made only for those.
            guard chosen == nil || (holds && !chosen!.holds) else { continue }
            var origins = [CellOrigin](repeating: .blank, count: w)
            var lines = [Int](repeating: tokens[p].line, count: w)
            var repairs = [String?](repeating: nil, count: w)
            for (t, c) in cols.enumerated() {
                origins[c] = tokens[p + t].isBlankMarker ? .blank : .read
                lines[c] = tokens[p + t].line
                repairs[c] = tokens[p + t].repair
            }
            let placement = Placement(
                values: values, origins: origins, lines: lines,
                note: "\(w - (q - p)) blank cell(s) read as 0; placed by \(how)",
                // A guess (no position to go by) is no surer for being the only candidate.
                confidence: holds ? (isGuess ? 0.5 : candidates.count == 1 || how.hasPrefix("tab") ? 0.9 : 0.7) : 0.4,
                repairs: repairs, isGuess: isGuess)
            chosen = (placement, holds)
            if holds { break }
        }
        if chosen?.holds != true, let lost = lastValueLost(p, q, row: row) { return (lost, true) }
        return chosen
    }

    /// A row one value short whose values hold no placement that satisfies its sums (表三: the last is not the sum of
    /// the others), or, in a row of several sums (表四: three groups of five), whose groups but the last hold on its
    /// values in order: the last value, a total, was lost (a tool that cut the table at the page's right edge), and
    /// is worked out from its group (inferred; confidence 0.5 when other groups confirm the order, else 0.4). Nil
    /// for any other row.
    func lastValueLost(_ p: Int, _ q: Int, row: RowSpec) -> Placement? {
        let w = row.width
        guard q - p == w - 1, let last = row.sumGroups.last, last.upperBound == w,
            !tokens[p..<q].contains(where: { $0.isBlankMarker || $0.isUnreadable })
        else { return nil }
        // One sum alone does not confirm the order: only a table tool's cells (tab-separated) are trusted that far;
        // OCR's laid-out lines lose a value anywhere (measured: 1–2 % of cells lost on the OCR readings).
        guard row.sumGroups.count >= 2 || tokens[p..<q].allSatisfy(\.isCellIndex) else { return nil }
        var values = tokens[p..<q].map(\.value)
        guard row.sumGroups.dropLast().allSatisfy({ Self.groupHolds($0, in: values) }) else { return nil }
        values.append(values[last.dropLast()].reduce(0, +))
        return Placement(
            values: values, origins: .init(repeating: .read, count: w - 1) + [.inferred],
            lines: tokens[p..<q].map(\.line) + [tokens[q - 1].line],
            note: "last value missing (cut off at the table's edge): \(ValueFormat.canonical(values[w - 1])) inferred from its group's sum",
            confidence: row.sumGroups.count >= 2 ? 0.5 : 0.4, repairs: tokens[p..<q].map(\.repair) + [nil])
    }

    /// Whether `segment()` takes a table whose rows are plain (`plainRows()`) without the search. Tests turn it off
    /// to check that the search finds the same placements: the search is the reference.
    @TaskLocal static var takesPlainRows = true

    /// The placements of a table printed plainly, the commonest case (tab cells, `pdftotext -layout`, HTML): every
    /// row's values alone on one line of their own, lines in row order, each line holding exactly its row's width,
    /// each row's sums holding, each line inside its row's label interval, and no value standing for a glyph. The
    /// search would put every row on its line (no other move gains as much on such a table); nil when the table is
    /// not such a one.
    func plainRows() -> [Placement]? {
        guard isLineStructured, !rows.isEmpty else { return nil }
        var starts: [Int] = []
        starts.reserveCapacity(rows.count)
        var p = 0
        for (i, row) in rows.enumerated() {
            let w = row.width
            guard w > 0, p + w <= tokens.count else { return nil }
            let line = tokens[p].line
            for t in p..<(p + w) where tokens[t].line != line || tokens[t].isUnreadable { return nil }
            if p + w < tokens.count, tokens[p + w].line == line { return nil }
            if row.hasSumIdentity, !identityHolds(p, row) { return nil }
            if useIntervals, !(i < intervals.count && intervals[i]?.contains(line) == true) { return nil }
            starts.append(p)
            p += w
        }
        guard p == tokens.count else { return nil }
        return starts.enumerated().compactMap { i, p in
            placement(.full, row: i, at: p, partial: { _, _, _ in nil }, runTogether: { _, _ in nil }, splitApart: { _, _ in nil })
        }
    }
}
