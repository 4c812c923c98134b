import Testing
import TextNormalization

@Suite struct InvisibleCharactersPassTests {
    @Test func zeroWidthAndSoftHyphenAreRemoved() {
        let result = only(.invisibleCharacters, "政\u{200B}府\u{00AD}信\u{FEFF}息\u{2060}")
        #expect(result.text == "政府信息")
        #expect(result.edits.map(\.rule) == ["zero-width", "soft-hyphen", "bom", "zero-width"])
    }

    @Test func oddSpacesBecomeSpacesAndTabsStay() {
        #expect(only(.invisibleCharacters, "规章\t0\u{00A0}件\u{2002}x").text == "规章\t0 件 x")
    }

    @Test func ideographicIndentIsRemovedAndInnerIdeographicSpaceBecomesSpace() {
        #expect(only(.invisibleCharacters, "\u{3000}\u{3000}2019年\u{3000}我镇").text == "2019年 我镇")
    }

    @Test func lineEndingsBecomeLineFeeds() {
        #expect(only(.invisibleCharacters, "一\r\n二\r三\u{000C}四").text == "一\n二\n三\n四")
    }

    @Test func controlCharactersAreRemoved() {
        #expect(only(.invisibleCharacters, "总\u{0001}计\u{007F}\u{0085}").text == "总计")
    }

    @Test func cleanTextIsUntouched() {
        let text = "行政许可\t3\t0\t0\n其他对外管理服务事项\t21\t0\t4\n"
        #expect(only(.invisibleCharacters, text).edits.isEmpty)
    }
}
