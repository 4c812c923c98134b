import ReportTemplates

/// The tokens of one line read as a row's values with some neighbours joined (a wide number split into two cells).
struct SplitApartJoin {
    var values: [Double]
    /// Per value, the token indices it was read from (two or more where joined).
    var groups: [Range<Int>]
    var isUnique: Bool
    /// Every join's values, the taken one first, when all were found (at most `RunTogetherCut.alternativeLimit`);
    /// else empty.
    var alternatives: [[Double]] = []
    /// The most values a line may have split in two.
    static let maximumJoins = 3

    /// Whether a number's text cut short (`text`) visibly goes on in the next cell's text: it ends with its point
    /// (`55.` / `2078`), or the next part starts with 0, which no number does (`195.2` / `038`), or it has its point
    /// and the next part is more digits, perhaps with the unit (`6428232.4` / `5元`). A unit ends a number.
    static func continues(_ text: String, _ next: String) -> Bool {
        guard let last = text.utf8.last, last == 0x2E || (last >= 0x30 && last <= 0x39),
            let lead = next.utf8.first, lead >= 0x30 && lead <= 0x39, !next.containsByte(0x2E) || last != 0x2E && !text.containsByte(0x2E)
        else { return false }
        if last == 0x2E { return true }
        if lead == 0x30, next.utf8.count >= 2, case let second = next.utf8.dropFirst().first!, second >= 0x30 && second <= 0x39 { return true }
        return text.containsByte(0x2E) && !next.containsByte(0x2E)
    }
}

/// A line of digits run together, cut into a row's values where its identities hold.
struct RunTogetherCut {
    /// The cut taken: of several, the one whose earlier values are longer.
    var values: [Double]
    var isUnique: Bool
    /// Every cut that holds, the taken one first, when there are several, all were found, and at most
    /// `alternativeLimit`; else empty.
    var alternatives: [[Double]]
    /// How many cells were printed blank (0 for a cut into the full row; `RowSegmenter.cutWithBlanks`).
    var blanks = 0
    /// Whether the values' columns are a guess (blank cells gone, no position to go by).
    var isGuess = false
    /// How many cuts are kept to be told apart by the column identities.
    static let alternativeLimit = 64
}

/// The segmenter's placement helpers: digit runs cut by the row identities, the columns a line's values take
/// when the row has blank cells, and the column positions (per page) they are placed by.
extension RowSegmenter {
    /// How many tokens stand on each line that holds one: `counts` (one entry per such line, in no order) and
    /// `count(line)`. Counted in an array over the tokens' lines (hashing each line number cost more), or in a
    /// dictionary when the lines are too far apart for one.
    static func tokensPerLine(_ tokens: [ValueToken]) -> (counts: [Int], count: (Int) -> Int) {
        guard let low = tokens.map(\.line).min(), let high = tokens.map(\.line).max() else { return ([], { _ in 0 }) }
        if high - low <= 4 * tokens.count + 1024 {
            var byOffset = [Int](repeating: 0, count: high - low + 1)
            for t in tokens { byOffset[t.line - low] += 1 }
            return (byOffset.filter { $0 > 0 }, { line in line >= low && line <= high ? byOffset[line - low] : 0 })
        }
        var byLine: [Int: Int] = [:]
        for t in tokens { byLine[t.line, default: 0] += 1 }
        return (Array(byLine.values), { byLine[$0] ?? 0 })
    }

    /// The page (0-based: how many repeated headers stand before it) of a line.
    func page(of line: Int) -> Int { Self.page(of: line, breaks: pageBreaks) }

    static func page(of line: Int, breaks: [Int]) -> Int {
        var page = 0
        while page < breaks.count, breaks[page] <= line { page += 1 }
        return page
    }

    /// The positions values stand at, grouped where they are within 2 display columns of each other (a column's
    /// values are centred or right-aligned: short and long numbers of one column differ by a column or so).
    static func positionClusters(_ tokens: [ValueToken], countingCharacters: Bool) -> [Double] {
        let sorted = tokens.filter { !$0.isCellIndex }.map { $0.center(countingCharacters: countingCharacters) }.sorted()
        guard var previous = sorted.first else { return [] }
        var clusters: [[Double]] = [[previous]]
        for c in sorted.dropFirst() {
            if c - previous > 2 { clusters.append([c]) } else { clusters[clusters.count - 1].append(c) }
            previous = c
        }
        return clusters.map { $0.reduce(0, +) / Double($0.count) }
    }

    /// How far the values of lines holding at most `width` of them stand from the nearest column of the full rows
    /// (lines of exactly `width` values), on average, in column spacings; nil without full rows or positions.
    static func fitToFullRows(width: Int, lines: [[ValueToken]], countingCharacters: Bool) -> Double? {
        guard width >= 3, !lines.contains(where: { $0.contains(where: \.isCellIndex) }) else { return nil }
        let centers = learnCenters(width: width, lines: lines, countingCharacters: countingCharacters)
        guard centers.count == width, let first = centers.first, let last = centers.last, last > first else { return nil }
        let spacing = (last - first) / Double(width - 1)
        var total = 0.0
        var count = 0
        for line in lines where line.count < width {
            for t in line {
                let x = t.center(countingCharacters: countingCharacters)
                total += centers.reduce(Double.infinity) { min($0, abs($1 - x)) } / spacing
                count += 1
            }
        }
        return count > 0 ? total / Double(count) : nil
    }

    /// The mean position of each column on the lines that hold exactly `width` values.
    static func learnCenters(width: Int, lines: some Sequence<[ValueToken]>, countingCharacters: Bool) -> [Double] {
        var sums = [Double](repeating: 0, count: width)
        var count = 0
        for line in lines where line.count == width {
            for (c, t) in line.enumerated() { sums[c] += t.center(countingCharacters: countingCharacters) }
            count += 1
        }
        guard count > 0 else { return [] }
        return sums.map { $0 / Double(count) }
    }

    /// The number ASCII digits spell (`digits` holds nothing else).
    static func digitsValue(_ digits: ArraySlice<UInt8>) -> Double {
        digits.reduce(0.0) { $0 * 10 + Double($1 - 0x30) }
    }

    /// The cut of a line's digit runs into the row's values that satisfies its identities (numbers without leading
    /// zeros; the runs' own boundaries are cuts), and whether it is the only one. Nil when no cut works or a run is
    /// not plain digits.
    func splitRunTogether(_ runs: [String], row: RowSpec) -> RunTogetherCut? {
        let digits = Array(runs.joined().utf8)
        let w = row.width
        guard digits.count >= w, digits.count <= 40, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        // Where each run ends: no value spans one of these.
        var boundaries = [Bool](repeating: false, count: digits.count + 1)
        var end = 0
        for run in runs {
            end += run.utf8.count
            boundaries[end] = true
        }
        var solutions: [[Double]] = []
        var current: [Double] = []
        // Each sum group is checked as soon as its last value is cut (a wide row — 表四's 15 columns — has billions
        // of cuts of 40 digits), and the search gives up past a budget: no cut is then taken.
        let groupEnds = Dictionary(row.sumGroups.map { ($0.upperBound, $0) }, uniquingKeysWith: { first, _ in first })
        var nodes = 0
        let budget = 200_000
        func search(_ at: Int) {
            nodes += 1
            if solutions.count > RunTogetherCut.alternativeLimit || nodes > budget { return }
            if let group = groupEnds[current.count], current.count > 0, !Self.groupHolds(group, in: current) { return }
            if current.count == w {
                if at == digits.count, identityHolds(current, row) { solutions.append(current) }
                return
            }
            let remainingValues = w - current.count
            let maxLength = digits.count - at - (remainingValues - 1)
            guard maxLength >= 1 else { return }
            // No leading zeros; no value across runs.
            var longest = 1
            while longest < min(maxLength, 9), digits[at] != 0x30, !boundaries[at + longest] { longest += 1 }
            // Longest first: of several cuts that hold, the one whose earlier values are longer is kept (自然人, the
            // first column, counts the most applicants in most reports). Still flagged as not the only cut.
            for length in stride(from: longest, through: 1, by: -1) {
                current.append(Self.digitsValue(digits[at..<(at + length)]))
                search(at + length)
                current.removeLast()
            }
        }
        search(0)
        // Past the budget, a cut is taken only when a second one was found (it is then flagged as not the only one).
        guard let first = solutions.first, nodes <= budget || solutions.count >= 2 else { return nil }
        // Every cut, when all were found and few enough to tell apart by the column identities (`IdentityRepair+Joint`).
        let all = nodes <= budget && solutions.count <= RunTogetherCut.alternativeLimit
        return RunTogetherCut(values: first, isUnique: solutions.count == 1, alternatives: solutions.count > 1 && all ? solutions : [])
    }

    /// The tokens `p..<q` of one line (more than the row's width, at most `SplitApartJoin.maximumJoins` more) read as
    /// the row's values with neighbours joined where a number was split in two (`26 35 49 35 3 9 31 2 15`: 39 and
    /// 215), so that the row's identities hold: the first such join (fewest digits in the earlier values joined
    /// last), and whether it is the only one. Only plain digits join, a part starting with 0 never first, nine digits
    /// at most; nil when no join holds. A row without a sum (表二) joins only where the parts show it (`55.` / `2078`,
    /// `195.2` / `038`, `6428232.4` / `5元`: `SplitApartJoin.continues`), and only the one way.
    func joinSplitValues(_ p: Int, _ q: Int, row: RowSpec) -> SplitApartJoin? {
        let w = row.width
        let joins = q - p - w
        guard joins >= 1, joins <= SplitApartJoin.maximumJoins else { return nil }
        // OCR's lines hold stray digits (an item number, a glyph read as a digit) that a join would make a number of.
        guard !tokens[p..<q].contains(where: \.showsOCRDamage) else { return nil }
        let plain = (p..<q).map { t in
            !tokens[t].isBlankMarker && !tokens[t].text.isEmpty && tokens[t].text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        }
        let summed = row.hasSumIdentity
        // Whether the number read so far (`text`, from token `t`) goes on in token `next`.
        // (A blank mark joins neither way: it is no plain digits, and no number goes on in it.)
        func joinable(_ text: String, _ t: Int, _ next: Int) -> Bool {
            let length = text.utf8.count + tokens[next].text.utf8.count
            if summed { return plain[t - p] && plain[next - p] && text.utf8.first != 0x30 && length <= 9 }
            return length <= 16 && SplitApartJoin.continues(text, tokens[next].text)
        }
        func number(_ text: String) -> Double? { summed ? Double(text) : ValueTokenizer.value(of: Substring(text)) }
        // Whether token t and the next stand together: neighbouring tab cells, or at most two characters apart (a
        // number's halves, not two columns of laid-out text).
        func adjacent(_ t: Int) -> Bool {
            let (a, b) = (tokens[t], tokens[t + 1])
            if a.isCellIndex || b.isCellIndex { return a.isCellIndex && b.isCellIndex && b.x - a.x <= 1 }
            return b.characterX - (a.characterX + a.text.count) <= 2
        }
        let groupEnds = Dictionary(row.sumGroups.map { ($0.upperBound, $0) }, uniquingKeysWith: { first, _ in first })
        var solutions: [[Range<Int>]] = []
        var groups: [Range<Int>] = []
        var values: [Double] = []
        func search(_ t: Int) {
            if solutions.count > RunTogetherCut.alternativeLimit { return }
            if t == q {
                if values.count == w { solutions.append(groups) }
                return
            }
            // The value starting at token t: the token alone, or joined with the next ones while joins are left.
            let joinsLeft = (q - t) - (w - values.count)
            var end = t + 1
            var text = tokens[t].text
            while true {
                let value = end == t + 1 ? tokens[t].value : number(text) ?? -1
                guard value >= 0 else { return }
                groups.append(t..<end)
                values.append(value)
                let holds = groupEnds[values.count].map { Self.groupHolds($0, in: values) } ?? true
                if holds, values.count <= w { search(end) }
                groups.removeLast()
                values.removeLast()
                guard end - t <= joinsLeft, end < q, adjacent(end - 1), joinable(text, t, end) else { return }
                text += tokens[end].text
                end += 1
            }
        }
        search(p)
        guard let first = solutions.first, summed || solutions.count == 1 else { return nil }
        func joined(_ groups: [Range<Int>]) -> [Double] {
            groups.map { group in
                group.count == 1 ? tokens[group.lowerBound].value : number(group.map { tokens[$0].text }.joined()) ?? 0
            }
        }
        // Of several joins, the column identities choose (`IdentityRepair+Joint`).
        let all = solutions.count <= RunTogetherCut.alternativeLimit
        return SplitApartJoin(values: joined(first), groups: first, isUnique: solutions.count == 1,
                              alternatives: solutions.count > 1 && all ? solutions.map(joined) : [])
    }

    /// Candidate columns for the tokens `p..<q` of one line (fewer than the row's width), best first: by tab-cell
    /// position (after the label, or counted from the line's end), by learned column positions, then every
    /// order-preserving placement that satisfies the row's identities when there are few enough to try.
    func candidateColumns(_ p: Int, _ q: Int, row: RowSpec) -> [(columns: [Int], how: String, isGuess: Bool)] {
        let width = row.width
        let k = q - p
        var candidates: [(columns: [Int], how: String, isGuess: Bool)] = []
        func add(_ cols: [Int], _ how: String, isGuess: Bool = false) {
            guard cols.count == k, cols.allSatisfy({ (0..<width).contains($0) }), zip(cols, cols.dropFirst()).allSatisfy({ $0 < $1 }),
                !candidates.contains(where: { $0.columns == cols })
            else { return }
            candidates.append((cols, isGuess ? how + " " + Self.noPosition : how, isGuess))
        }
        if tokens[p].isCellIndex {
            // The table's grid first, when its totals' cell is known and the values stand within the row's cells.
            if let last = tabGrid[width], (p..<q).allSatisfy({ tokens[$0].x <= last && tokens[$0].x > last - width }) {
                add((p..<q).map { width - 1 - (last - tokens[$0].x) }, "tab cells of the table's grid")
            }
            let lastCell = tokens[q - 1].x
            let fromEnd = (p..<q).map { width - 1 - (lastCell - tokens[$0].x) }
            let afterLabel = (p..<q).map { tokens[$0].x - tokens[p].labelEnd - 1 }
            let fromLineEnd = (p..<q).map { width - (tokens[p].cellCount - tokens[$0].x) }
            // A line that holds exactly the row's cells after its label (a grid written cell for cell, an HTML table)
            // gives each value its cell's column, even where the row's last cells (总计) are blank; otherwise a row
            // with a sum is counted from its last value (总计) first.
            let isExact = afterLabel == fromLineEnd || tokens[p].cellsWritten - tokens[p].labelEnd - 1 == width
            if row.hasSumIdentity && !isExact {
                add(fromEnd, "tab cells counted from the last value")
                add(afterLabel, "tab cells counted from the label")
            } else {
                add(afterLabel, "tab cells counted from the label")
                add(fromEnd, "tab cells counted from the last value")
            }
            add(fromLineEnd, "tab cells counted from the line's end")
        } else if let perPage = centers[width], case let centers = perPage[page(of: tokens[p].line)], centers.count == width {
            let nearest = nearestColumns(p, q, centers: centers)
            add(nearest, headerPlaced.contains(width) ? "column positions of the table's header" : "column positions of the table's full rows")
            // A row whose last value is the sum of the others, which those positions do not put in its columns:
            // its total in the last column, its parts by the positions of rows whose total stands where its total
            // stands (`TotalAnchors`).
            if k >= 2, row.sumGroups == [0..<width], nearest.last != width - 1, let anchors = totalAnchors[width],
                Identity.agree((p..<(q - 1)).reduce(0) { $0 + tokens[$1].value }, tokens[q - 1].value),
                let (positions, how) = anchors.partPositions(forTotalAt: tokens[q - 1].center(countingCharacters: countsCharacters))
            {
                add(nearestColumns(p, q - 1, centers: positions) + [width - 1], how)
            }
        }
        if row.hasSumIdentity, binomial(width, k) <= 3000 {
            var solutions: [[Int]] = []
            var chosen: [Int] = []
            // One row of values, cleared and filled at each leaf (an array a leaf cost an allocation apiece).
            var values = [Double](repeating: 0, count: width)
            func search(_ t: Int, _ from: Int) {
                if solutions.count > 1 { return }
                if t == k {
                    for c in 0..<width { values[c] = 0 }
                    for (j, c) in chosen.enumerated() { values[c] = tokens[p + j].value }
                    if identityHolds(values, row) { solutions.append(chosen) }
                    return
                }
                guard from < width else { return }
                for c in from..<(width - (k - t - 1)) {
                    chosen.append(c)
                    search(t + 1, c + 1)
                    chosen.removeLast()
                }
            }
            search(0, 0)
            if solutions.count == 1 { add(solutions[0], "the only placement that satisfies the row's identities") }
        }
        if candidates.isEmpty, k >= 2, row.sumGroups == [0..<width],
            Identity.agree((p..<(q - 1)).reduce(0) { $0 + tokens[$1].value }, tokens[q - 1].value)
        {
            // A 表三 row whose last value is the sum of the others, from a table that leaves its zeros blank and an
            // extractor that dropped the blank cells: the total in its column, the parts from the first column on
            // (自然人 first: the applicants most reports count most of).
            add((0..<(k - 1)).map { $0 } + [width - 1], "parts from the first column, total last", isGuess: true)
        }
        if candidates.isEmpty { add((0..<k).map { width - k + $0 }, "right-aligned", isGuess: true) }
        return candidates
    }

    /// Per width of rows whose last value is the sum of all the others (表三), the tab cell of that last value, when
    /// at least two lines of tab cells agree on it and no such line disagrees: lines of two values or more, all of
    /// them tab cells, spanning at most the row's width, whose last is the sum of the others.
    static func tabGrid(rows: [RowSpec], lines: some Sequence<[ValueToken]>) -> [Int: Int] {
        let widths = Set(rows.filter { $0.sumGroups == [0..<$0.width] }.map(\.width))
        guard !widths.isEmpty else { return [:] }
        var grid: [Int: Int] = [:]
        for width in widths {
            var seen: [Int: Int] = [:]
            for line in lines where line.count >= 2 && line.count <= width && line.allSatisfy(\.isCellIndex) {
                guard let first = line.first, let last = line.last, last.x - first.x < width,
                    groupHolds(0..<line.count, in: line.map(\.value))
                else { continue }
                seen[last.x, default: 0] += 1
            }
            if seen.count == 1, let (cell, count) = seen.first, count >= 2 { grid[width] = cell }
        }
        return grid
    }

    /// How the note of a row with blank cells ends when nothing placed its values but a guess (the placement and
    /// its cells carry `isGuess` too).
    static let noPosition = "(no position to go by)"

    func binomial(_ n: Int, _ k: Int) -> Int {
        var result = 1
        for i in 0..<min(k, n - k) { result = result * (n - i) / (i + 1) }
        return result
    }

    /// Order-preserving nearest assignment of tokens to column positions (small DP).
    func nearestColumns(_ p: Int, _ q: Int, centers: [Double]) -> [Int] {
        let k = q - p
        let width = centers.count
        var best = [[Double]](repeating: [Double](repeating: .infinity, count: width + 1), count: k + 1)
        var from = [[Int]](repeating: [Int](repeating: -1, count: width + 1), count: k + 1)
        for c in 0...width { best[0][c] = 0 }
        for t in 1...k {
            for c in t...width {
                for previous in (t - 1)..<c where best[t - 1][previous] < .infinity {
                    let cost = best[t - 1][previous] + abs(tokens[p + t - 1].center(countingCharacters: countsCharacters) - centers[c - 1])
                    if cost < best[t][c] {
                        best[t][c] = cost
                        from[t][c] = previous
                    }
                }
            }
        }
        guard var c = (k...width).min(by: { best[k][$0] < best[k][$1] }), best[k][c] < .infinity else { return [] }
        var cols = [Int](repeating: 0, count: k)
        for t in stride(from: k, to: 0, by: -1) {
            cols[t - 1] = c - 1
            c = from[t][c]
        }
        return cols
    }
}
