/// Grid tables: pandoc's `plain` and `rst` output of a page whose table cells hold paragraphs, psql's and other
/// tools' ASCII tables. A border (`+------+------+`, `=` under a header) opens the table and closes each row; a
/// row is one or more lines `| 第二十条   |      |` whose cells continue on the next line when their text wraps
/// (`| 本年新  |` / `| 制作数量 |`). Each row between two borders becomes one tab-separated line, each cell's
/// wrapped parts joined (without a space beside a non-ASCII character, with one between ASCII words); the borders
/// are removed.
extension TableDelimitersPass {
    /// A grid table's rows: the border lines, in order (at least two), every line between two of them a row line
    /// of `columns` cells, whose cells are kept by line.
    struct GridTable {
        var borders: [Int]
        var columns: Int
        var cells: [Int: [Range<Int>]]
    }

    /// A line without the spaces around it (and carriage returns among those at its end).
    static func gridLine(_ line: Range<Int>, _ input: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var i = line.lowerBound
        var end = line.upperBound
        while i < end, input[i] == 0x20 { i += 1 }
        while end > i, input[end - 1] == 0x20 || input[end - 1] == 0x0D { end -= 1 }
        return i..<end
    }

    /// Whether the line is a grid border: `+`, then runs of `-` or `=` each closed by `+`, spaces around it only.
    /// The number of cells it spans, or nil.
    static func gridBorderColumns(_ line: Range<Int>, _ input: UnsafeBufferPointer<UInt8>) -> Int? {
        let bounds = gridLine(line, input)
        let (i, end) = (bounds.lowerBound, bounds.upperBound)
        guard end - i >= 3, input[i] == 0x2B, input[end - 1] == 0x2B else { return nil }
        var pluses = 0
        var run = 0
        for k in i..<end {
            switch input[k] {
            case 0x2B:
                if k > i && run == 0 { return nil }
                pluses += 1
                run = 0
            case 0x2D, 0x3D: run += 1
            default: return nil
            }
        }
        return pluses >= 2 ? pluses - 1 : nil
    }

    /// The cells of a grid row line (`| a | b |`): the byte ranges between its pipes, or nil when the line is not
    /// one (it must open and close with a pipe, spaces around it only, and hold `columns` cells).
    static func gridCells(_ line: Range<Int>, columns: Int, _ input: UnsafeBufferPointer<UInt8>) -> [Range<Int>]? {
        guard line.count <= TableDelimiterTable.longestRow else { return nil }
        let bounds = gridLine(line, input)
        let (i, end) = (bounds.lowerBound, bounds.upperBound)
        guard end - i >= 2, input[i] == 0x7C, input[end - 1] == 0x7C else { return nil }
        var cells: [Range<Int>] = []
        var start = i + 1
        for k in (i + 1)..<end where input[k] == 0x7C {
            cells.append(start..<k)
            start = k + 1
        }
        for cell in cells where input[cell].contains(0x09) { return nil }
        return cells.count == columns ? cells : nil
    }

    /// The grid tables among `lines`: each a border, one or more row lines, a border, and so on.
    static func gridTables(_ lines: [Range<Int>], _ input: UnsafeBufferPointer<UInt8>) -> [GridTable] {
        var tables: [GridTable] = []
        var k = 0
        while k < lines.count {
            guard let columns = gridBorderColumns(lines[k], input) else {
                k += 1
                continue
            }
            var borders = [k]
            var cells: [Int: [Range<Int>]] = [:]
            var next = k + 1
            while true {
                var row = next
                var rowCells: [Int: [Range<Int>]] = [:]
                while row < lines.count, let found = gridCells(lines[row], columns: columns, input) {
                    rowCells[row] = found
                    row += 1
                }
                guard row > next, row < lines.count, gridBorderColumns(lines[row], input) == columns else { break }
                cells.merge(rowCells) { a, _ in a }
                borders.append(row)
                next = row + 1
            }
            if borders.count >= 2 {
                tables.append(GridTable(borders: borders, columns: columns, cells: cells))
                k = borders.last! + 1
            } else {
                k += 1
            }
        }
        return tables
    }

    /// The edits of one grid table: each row (the lines from a border to the next) → its cells tab-separated on
    /// one line; the last border removed.
    static func gridEdits(_ table: GridTable, _ lines: [Range<Int>], _ input: UnsafeBufferPointer<UInt8>)
        -> [(Range<Int>, [UInt8])]
    {
        var edits: [(Range<Int>, [UInt8])] = []
        for (top, bottom) in zip(table.borders, table.borders.dropFirst()) {
            var cells = [[UInt8]](repeating: [], count: table.columns)
            for row in (top + 1)..<bottom {
                for (c, part) in table.cells[row, default: []].enumerated() {
                    let text = trimmed(part, input)
                    guard !text.isEmpty else { continue }
                    // Wrapped parts of one cell: joined as written, a space only between ASCII words.
                    if let last = cells[c].last, last < 0x80, input[text.lowerBound] < 0x80 { cells[c].append(0x20) }
                    cells[c].append(contentsOf: input[text])
                }
            }
            var merged = Array(cells.joined(separator: [0x09]))
            merged.append(0x0A)
            edits.append((lines[top].lowerBound..<lines[bottom].lowerBound, merged))
        }
        let last = lines[table.borders.last!]
        let end = last.upperBound < input.count ? last.upperBound + 1 : last.upperBound
        edits.append((last.lowerBound..<end, []))
        return edits
    }
}
