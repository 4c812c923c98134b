/// The repairs of a line's damaged cells before its tokens are read: OCR's look-alikes and ruling glyphs, values
/// glued to their labels, tab cells holding several numbers.
extension ValueTokenizer {
    /// The value of each cell of line `k` (nil for label text), with how damage was repaired to read it: OCR's
    /// look-alike digits and ruling glyphs (`OCRCellRepairs`), values glued to their labels (split off into cells of
    /// their own), and tab cells holding several numbers (merged columns, or rows stacked into one). `lineCells` is
    /// rewritten where cells are split.
    static func readValues(
        _ lineCells: inout [(text: Substring, x: Int, index: Int)], line k: Int, _ lines: [Substring], _ range: Range<Int>,
        isTabbed: Bool, rowLabelKeys: Set<String>, countsOnly: Bool = false
    ) -> (values: [Double?], repairs: [String?]) {
        var values = lineCells.map { value(of: $0.text) }
        var repairs = [String?](repeating: nil, count: lineCells.count)
        // A table row (it holds other values) that OCR damaged: cells that stand for numbers, and a value glued
        // to the end of its label, split off (`OCRCellRepairs`). Each repair stays on its value.
        let valueCount = values.lazy.compactMap({ $0 }).count
        if valueCount >= 2, !isTabbed {
            // Look-alikes side by side (`0 工 工 0 2`, which the normaliser makes `工工`, spaces between Han being
            // extraction's): the splitter keeps what is no number in one cell, so they are split apart here, each a
            // cell of its own. Last first, so the cells before keep their places.
            for c in lineCells.indices.reversed() where values[c] == nil && lineCells[c].text.utf8.count >= 2 {
                let text = lineCells[c].text
                let parts: [Substring] =
                    text.containsByte(0x20)
                    ? text.pieces(separatedBy: 0x20).filter { !$0.isEmpty }
                    : text.indices.map { text[$0...$0] }
                let read = parts.compactMap(OCRCellRepairs.repair)
                guard parts.count >= 2, read.count == parts.count else { continue }
                let cell = lineCells[c]
                lineCells.replaceSubrange(c...c, with: parts.map { (text: $0, x: cell.x + displayWidth(cell.text[..<$0.startIndex]), index: 0) })
                values.replaceSubrange(c...c, with: read.map(\.value))
                repairs.replaceSubrange(c...c, with: read.map(\.reason))
            }
            for j in lineCells.indices { lineCells[j].index = j }
        }
        if valueCount >= 2, countsOnly {
            // `3 1 2 06 2 2 3 .07 3 1`: in a table of counts a point before the digits is OCR's, not a decimal.
            for c in lineCells.indices {
                let text = lineCells[c].text
                guard text.utf8.count >= 2, text.utf8.first == 0x2E,
                    text.utf8.dropFirst().allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
                else { continue }
                lineCells[c].text = text.dropFirst()
                values[c] = value(of: lineCells[c].text)
                repairs[c] = "OCR point before the digits dropped: the table holds counts"
            }
        }
        if valueCount >= 1 {
            // A look-alike alone (`工`, `了`) needs two values on its line to be read as one; a number with a
            // ruling glyph glued to it (`“933 6428232.45 元`, 表二's two columns) needs one.
            for c in lineCells.indices where values[c] == nil {
                if let (value, reason) = OCRCellRepairs.repair(lineCells[c].text),
                    valueCount >= 2 || OCRCellRepairs.hasDigits(lineCells[c].text)
                {
                    values[c] = value
                    repairs[c] = reason
                }
            }
        }
        // A glued value needs one value after it on its line (表二's last sub-tables have two columns), or, alone
        // on its line, a label of the table (`行政事业性收费15.0964`) or one value a line after it
        // (`其他对外管理服务事项36` / `10` / `24`).
        let gluedCells: [Int] =
            if valueCount >= 1 {
                // The next cell with text is a value (a markdown table's merged header can leave empty cells
                // between: `|其他对外管理服务事项36||10|||24|||`).
                lineCells.indices.dropLast().filter { c in
                    let next = lineCells.indices[(c + 1)...].first { !lineCells[$0].text.utf8.allSatisfy { $0 == 0x20 } }
                    return values[c] == nil && next.map { values[$0] != nil } == true
                }
            } else if lineCells.count == 1, !isTabbed {
                [0]
            } else if isTabbed, case let filled = lineCells.indices.filter({ !lineCells[$0].text.utf8.allSatisfy { $0 == 0x20 } }),
                filled.count == 1
            {
                // A tab-separated line whose one filled cell holds a label and its value (`行政处罚 3`, then empty
                // cells: a table tool that merged the row's cells).
                filled
            } else {
                []
            }
        // Cell c made its label, each of `parts` (read as `read`) a cell of its own after it.
        func splitOff(_ c: Int, label: Substring, _ parts: [Substring], _ read: [Double], repair: String) {
            let cell = lineCells[c]
            lineCells[c].text = label
            lineCells.insert(
                contentsOf: parts.map { (text: $0, x: cell.x + displayWidth(cell.text[..<$0.startIndex]), index: 0) }, at: c + 1)
            for j in lineCells.indices { lineCells[j].index = j }
            values.insert(contentsOf: read.map { Optional($0) }, at: c + 1)
            repairs.insert(contentsOf: parts.map { _ in repair }, at: c + 1)
        }
        // Last first, so that a split leaves the indices of the cells before it as they were.
        for c in gluedCells.reversed() {
            if let (label, numbers) = OCRCellRepairs.gluedValues(lineCells[c].text),
                case let read = numbers.compactMap({ value(of: $0) }), read.count == numbers.count
            {
                // Several values after the label, a space apart: each a cell of its own.
                splitOff(c, label: label, numbers, read, repair: "values printed against their label: split off")
                continue
            }
            guard let (label, digits) = OCRCellRepairs.gluedValue(lineCells[c].text),
                valueCount >= 1 || Self.endsWithRowLabel(label, rowLabelKeys) || Self.nextLineOpensWithValue(after: k, lines, range)
            else { continue }
            guard let value = value(of: digits) else {
                // Values run together where a minus sign starts one (`37-100`: 37 and -100, or 37, -10 and 0): a
                // cell at each minus sign, each cut further by the row's columns (`RowSegmenter.cutWithoutSum`).
                let parts = Self.piecesAtMinusSigns(digits)
                let read = parts.compactMap { value(of: $0) }
                guard parts.count >= 2, read.count == parts.count else { continue }
                splitOff(c, label: label, parts, read, repair: Self.gluedValueRepair)
                continue
            }
            let cell = lineCells[c]
            lineCells[c].text = label
            lineCells.insert((digits, cell.x + displayWidth(cell.text[..<digits.startIndex]), cell.index + 1), at: c + 1)
            for j in (c + 2)..<lineCells.count { lineCells[j].index += 1 }
            values.insert(value, at: c + 1)
            repairs.insert(Self.gluedValueRepair, at: c + 1)
        }
        // Tab cells holding several numbers a space apart. When every value cell of the line holds the same
        // number of them (three cells or more), the tool stacked rows into one (`1 3`, `2 0`, … under
        // `1.属于国家秘密 2.其他法律…`): the values are read row by row, each in its own column. Otherwise a cell
        // holds merged columns (`18 41`), each number a value of its own column.
        var severalNumbers: [Int: [Substring]] = [:]
        if isTabbed {
            for c in lineCells.indices where values[c] == nil && lineCells[c].text.containsByte(0x20) {
                let parts = lineCells[c].text.pieces(separatedBy: 0x20).filter { !$0.isEmpty }
                if parts.count >= 2, parts.allSatisfy({ value(of: $0) != nil }) { severalNumbers[c] = parts }
            }
        }
        let valueCells = severalNumbers.isEmpty ? [] : lineCells.indices.filter { values[$0] != nil || severalNumbers[$0] != nil }
        if let rows = severalNumbers.values.first?.count, valueCells.count >= 3,
            valueCells.allSatisfy({ severalNumbers[$0]?.count == rows })
        {
            var stacked = lineCells.indices.filter { !valueCells.contains($0) }.map { lineCells[$0] }
            var stackedValues = stacked.map { _ in Double?.none }
            for r in 0..<rows {
                for c in valueCells {
                    let part = severalNumbers[c]![r]
                    stacked.append((part, lineCells[c].x, lineCells[c].index))
                    stackedValues.append(value(of: part))
                }
            }
            repairs = stackedValues.map { $0 == nil ? nil : "\(rows) rows stacked in one line: values read row by row" }
            lineCells = stacked
            values = stackedValues
        } else if !severalNumbers.isEmpty, valueCount >= 1 {
            var c = 0
            while c < lineCells.count {
                guard values[c] == nil, lineCells[c].text.containsByte(0x20),
                    case let parts = lineCells[c].text.pieces(separatedBy: 0x20).filter({ !$0.isEmpty }), parts.count >= 2,
                    case let read = parts.map({ value(of: $0) }), !read.contains(nil)
                else {
                    c += 1
                    continue
                }
                let index = lineCells[c].index
                lineCells.replaceSubrange(c...c, with: parts.enumerated().map { ($1, index + $0, index + $0) })
                for k in (c + parts.count)..<lineCells.count { lineCells[k].index += parts.count - 1 }
                values.replaceSubrange(c...c, with: read)
                repairs.replaceSubrange(c...c, with: Array(repeating: "values of merged columns in one cell: split", count: parts.count))
                c += parts.count
            }
        }
        return (values, repairs)
    }

    /// `digits` cut before each minus sign but a first one (`37-100` → `37`, `-100`).
    static func piecesAtMinusSigns(_ digits: Substring) -> [Substring] {
        var parts: [Substring] = []
        var start = digits.startIndex
        for i in digits.indices where digits[i] == "-" && i > start {
            parts.append(digits[start..<i])
            start = i
        }
        parts.append(digits[start...])
        return parts
    }

    /// The repair of a value printed against the end of its label (`行政许可217`), split off into a cell of its own.
    static let gluedValueRepair = "value printed against its label: split off"

    /// Whether the next non-blank line after line `k` (within `range`) starts with a number.
    static func nextLineOpensWithValue(after k: Int, _ lines: [Substring], _ range: Range<Int>) -> Bool {
        var next = k + 1
        while next < range.upperBound, lines[next].trimmingSpaces.isEmpty { next += 1 }
        guard next < range.upperBound, let first = cells(of: lines[next]).first else { return false }
        return value(of: first.text) != nil
    }

    /// How a cell OCR read as a glyph in a value's place is described (its repair note starts so).
    static let unreadableRepair = "unreadable in a value's place: "

    /// The cells of a laid-out line (OCR, `-layout`) that are one glyph standing where a value stands: among the
    /// line's values (two or more), each a column gap from its neighbours (`汪  0  0  0  过  1  11`, `1  3  |  2`).
    /// A glyph before the first value must stand a wide gap after the label, or, in a row without a label
    /// (`opensRow`: 表四's one row of values), open the line. Such a cell held a number OCR could not read: it is a
    /// blank to the aligner (its column kept), whose value the identities may work out.
    static func unreadableCells(
        _ cells: [(text: Substring, x: Int, index: Int)], values: [Double?], blanks: [Bool], isEmpty: [Bool], isUnit: [Bool],
        opensRow: Bool = false
    ) -> [Int] {
        let filled = cells.indices.filter { !isEmpty[$0] }
        guard filled.filter({ values[$0] != nil }).count >= 2 else { return [] }
        func isGlyph(_ c: Int) -> Bool {
            let t = cells[c].text.trimmingSpaces
            guard values[c] == nil, !blanks[c], !isUnit[c], t.unicodeScalars.count == 1, let u = t.unicodeScalars.first else { return false }
            return (0x4E00...0x9FFF).contains(u.value)
        }
        // The value tail: from the first value on, every cell a value, a blank, a unit or a glyph.
        guard let firstValue = filled.first(where: { values[$0] != nil }) else { return [] }
        guard filled.allSatisfy({ $0 < firstValue || values[$0] != nil || blanks[$0] || isUnit[$0] || isGlyph($0) }) else { return [] }
        var glyphs = filled.filter { $0 > firstValue && isGlyph($0) }
        // Glyphs in the first values' places: each a wide gap (five columns) after the cell before it, the label's
        // characters being closer together.
        var k = filled.lastIndex { $0 < firstValue }
        while let position = k, position > 0, isGlyph(filled[position]) {
            let previous = cells[filled[position - 1]]
            guard cells[filled[position]].x - (previous.x + displayWidth(previous.text.trimmingSpaces)) >= 5 else { break }
            glyphs.insert(filled[position], at: 0)
            k = position - 1
        }
        // The line's first cell, in a row without a label: nothing before it to be label text.
        if opensRow, let position = k, position == 0, isGlyph(filled[0]) { glyphs.insert(filled[0], at: 0) }
        return glyphs
    }
}

extension ValueTokenizer {
    /// Whether a label is one of the table's row labels (`LabelMatching.key`s), or ends with one of three
    /// characters or more: a text tool that runs a table's cells together prints a row's group before its item
    /// (`三、本年度办理结果（一）予以公开23501011`, `（三）不予公开1.属于国家秘密01023410`).
    static func endsWithRowLabel(_ label: Substring, _ rowLabelKeys: Set<String>) -> Bool {
        let key = LabelMatching.key(label)
        if rowLabelKeys.contains(key) { return true }
        return rowLabelKeys.contains { $0.count >= 3 && key.count > $0.count && key.hasSuffix($0) }
    }
}
