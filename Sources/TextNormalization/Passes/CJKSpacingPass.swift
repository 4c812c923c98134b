import ReportModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Pass 9, CJK spacing: the spaces extraction puts inside Chinese text.
///
/// - Fixes: a single space between two Han characters or Chinese punctuation marks (`社 会 公 益` → `社会公益`,
///   `社会公益 组织` → `社会公益组织`, `（一） 予以公开` → `（一）予以公开`); spaces after an item number at the
///   start of a cell (`1. 属于国家秘密` → `1.属于国家秘密`); spaces at the end of a line and around tabs.
/// - Produces: Chinese text without inner spaces.
/// - Never touches: tabs; runs of two or more spaces between Han (the column gaps of `pdftotext -layout`); spaces
///   between Han and Latin letters or digits (`2019 年`, `共 38 件`: the report's own typography).
/// - Keeps columns: on a laid-out line, the spaces taken out of its text (two or more) are put back into the next
///   column gap (a run of two or more spaces), so that what follows stands at the column it stood at on the page
///   (`本 年 新 收 政府   16` → `本年新收政府      16`): OCR laid out from word boxes spaces a label's characters
///   apart by as many spaces as the page shows, a different number on each line, and the aligner reads the values'
///   columns from their positions.
///
/// Spaces are found with `memchr`; only the characters around each run of spaces are decoded.
struct CJKSpacingPass: NormalizationPass {
    let name = NormalizationPassName.cjkSpacing

    func apply(to input: UnsafeBufferPointer<UInt8>, lines cache: inout LineCache, configuration: NormalizationConfiguration)
        -> PassEdits?
    {
        guard let base = input.baseAddress else { return nil }
        var builder = SpliceBuilder(input: input)
        let n = input.count
        var i = 0
        // Spaces taken out of the current line since its last column gap.
        var taken = 0
        while i < n {
            guard let found = memchr(base + i, 0x20, n - i) else { break }
            let start = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if taken > 0, memchr(base + i, 0x0A, start - i) != nil { taken = 0 }
            var end = start
            while end < n, input[end] == 0x20 { end += 1 }
            let next: UInt32 = end < n ? decodeScalar(input, at: end).value : 0x0A
            let previousByte: UInt8 = start > 0 ? input[start - 1] : 0x0A
            if next == 0x0A || next == 0x09 {
                taken = 0
                builder.replace(start..<end, with: [], rule: next == 0x0A ? "trailing-space" : "cell-padding")
            } else if previousByte == 0x09 {
                builder.replace(start..<end, with: [], rule: "cell-padding")
            } else if previousByte != 0x0A {
                let previous = decodeScalar(input, at: previousScalarStart(input, before: start)).value
                if end - start == 1, CharacterClass.isCJKSide(previous), CharacterClass.isCJKSide(next) {
                    builder.replace(start..<end, with: [], rule: "space-between-han")
                    taken += 1
                } else if previous == 0x2E, CharacterClass.isHan(next), isItemNumber(endingBefore: start, input) {
                    builder.replace(start..<end, with: [], rule: "item-number-space")
                    taken += end - start
                } else if end - start >= 2, taken >= Self.shiftKept {
                    builder.replace(start..<end, with: [UInt8](repeating: 0x20, count: end - start + taken), rule: "column-kept")
                    taken = 0
                }
            }
            i = end
        }
        return builder.finish()
    }

    /// The fewest spaces taken out of a line that are put back at its next column gap: a column's values stand
    /// within a character of each other (centred, right-aligned), so one space less moves no value out of its
    /// column, and a single space between two cells' Han glyphs (`工 了`, OCR's digits) is theirs.
    static let shiftKept = 2

    /// Whether the cell up to `end` is exactly an item number: one or two digits and `.` (`1.`, `12.`).
    private func isItemNumber(endingBefore end: Int, _ input: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = end - 1  // the `.`
        var digits = 0
        while k > 0, (0x30...0x39).contains(input[k - 1]) {
            digits += 1
            k -= 1
            if digits > 2 { return false }
        }
        guard digits >= 1 else { return false }
        return k == 0 || input[k - 1] == 0x0A || input[k - 1] == 0x09
    }
}
