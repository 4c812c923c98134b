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

    @Test func trailingSpacesAndCellPaddingGo() {
        #expect(only(.cjkSpacing, "规章 \t 0 \t0  \n").text == "规章\t0\t0\n")
    }

    @Test func tabsAreNeverTouched() {
        #expect(only(.cjkSpacing, "\t\t\t\t0\t").edits.isEmpty)
    }
}
