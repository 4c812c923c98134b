import ReportModel

/// What OCR makes of a number alone in a table cell, as data. Used only on a line that holds other values (a table
/// row); a repaired value is read with its reason on the cell and a confidence below 1, never silently.
///
/// ```swift
/// OCRCellRepairs.repair("了")    // (7, "OCR '了' read as 7")
/// OCRCellRepairs.repair("]19")   // (19, "OCR ruling glyph ']' glued to the value: dropped")
/// ```
enum OCRCellRepairs {
    /// Whole cells that OCR reads for one digit.
    static let wholeCells: [(text: Substring, value: Double)] = [
        ("工", 1),  // a lone serif 1 (`工 0 0 工 2`), as the templates' `1.` items are read `工`
        ("了", 7),  // 7 with its stroke hooked (`0 0 了 0 了`)
        ("?", 9),  // 9 with its tail open (`1 0 0 8 0 ?`, the row's sum 9)
        ("？", 9),  // the same, full width
        ("〇", 0),  // the ideographic zero
        ("O", 0),  // capital O for 0
        ("o", 0),  // small o for 0
    ]

    /// Glyphs of a cell's ruling line that OCR glues to the number inside it (`]19`, `”0`, `7|`): dropped.
    static let rulingGlyphs: [Unicode.Scalar] = [
        "]", "[", "】", "【",  // the cell's vertical rules read as brackets
        "“", "”", "\"", "'", "‘", "’",  // a rule's top serif read as a quotation mark
        "|", "丨",  // the rule itself
        "了",  // the table's right rule read with a hook (`7了` ending a row whose sum is 7); alone it is a 7, above
        "l", "I",  // the rule read as a letter (`8 14 l11 1`, the row's sum 11); between digits the normaliser reads 1
    ]

    /// The value a damaged cell stands for, and why; nil when the cell is no damaged number.
    static func repair(_ cell: Substring) -> (value: Double, reason: String)? {
        let text = cell.trimmingSpaces
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return nil }
        // Compared by bytes: none of these glyphs has another canonical form.
        if let whole = wholeCells.first(where: { CellKey.bytesEqual($0.text.utf8, text.utf8) }) {
            return (whole.value, "OCR '\(text)' read as \(ValueFormat.canonical(whole.value))")
        }
        guard rulingGlyphs.contains(first) || rulingGlyphs.contains(last) else { return nil }
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, rulingGlyphs.contains(scalars[start]) { start = scalars.index(after: start) }
        while end > start, case let before = scalars.index(before: end), rulingGlyphs.contains(scalars[before]) { end = before }
        guard start < end, let value = ValueTokenizer.value(of: Substring(scalars[start..<end])) else { return nil }
        let dropped = String(String.UnicodeScalarView(scalars[..<start])) + String(String.UnicodeScalarView(scalars[end...]))
        return (value, "OCR ruling glyph '\(dropped)' glued to the value: dropped")
    }

    /// The units of amounts a value may be printed with, glued to its label (`政府集中采购61,286,450.75元`).
    static let amountUnits = ["万元", "元"]

    /// Characters a row label can end with other than a Han character.
    static let labelClosers: Set<UInt32> = [
        0xFF09,  // ） `（二）部分公开（区分处理的，只计这一情形，不计其他情形）`
        0x201D,  // ” `3.危及“三安全一稳定”`
    ]

    /// Whether the cell holds an ASCII digit (a number OCR damaged, not a look-alike standing for one).
    static func hasDigits(_ cell: Substring) -> Bool { cell.utf8.contains { $0 >= 0x30 && $0 <= 0x39 } }

    /// A cell that ends with a value printed against its label (`4.保护第三方合法权益1`, `政府集中采购“933`, and in a
    /// table cell whose column a PDF-to-markdown tool merged with the next, `规章 0`): the label and the value's
    /// digits, split where ASCII digits follow a Han character or the closing bracket or quote a label ends with
    /// (`…不计其他情形）0300003`, `…一稳定”0014027`; ruling glyphs and spaces between them dropped); nil for any
    /// other cell.
    static func gluedValue(_ cell: Substring) -> (label: Substring, digits: Substring)? {
        let scalars = cell.unicodeScalars
        // An amount's unit after the number (`政府集中采购61,286,450.75元`) stays with it (`value(of:)` reads it).
        var end = scalars.endIndex
        for unit in amountUnits where cell.hasSuffix(unit) {
            end = scalars.index(end, offsetBy: -unit.unicodeScalars.count)
            break
        }
        // The number: digits, with a decimal point or thousands commas inside (`15.0964`), starting with a digit; a
        // minus sign before a digit goes with it (`行政处罚37-100`: 表二's 本年增/减, values run together).
        var start = end
        while start > scalars.startIndex, case let p = scalars.index(before: start),
            ("0"..."9").contains(scalars[p]) || scalars[p] == "." || scalars[p] == ","
                || (scalars[p] == "-" && start < end && ("0"..."9").contains(scalars[start]))
        {
            start = p
        }
        while start < end, !("0"..."9").contains(scalars[start]),
            !(scalars[start] == "-" && scalars.index(after: start) < end && ("0"..."9").contains(scalars[scalars.index(after: start)]))
        {
            start = scalars.index(after: start)
        }
        guard start < end else { return nil }
        var labelEnd = start
        while labelEnd > scalars.startIndex, case let p = scalars.index(before: labelEnd), rulingGlyphs.contains(scalars[p]) || scalars[p] == " " {
            labelEnd = p
        }
        guard labelEnd > scalars.startIndex,
            case let before = scalars[scalars.index(before: labelEnd)].value,
            (before >= 0x3400 && before <= 0x9FFF) || labelClosers.contains(before)
        else { return nil }
        return (cell[..<labelEnd], cell[start...])
    }

    /// A label cell that ends with several numbers a space apart (`行政许可 31 0`: a table tool that merged a 表二
    /// row's first cells): the label and each number, in order; nil unless two numbers at least follow the label
    /// (one is `gluedValue`'s), each plain (digits, a point or a minus sign), and the label ends as a label does.
    ///
    /// ```swift
    /// OCRCellRepairs.gluedValues("行政许可 31 0")   // ("行政许可", ["31", "0"])
    /// ```
    static func gluedValues(_ cell: Substring) -> (label: Substring, numbers: [Substring])? {
        // Most cells asked are labels alone: turned away unless their last byte that is no space is a digit (a plain
        // number ends with one) and a space stands before it.
        guard let last = cell.utf8.last(where: { $0 != 0x20 }), last >= 0x30, last <= 0x39, cell.containsByte(0x20) else { return nil }
        var parts = cell.pieces(separatedBy: 0x20).filter { !$0.isEmpty }
        var numbers: [Substring] = []
        while let last = parts.last, numbers.count < 4, isPlainNumber(last) {
            numbers.insert(last, at: 0)
            parts.removeLast()
        }
        // The word before them ends as a label does and holds two Han characters at least (`2019 年 10 1` is a
        // date's pieces).
        guard numbers.count >= 2, let label = parts.last, let end = label.unicodeScalars.last?.value,
            (end >= 0x3400 && end <= 0x9FFF) || labelClosers.contains(end),
            label.unicodeScalars.filter({ $0.value >= 0x3400 && $0.value <= 0x9FFF }).count >= 2
        else { return nil }
        return (cell[..<label.endIndex], numbers)
    }

    /// Digits with at most one point inside, perhaps after a minus sign (`-15`, `0.5`).
    private static func isPlainNumber(_ text: Substring) -> Bool {
        let digits = text.utf8.first == 0x2D ? text.utf8.dropFirst() : text.utf8[...]
        guard let first = digits.first, let last = digits.last, first != 0x2E, last != 0x2E else { return false }
        return digits.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E } && digits.filter { $0 == 0x2E }.count <= 1
    }
}
