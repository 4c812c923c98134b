import ReportModel

/// Pass 4, table delimiters: table rows whose cells an extractor separated with something other than tabs.
///
/// - Fixes: rows drawn with box-drawing rules (`│规章│0│0│`, `┃`, `║`; the border lines `┌──┬──┐`, `├──┼──┤`,
///   `└──┴──┘` are removed) and comma-separated rows (an Excel sheet saved as CSV: `一、本年新收…,,5,0,0`, fields
///   in double quotes unquoted). Their cells become tab-separated, as the seeds' tables are, empty cells kept.
/// - Produces: tab-separated rows (the form the aligner reads by cell position).
/// - Never touches: prose with ASCII commas (a CSV block is three or more consecutive lines of three fields or more,
///   no field longer than a label, one of them a data row: half its fields, three or more, numbers or blank marks
///   `-`); lines with tabs; `|` (markdown pipe tables are the markdown pass's; OCR prints ruling lines as `|`),
///   except in grid tables (`+----+----+` borders around `| a | b |` rows, cells wrapping onto several lines:
///   pandoc's plain text of a page whose cells hold paragraphs), whose rows become one tab-separated line each.
struct TableDelimitersPass: NormalizationPass {
    let name = NormalizationPassName.tableDelimiters

    func apply(to input: UnsafeBufferPointer<UInt8>, lines cache: inout LineCache, configuration: NormalizationConfiguration)
        -> PassEdits?
    {
        // Quick reject: no ASCII comma, no box-drawing character (U+2500–U+257F: E2 94 80 – E2 95 BF) and no grid
        // border (`+-`).
        let hasBox = Self.hasBoxDrawing(0..<input.count, input)
        let mayHoldGrid = holds(0x2B, of: input) && holds(0x7C, of: input)
        guard hasBox || mayHoldGrid || holds(0x2C, of: input) else { return nil }
        var builder = SpliceBuilder(input: input)
        let lines = cache.ranges(of: input)
        let csvRows = Self.csvBlocks(lines, input)
        // Grid tables: each row's lines, from its border on, rewritten as one line (the edits by first line).
        var gridRows: [Int: (end: Int, edit: (Range<Int>, [UInt8]))] = [:]
        if mayHoldGrid {
            for table in Self.gridTables(lines, input) {
                // One edit per border: the row below it up to the next border, or the last border itself.
                let edits = Self.gridEdits(table, lines, input)
                for (n, k) in table.borders.enumerated() {
                    gridRows[k] = (n + 1 < table.borders.count ? table.borders[n + 1] : k + 1, edits[n])
                }
            }
        }
        guard hasBox || !gridRows.isEmpty else {
            // Without box drawing only the CSV rows change, in line order.
            for index in csvRows.keys.sorted() where !lines[index].isEmpty {
                for (range, replacement) in Self.csvEdits(csvRows[index]!, input) {
                    builder.replace(range, with: replacement, rule: "csv-cells")
                }
            }
            return builder.finish()
        }
        var skipUntil = 0
        for (index, line) in lines.enumerated() where !line.isEmpty && index >= skipUntil {
            if let grid = gridRows[index] {
                builder.replace(grid.edit.0, with: grid.edit.1, rule: "grid-rows")
                skipUntil = grid.end
                continue
            }
            let isBoxLine = hasBox && Self.hasBoxDrawing(line, input)
            if isBoxLine, Self.isBoxBorder(line, input) {
                let range = line.upperBound < input.count ? line.lowerBound..<(line.upperBound + 1) : line
                builder.replace(range, with: [], rule: "box-border")
            } else if isBoxLine, let separators = Self.boxSeparators(line, input) {
                for (range, replacement) in separators { builder.replace(range, with: replacement, rule: "box-cells") }
            } else if let fields = csvRows[index] {
                for (range, replacement) in Self.csvEdits(fields, input) { builder.replace(range, with: replacement, rule: "csv-cells") }
            }
        }
        return builder.finish()
    }

    // MARK: - Box drawing

    /// Whether bytes `range` hold a box-drawing character (UTF-8 `E2 94 xx` or `E2 95 xx`): a byte scan, no decoding.
    static func hasBoxDrawing(_ range: Range<Int>, _ input: UnsafeBufferPointer<UInt8>) -> Bool {
        // E2 found with memchr: most text has few (quotes, dashes).
        var i = range.lowerBound
        while i + 1 < range.upperBound, let found = offset(of: 0xE2, in: i..<(range.upperBound - 1), of: input) {
            if input[found + 1] == 0x94 || input[found + 1] == 0x95 { return true }
            i = found + 1
        }
        return false
    }

    /// A line made only of box-drawing characters and spaces (a border).
    static func isBoxBorder(_ line: Range<Int>, _ input: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = line.lowerBound
        var boxes = 0
        while i < line.upperBound {
            let (c, length) = decodeScalar(input, at: i)
            if c == 0x20 || c == 0x09 {
                i += length
                continue
            }
            guard TableDelimiterTable.isBoxDrawing(c) else { return false }
            boxes += 1
            i += length
        }
        return boxes >= 3
    }

    /// The separators of a row drawn with vertical rules (two or more on the line, no tab): the first and last rule
    /// removed with the spaces beside them, each one between cells → a tab. Nil for any other line.
    static func boxSeparators(_ line: Range<Int>, _ input: UnsafeBufferPointer<UInt8>) -> [(Range<Int>, [UInt8])]? {
        guard line.count <= TableDelimiterTable.longestRow else { return nil }
        var rules: [Range<Int>] = []
        var i = line.lowerBound
        while i < line.upperBound {
            if input[i] == 0x09 { return nil }
            let (c, length) = decodeScalar(input, at: i)
            if TableDelimiterTable.verticalRules.contains(c) { rules.append(i..<(i + length)) }
            i += length
        }
        guard rules.count >= 2 else { return nil }
        return cellSeparatorEdits(line, rules: rules, input).map { ($0.range, $0.replacement) }
    }

    // MARK: - CSV

    /// Line indices that belong to a CSV block.
    static func csvBlocks(_ lines: [Range<Int>], _ input: UnsafeBufferPointer<UInt8>) -> [Int: [Range<Int>]] {
        var rows: [Int: [Range<Int>]] = [:]
        // Commas found with memchr and counted per line: only lines with `fewestFields - 1` or more can be CSV rows.
        var commas = [Int](repeating: 0, count: lines.count)
        var i = 0
        var line = 0
        while let comma = offset(of: 0x2C, in: i..<input.count, of: input) {
            while lines[line].upperBound < comma { line += 1 }
            commas[line] += 1
            i = comma + 1
        }
        // The lines that read as rows of enough fields, in line order (only lines with commas enough are read).
        var candidates: [(line: Int, fields: [Range<Int>])] = []
        for k in lines.indices where commas[k] >= TableDelimiterTable.fewestFields - 1 {
            if let fields = csvFields(lines[k], input), fields.count >= TableDelimiterTable.fewestFields {
                candidates.append((k, fields))
            }
        }
        var c = 0
        while c < candidates.count {
            // Rows of one sheet: consecutive lines; their field counts may differ (a sheet saved without padding).
            var end = c + 1
            while end < candidates.count, candidates[end].line == candidates[end - 1].line + 1 { end += 1 }
            let block = c..<end
            // A data row: three fields or more, and at least half of them, are numbers or blank marks.
            let hasDataRow = block.contains { row in
                let values = candidates[row].fields.filter { isNumberField($0, input) || isBlankMarker($0, input) }.count
                return values >= 3 && values * 2 >= candidates[row].fields.count
            }
            if block.count >= 3, hasDataRow { for row in block { rows[candidates[row].line] = candidates[row].fields } }
            c = end
        }
        return rows
    }

    /// The fields of a line read as CSV (ranges of the raw field text, quotes included), or nil when it cannot be
    /// a CSV row: a tab, an unclosed quote, a field longer than `TableDelimiterTable.longestField` characters.
    /// (`csvBlocks` calls it only on lines with commas enough for `TableDelimiterTable.fewestFields`.)
    static func csvFields(_ line: Range<Int>, _ input: UnsafeBufferPointer<UInt8>) -> [Range<Int>]? {
        guard line.count <= TableDelimiterTable.longestRow else { return nil }
        // A field is too long for its characters once its bytes are (a character is at most four bytes); the
        // field is checked as soon as it closes, so a line of prose stops at its first long clause.
        func fits(_ field: Range<Int>) -> Bool {
            if field.count <= TableDelimiterTable.longestField { return true }
            if field.count > 4 * TableDelimiterTable.longestField { return false }
            // Characters: the bytes that start a UTF-8 sequence.
            var characters = 0
            for i in field where input[i] & 0xC0 != 0x80 { characters += 1 }
            return characters <= TableDelimiterTable.longestField
        }
        if offset(of: 0x09, in: line, of: input) != nil { return nil }
        var fields: [Range<Int>] = []
        var start = line.lowerBound
        if offset(of: 0x22, in: line, of: input) == nil {
            // No quotes: the fields are the stretches between commas, found with memchr.
            while let comma = offset(of: 0x2C, in: start..<line.upperBound, of: input) {
                guard fits(start..<comma) else { return nil }
                fields.append(start..<comma)
                start = comma + 1
            }
            guard fits(start..<line.upperBound) else { return nil }
            fields.append(start..<line.upperBound)
            return fields
        }
        var inQuotes = false
        var i = line.lowerBound
        while i < line.upperBound {
            let b = input[i]
            if b == 0x22 {
                inQuotes.toggle()
            } else if b == 0x2C && !inQuotes {
                guard fits(start..<i) else { return nil }
                fields.append(start..<i)
                start = i + 1
            }
            i += 1
        }
        guard !inQuotes, fits(start..<line.upperBound) else { return nil }
        fields.append(start..<line.upperBound)
        return fields
    }

    /// A field that is a plain number (`5`, `-3`, `12.5`, full-width `１２`), quotes and spaces aside.
    static func isNumberField(_ field: Range<Int>, _ input: UnsafeBufferPointer<UInt8>) -> Bool {
        var digits = 0
        var i = field.lowerBound
        while i < field.upperBound {
            let (c, length) = decodeScalar(input, at: i)
            i += length
            switch c {
            case 0x30...0x39, 0xFF10...0xFF19: digits += 1
            case 0x22, 0x20: continue
            case 0x2D, 0x2E: guard digits > 0 || c == 0x2D else { return false }
            default: return false
            }
        }
        return digits > 0
    }

    /// A field that is a mark tables print for an empty cell (`-`, `/`, `—`, `／`).
    static func isBlankMarker(_ field: Range<Int>, _ input: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = field.lowerBound
        var marks = 0
        while i < field.upperBound {
            let (c, length) = decodeScalar(input, at: i)
            i += length
            switch c {
            case 0x20, 0x22: continue
            case 0x2D, 0x2F, 0x2014, 0xFF0F: marks += 1
            default: return false
            }
        }
        return marks == 1
    }

    /// The edits of one CSV row, given its fields (`csvFields`): each separating comma → a tab; a quoted field
    /// loses its quotes (`""` → `"`).
    static func csvEdits(_ fields: [Range<Int>], _ input: UnsafeBufferPointer<UInt8>) -> [(Range<Int>, [UInt8])] {
        var out: [(Range<Int>, [UInt8])] = []
        for (n, field) in fields.enumerated() {
            if n > 0 { out.append(((field.lowerBound - 1)..<field.lowerBound, [0x09])) }
            // Surrounding spaces go with the quotes: ` "a,b" ` → `a,b`.
            var lower = field.lowerBound
            while lower < field.upperBound, input[lower] == 0x20 { lower += 1 }
            var upper = field.upperBound
            while upper > lower, input[upper - 1] == 0x20 { upper -= 1 }
            guard upper - lower >= 2, input[lower] == 0x22, input[upper - 1] == 0x22 else { continue }
            let inner = Array(input[(lower + 1)..<(upper - 1)])
            var unquoted: [UInt8] = []
            var k = 0
            while k < inner.count {
                unquoted.append(inner[k])
                k += inner[k] == 0x22 && k + 1 < inner.count && inner[k + 1] == 0x22 ? 2 : 1
            }
            out.append((field.lowerBound..<field.upperBound, unquoted))
        }
        return out
    }
}
