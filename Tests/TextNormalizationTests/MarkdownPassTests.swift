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
}
