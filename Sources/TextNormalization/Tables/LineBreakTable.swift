import ReportModel

/// What the split-lines pass needs to know about how lines end and begin.
enum LineBreakTable {
    /// A line ending in one of these has finished its sentence (or is a heading): never joined to the next.
    static let terminalScalars: Set<UInt32> = [
        0x3002, 0x2E,  // 。 and . (the ascii policy's full stop)
        0xFF01, 0x21,  // ！ !
        0xFF1F, 0x3F,  // ？ ?
        0xFF1B, 0x3B,  // ； ;
        0xFF1A, 0x3A,  // ： :
        0x2026,  // …
        0x201D, 0x22,  // ” "
        0x300B, 0x300D, 0x300F, 0x3011, 0x3E,  // 》 」 』 】 and > (》 under the ascii policy)
        0xFF09, 0x29,  // ） )
        0x7C, 0x2502,  // | │: a row of a pipe table (`行政处罚| 3| |`, html2text) or an OCR'd ruling line, not prose
    ]

    /// `terminalScalars` for the hot path: a flag per ASCII byte, and the others in a short list.
    private static let terminalASCII: [Bool] = (0..<128).map { terminalScalars.contains(UInt32($0)) }
    private static let terminalOthers: [UInt32] = terminalScalars.filter { $0 >= 0x80 }.sorted()

    /// Whether `c` is one of `terminalScalars`.
    @inline(__always)
    static func isTerminal(_ c: UInt32) -> Bool {
        c < 0x80 ? terminalASCII[Int(c)] : terminalOthers.contains(c)
    }

    /// The shortest line (in scalars) that can be part of a wrapped paragraph. Shorter lines are titles, headings,
    /// signatures and, in one-cell-per-line extractions, table cells.
    static let minimumWrappedLineLength = 15

    /// A line that starts like a heading (`四、`, `（一）`) and is shorter than this is a heading, never joined
    /// to the next line even without a full stop: `四、政府信息公开行政复议、行政诉讼情况` has 19 characters.
    static let maximumHeadingLength = 30

    /// At most this many blank lines may separate the two halves of a split sentence (a page break).
    static let maximumBlankLinesInBreak = 3

    /// Whether a line that starts with `scalars` begins a new block (a heading or list item) rather than continuing
    /// a sentence: `一、`, `（一）`, `(一)`, `1.`, `1、`, `第…章/条`, `附件`.
    static func startsNewBlock(_ scalars: ArraySlice<UInt32>) -> Bool {
        guard let first = scalars.first else { return true }
        let rest = scalars.dropFirst()
        if CharacterClass.isChineseNumeral(first) {
            var k = rest.startIndex
            while k < rest.endIndex, CharacterClass.isChineseNumeral(rest[k]) { k += 1 }
            if k < rest.endIndex, [0x3001, 0x3002, 0x2E, 0xFF0E, 0x2C].contains(rest[k]) {
                return true  // 一、 十二、 (一, under the ascii policy)
            }
            if k < rest.endIndex, rest[k] == 0x662F { return true }  // 一是 二是: enumerated clauses start a new line
        }
        if first == 0xFF08 || first == 0x28 { return true }  // （一） (1): an item
        if CharacterClass.isASCIIDigit(first) || (0xFF10...0xFF19).contains(first) { return true }  // 1. 2020年…
        if first == 0x7B2C, rest.prefix(6).contains(where: { $0 == 0x7AE0 || $0 == 0x8282 || $0 == 0x6761 }) {
            return true  // 第一章 第二节 第二十条
        }
        if first == 0x9644, rest.first == 0x4EF6 { return true }  // 附件
        return false
    }

    /// Units a table cell prints after its value: a line ending in a number with one of these is a table row.
    static let valueUnits: [[UInt8]] = ValueUnits.all.map { Array($0.utf8) }
}
