import ReportModel
/// A number standing alone in a table cell, with where it stands.
struct ValueToken: Sendable, Hashable {
    /// 0-based line in the normalised text.
    var line: Int
    /// Display column of its first character (a Han character counts 2), or its tab-cell index in tab-separated text.
    var x: Int
    /// Whether `x` is a tab-cell index (exact column) rather than a display column.
    var isCellIndex: Bool
    var text: String
    var value: Double
    /// A blank marker (`-`, `/`, `无`, `—`) standing for 0.
    var isBlankMarker: Bool
    /// Tab-separated text: the index of the last label cell on the line (-1 when none) and the line's cell count.
    var labelEnd: Int = -1
    var cellCount: Int = 0
    /// Tab-separated text: the line's cells, empty ones at its end counted too (a grid written cell for cell keeps
    /// them; `cellCount` leaves them out).
    var cellsWritten: Int = 0
    /// The token stands alone among label text: on a line with label text (`三、本（一）予以公开 15`) or alone on a
    /// line between two lines of label text. In raw `pdftotext` order such a token is often a row's first value
    /// printed apart from the rest of its row.
    var isAmongLabelText = false
    /// How OCR damage was repaired to read this value (`OCRCellRepairs`); nil for a value read as printed.
    var repair: String? = nil
    /// A glyph OCR read in a value's place (`ValueTokenizer.unreadableCells`): a blank whose value is unknown.
    var isUnreadable = false
    /// Whether OCR damage shows on the token: a glyph in a value's place, or a digit repaired. A table holding such a
    /// token was OCR'd, and its lines may have lost or gained values anywhere.
    var showsOCRDamage: Bool { isUnreadable || repair?.hasPrefix("OCR") == true }

    /// Column of its first character counting every character as one column: `pdftotext -layout` places each
    /// glyph, Han or not, in one column of its grid (where a monospace rendering gives Han two).
    var characterX: Int = 0

    /// The middle of the token, in display columns or in characters: numbers are centred or right-aligned in their
    /// cells, so the middle moves less than the first character between a short and a long number of one column.
    func center(countingCharacters: Bool) -> Double {
        if isCellIndex { return Double(x) }
        return Double(countingCharacters ? characterX : x) + Double(text.utf8.count) / 2
    }
}

/// Splits lines into cells and finds the value tokens among them.
enum ValueTokenizer {
    /// Cells of a line: tab-separated when it has tabs, else split on runs of two or more spaces (pdftotext
    /// -layout), else split on single spaces between numbers. Each cell with its display column (its index for
    /// tab cells) and its index.
    static func cells(of line: Substring) -> [(text: Substring, x: Int, index: Int)] {
        if line.containsByte(0x09) {
            // Tab cells are placed by their index; their display column is never read.
            return line.pieces(separatedBy: 0x09).enumerated().map { ($1, $0, $0) }
        }
        // One walk over the UTF-8 bytes (scalar boundaries only), display width 2 from U+1100.
        let utf8 = line.utf8
        var out: [(Substring, Int, Int)] = []
        var x = 0
        var start: String.Index? = nil
        var startX = 0
        var spaces = 0
        var spaceStart = utf8.startIndex
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let b = utf8[index]
            if b == 0x20 {
                if spaces == 0 { spaceStart = index }
                spaces += 1
                x += 1
                index = utf8.index(after: index)
                continue
            }
            let length = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
            let next = utf8.index(index, offsetBy: length, limitedBy: utf8.endIndex) ?? utf8.endIndex
            // Break on 2+ spaces, or on 1 space between a number and anything (`结果 15 0 0`).
            if let s = start, spaces > 0 {
                let previous = line[s..<spaceStart]
                let lastWord = previous.utf8.lastIndex(of: 0x20).map { previous[previous.utf8.index(after: $0)...] } ?? previous
                if spaces >= 2 || isNumberLike(lastWord) || startsNumber(b, line.unicodeScalars[index]) {
                    out.append((previous.trimmingSpaces, startX, out.count))
                    start = nil
                }
            }
            if start == nil {
                start = index
                startX = x
            }
            spaces = 0
            let isWide = b >= 0xE2 || (b == 0xE1 && next > utf8.index(after: index) && utf8[utf8.index(after: index)] >= 0x84)
            x += isWide ? 2 : 1
            index = next
        }
        if let s = start { out.append((line[s...].trimmingSpaces, startX, out.count)) }
        return out
    }

    /// Whether the character starting with byte `b` (scalar `scalar`) is a number (`Character.isNumber`).
    @inline(__always)
    private static func startsNumber(_ b: UInt8, _ scalar: Unicode.Scalar) -> Bool {
        b < 0x80 ? (0x30...0x39).contains(b) : scalar.properties.numericType != nil
    }

    static func displayWidth(_ s: Substring) -> Int {
        s.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) }
    }

    static func isNumberLike(_ s: Substring) -> Bool { value(of: s) != nil }

    /// The value of a cell that is a number: `12`, `-18`, `0.6579`, `251000元`, `22（其中修订16件）`, `1,234`.
    static func value(of cell: Substring) -> Double? {
        // Fast path: a plain run of ASCII digits, the commonest cell.
        let bytes = cell.utf8
        if !bytes.isEmpty, bytes.count <= 15, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            var v = 0.0
            for b in bytes { v = v * 10 + Double(b - 0x30) }
            return v
        }
        // A number starts with an ASCII digit or a minus sign after any spaces; anything else (label text) is not one.
        guard let lead = bytes.first(where: { $0 != 0x20 }), (lead >= 0x30 && lead <= 0x39) || lead == 0x2D else { return nil }
        // After its digits (and `,` `.` `-`) a number has only spaces, a unit or an annotation: a label that starts
        // with an item number (`1.属于国家秘密`) is turned away here, before the string work below.
        if let stop = bytes.firstIndex(where: { !($0 >= 0x30 && $0 <= 0x39) && $0 != 0x2C && $0 != 0x2E && $0 != 0x2D && $0 != 0x20 }),
            !numberSuffixStarts.contains(where: { bytes[stop...].starts(with: $0) })
        {
            return nil
        }
        var text = Substring(cell.trimmingSpaces)
        if text.isEmpty { return nil }
        // An annotation after the number: 22（其中修订16件）, 55(含自然失效29件).
        if let open = text.firstIndex(where: { $0 == "（" || $0 == "(" }), open > text.startIndex,
            text.last == "）" || text.last == ")"
        {
            text = text[..<open]
        }
        for unit in units where text.hasSuffix(unit) {
            text = text.dropLast(unit.count)
        }
        // Commas are thousands separators only in groups of three (`6,428,232.45`): `1150,0,1271` is three cells a
        // CSV export left joined, no number.
        if text.contains(",") {
            let integer = text.prefix { $0 != "." }
            let groups = integer.split(separator: ",", omittingEmptySubsequences: false)
            guard let lead = groups.first, (1...4).contains(lead.count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else {
                return nil
            }
        }
        let digits = text.filter { $0 != "," }
        guard let first = digits.first, first.isASCII, first.isNumber || (first == "-" && digits.count > 1) else {
            return nil
        }
        guard digits.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "." || $0 == "-" }) else { return nil }
        guard digits.dropFirst().allSatisfy({ $0 != "-" }), digits.filter({ $0 == "." }).count <= 1, digits.last != "." else {
            return nil
        }
        return Double(digits)
    }

    /// Whether the nearest non-blank lines before and after line `k` are label text (Han, not starting with a number).
    static func isBetweenLabelLines(_ k: Int, _ lines: [Substring], _ range: Range<Int>) -> Bool {
        // A label line starts with label text; it may end with a value (`行政规范性文件 0`).
        func isLabel(_ line: Substring) -> Bool {
            guard line.unicodeScalars.contains(where: { $0.value >= 0x4E00 && $0.value <= 0x9FFF }),
                let first = cells(of: line).first(where: { !$0.text.isEmpty })
            else { return false }
            return value(of: first.text) == nil && !isBlankMarker(first.text)
        }
        var before = k - 1
        while before >= range.lowerBound, lines[before].trimmingSpaces.isEmpty { before -= 1 }
        var after = k + 1
        while after < range.upperBound, lines[after].trimmingSpaces.isEmpty { after += 1 }
        return before >= range.lowerBound && after < range.upperBound && isLabel(lines[before]) && isLabel(lines[after])
    }

    /// Whether a line is only the numbers 0, 1, 2, … (four or more; cells a tab or spaces apart): the column header
    /// a data frame library writes for a table read without one (pandas' `read_html(…)` then `to_csv()` or
    /// `to_string()`). No row of values: no 表二 row holds four values, and a 表三 or 表四 row of 0, 1, 2, 3, …
    /// breaks its sum.
    static func isColumnIndexHeader(_ line: Substring, isTabbed: Bool) -> Bool {
        // The first cell is `0`: most lines are turned away on their first byte, before any splitting.
        guard line.utf8.first(where: { $0 != 0x20 }) == 0x30 else { return false }
        var expected = 0
        let cells = isTabbed ? line.pieces(separatedBy: 0x09) : line.split(separator: " ")
        for cell in cells {
            guard cell.trimmingSpaces.utf8.elementsEqual(String(expected).utf8) else { return false }
            expected += 1
        }
        return expected >= 4
    }

    /// Whether line `k` is an item number alone whose point stands on the next line (`5` / `.` / `属于三类…`: PDFium
    /// prints the number, its point and the label's lines as separate text objects, one a line). Label text.
    static func isItemNumberBeforeItsPoint(_ k: Int, _ lines: [Substring], _ range: Range<Int>) -> Bool {
        let line = lines[k].trimmingSpaces
        guard line.utf8.count == 1, let digit = line.utf8.first, digit >= 0x31, digit <= 0x39 else { return false }
        var after = k + 1
        while after < range.upperBound, lines[after].trimmingSpaces.isEmpty { after += 1 }
        guard after < range.upperBound else { return false }
        let next = lines[after].trimmingSpaces
        guard let first = next.unicodeScalars.first, first == "." || first == "．" || first == "、" else { return false }
        // The point alone, or the point before label text (not before digits: `.5` is a number).
        let rest = next.unicodeScalars.dropFirst()
        return rest.first.map { $0.value >= 0x4E00 && $0.value <= 0x9FFF } ?? true
    }

    /// A number with Han text one space before and after it is part of a sentence or header (`保留 4 位小数`), and
    /// so is a number ending its line inside a parenthesis left open before it (`（单位：万元，保留 4` / `位小数）`).
    /// Values after a label whose closing parenthesis OCR lost (`（二）部分公开（区分处理的… 3 0 1`) stay values.
    static func isInsideText(_ c: Int, _ cells: [(text: Substring, x: Int, index: Int)]) -> Bool {
        var depth = 0
        for previous in cells[..<c] {
            for ch in previous.text.unicodeScalars {
                if ch == "（" || ch == "(" { depth += 1 } else if ch == "）" || ch == ")" { depth = max(0, depth - 1) }
            }
        }
        guard c > 0 else { return false }
        let previous = cells[c - 1]
        let gapBefore = cells[c].x - (previous.x + displayWidth(previous.text))
        func isHan(_ ch: Character?) -> Bool { ch?.unicodeScalars.first.map { $0.value >= 0x3400 } ?? false }
        guard gapBefore <= 1, isHan(previous.text.last) else { return false }
        if depth > 0, c + 1 == cells.count { return true }
        guard c + 1 < cells.count else { return false }
        let next = cells[c + 1]
        let gapAfter = next.x - (cells[c].x + displayWidth(cells[c].text))
        return gapAfter <= 1 && isHan(next.text.first)
    }

    /// An item number that OCR or extraction cut from its label with a space (`3 .要求提供公开出版物`): one or two
    /// digits, and the next cell opens with the item's point and Han text. It is label text, not a value.
    ///
    /// OCR also loses the point (`2 其他法律法规禁止公开 2 2 0 0 0 4`): a single digit opening the line, before a
    /// cell of at least four Han characters (a label, not a unit such as `元` or `件`), is the item number too.
    static func isSplitItemNumber(_ c: Int, _ cells: [(text: Substring, x: Int, index: Int)]) -> Bool {
        guard c + 1 < cells.count, cells[c].text.utf8.count <= 2, cells[c].text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            return false
        }
        let next = cells[c + 1].text.unicodeScalars
        func isHan(_ s: Unicode.Scalar) -> Bool { s.value >= 0x3400 && s.value <= 0x9FFF }
        // The label may stand in several cells (OCR laid out from word boxes: `1 信访   举报   投诉`): its Han
        // characters are counted up to the first cell with a digit.
        if c == 0, cells[c].text.utf8.count == 1, let first = next.first, isHan(first) {
            var han = 0
            for cell in cells[(c + 1)...] {
                if OCRCellRepairs.hasDigits(cell.text) { break }
                han += cell.text.unicodeScalars.lazy.filter(isHan).count
                if han >= 4 { return true }
            }
        }
        guard let point = next.first, point == "." || point == "．", next.count >= 2,
            isHan(next[next.index(after: next.startIndex)])
        else { return false }
        return true
    }

    /// Units printed after a value in a cell (`251000元`) or one space after it (`6428232.45 元`).
    static let units: [Substring] = ValueUnits.all.map { Substring($0) }

    /// What may follow a number's digits in its cell, as UTF-8: a unit (`units`), an annotation's opening
    /// parenthesis, or a space.
    private static let numberSuffixStarts: [[UInt8]] = units.map { Array($0.utf8) } + [[0x28], Array("（".utf8), [0x20]]

    /// Whether `cell` is one of `units`, compared by bytes (none of them has another canonical form).
    static func isUnit(_ cell: Substring) -> Bool {
        units.contains { CellKey.bytesEqual($0.utf8, cell.utf8) }
    }

    /// What reports and the tools that read them write in an empty cell, each standing for 0, compared by bytes (none
    /// has another canonical form). Data, one comment each.
    private static let blankMarkers: [Substring] = [
        "-",  // a dash, the commonest
        "/",  // a slash
        "无",  // "none"
        "—",  // an em dash
        "／",  // a full-width slash
        "--",  // a double dash
    ] + missingValueMarkers

    /// Data frames' missing values, blanks only on a line that holds a number. Data, one comment each.
    private static let missingValueMarkers: [Substring] = [
        "nan", "NaN",  // pandas' missing value: `read_html(…)` then `to_markdown()` or `to_string()`
        "None",  // Python's, when a table's cells are written with str()
    ]

    static func isMissingValueMarker(_ cell: Substring) -> Bool {
        let t = cell.trimmingSpaces
        return missingValueMarkers.contains { CellKey.bytesEqual($0.utf8, t.utf8) }
    }

    /// Whether `cell` is, spaces aside, a marker that reports print in an empty cell.
    static func isBlankMarker(_ cell: Substring) -> Bool {
        let t = cell.trimmingSpaces
        // Most cells asked are empty or label text: turned away on their length and first byte.
        guard t.utf8.count <= 4, let first = t.utf8.first, blankMarkerFirstBytes[Int(first)] else { return false }
        return blankMarkers.contains { CellKey.bytesEqual($0.utf8, t.utf8) }
    }

    /// Whether some blank marker starts with each byte (the longest marker is four bytes, `None`).
    private static let blankMarkerFirstBytes: [Bool] = (0..<256).map { b in blankMarkers.contains { $0.utf8.first == UInt8(b) } }

    /// How the labels of rows that reports add to the template end: their values are no cells. Data, one comment each.
    static let extraRowSuffixes: [Substring] = [
        "小计",  // a group's subtotal (`（三）不予公开 小计`), which some agencies print under the group's sub-rows
    ]

    /// The value tokens of lines `range` of `lines`.
    static func tokens(_ lines: [Substring], in range: Range<Int>) -> [ValueToken] {
        var skipped: [Int] = []
        return tokens(lines, in: range, skippedExtraRows: &skipped)
    }

    /// The value tokens of lines `range` of `lines`; lines of rows the template has not (`extraRowSuffixes`) are
    /// left out and listed in `skippedExtraRows`. A label cell that ends with digits glued to it, alone on its line,
    /// is split when its label is one of `rowLabelKeys` (`LabelMatching.key`) or the next line opens with a value.
    /// `countsOnly`: the table holds counts (表三, 表四), so a point OCR put before a number's digits is no decimal.
    /// `rowsHaveLabels`: false for a table whose row is values alone (表四), where a glyph opening a line of values
    /// stands in a value's place, not a label's.
    static func tokens(_ lines: [Substring], in range: Range<Int>, skippedExtraRows: inout [Int],
                       rowLabelKeys: Set<String> = [], countsOnly: Bool = false, rowsHaveLabels: Bool = true) -> [ValueToken] {
        var out: [ValueToken] = []
        // Per-cell flags of the line being read, their storage reused from line to line.
        var blanks: [Bool] = []
        var isEmpty: [Bool] = []
        var isUnit: [Bool] = []
        for k in range {
            let line = lines[k]
            // A line with no digit and no byte of a blank marker (`-` `/`, the last byte of `无` `—` `／`) holds no
            // token: most label and prose lines, skipped without splitting them into cells.
            guard mayHoldToken(line) else { continue }
            let isTabbed = line.containsByte(0x09)
            // A header of column numbers (`0,1,2,3`: a table saved by pandas without its header) is no row.
            if isColumnIndexHeader(line, isTabbed: isTabbed) { continue }
            // Each cell read once: its value (damaged cells read back, see `readValues`), or whether it is a blank marker.
            var lineCells = cells(of: line)
            let (values, repairs) = readValues(&lineCells, line: k, lines, range, isTabbed: isTabbed, rowLabelKeys: rowLabelKeys,
                                               countsOnly: countsOnly)
            // A data frame's missing value (`nan`) is a blank only before a number on its line: a header row has them
            // too, and a short row is padded with them to the widest row of its table (`行政许可  45  NaN  NaN`).
            let lastValue = values.lastIndex { $0 != nil } ?? -1
            blanks.removeAll(keepingCapacity: true)
            isEmpty.removeAll(keepingCapacity: true)
            isUnit.removeAll(keepingCapacity: true)
            for c in lineCells.indices {
                let text = lineCells[c].text
                blanks.append(values[c] == nil && isBlankMarker(text) && (c < lastValue || !isMissingValueMarker(text)))
                isEmpty.append(text.utf8.allSatisfy { $0 == 0x20 })
                // A unit printed apart after its number (`6428232.45 元`) is part of the value, not label text (and
                // a number is no unit).
                isUnit.append(c > 0 && values[c] == nil && values[c - 1] != nil && Self.isUnit(text))
            }
            // OCR glyphs in values' places (`汪  0  0  0  过  1  11`): blanks whose value is unknown.
            let unreadable = isTabbed ? [] : Self.unreadableCells(lineCells, values: values, blanks: blanks, isEmpty: isEmpty, isUnit: isUnit,
                                                                  opensRow: !rowsHaveLabels)
            for c in unreadable { blanks[c] = true }
            let labelEnd = lineCells.indices.last { !isEmpty[$0] && values[$0] == nil && !blanks[$0] && !isUnit[$0] } ?? -1
            var cellCount = lineCells.count
            while cellCount > 0, isEmpty[cellCount - 1] { cellCount -= 1 }
            // A row the template has not: its label (the last label cell before the values) ends like one.
            if labelEnd >= 0, case let label = lineCells[labelEnd].text.trimmingSpaces,
                extraRowSuffixes.contains(where: { label.utf8.reversed().starts(with: $0.utf8.reversed()) && label.hasSuffix($0) })
            {
                skippedExtraRows.append(k)
                continue
            }
            for (c, cell) in lineCells.enumerated() {
                guard values[c] != nil || blanks[c] else { continue }
                let x = isTabbed ? cell.index : cell.x
                if !isTabbed, isInsideText(c, lineCells) || isSplitItemNumber(c, lineCells) { continue }
                if !isTabbed, lineCells.count == 1, isItemNumberBeforeItsPoint(k, lines, range) { continue }
                var token: ValueToken
                if let v = values[c] {
                    token = ValueToken(line: k, x: x, isCellIndex: isTabbed, text: String(cell.text), value: v, isBlankMarker: false)
                } else if blanks[c] {
                    token = ValueToken(line: k, x: x, isCellIndex: isTabbed, text: String(cell.text), value: 0, isBlankMarker: true)
                } else {
                    continue
                }
                token.labelEnd = labelEnd
                if !isTabbed { token.characterX = line.unicodeScalars[line.startIndex..<cell.text.startIndex].count }
                token.cellCount = cellCount
                token.cellsWritten = lineCells.count
                token.repair = repairs[c]
                if unreadable.contains(c) {
                    token.repair = Self.unreadableRepair + "'\(cell.text.trimmingSpaces)'"
                    token.isUnreadable = true
                }
                token.isAmongLabelText = !isTabbed && (labelEnd >= 0 || (lineCells.count == 1 && isBetweenLabelLines(k, lines, range)))
                out.append(token)
            }
        }
        return out
    }
}
