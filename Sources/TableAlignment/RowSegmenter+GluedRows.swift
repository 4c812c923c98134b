import ReportTemplates

/// Digits run together in a row whose zeros were printed as empty cells: a page's cells joined with nothing between
/// them (`二、上年结转政府信息公开申请数量313061`, the row's 31, 30 and 61, its other cells empty) keep no trace of
/// the blank cells, so the digits hold fewer values than the row has columns.
extension RowSegmenter {
    /// The most digits a line may have for its cuts with blank cells to be searched (the cuts of n digits into k
    /// values grow as n^k), and the most steps the search takes.
    static let blankCutDigits = 24
    static let blankCutBudget = 100_000

    /// The cuts of a line's digits into fewer values than the row's width, for a row whose one sum spans it
    /// (表三: 总计 = the six before it): values without leading zeros and none of them 0 (a table that prints its
    /// zeros prints every cell, and its digits cut into the full row), the last the sum of the others; for a line
    /// `p..<q` that is one run of digits printed against its label. Nil when there is none.
    ///
    /// The cut whose earlier values are longer is taken, its parts from the first column on and the total last
    /// (`isGuess`, as `candidateColumns` places a blank-zero row's parts: no position says where they stand), and
    /// the column identities move it (`IdentityRepair+Joint`). With several cuts, every placement of every cut is
    /// offered to the column identities (`alternatives`), when they are few enough to search.
    ///
    /// ```
    /// 313061 in a row of 7 → 31 30 0 0 0 0 61 (31 + 30 = 61; the parts' columns a guess)
    /// ```
    func cutWithBlanks(_ p: Int, _ q: Int, row: RowSpec) -> RunTogetherCut? {
        let w = row.width
        // One run, printed against its label: cells joined with nothing between them. A line of several runs was
        // cut into cells by something that saw them apart (OCR's words, a layout's gaps), and a run standing apart
        // is one value; cut further there, it is more often a misread digit than a lost cell.
        guard w >= 3, row.sumGroups == [0..<w], q == p + 1, tokens[p].repair == ValueTokenizer.gluedValueRepair else { return nil }
        let digits = Array(tokens[p].text.utf8)
        guard digits.count >= 2, digits.count <= Self.blankCutDigits, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            return nil
        }
        var cuts: [[Double]] = []
        var pieces: [Double] = []
        var nodes = 0
        func search(_ at: Int) {
            nodes += 1
            if nodes > Self.blankCutBudget || cuts.count > RunTogetherCut.alternativeLimit { return }
            if at == digits.count {
                // Parts and a total, fewer than the row's columns.
                guard pieces.count >= 2, pieces.count < w,
                    Identity.agree(pieces.dropLast().reduce(0, +), pieces[pieces.count - 1])
                else { return }
                cuts.append(pieces)
                return
            }
            guard pieces.count < w - 1, digits[at] != 0x30 else { return }
            let longest = min(digits.count - at, 9)
            for length in stride(from: longest, through: 1, by: -1) {
                pieces.append(Self.digitsValue(digits[at..<(at + length)]))
                search(at + length)
                pieces.removeLast()
            }
        }
        search(0)
        guard nodes <= Self.blankCutBudget, let first = cuts.first else { return nil }
        func placed(_ cut: [Double], columns: [Int]) -> [Double] {
            var values = [Double](repeating: 0, count: w)
            for (value, column) in zip(cut.dropLast(), columns) { values[column] = value }
            values[w - 1] = cut[cut.count - 1]
            return values
        }
        let guessed = placed(first, columns: Array(0..<(first.count - 1)))
        var alternatives: [[Double]] = []
        if cuts.count > 1 {
            // Every placement of every cut, the guess first, when few enough for the column identities to search.
            let count = cuts.reduce(0) { $0 + binomial(w - 1, $1.count - 1) }
            if count <= RunTogetherCut.alternativeLimit {
                alternatives = [guessed]
                for cut in cuts {
                    for columns in IdentityRepair.State.combinations(cut.count - 1, of: w - 1) {
                        let values = placed(cut, columns: columns)
                        if values != guessed { alternatives.append(values) }
                    }
                }
            }
        }
        return RunTogetherCut(
            values: guessed, isUnique: cuts.count == 1, alternatives: alternatives, blanks: w - first.count,
            isGuess: alternatives.isEmpty)
    }
}

extension RowSegmenter {
    /// The most cuts of a row without a sum that are told apart; past it the line is read as before (one value).
    static let unsummedCutLimit = 512

    /// The cuts of a row without a sum (表二) whose values were printed against their label with nothing between
    /// them (`规章115001271`, `行政处罚37-100`): every way to read the line `p..<q` — runs printed against its
    /// label, cut at minus signs — as exactly the row's values, each a number as printed (`-` only first, no
    /// leading zero but `0` itself, commas between groups of three, a point with digits after it; an amount's
    /// unit after the last dropped), the runs' own boundaries kept. Nil when there is none.
    ///
    /// No identity tells the cuts apart: the only one is taken as read (`isUnique`); of several, the one whose
    /// longest value is shortest (values of one row are of a size more often than not; the earlier values longer
    /// among equals), flagged as one cut of several.
    ///
    /// ```
    /// 行政处罚37-100 in a row of 3 → 37 -10 0 (the only cut: `-` starts a value, `-100` would leave none)
    /// ```
    func cutWithoutSum(_ p: Int, _ q: Int, row: RowSpec) -> RunTogetherCut? {
        let w = row.width
        guard w >= 2, !row.hasSumIdentity, q > p, q - p < w, tokens[p].line == tokens[q - 1].line,
            (p..<q).allSatisfy({ tokens[$0].repair == ValueTokenizer.gluedValueRepair })
        else { return nil }
        // The runs one after the other (a minus sign already cut them: `37` `-100`), an amount's unit dropped.
        var bytes: [UInt8] = []
        var boundaries: Set<Int> = []
        for t in p..<q {
            var text = Substring(tokens[t].text)
            if t == q - 1 { for unit in OCRCellRepairs.amountUnits where text.hasSuffix(unit) { text = text.dropLast(unit.count) } }
            if t > p { boundaries.insert(bytes.count) }
            bytes += text.utf8
        }
        guard bytes.count >= w, bytes.count <= Self.blankCutDigits,
            bytes.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x2E || $0 == 0x2C })
        else { return nil }
        // Whether bytes[from..<to] is a number as printed: `-` first only, no leading zero but `0` itself, commas
        // only between groups of three digits, a point with digits after it.
        func isNumber(_ from: Int, _ to: Int) -> Bool {
            var i = from
            if bytes[i] == 0x2D { i += 1 }
            guard i < to, bytes[i] >= 0x30 && bytes[i] <= 0x39 else { return false }
            var integerEnd = i
            while integerEnd < to, bytes[integerEnd] != 0x2E { integerEnd += 1 }
            let integer = bytes[i..<integerEnd]
            if integer.contains(0x2C) {
                let groups = integer.split(separator: 0x2C, omittingEmptySubsequences: false)
                guard (1...3).contains(groups[0].count), groups[0].first != 0x30,
                    groups.dropFirst().allSatisfy({ $0.count == 3 && !$0.contains(0x2D) })
                else { return false }
            } else if integer.count > 1, bytes[i] == 0x30 {
                return false
            }
            guard !integer.contains(0x2D) else { return false }
            if integerEnd < to {
                let fraction = bytes[(integerEnd + 1)..<to]
                guard !fraction.isEmpty, fraction.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
            }
            return true
        }
        var cuts: [[Range<Int>]] = []
        var pieces: [Range<Int>] = []
        func search(_ at: Int) {
            if cuts.count > Self.unsummedCutLimit { return }
            if pieces.count == w - 1 {
                if isNumber(at, bytes.count), !boundaries.contains(where: { $0 > at }) { cuts.append(pieces + [at..<bytes.count]) }
                return
            }
            guard at < bytes.count else { return }
            // A number with a point runs to the end of its digits: no value starts inside its fraction
            // (`61,286,450.75` is not `61,286,450.7` and `5`), only at a minus sign or a run's end.
            for end in (at + 1)..<bytes.count
            where isNumber(at, end) && !boundaries.contains(where: { $0 > at && $0 < end })
                && (!bytes[at..<end].contains(0x2E) || bytes[end] == 0x2D || boundaries.contains(end))
            {
                pieces.append(at..<end)
                search(end)
                pieces.removeLast()
            }
        }
        search(0)
        guard cuts.count <= Self.unsummedCutLimit, !cuts.isEmpty else { return nil }
        let taken = cuts.min { a, b in
            let (la, lb) = (a.map(\.count).max()!, b.map(\.count).max()!)
            return la != lb ? la < lb : a.map { -$0.count }.lexicographicallyPrecedes(b.map { -$0.count })
        }!
        let values = taken.map { Double(String(decoding: bytes[$0].filter { $0 != 0x2C }, as: UTF8.self)) ?? 0 }
        return RunTogetherCut(values: values, isUnique: cuts.count == 1, alternatives: [], blanks: 0, isGuess: false)
    }
}
