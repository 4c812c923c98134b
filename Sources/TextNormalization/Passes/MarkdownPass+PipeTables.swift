/// The markdown pass's pipe tables: which lines are rows of one, and the separators each row's cells have.
extension MarkdownPass {
    /// The rows of GitHub-style pipe tables (what PDF-to-markdown extractors write): a row of cells, a delimiter
    /// row (`|---|:---:|`), then every following line that holds a `|`; or, without a delimiter row, a block of
    /// three or more lines each framed by `|` (three or more on each). By line index (absent when the line is not
    /// a table row): an empty list for the delimiter row (removed whole), else the separators to rewrite — the leading
    /// `| `, each ` | ` between cells (→ a tab) and the trailing ` |`. Without a delimiter row, `|` stays text (OCR
    /// prints ruling lines as `|`, which are no reliable cell boundaries).
    ///
    /// `marked`: per line, whether it holds a markup byte (`markedLines`); a row or delimiter row always does.
    func pipeTableRows(_ lines: [Range<Int>], marked: [Bool], _ input: UnsafeBufferPointer<UInt8>)
        -> [Int: [(range: Range<Int>, replacement: [UInt8])]]
    {
        func separators(_ k: Int) -> [(range: Range<Int>, replacement: [UInt8])]? {
            marked[k] ? pipeSeparators(lines[k], input) : nil
        }
        var rows: [Int: [(range: Range<Int>, replacement: [UInt8])]] = [:]
        guard holds(0x7C, of: input) else { return rows }
        var k = 1
        while k < lines.count {
            guard marked[k], isDelimiterRow(lines[k], input, requiringPipe: false), rows[k - 1] == nil else {
                k += 1
                continue
            }
            if isDelimiterRow(lines[k], input), let header = separators(k - 1) {
                rows[k - 1] = header
            } else if k + 1 < lines.count, separators(k - 1) == nil, separators(k + 1) != nil
            {
                // A header of one cell spanning the table (`第二十条第（一）项` over `---`, as html2text writes a
                // `colspan` row): it stays as text; the rows below are the table.
            } else {
                k += 1
                continue
            }
            rows[k] = []
            k += 1
            while k < lines.count {
                if let row = separators(k) {
                    rows[k] = row
                } else if k + 1 < lines.count, !isBlankLine(lines[k], input), lines[k].count <= TableDelimiterTable.longestSpanningCell,
                    separators(k + 1) != nil
                {
                    // A row of one cell spanning the table between rows (`第二十条第（五）项`): it stays as text.
                } else {
                    break
                }
                k += 1
            }
        }
        // Without a delimiter row: three or more consecutive lines that each open and close with `|` and hold three
        // or more — a plain-text table, drawn on purpose (rows may differ in cells where a label spans two); OCR'd
        // ruling lines rarely frame line after line.
        k = 0
        while k < lines.count {
            guard rows[k] == nil, marked[k], framedPipeCount(lines[k], input) != nil else {
                k += 1
                continue
            }
            var end = k + 1
            while end < lines.count, rows[end] == nil, marked[end], framedPipeCount(lines[end], input) != nil { end += 1 }
            if end - k >= 3 {
                for line in k..<end { rows[line] = separators(line) }
            }
            k = end
        }
        return rows
    }

    /// The number of unescaped `|` on a line that starts and ends with one (spaces aside) and holds three or more;
    /// nil otherwise.
    func framedPipeCount(_ line: Range<Int>, _ input: UnsafeBufferPointer<UInt8>) -> Int? {
        guard line.count <= TableDelimiterTable.longestRow else { return nil }
        var first = line.lowerBound
        while first < line.upperBound, input[first] == 0x20 { first += 1 }
        var last = line.upperBound
        while last > first, input[last - 1] == 0x20 { last -= 1 }
        guard last - first >= 2, input[first] == 0x7C, input[last - 1] == 0x7C else { return nil }
        var count = 0
        for i in first..<last where input[i] == 0x7C && (i == first || input[i - 1] != 0x5C) { count += 1 }
        return count >= 3 ? count : nil
    }

    /// `|---|:--:|`, `---|---`: dashes (three or more per cell, colons allowed at their ends) between pipes.
    /// Without `requiringPipe`, a bare `---` counts (the delimiter under a header of one spanning cell).
    func isDelimiterRow(_ line: Range<Int>, _ input: UnsafeBufferPointer<UInt8>, requiringPipe: Bool = true) -> Bool {
        var cells = 0
        var dashes = 0
        var pipes = 0
        for b in input[line] {
            switch b {
            case 0x2D: dashes += 1
            case 0x3A, 0x20, 0x09: continue
            case 0x7C:
                pipes += 1
                if dashes > 0 {
                    guard dashes >= 3 else { return false }
                    cells += 1
                }
                dashes = 0
            default: return false
            }
        }
        if dashes > 0 {
            guard dashes >= 3 else { return false }
            cells += 1
        }
        return (pipes >= 1 || !requiringPipe) && cells >= 1
    }

    /// The separators of a pipe table row (a line holding an unescaped `|`), or nil when it holds none.
    func pipeSeparators(_ line: Range<Int>, _ input: UnsafeBufferPointer<UInt8>) -> [(range: Range<Int>, replacement: [UInt8])]? {
        guard line.count <= TableDelimiterTable.longestRow else { return nil }
        var pipes: [Range<Int>] = []
        for i in line where input[i] == 0x7C && (i == line.lowerBound || input[i - 1] != 0x5C) { pipes.append(i..<(i + 1)) }
        return pipes.isEmpty ? nil : cellSeparatorEdits(line, rules: pipes, input)
    }
}
