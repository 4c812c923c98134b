/// Pass 8, CJK spacing: the spaces extraction puts inside Chinese text.
///
/// - Fixes: a single space between two Han characters or Chinese punctuation marks (`社 会 公 益` → `社会公益`,
///   `社会公益 组织` → `社会公益组织`, `（一） 予以公开` → `（一）予以公开`); spaces after an item number at the
///   start of a cell (`1. 属于国家秘密` → `1.属于国家秘密`); spaces at the end of a line and around tabs.
/// - Produces: Chinese text without inner spaces.
/// - Never touches: tabs; runs of two or more spaces between Han (the column gaps of `pdftotext -layout`); spaces
///   between Han and Latin letters or digits (`2019 年`, `共 38 件`: the report's own typography).
struct CJKSpacingPass: NormalizationPass {
    let name = NormalizationPassName.cjkSpacing

    func apply(to input: UnsafeBufferPointer<UInt8>, configuration: NormalizationConfiguration)
        -> (output: [UInt8], splices: [Splice])?
    {
        guard input.contains(0x20) else { return nil }
        var builder = SpliceBuilder(input: input)
        let n = input.count
        var i = 0
        // The scalar before the current position within the cell (0 at a cell start) and the one before that.
        var previous: UInt32 = 0
        var beforePrevious: UInt32 = 0
        var itemNumberStart = false  // the cell so far is `1`–`99` followed by `.`
        var cellLength = 0
        while i < n {
            let b = input[i]
            if b != 0x20 {
                let (c, length) = decodeScalar(input, at: i)
                if c == 0x0A || c == 0x09 {
                    previous = 0
                    beforePrevious = 0
                    cellLength = 0
                    itemNumberStart = false
                } else {
                    cellLength += 1
                    if c == 0x2E {
                        itemNumberStart =
                            (cellLength == 2 && CharacterClass.isASCIIDigit(previous))
                            || (cellLength == 3 && CharacterClass.isASCIIDigit(previous)
                                && CharacterClass.isASCIIDigit(beforePrevious))
                    } else if !CharacterClass.isASCIIDigit(c) {
                        itemNumberStart = false
                    }
                    beforePrevious = previous
                    previous = c
                }
                i += length
                continue
            }
            // A run of spaces.
            var end = i
            while end < n, input[end] == 0x20 { end += 1 }
            let next: UInt32 = end < n ? decodeScalar(input, at: end).value : 0x0A
            if next == 0x0A || next == 0x09 {
                builder.replace(i..<end, with: [], rule: next == 0x0A ? "trailing-space" : "cell-padding")
            } else if cellLength == 0, i > 0, input[i - 1] == 0x09 {
                builder.replace(i..<end, with: [], rule: "cell-padding")
            } else if end - i == 1, CharacterClass.isCJKSide(previous), CharacterClass.isCJKSide(next) {
                builder.replace(i..<end, with: [], rule: "space-between-han")
            } else if itemNumberStart, CharacterClass.isHan(next) {
                builder.replace(i..<end, with: [], rule: "item-number-space")
            }
            i = end
        }
        return builder.finish()
    }
}
