import Testing
import TextNormalization

@Suite struct TableDelimitersPassTests {
    @Test func boxDrawnRowsBecomeTabSeparated() {
        let text = "┌────┬────┬────┐\n│规章│ 0 ││\n├────┼────┼────┤\n│（七）总计│5│ 5 │\n└────┴────┴────┘\n"
        let result = only(.tableDelimiters, text)
        #expect(result.text == "规章\t0\t\n（七）总计\t5\t5\n")
        #expect(result.edits.filter { $0.rule == "box-border" }.count == 3)
        #expect(only(.tableDelimiters, result.text).edits.isEmpty)
    }

    /// pandoc's plain text of a page whose cells hold paragraphs: a grid table whose labels wrap onto a second line
    /// of the row. Each row becomes one tab-separated line, each cell's parts joined; the borders go.
    @Test func gridTableRowsBecomeOneLineEach() {
        let text = """
            二、主动公开政府信息情况

            +-------------+-------------+-------------+
            | 信息内容    | 本年新      | 对外        |
            |             | 制作数量    | 公开总数量  |
            +=============+=============+=============+
            | 规章        | 13          | 524         |
            +-------------+-------------+-------------+
            | 其他对外管  | 0           | 1 200       |
            | 理服务事项  |             | units       |
            +-------------+-------------+-------------+

            三、收到和处理政府信息公开申请情况
            """
        let result = only(.tableDelimiters, text)
        #expect(result.text == """
            二、主动公开政府信息情况

            信息内容\t本年新制作数量\t对外公开总数量
            规章\t13\t524
            其他对外管理服务事项\t0\t1 200 units

            三、收到和处理政府信息公开申请情况
            """)
        #expect(result.edits.filter { $0.rule == "grid-rows" }.count == 4)
        #expect(only(.tableDelimiters, result.text).edits.isEmpty)
    }

    /// Lines that only look like parts of a grid stay: a border without rows, rows whose cell count differs from
    /// their border's, a `+` in prose.
    @Test func notAGridTableIsLeftAlone() {
        for text in [
            "+----+----+\n说明：无。\n",
            "+----+----+\n| 规章 | 0 | 1 |\n+----+----+\n",
            "联系电话 +86 10 1234 | 传真 +86 10 5678 |\n",
        ] {
            #expect(only(.tableDelimiters, text).edits.isEmpty, "\(text)")
        }
    }

    @Test func csvBlocksBecomeTabSeparated() {
        // A 表三 header and rows as Excel saves them: empty cells as nothing between commas, a quoted label.
        let text = """
            ,自然人,法人或其他组织,,总计
            一、本年新收政府信息公开申请数量,,5,-,5
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",1,0,0,1
            说明,见上表。
            """
        let result = only(.tableDelimiters, text)
        #expect(result.text == """
            \t自然人\t法人或其他组织\t\t总计
            一、本年新收政府信息公开申请数量\t\t5\t-\t5
            （二）部分公开（区分处理的，只计这一情形，不计其他情形）\t1\t0\t0\t1
            说明,见上表。
            """)
        #expect(result.edits.allSatisfy { $0.rule == "csv-cells" })
        #expect(only(.tableDelimiters, result.text).edits.isEmpty)
    }

    @Test func proseWithASCIICommasIsNotCSV() {
        // Seed 000 writes its prose with ASCII commas; three such lines in a row, one with a number between commas.
        let text = """
            2019 年,我镇认真执行区市县相关要求及规定,坚持依法行政,深化政务公开
            组织制度更有保障,成立政务信息公开领导小组,配备三名专职政务公开人员,2
            学习培训更加强化,全年进行政务公开与政务服务培训 2 次,培训人次 200 余人,培训内容
            """
        #expect(only(.tableDelimiters, text).edits.isEmpty)
    }

    @Test func narrowCSVTablesBecomeTabSeparated() {
        // 表二's sub-tables have two or three columns: rows of three fields, the sheet's spacer rows `,,` between.
        let text = """
            信息内容,本年新制作数量,对外公开总数量
            ,,
            规章 1150,0,1271
            ,,
            729,0,32
            """
        let result = only(.tableDelimiters, text)
        #expect(result.text == "信息内容\t本年新制作数量\t对外公开总数量\n\t\t\n规章 1150\t0\t1271\n\t\t\n729\t0\t32")
        #expect(only(.tableDelimiters, result.text).edits.isEmpty)
        // Three lines of prose with two ASCII commas each and numbers between them are no table: no field is a
        // number alone on a row of three numbers or more.
        let prose = """
            全年受理申请 12 件,办结 12 件,无逾期
            其中网上申请 8 件,信函 4 件,当面 0 件
            答复均在法定期限内,未收取费用,无复议
            """
        #expect(only(.tableDelimiters, prose).edits.isEmpty)
    }

    @Test func csvFieldLengthCountsCharactersNotBytes() {
        // A field may hold 48 characters: 48 Han characters are 144 bytes and still a cell, 49 are not.
        func sheet(label: String) -> String {
            "项目,甲,乙,总计\n\(label),1,0,1\n其他,2,0,2\n合计,3,0,3\n"
        }
        let fits = String(repeating: "政", count: 48)
        let tooLong = String(repeating: "政", count: 49)
        #expect(only(.tableDelimiters, sheet(label: fits)).text == String(sheet(label: fits).map { $0 == "," ? "\t" : $0 }))
        #expect(only(.tableDelimiters, sheet(label: tooLong)).edits.isEmpty)
        // A tab anywhere on a line with commas keeps it from being read as CSV: the block is too short then.
        #expect(only(.tableDelimiters, sheet(label: "a\tb")).edits.isEmpty)
    }
}
