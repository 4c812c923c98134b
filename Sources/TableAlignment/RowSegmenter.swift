import ReportModel
import ReportTemplates

/// Assigns a table's value tokens to its template rows: a dynamic program over (row, token) that prefers rows
/// whose values satisfy their identity, sit on one line, and are complete.
///
/// Moves, for template row i at token p (w = the row's width):
/// - a full row: tokens p..<p+w (best on one line, better when the identity holds);
/// - a partial row: the tokens of one line, fewer than w, placed in columns by their position (blank cells → 0);
/// - a row missing its first value (pdftotext sometimes moves the first cell after the label): w−1 tokens, the
///   first value inferred from the identity;
/// - a row whose first value comes last (raw `pdftotext` prints the other cells first and the first cell with the
///   label, `…11 0 行政规范性文件 12`): tokens p..<p+w with the last one among label text, read as its first value;
/// - k rows whose first column was printed as one block with the labels (raw `pdftotext` reads the label column and
///   the first value column together when they touch: `规章 0 行政规范性 883 文件 17 793 0 1431`): k tokens among
///   label text, then the other w−1 values of each row in turn;
/// - an extra token, skipped (a number that is not a cell);
/// - an absent row: every value 0, inferred.
/// - Complexity: O(rows · tokens · w).
struct RowSegmenter {
    struct RowSpec {
        var width: Int
        /// Column ranges whose last value is the sum of the others (表三 总计; 表四's three 总计).
        var sumGroups: [Range<Int>]
        var hasSumIdentity: Bool { !sumGroups.isEmpty }
    }

    struct Placement {
        var values: [Double]
        var origins: [CellOrigin]
        var lines: [Int]
        var note: String?
        var confidence: Double
        /// Per value, how OCR damage was repaired to read it (`ValueToken.repair`); empty when none was.
        var repairs: [String?] = []
        /// Other values the row's text reads as just as well (the other cuts of digits run together), for the
        /// column identities to choose from; empty when there are none.
        var alternatives: [[Double]] = []
        /// Whether nothing but a guess placed the values in their columns (`noPosition`): the column identities
        /// may move such a row (`IdentityRepair`).
        var isGuess = false
    }

    let rows: [RowSpec]
    let tokens: [ValueToken]
    /// Per row, the lines its values may stand on (from `RowAnchors`); used in line-structured text, and in
    /// one-value-per-line text whose rows stand after their labels (`intervalsHoldRows`).
    let intervals: [Range<Int>?]
    let useIntervals: Bool
    /// One value per line, each row's values between its label and the next row's (HTML-to-text tools write a
    /// table cell by cell, row by row): a row with blank cells is then the values of its label's interval.
    let intervalsHoldRows: Bool
    /// Whether most lines holding values hold several: rows are lines (tab-separated, `pdftotext -layout`).
    /// Otherwise (raw `pdftotext`: one cell per line) line breaks say nothing about rows.
    let isLineStructured: Bool
    /// Column position of each column index, per row width and per page, learned from the lines that hold a full
    /// row: `centers[width][page]`. Pages are the stretches between repeated column headers; a page without a full
    /// row uses the whole table's positions (`centers[width][pageBreaks.count + 1]`).
    var centers: [Int: [[Double]]] = [:]
    /// Whether token positions count characters (each one column) rather than display columns (Han two).
    let countsCharacters: Bool
    /// Lines where the table's column header is printed again (a page break inside the table), sorted.
    let pageBreaks: [Int]
    /// Tab-separated text (a grid written cell for cell, an HTML table): per row width, the cell that holds the
    /// rows' last value (总计), learned from the lines whose last value is the sum of the others; the row's columns
    /// are the cells before it. A row whose 总计 cell is blank keeps its values in their cells.
    var tabGrid: [Int: Int] = [:]
    /// Row widths whose column positions come from the table's column header (no line holds a full row).
    var headerPlaced: Set<Int> = []
    /// Laid-out text: per width of rows whose last value is the sum of the others (表三), positions read from where a
    /// row's total stands.
    var totalAnchors: [Int: TotalAnchors] = [:]

    /// `header`: the centre of each column's label in the table's header (in characters and in display columns),
    /// for a table none of whose lines holds a full row (its blank columns are blank on every row).
    init(rows: [RowSpec], tokens: [ValueToken], intervals: [Range<Int>?] = [], pageBreaks: [Int] = [],
         header: (characters: [Double], display: [Double])? = nil) {
        self.rows = rows
        self.tokens = tokens
        self.intervals = intervals
        self.pageBreaks = pageBreaks.sorted()
        // Line-structured text: most lines that hold values hold several (one value per line is pdftotext's raw
        // reading order, where label positions say little about value positions).
        let perLine = Self.tokensPerLine(tokens)
        let multi = perLine.counts.filter { $0 >= 2 }.count
        // Raw `pdftotext` puts each value alone on its line; line-structured text puts values beside other values
        // or beside their label.
        let alone = tokens.filter { perLine.count($0.line) == 1 && $0.labelEnd < 0 }.count
        self.isLineStructured = alone * 2 < tokens.count || multi * 2 >= perLine.counts.count || tokens.contains { $0.isCellIndex }
        self.intervalsHoldRows = !isLineStructured && Self.intervalsHoldRows(rows: rows, tokens: tokens, intervals: intervals)
        self.useIntervals = intervals.contains { $0 != nil } && (isLineStructured || intervalsHoldRows)
        var byLine: [Int: [ValueToken]] = [:]
        for t in tokens { byLine[t.line, default: []].append(t) }
        let pages = self.pageBreaks.count + 1
        // Positions in characters (`pdftotext -layout`) or in display columns (a monospace rendering): whichever
        // puts each page's values into fewer columns.
        var tokensByPage = [[ValueToken]](repeating: [], count: pages)
        if pages == 1 {
            tokensByPage[0] = tokens  // one page (the usual case): all the tokens, in order, without copying each
        } else {
            for t in tokens { tokensByPage[Self.page(of: t.line, breaks: self.pageBreaks)].append(t) }
        }
        func columnCount(_ countingCharacters: Bool) -> Int {
            tokensByPage.reduce(0) { $0 + Self.positionClusters($1, countingCharacters: countingCharacters).count }
        }
        // Nearer the full rows' columns decides first: display columns smeared by long labels chain into fewer
        // clusters than the characters' true columns (lynx pads by characters: c018's 表三 went a column right).
        let widest = rows.map(\.width).max() ?? 0
        if let byCharacters = Self.fitToFullRows(width: widest, lines: Array(byLine.values), countingCharacters: true),
            let byDisplay = Self.fitToFullRows(width: widest, lines: Array(byLine.values), countingCharacters: false),
            abs(byCharacters - byDisplay) > 0.05
        {
            self.countsCharacters = byCharacters < byDisplay
        } else {
            self.countsCharacters = columnCount(true) < columnCount(false)
        }
        self.tabGrid = Self.tabGrid(rows: rows, lines: byLine.values)
        for width in Set(rows.map(\.width)) {
            // Full rows whose values stand one space apart (raw `pdftotext`, pypdf): positions say where the
            // previous numbers ended, not where the columns are, so a short row gets no position to go by.
            if Self.fullRowsArePacked(width: width, lines: byLine.values) { continue }
            let whole = Self.learnCenters(width: width, lines: byLine.values, countingCharacters: countsCharacters)
            centers[width] = (0..<pages).map { page in
                let lines = byLine.values.filter { self.page(of: $0[0].line) == page }
                let own = Self.learnCenters(width: width, lines: lines, countingCharacters: countsCharacters)
                if !own.isEmpty { return own }
                // No full row on this page: its values' positions, when they fall into exactly `width` columns.
                let clusters = Self.positionClusters(lines.flatMap { $0 }, countingCharacters: countsCharacters)
                return clusters.count == width && !lines.isEmpty ? clusters : whole
            } + [whole]
            if rows.contains(where: { $0.width == width && $0.sumGroups == [0..<width] }) {
                totalAnchors[width] = TotalAnchors(width: width, lines: byLine.values, countingCharacters: countsCharacters)
            }
            // No full row anywhere: the header's labels say where the columns are.
            if whole.isEmpty, let header, header.characters.count == width {
                let positions = countsCharacters ? header.characters : header.display
                centers[width] = centers[width]!.map { $0.isEmpty ? positions : $0 }
                headerPlaced.insert(width)
            }
        }
    }

    /// The best placement of every row.
    func segment() -> [Placement] {
        if Self.takesPlainRows, let plain = plainRows() { return plain }
        let n = rows.count
        let m = tokens.count
        let width = m + 1
        // The tables of the search in buffers of their own: as arrays captured by `relax`, every write checked their
        // uniqueness and bounds.
        // (Both hold trivial values: each search initialises them afresh, over what an earlier search left.)
        let score = UnsafeMutableBufferPointer<Double>.allocate(capacity: (n + 1) * width)
        let back = UnsafeMutableBufferPointer<(Int32, Int32, Move)>.allocate(capacity: (n + 1) * width)
        defer {
            score.deallocate()
            back.deallocate()  // trivial values: nothing to deinitialise
        }
        func relax(_ i: Int, _ p: Int, _ ni: Int, _ np: Int, _ gain: Double, _ move: Move) {
            let s = score[i * width + p] + gain
            if s > score[ni * width + np] {
                score[ni * width + np] = s
                back[ni * width + np] = (Int32(i), Int32(p), move)
            }
        }
        // Per row: whether its label interval holds no value (computed once, not per state).
        let emptyInterval = (0..<n).map(intervalIsEmpty)
        // Where each token's line ends, and whether the token starts / ends its line.
        var lineEnd = [Int](repeating: m, count: m)
        if m > 0 {
            var q = m
            for p in stride(from: m - 1, through: 0, by: -1) {
                if p + 1 < m, tokens[p + 1].line != tokens[p].line { q = p + 1 }
                lineEnd[p] = q
            }
        }
        // Partial-row placements depend on the row's shape only, so rows of one shape share them.
        var partialCache: [Int: (placement: Placement, holds: Bool)?] = [:]
        let shapes = rowShapes()
        let shapeIndex = shapes.index
        let shapeCount = max(shapes.count, 1)
        func partialKey(_ i: Int, _ p: Int, _ q: Int) -> Int { (p * (m + 1) + q) * shapeCount + shapeIndex[i] }
        func partial(_ i: Int, _ p: Int, _ q: Int) -> (placement: Placement, holds: Bool)? {
            let key = partialKey(i, p, q)
            if let cached = partialCache[key] { return cached }
            let result = partialPlacement(p, q, row: rows[i])
            partialCache[key] = result
            return result
        }
        // By position and row shape, in arrays (outer nil: not worked out yet): asked at most states, they were
        // dictionary lookups, hashing a key each time.
        var splitApartCache = [SplitApartJoin??](repeating: nil, count: (m + 1) * shapeCount)
        func splitApart(_ i: Int, _ p: Int) -> SplitApartJoin? {
            let key = p * shapeCount + shapeIndex[i]
            if let cached = splitApartCache[key] { return cached }
            let result = joinSplitValues(p, lineEnd[p], row: rows[i])
            splitApartCache[key] = .some(result)
            return result
        }
        // The search asks only whether a partial placement exists and holds, most often for a partial row at a
        // line's start, which ends where the line does: that answer kept by position and row shape in a buffer (0:
        // not worked out; 1: no placement; 2: one that does not hold; 3: one that holds), so that a lookup neither
        // hashes a key nor copies the placement's arrays.
        let lineStartHolds = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: (m + 1) * shapeCount)
        lineStartHolds.initialize(repeating: 0)
        defer { lineStartHolds.deallocate() }
        func lineStartPartialHolds(_ i: Int, _ p: Int) -> Bool? {
            let key = p * shapeCount + shapeIndex[i]
            if lineStartHolds[key] == 0 {
                lineStartHolds[key] = partial(i, p, lineEnd[p]).map { $0.holds ? 3 : 2 } ?? 1
            }
            return lineStartHolds[key] == 1 ? nil : lineStartHolds[key] == 3
        }
        var runTogetherCache = [RunTogetherCut??](repeating: nil, count: (m + 1) * shapeCount)
        func runTogether(_ i: Int, _ p: Int) -> RunTogetherCut? {
            let key = p * shapeCount + shapeIndex[i]
            if let cached = runTogetherCache[key] { return cached }
            let result =
                rows[i].hasSumIdentity
                ? splitRunTogether(tokens[p..<lineEnd[p]].map(\.text), row: rows[i]) ?? cutWithBlanks(p, lineEnd[p], row: rows[i])
                : cutWithoutSum(p, lineEnd[p], row: rows[i])
            runTogetherCache[key] = .some(result)
            return result
        }
        // Per token, what every state reads, in flat arrays (a token is a large value; reading one field of it per
        // state cost more than the moves' arithmetic).
        let tokenLine = tokens.map(\.line)
        let skipGain = tokens.map { !isLineStructured && $0.isAmongLabelText ? -0.2 : -1.0 }
        // Without a glyph in a value's place no row is "solvable" without holding (`identitySolvable`).
        let anyUnreadable = tokens.contains(where: \.isUnreadable)
        // The most the rows from row i on can still gain, whatever moves they take (`mostGain`). A search with a
        // floor expands no state whose score plus that is below the floor; when the best path it finds clears the
        // floor, the result is the full search's: a state cut lies on no best path (its best completion is below the
        // floor, the best path above), so the best path and the order its ties were met in are the same. When the
        // best path found is below the floor, the search runs again with a lower one (below), at last without.
        var mostFrom = [Double](repeating: 0, count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) { mostFrom[i] = mostFrom[i + 1] + mostGain(i) }
        func search(floor: Double) {
            score.initialize(repeating: -.infinity)
            back.initialize(repeating: (-1, -1, .none))
            score[0] = 0
            for i in 0...n {
                // The row, fetched once per row rather than per state (its sum groups are an array: a retain each time).
                let row = i < n ? rows[i] : RowSpec(width: 0, sumGroups: [])
                let rowHolds = i < n ? shapes.fullRowHolds[shapeIndex[i]] : []
                let rowMissingFirst = i < n ? shapes.missingFirstAllowed[shapeIndex[i]] : []
                // Bonus for placing the row on the values of a line: inside the row's label interval, or outside it.
                let rowInterval = useIntervals && i < intervals.count ? intervals[i] : nil
                func bonus(_ line: Int) -> Double { rowInterval.map { $0.contains(line) ? 2 : -2 } ?? 0 }
                let absentGain = i < n && emptyInterval[i] ? 1.5 : -0.6
                let rowFloor = floor - mostFrom[i]
                for p in 0...m where score[i * width + p] > -.infinity && score[i * width + p] >= rowFloor - 1e-6 {
                    // An extra token. In raw text a token among label text is often a row's first value printed apart
                    // (the row itself then takes the missing-first move), so skipping it costs less.
                    if p < m { relax(i, p, i, p + 1, skipGain[p], .skip) }
                    guard i < n else { continue }
                    let w = row.width
                    // An absent row.
                    relax(i, p, i + 1, p, absentGain, .absent)
                    // A full row.
                    if p + w <= m {
                        let holds = rowHolds[p]
                        let onOneLine = tokenLine[p] == tokenLine[p + w - 1]
                        // A row with a glyph in a value's place that some value would make hold: neither proven nor refuted.
                        var gain = Double(w) * 0.1
                            + (holds ? (row.hasSumIdentity ? 3 : 1) : anyUnreadable && identitySolvable(p, row) ? 0.5 : -1)
                        if isLineStructured {
                            gain += onOneLine ? 1 : -0.5
                            if !row.hasSumIdentity && !onOneLine { gain -= 1 }
                        }
                        gain += bonus(tokenLine[p])
                        relax(i, p, i + 1, p + w, gain, .full)
                        // The first value printed with the label after the others: read in that order it is wrong.
                        if !isLineStructured, w > 1, firstComesLast(p, w) {
                            let rotatedHolds = !row.hasSumIdentity || identityHolds(rotated(p, w), row)
                            relax(i, p, i + 1, p + w, Double(w) * 0.1 + (rotatedHolds ? (row.hasSumIdentity ? 3 : 1) : -1) + 0.4, .firstLast)
                        }
                    }
                    // A value whose digits were printed as two text objects, one a line (PDFium: `1` / `4` for 14): the
                    // row's w + 1 tokens with two neighbours joined, where that alone makes its identities hold.
                    if !isLineStructured, row.hasSumIdentity, p + w + 1 <= m, !rowHolds[p], let j = splitValue(p, row) {
                        relax(i, p, i + 1, p + w + 1, Double(w) * 0.1 + 2.6 + bonus(tokenLine[p]), .joined(at: j))
                    }
                    // Rows whose first values were printed as one block among the labels.
                    if !isLineStructured, w > 1 {
                        var k = 2
                        while k <= 8, i + k <= n, p + k * w <= m, rows[i + k - 1].width == w,
                            tokens[p + k - 2].isAmongLabelText
                        {
                            if tokens[p + k - 1].isAmongLabelText, !tokens[(p + k)..<(p + k * w)].contains(where: \.isAmongLabelText) {
                                var gain = 0.4
                                for j in 0..<k {
                                    let holds = !rows[i + j].hasSumIdentity || identityHolds(blockRow(p, k: k, j: j, w: w), rows[i + j])
                                    gain += Double(w) * 0.1 + (holds ? (rows[i + j].hasSumIdentity ? 3 : 1) : -1)
                                }
                                relax(i, p, i + k, p + k * w, gain, .firstColumnBlock(k: k))
                            }
                            k += 1
                        }
                    }
                    // Whether token p opens its line (the moves below that read a line's tokens start there).
                    let startsLine = p < m && (p == 0 || tokenLine[p - 1] != tokenLine[p])
                    // A partial row: the rest of token p's line, fewer than w values.
                    if isLineStructured, startsLine {
                        let q = lineEnd[p]
                        if q - p < w, let holds = lineStartPartialHolds(i, p) {
                            let gain = Double(q - p) * 0.1 + (holds ? (row.hasSumIdentity ? 2.5 : 0.8) : -1.5)
                                + bonus(tokenLine[p])
                            relax(i, p, i + 1, q, gain, .partial(q: q))
                        }
                    }
                    // A partial row in one-value-per-line text whose rows stand after their labels: the values of the
                    // row's label interval, when it starts at token p.
                    if intervalsHoldRows, p < m, let interval = intervals[i], interval.contains(tokenLine[p]),
                        p == 0 || !interval.contains(tokenLine[p - 1])
                    {
                        var q = p
                        while q < m, interval.contains(tokenLine[q]) { q += 1 }
                        if q - p < w, let holds = partial(i, p, q)?.holds {
                            let gain = Double(q - p) * 0.1 + (holds ? (row.hasSumIdentity ? 2.5 : 0.8) : -1.5) + 2
                            relax(i, p, i + 1, q, gain, .partial(q: q))
                        }
                    }
                    // A line whose tokens hold the row's values with some run together (`801000081` = 80 1 0 0 0 0 81;
                    // OCR of close columns: `3 1 2 06 2 …`), cut where the row's identities hold.
                    if startsLine, lineEnd[p] - p < w, let cut = runTogether(i, p) {
                        let gain = row.hasSumIdentity ? (cut.blanks > 0 ? 1.0 : 2.0) : (cut.isUnique ? 2.0 : 1.2)
                        relax(i, p, i + 1, lineEnd[p], gain + bonus(tokenLine[p]), .runTogether)
                    }
                    // A line with more tokens than the row has columns, whose row holds once some neighbours are read
                    // as one value: a tool that cut the line into cells at gaps split a wide number (`3  9` for 39).
                    if isLineStructured, startsLine, lineEnd[p] - p > w, lineEnd[p] - p <= w + SplitApartJoin.maximumJoins,
                        let join = splitApart(i, p)
                    {
                        let gain = Double(w) * 0.1 + (join.isUnique ? 3.5 : 1.5) + bonus(tokenLine[p])
                        relax(i, p, i + 1, lineEnd[p], gain, .splitApart)
                    }
                    // A row whose first value was moved elsewhere (inferred from the identity).
                    if !rowMissingFirst.isEmpty, rowMissingFirst[p] {
                        relax(i, p, i + 1, p + w - 1, Double(w) * 0.05 + 1.2, .missingFirst)
                    }
                }
            }
        }
        // The best end state (all rows placed; any trailing tokens skipped).
        func bestEnd() -> (p: Int, score: Double) {
            var p = m
            var bestScore = -Double.infinity
            for q in 0...m {
                let s = score[n * width + q] - Double(m - q)
                if s > bestScore {
                    bestScore = s
                    p = q
                }
            }
            return (p, bestScore)
        }
        // First with a floor a little below the most the table could gain: most tables lose little against it (a
        // damaged row or two), and the search then keeps to the states near the best path. When the best path
        // found is below the floor, the floor cut it: searched again with a lower one, and at last in full (a
        // search whose floor is too high ends early, every state below it cut).
        var (p, bestScore) = (m, -Double.infinity)
        for margin in (Self.boundsSearch ? Self.searchFloorMargins : []) + [.infinity] {
            let floor = mostFrom[0] - margin
            search(floor: floor)
            (p, bestScore) = bestEnd()
            if bestScore >= floor { break }
        }
        // Trace back from the best end state.
        var placements: [Placement] = []
        var i = n
        while i > 0 || p > 0 {
            let (pi32, pp32, move) = back[i * width + p]
            let (pi, pp) = (Int(pi32), Int(pp32))
            if pi < 0 { break }
            if case .firstColumnBlock(let k) = move {
                // k rows at once; appended last row first, as the whole list is reversed below.
                let w = rows[pi].width
                for j in stride(from: k - 1, through: 0, by: -1) {
                    placements.append(reordered(
                        blockIndices(pp, k: k, j: j, w: w), row: rows[pi + j],
                        note: "first value printed with the labels of \(k) rows, before their other values"))
                }
            } else if pi != i, let placement = placement(move, row: pi, at: pp, partial: partial, runTogether: runTogether, splitApart: splitApart) {
                placements.append(placement)
            }
            i = pi
            p = pp
        }
        return placements.reversed()
    }
}
