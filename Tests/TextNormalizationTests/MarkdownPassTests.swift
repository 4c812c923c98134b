import Testing
import TextNormalization

@Suite struct MarkdownPassTests {
    @Test func headingsAndBoldAreUnwrapped() {
        // From seed 001: `### **（一）政府信息主动公开情况。**`
        #expect(only(.markdown, "### **（一）政府信息主动公开情况。**").text == "（一）政府信息主动公开情况。")
        #expect(only(.markdown, "## 一、总体情况").text == "一、总体情况")
    }

    @Test func markupThatRemovingBoldMakesIsRemovedToo() {
        // `**` between a link's `]` and `(`: removed, it makes the link, which goes in the same run (a line with
        // `[` or `<` is settled; one with neither needs no settling).
        let once = only(.markdown, "[链接]**(mailto:a@b) 与 [x]__(y)")
        #expect(once.text == "链接 与 x")
        #expect(once.edits.map(\.rule) == ["inline-markup"], "settled in one run: \(once.edits)")
        #expect(only(.markdown, once.text).edits.isEmpty)
        #expect(only(.markdown, "**一是**认真 __二是__ a__b").text == "一是认真 二是 a__b")
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

    @Test func html2textTablesWithSpanningCellsBecomeRows() {
        // html2text writes a table whose first row is one spanning cell (`colspan`) as that cell alone over `---`,
        // rows without outer pipes, an empty last cell as a trailing `|`, and a spanning row between rows as a line
        // of its own (from the hand-written pages' 表二).
        let text = """
            第二十条第（一）项
            ---
            信息内容| 本年制发件数| 本年废止件数| 现行有效件数
            规章| 0| 0| 0
            第二十条第（六）项
            信息内容| 本年处理决定数量| |
            行政处罚| 3| |
            行政强制| 1443| |

            """
        let result = only(.markdown, text)
        #expect(result.text == """
            第二十条第（一）项
            信息内容\t本年制发件数\t本年废止件数\t现行有效件数
            规章\t0\t0\t0
            第二十条第（六）项
            信息内容\t本年处理决定数量\t
            行政处罚\t3\t
            行政强制\t1443\t

            """)
        #expect(only(.markdown, result.text).edits.isEmpty)
        // The whole normaliser keeps each row on its own line (the trailing `|` closes the row, as a leading one
        // would open it).
        #expect(normalized(text).split(separator: "\n").contains("行政处罚\t3\t"))
    }

    @Test func aDashedLineUnderTextWithoutPipesBelowStaysARule() {
        // `---` under a line is a rule (or a setext heading) unless pipe-table rows follow it.
        let result = only(.markdown, "一、总体情况\n---\n本年度政务公开工作有序推进。\n")
        #expect(result.text == "一、总体情况\n本年度政务公开工作有序推进。\n")
        #expect(result.edits.map(\.rule) == ["rule-line"])
    }

    @Test func inlineHTMLTagsWithAttributesGo() {
        // pandoc's GitHub markdown keeps the styling spans of a page's cells (a hand-written page's 表三).
        let text = "| <span style=\"font-size:14px\">1.属于国家秘密</span> | <SPAN class=\"n\">14</SPAN> | <font face=\"宋体\">0</font><o:p></o:p> |\n|---|---|---|\n"
        let result = only(.markdown, text)
        #expect(result.text == "1.属于国家秘密\t14\t0\n")
        #expect(result.edits.filter { $0.rule == "html-inline-tag" }.count == 8)
        // A block tag is a line break, as `<br>` is: a space.
        #expect(only(.markdown, "<div class=\"nav\">首页</div>\n").text == " 首页 \n")
    }

    @Test func tagsThatRemovingOthersMakesGoInOnePass() {
        // `<sp<b>an …>`: removing `<b>` makes a `<span …>` tag; the line is settled, and settled text is stable.
        let result = only(.markdown, "|<sp<b>an style=\"x\">14</span>|0|\n|---|---|\n")
        #expect(result.text == "14\t0\n")
        #expect(only(.markdown, result.text).edits.isEmpty)
    }

    @Test func textThatOnlyLooksLikeATagStays() {
        // No known element name, a line break or a `<` inside, or longer than a tag: text.
        for text in ["《条例》<第二十条>规定", "a <spanner> b", "x <b y<z> w", "<span " + String(repeating: "a", count: 300) + ">"] {
            #expect(only(.markdown, text + "\n").edits.isEmpty, "\(text)")
        }
    }

    @Test func framedRowsWithoutADelimiterRowAreATable() {
        // trafilatura frames every row and writes no delimiter row; a text with no other markup byte (no `-`, `#`,
        // `*`) was turned away before its rows were looked at (c018's 表三, which leaves its zeros blank).
        let text = """
            | 一、本年新收政府信息公开申请数量 |  |  | 1 | 5 | 2 | 5 | 10 | 2 | 25 |
            | 二、上年结转政府信息公开申请数量 |  |  | 9 |  | 15 | 3 |  |  | 27 |
            |  | （二）部分公开 |  | 3 |  | 1 | 2 |  |  | 6 |

            """
        let result = only(.markdown, text)
        #expect(result.text.split(separator: "\n")[1] == "二、上年结转政府信息公开申请数量\t\t\t9\t\t15\t3\t\t\t27")
        #expect(only(.markdown, result.text).edits.isEmpty)
    }

    @Test func pipesWithoutADelimiterRowStayText() {
        // OCR prints ruling lines as `|`; without a markdown delimiter row they are no cell boundaries.
        let text = "| 一、本年新收政府信息公开申请数量 | 5 52 4 46 45 41 193 |\n| 二、上年结转 | 0 |\n"
        #expect(only(.markdown, text).edits.isEmpty)
    }
}
