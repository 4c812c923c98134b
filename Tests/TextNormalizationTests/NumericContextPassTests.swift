import Testing
import TextNormalization

@Suite struct NumericContextPassTests {
    @Test func letterConfusionsInsideNumbersAreFixed() {
        let result = only(.numericContext, "处理决定数量 1O5 件，2l0 件，3〇0 件，4|2")
        #expect(result.text == "处理决定数量 105 件，210 件，300 件，412")
        #expect(result.edits.allSatisfy { $0.rule == "digit-confusion" })
        #expect(result.edits.count == 4)
    }

    @Test func lettersInWordsAndNumberEdgesStay() {
        for text in ["Oct 10", "IIS", "10l", "2019年O月", "二〇一九年", "A1O", "l0", "0 | 0"] {
            #expect(only(.numericContext, text).edits.isEmpty, "\(text)")
        }
    }

    @Test func barsBetweenCellsOfAJoinedMarkdownRowStay() {
        // A markdown table's rows joined into one line: the bars separate cells, they are no misread 1s.
        for text in ["|一、本年新收政府信息公开申请数量|5|52|4|46|45|41|193| |二、", "5|52|4", "|0|0|"] {
            #expect(only(.numericContext, text).edits.isEmpty, "\(text)")
        }
        // One bar between digits is still a 1, with an O beside it too.
        #expect(only(.numericContext, "合计 2|0 件，1O|5 件").text == "合计 210 件，1015 件")
    }

    @Test func thousandsSeparatorsAreRemoved() {
        #expect(only(.numericContext, "金额 75,394,432.52 元").text == "金额 75394432.52 元")
        #expect(only(.numericContext, "2,000余人").text == "2000余人")
    }

    @Test func commaListsAndDecimalsStay() {
        for text in ["1,2,3", "1,23", "1234,567", "0.123,456", "12,3456"] {
            #expect(only(.numericContext, text).edits.isEmpty, "\(text)")
        }
    }

    @Test func minusSignsBeforeDigits() {
        #expect(only(.numericContext, "本年增/减 \u{2212}18 \u{FE63}15").text == "本年增/减 -18 -15")
    }
}
