import Testing
import TextNormalization

@Suite struct MarkdownPassTests {
    @Test func headingsAndBoldAreUnwrapped() {
        // From seed 001: `### **（一）政府信息主动公开情况。**`
        #expect(only(.markdown, "### **（一）政府信息主动公开情况。**").text == "（一）政府信息主动公开情况。")
        #expect(only(.markdown, "## 一、总体情况").text == "一、总体情况")
    }

    @Test func inlineBoldInProse() {
        // From seed 000: `**一是**认真贯彻执行`
        let result = only(.markdown, "我镇将进一步加强领导。**一是**认真贯彻执行；**二是**进一步健全")
        #expect(result.text == "我镇将进一步加强领导。一是认真贯彻执行；二是进一步健全")
        #expect(result.edits.count == 4)
    }

    @Test func bulletsAreRemovedButNegativeNumbersStay() {
        #expect(only(.markdown, "- (一) 存在的主要问题。").text == "(一) 存在的主要问题。")
        #expect(only(.markdown, "-18").edits.isEmpty)
        #expect(only(.markdown, "- 18 件").edits.isEmpty)
    }

    @Test func linksKeepTheirText() {
        #expect(only(.markdown, "邮箱：[gk@example.cn](mailto:gk@example.cn)。").text == "邮箱：gk@example.cn。")
    }

    @Test func ruleLinesAreRemovedEvenWithTabs() {
        // From seed 003: a dashed rule spread over two table cells.
        let text = "（本列数据的勾稽关系为）\t申请人情况\n------------------------------------\t-------\n\t自然人\n"
        #expect(only(.markdown, text).text == "（本列数据的勾稽关系为）\t申请人情况\n\t自然人\n")
    }

    @Test func tableRowsKeepTheirLeadingMarks() {
        #expect(only(.markdown, "- \t0\t0").edits.isEmpty)
    }

    @Test func pipeTablesBecomeTabSeparatedRows() {
        // A 表三 row as PDF-to-markdown tools write it: the label spans two columns, so its second cell is empty.
        let text = """
            | 本列数据 |  | 自然人 | 商业企业 |
            |---|---|:---:|---:|
            | 一、本年新收政府信息公开申请数量 |  | 5 | - |
            | （二）部分公开 | **3** |  |  |

            说明：本表 | 不是表格

            """
        let result = only(.markdown, text)
        // A blank line ends the table: the `|` in the prose after it stays.
        #expect(result.text == "本列数据\t\t自然人\t商业企业\n一、本年新收政府信息公开申请数量\t\t5\t-\n（二）部分公开\t3\t\t\n\n说明：本表 | 不是表格\n")
        #expect(result.edits.contains { $0.rule == "pipe-table-delimiter" })
        #expect(result.edits.contains { $0.rule == "pipe-table" && $0.before == " | " && $0.after == "\t" })
        // Stable: a second run changes nothing.
        #expect(only(.markdown, result.text).edits.isEmpty)
    }

    @Test func pipesWithoutADelimiterRowStayText() {
        // OCR prints ruling lines as `|`; without a markdown delimiter row they are no cell boundaries.
        let text = "| 一、本年新收政府信息公开申请数量 | 5 52 4 46 45 41 193 |\n| 二、上年结转 | 0 |\n"
        #expect(only(.markdown, text).edits.isEmpty)
    }
}
