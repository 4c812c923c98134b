import Testing
import TextNormalization

@Suite struct PunctuationPassTests {
    @Test func asciiPunctuationInChineseBecomesChinese() {
        // From seed 002.
        let text = "2022年,我镇认真贯彻落实上级关于政府信息公开工作的部署:一是;二是?好!"
        #expect(only(.punctuation, text).text == "2022年，我镇认真贯彻落实上级关于政府信息公开工作的部署：一是；二是？好！")
    }

    @Test func halfWidthParenthesesInALabelBecomeFullWidth() {
        #expect(only(.punctuation, "(一) 予以公开").text == "（一） 予以公开")
        #expect(only(.punctuation, "第二十条第(一)项").text == "第二十条第（一）项")
        #expect(only(.punctuation, "(本列数据的勾稽关系为:第一项加第二项之和)").text == "（本列数据的勾稽关系为：第一项加第二项之和）")
    }

    @Test func numbersDatesAndLatinKeepASCII() {
        for text in ["2019-10-01", "0.65", "1.属于国家秘密", "12:30", "http://www.example.gov.cn", "(1,2)", "f(x)"] {
            #expect(only(.punctuation, text).edits.isEmpty, "\(text)")
        }
    }

    @Test func fullWidthBetweenASCIIBecomesASCII() {
        #expect(only(.punctuation, "时间12：30，共3，5两项").text == "时间12:30，共3,5两项")
        #expect(only(.punctuation, "1．属于国家秘密　－18　５０％").text == "1.属于国家秘密　-18　５０%")
    }

    @Test func straightQuotesArePaired() {
        #expect(only(.punctuation, "危及\"三安全一稳定\"").text == "危及“三安全一稳定”")
        #expect(only(.punctuation, "say \"hello\" now").edits.isEmpty)
    }

    @Test func chineseMarksStayUnderCanonical() {
        #expect(only(.punctuation, "“五公开”、《条例》〔2019〕。").edits.isEmpty)
    }

    @Test func asciiPolicyFoldsEverything() {
        let result = only(.punctuation, "（一）予以公开，“五公开”、《条例》。", policy: .ascii)
        #expect(result.text == "(一)予以公开,\"五公开\",<条例>.")
    }

    @Test func cellsAreJudgedSeparately() {
        // The comma's context is its own cell: a tab is a wall.
        #expect(only(.punctuation, "规章\t1,2").edits.isEmpty)
    }
}
