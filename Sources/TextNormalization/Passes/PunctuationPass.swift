import ReportModel

/// Pass 8, punctuation: full-width and half-width punctuation under the policy of `PunctuationTable`.
///
/// Under `canonical`: `,;:?!` next to Han text become `，；：？！`; `，：` between ASCII letters or digits become ASCII
/// (`12：30` → `12:30`); full-width marks with no Chinese use become ASCII (`1．属于` → `1.属于`); a parenthesis
/// or straight-quote pair becomes `（…）` / `“…”` when it encloses or touches Han text (`(一)` → `（一）`) and ASCII
/// otherwise. Under `ascii` every entry of the table becomes its ASCII form.
///
/// Context is read from letters, digits and Han only (never from other punctuation, which this pass itself
/// rewrites), within one table cell: so the decisions do not change when the pass runs again.
///
/// - Never touches: `.` (ASCII full stops are numbers and item numbers), `、。“”《》〔〕` under `canonical`.
struct PunctuationPass: NormalizationPass {
    let name = NormalizationPassName.punctuation

    fileprivate enum Kind { case none, han, alphanumeric }

    func apply(to input: UnsafeBufferPointer<UInt8>, lines cache: inout LineCache, configuration: NormalizationConfiguration)
        -> PassEdits?
    {
        var builder = SpliceBuilder(input: input)
        let skipping = ByteKernel.isSkipping
        var scratch = CellScratch()
        var start = 0
        let n = input.count
        let policy = configuration.punctuationPolicy
        // The table read once (a static read in the loop costs a lazy-initialisation check per byte).
        let asciiToChinese = PunctuationTable.asciiToChineseFlat
        while start <= n {
            if policy == .canonical {
                // Cells without a byte the canonical policy may change are skipped whole: from the next byte that
                // may be one, back to the start of its cell.
                let next = input.nextCandidate(from: start, .punctuation, skipping: skipping)
                if next > start {
                    var cellStart = next
                    while cellStart > start, input[cellStart - 1] != 0x0A, input[cellStart - 1] != 0x09 { cellStart -= 1 }
                    start = cellStart
                }
            }
            // One cell: up to a tab or line feed. Parentheses and straight quotes need the whole cell (they are
            // decided per pair); everything else is decided where it stands, and a cell is rewritten only when
            // it holds a mark this policy may change (most cells of Chinese text hold only `，。、`, which stay).
            var end = start
            var needsPairs = false
            var hasCandidate = false
            while end < n {
                let b = input[end]
                if b < 0x80 {
                    if b == 0x0A || b == 0x09 { break }
                    if b == 0x28 || b == 0x29 || b == 0x22 {
                        needsPairs = true
                    } else if asciiToChinese[Int(b)] != 0 {
                        hasCandidate = true
                    }
                    end += 1
                    continue
                }
                if b >= 0xE4 && b <= 0xE9 {
                    end += 3  // a three-byte character of U+4000–U+9FFF (no punctuation there) in one step
                    continue
                }
                guard b == 0xEF || b == 0xE3 || b == 0xE2 else {
                    end += 1
                    continue
                }
                let (c, length) = decodeScalar(input, at: end)
                if c == 0xFF08 || c == 0xFF09 || c == 0xFF02 {
                    // （ ） ＂: a full-width parenthesis touching Han stays as it is whatever its pair says, so
                    // only the others need the pair analysis.
                    if c == 0xFF02 || !touchesHan(end, length, input) { needsPairs = true }
                    hasCandidate = true
                } else if let entry = PunctuationTable.entry(c) {
                    switch (policy, entry.behaviour) {
                    case (.ascii, _), (.canonical, .alwaysASCII):
                        hasCandidate = true
                    case (.canonical, .contextual):
                        // Rewritten only between ASCII letters or digits (`12：30`), which never end a cell.
                        if end > start, end + length < n, CharacterClass.isASCIIAlphanumeric(UInt32(input[end - 1])),
                            CharacterClass.isASCIIAlphanumeric(UInt32(input[end + length]))
                        {
                            hasCandidate = true
                        }
                    case (.canonical, .chineseOnly), (.canonical, .paired):
                        break
                    }
                }
                end += length
            }
            if hasCandidate && !(needsPairs && policy == .canonical) {
                rewriteInPlace(start..<end, input, policy: policy, into: &builder)
            } else if needsPairs {
                rewriteCell(start..<end, input, policy: policy, scratch: &scratch, into: &builder)
            }
            start = end + 1
        }
        return builder.finish()
    }

    /// The fast path for a cell without parentheses or straight quotes: each candidate is decided from its own
    /// neighbourhood, with the same rules as `rewriteCell`.
    private func rewriteInPlace(
        _ cell: Range<Int>, _ input: UnsafeBufferPointer<UInt8>, policy: PunctuationPolicy,
        into builder: inout SpliceBuilder
    ) {
        // The nearest letter, digit or Han on each side, remembered between candidates: a cell of a million commas
        // must not rescan its whole length for each one (the scans were quadratic).
        var context = KindCache()
        var out: [UInt8] = []
        var i = cell.lowerBound
        while i < cell.upperBound {
            let b = input[i]
            if b < 0x80 {
                if policy == .canonical, case let chinese = PunctuationTable.asciiToChineseFlat[Int(b)], chinese != 0 {
                    let immediateASCII =
                        i > cell.lowerBound && i + 1 < cell.upperBound
                        && CharacterClass.isASCIIAlphanumeric(UInt32(input[i - 1]))
                        && CharacterClass.isASCIIAlphanumeric(UInt32(input[i + 1]))
                    let isURL = b == 0x3A && i + 2 < cell.upperBound && input[i + 1] == 0x2F && input[i + 2] == 0x2F
                    if !immediateASCII, !isURL,
                        context.before(i, cell, input, pass: self) == .han || context.after(i + 1, cell, input, pass: self) == .han
                    {
                        out.removeAll(keepingCapacity: true)
                        appendScalar(chinese, to: &out)
                        builder.replace(i..<(i + 1), with: out, rule: "ascii-in-chinese")
                    }
                }
                i += 1
                continue
            }
            if b >= 0xE4 && b <= 0xE9 {
                i += 3  // a three-byte character of U+4000–U+9FFF (no punctuation there) in one step
                continue
            }
            guard b == 0xEF || b == 0xE3 || b == 0xE2 else {
                i += 1
                continue
            }
            let (c, length) = decodeScalar(input, at: i)
            defer { i += length }
            guard let entry = PunctuationTable.entry(c) else { continue }
            if policy == .ascii {
                builder.replace(i..<(i + length), with: entry.ascii.utf8, rule: "ascii-policy")
                continue
            }
            switch entry.behaviour {
            case .alwaysASCII:
                guard !MarkdownSafety.wouldFormMarkdown(at: i, length: length, ascii: entry.ascii, input) else { continue }
                builder.replace(i..<(i + length), with: entry.ascii.utf8, rule: "fullwidth-symbol")
            case .contextual:
                if i > cell.lowerBound, i + length < cell.upperBound,
                    CharacterClass.isASCIIAlphanumeric(UInt32(input[i - 1])),
                    CharacterClass.isASCIIAlphanumeric(UInt32(input[i + length]))
                {
                    builder.replace(i..<(i + length), with: entry.ascii.utf8, rule: "fullwidth-between-ascii")
                }
            case .chineseOnly, .paired:
                break
            }
        }
    }

    /// Whether the scalar at `i` (of `length` bytes) has a Han character right before or right after it.
    private func touchesHan(_ i: Int, _ length: Int, _ input: UnsafeBufferPointer<UInt8>) -> Bool {
        if i + length < input.count, CharacterClass.isHan(decodeScalar(input, at: i + length).value) { return true }
        if i > 0, CharacterClass.isHan(decodeScalar(input, at: previousScalarStart(input, before: i)).value) { return true }
        return false
    }

    /// `nearestKind(before:)` and `nearestKind(after:)` for queries that move forward through one cell, each byte
    /// scanned at most once in each direction (amortised linear in the cell).
    private struct KindCache {
        /// The last `before` query: its position and answer.
        var beforeAt = -1
        var beforeKind = Kind.none
        /// The last `after` scan: from `afterFrom`, the first kind stood at `afterStop` (the cell's end when none).
        var afterFrom = -1
        var afterStop = -1
        var afterKind = Kind.none

        mutating func before(_ i: Int, _ cell: Range<Int>, _ input: UnsafeBufferPointer<UInt8>, pass: PunctuationPass) -> Kind {
            guard beforeAt >= cell.lowerBound, beforeAt <= i else {
                beforeAt = i
                beforeKind = pass.nearestKind(before: i, cell, input)
                return beforeKind
            }
            // Scan back only to the last query; nothing new there means its answer stands.
            let found = pass.nearestKind(before: i, beforeAt..<cell.upperBound, input)
            if found != .none { beforeKind = found }
            beforeAt = i
            return beforeKind
        }

        mutating func after(_ i: Int, _ cell: Range<Int>, _ input: UnsafeBufferPointer<UInt8>, pass: PunctuationPass) -> Kind {
            if afterFrom >= cell.lowerBound, afterFrom <= i, i <= afterStop { return afterKind }
            var k = i
            while k < cell.upperBound {
                let (c, length) = decodeScalar(input, at: k)
                let found = pass.kind(c)
                if found != .none {
                    (afterFrom, afterStop, afterKind) = (i, k, found)
                    return found
                }
                k += length
            }
            (afterFrom, afterStop, afterKind) = (i, cell.upperBound, .none)
            return .none
        }
    }

    /// The kind of the nearest letter, digit or Han character before byte `i` in the cell.
    fileprivate func nearestKind(before i: Int, _ cell: Range<Int>, _ input: UnsafeBufferPointer<UInt8>) -> Kind {
        var k = i
        while k > cell.lowerBound {
            let start = previousScalarStart(input, before: k)
            let found = kind(decodeScalar(input, at: start).value)
            if found != .none { return found }
            k = start
        }
        return .none
    }

    /// The kind of the nearest letter, digit or Han character at or after byte `i` in the cell.
    private func nearestKind(after i: Int, _ cell: Range<Int>, _ input: UnsafeBufferPointer<UInt8>) -> Kind {
        var k = i
        while k < cell.upperBound {
            let (c, length) = decodeScalar(input, at: k)
            let found = kind(c)
            if found != .none { return found }
            k += length
        }
        return .none
    }

    fileprivate func kind(_ c: UInt32) -> Kind {
        if CharacterClass.isHan(c) { return .han }
        if CharacterClass.isASCIIAlphanumeric(c) || (c >= 0x80 && c < 0x2000) { return .alphanumeric }
        return .none
    }

    /// One mark `rewriteCell` may change, with what it needs from the rest of the cell.
    private struct Candidate {
        /// Where the mark stands (byte offset) and its length in bytes.
        var offset: Int
        var length: Int
        var scalar: UInt32
        /// The kind of the nearest letter, digit or Han character before and after it in the cell.
        var before: Kind
        var after: Kind
        /// How many Han characters stand before it in the cell (a pair encloses Han when the count grows).
        var hanBefore: Int
    }

    /// Arrays `rewriteCell` fills for each cell, kept from cell to cell (a report has thousands of such cells).
    private struct CellScratch {
        var candidates: [Candidate] = []
        var decisions: [UInt32] = []
        var stack: [Int] = []
        var out: [UInt8] = []
    }

    /// Rewrites one cell that holds parentheses or straight quotes (decided pair by pair). One scan of the cell
    /// collects its marks, each with its neighbourhood; only the marks are looked at again.
    private func rewriteCell(
        _ cell: Range<Int>, _ input: UnsafeBufferPointer<UInt8>, policy: PunctuationPolicy,
        scratch: inout CellScratch, into builder: inout SpliceBuilder
    ) {
        scratch.candidates.removeAll(keepingCapacity: true)
        var lastKind = Kind.none
        var pending = 0  // the first candidate whose `after` is not known yet
        var han = 0
        var i = cell.lowerBound
        while i < cell.upperBound {
            let b = input[i]
            // Without decoding: ASCII, and U+5000–U+9FFF (lead bytes E5–E9), which is Han.
            let (c, length) = b < 0x80 ? (UInt32(b), 1) : b >= 0xE5 && b <= 0xE9 ? (0x5000, 3) : decodeScalar(input, at: i)
            let found = kind(c)
            if found != .none {
                while pending < scratch.candidates.count {
                    scratch.candidates[pending].after = found
                    pending += 1
                }
                lastKind = found
                if found == .han { han += 1 }
            } else if PunctuationTable.isCandidate(c) {
                scratch.candidates.append(
                    Candidate(offset: i, length: length, scalar: c, before: lastKind, after: .none, hanBefore: han))
            }
            i += length
        }
        if policy == .canonical {
            pairDecisions(scratch.candidates, into: &scratch.decisions, stack: &scratch.stack)
        } else {
            scratch.decisions.removeAll(keepingCapacity: true)
        }
        // Whether the byte at `k` (inside the cell) is an ASCII letter or digit: the scalar next to a mark is one
        // exactly when its byte there is.
        func isAlphanumeric(at k: Int) -> Bool {
            k >= cell.lowerBound && k < cell.upperBound && CharacterClass.isASCIIAlphanumeric(UInt32(input[k]))
        }
        for (k, candidate) in scratch.candidates.enumerated() {
            let c = candidate.scalar
            let (at, end) = (candidate.offset, candidate.offset + candidate.length)
            scratch.out.removeAll(keepingCapacity: true)
            var rule = ""
            if policy == .ascii {
                guard let entry = PunctuationTable.entry(c) else { continue }
                scratch.out.append(contentsOf: entry.ascii.utf8)
                rule = "ascii-policy"
            } else if k < scratch.decisions.count, case let chinese = scratch.decisions[k], chinese != 0 {
                guard chinese != c else { continue }
                appendScalar(chinese, to: &scratch.out)
                rule = chinese < 0x80 ? "ascii-pair" : "chinese-pair"
            } else if c < 0x80, case let chinese = PunctuationTable.asciiToChineseFlat[Int(c)], chinese != 0 {
                let immediateASCII = isAlphanumeric(at: at - 1) && isAlphanumeric(at: end)
                let isURL = c == 0x3A && end + 1 < cell.upperBound && input[end] == 0x2F && input[end + 1] == 0x2F
                guard !immediateASCII, !isURL, candidate.before == .han || candidate.after == .han else { continue }
                appendScalar(chinese, to: &scratch.out)
                rule = "ascii-in-chinese"
            } else if let entry = PunctuationTable.entry(c) {
                switch entry.behaviour {
                case .alwaysASCII:
                    guard !MarkdownSafety.wouldFormMarkdown(at: at, length: candidate.length, ascii: entry.ascii, input)
                    else { continue }
                    scratch.out.append(contentsOf: entry.ascii.utf8)
                    rule = "fullwidth-symbol"
                case .contextual:
                    guard isAlphanumeric(at: at - 1), isAlphanumeric(at: end) else { continue }
                    scratch.out.append(contentsOf: entry.ascii.utf8)
                    rule = "fullwidth-between-ascii"
                case .chineseOnly, .paired:
                    continue
                }
            } else {
                continue
            }
            builder.replace(at..<end, with: scratch.out, rule: rule)
        }
    }

    /// Fills `decisions` with, for each parenthesis and straight quote among the cell's marks, the form it should
    /// take (Chinese when the pair encloses or touches Han text, ASCII otherwise) and 0 for the other marks; `stack`
    /// is scratch space.
    private func pairDecisions(_ marks: [Candidate], into decisions: inout [UInt32], stack: inout [Int]) {
        decisions.removeAll(keepingCapacity: true)
        decisions.append(contentsOf: repeatElement(0, count: marks.count))
        stack.removeAll(keepingCapacity: true)
        func decide(_ open: Int, _ close: Int?, chineseOpen: UInt32, chineseClose: UInt32, asciiOpen: UInt32,
                    asciiClose: UInt32)
        {
            let end = close ?? open
            var isChinese = marks[open].before == .han || marks[end].after == .han
            if !isChinese, let close { isChinese = marks[close].hanBefore > marks[open].hanBefore }
            decisions[open] = isChinese ? chineseOpen : asciiOpen
            if let close { decisions[close] = isChinese ? chineseClose : asciiClose }
        }
        var openQuote: Int? = nil
        // Two-element lists, read once: a linear look beats hashing every scalar of the cell.
        let (opens, closes, quotes) = (PunctuationTable.openParentheses, PunctuationTable.closeParentheses, PunctuationTable.straightQuotes)
        for k in marks.indices {
            let c = marks[k].scalar
            if opens.contains(c) {
                stack.append(k)
            } else if closes.contains(c) {
                if let open = stack.popLast() {
                    decide(open, k, chineseOpen: 0xFF08, chineseClose: 0xFF09, asciiOpen: 0x28, asciiClose: 0x29)
                } else {
                    // An unmatched closer: Chinese when Han stands before it.
                    decisions[k] = marks[k].before == .han ? 0xFF09 : 0x29
                }
            } else if quotes.contains(c) {
                if let open = openQuote {
                    decide(open, k, chineseOpen: 0x201C, chineseClose: 0x201D, asciiOpen: 0x22, asciiClose: 0x22)
                    openQuote = nil
                } else {
                    openQuote = k
                }
            }
        }
        for open in stack { decisions[open] = marks[open].after == .han ? 0xFF08 : 0x28 }
        if let open = openQuote {
            // An unpaired quote: opening before Han, closing after it.
            decisions[open] = marks[open].after == .han ? 0x201C : marks[open].before == .han ? 0x201D : 0x22
        }
    }
}
