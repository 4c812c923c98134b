import Testing
import TextNormalization

@Suite struct WidthFoldingPassTests {
    @Test func fullWidthLettersAndDigitsBecomeASCII() {
        let result = only(.widthFolding, "２０１９年ＰＤＦ版")
        #expect(result.text == "2019年PDF版")
        #expect(Set(result.edits.map(\.rule)) == ["fullwidth-digit", "fullwidth-letter"])
    }

    @Test func kangxiRadicalsAndCompatibilityIdeographsBecomeUnified() {
        // ⼀ U+2F00 KANGXI RADICAL ONE, ⼈ U+2F08 KANGXI RADICAL MAN, 﨑 U+FA11 is unified (stays), 車 U+F902 → 車 U+8ECA
        let result = only(.widthFolding, "\u{2F00}\u{2F08}\u{F902}\u{FA11}")
        #expect(result.text == "一人\u{8ECA}\u{FA11}")
        #expect(result.edits.map(\.rule) == ["kangxi-radical", "kangxi-radical", "compatibility-ideograph"])
    }

    @Test func radicalSupplementFormsBecomeUnified() {
        // ⻄ U+2EC4, ⻓ U+2ED3, ⻚ U+2EDA: NFKC leaves these alone.
        #expect(only(.widthFolding, "\u{2EC4}部\u{2ED3}\u{2EDA}").text == "西部长页")
    }

    @Test func enclosedNumbersFollowThePolicy() {
        #expect(only(.widthFolding, "㈠予以公开 ⑴ ⒉ ①").text == "（一）予以公开 （1） 2. ①")
        #expect(only(.widthFolding, "㈠予以公开 ⑴ ⒉ ①", policy: .ascii).text == "(一)予以公开 (1) 2. 1")
    }

    @Test func unitsAndSymbolsThatNFKCWouldFlattenStay() {
        #expect(only(.widthFolding, "面积 120㎡，气温 25℃，x² ，Ⅳ类，５‰").text == "面积 120㎡，气温 25℃，x² ，Ⅳ类，5‰")
    }

    @Test func fullWidthPunctuationIsLeftToThePunctuationPass() {
        #expect(only(.widthFolding, "（一）：，").edits.isEmpty)
    }
}
