import Testing
import TextNormalization

@Suite struct CJKSpacingPassTests {
    @Test func singleSpacesBetweenHanAreRemoved() {
        #expect(only(.cjkSpacing, "社 会 公 益").text == "社会公益")
        #expect(only(.cjkSpacing, "社会公益 组织\t法律服务 机构").text == "社会公益组织\t法律服务机构")
        #expect(only(.cjkSpacing, "（一） 予以公开").text == "（一）予以公开")
    }

    @Test func itemNumberSpacingIsRemoved() {
        #expect(only(.cjkSpacing, "\t\t1. 属于国家秘密\t0").text == "\t\t1.属于国家秘密\t0")
        #expect(only(.cjkSpacing, "12. 属于").text == "12.属于")
        #expect(only(.cjkSpacing, "共 2. 5 万元").edits.isEmpty)
    }

    @Test func layoutGapsLatinAndDigitSpacingStay() {
        for text in ["社会公益组织    法律服务机构", "2019 年", "共 38 件", "我镇 A 级"] {
            #expect(only(.cjkSpacing, text).edits.isEmpty, "\(text)")
        }
    }

    /// OCR laid out from word boxes (c007's JPEG scan): the label's characters stand a space apart, a different
    /// number on each line. The spaces taken out (two or more) go back into the line's next column gap, so every
    /// value stays at the column it stood at (the aligner reads OCR's columns from positions); a new line starts the
    /// count again. One space less moves no value out of its column, and is not put back.
    @Test func valuesKeepTheirColumnsWhenALabelCloses() {
        let source = "一  、 本 年 新 收 政府   信息      16      2\n二 、 上 年 结 转      0       7\n社会 公益      3\n社 会 公 益"
        let result = only(.cjkSpacing, source)
        let before = source.split(separator: "\n", omittingEmptySubsequences: false)
        let after = result.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(after[0].hasPrefix("一  、本年新收政府"))
        let column = { (text: Substring, value: String) in text.distance(from: text.startIndex, to: text.range(of: value)!.lowerBound) }
        for (line, value) in [(0, "16"), (0, " 2"), (1, " 0"), (1, " 7")] {
            #expect(column(after[line], value) == column(before[line], value), "\(value) on line \(line + 1)")
        }
        #expect(column(after[2], "3") == column(before[2], "3") - 1)
        #expect(after[3] == "社会公益")
        #expect(result.edits.filter { $0.rule == "column-kept" }.count == 2)
    }

    @Test func trailingSpacesAndCellPaddingGo() {
        #expect(only(.cjkSpacing, "规章 \t 0 \t0  \n").text == "规章\t0\t0\n")
    }

    @Test func tabsAreNeverTouched() {
        #expect(only(.cjkSpacing, "\t\t\t\t0\t").edits.isEmpty)
    }
}
