import Testing
import TextNormalization

@Suite struct SplitLinesPassTests {
    @Test func sentenceSplitAtAPageBreakIsRejoined() {
        // From seed 000 (the whole line before the break, as the seed has it).
        let first = "学习培训更加强化。全年进行政务公开与政务服务培训 2 次，培训人次 200 余人，"
            + "培训内容主要为政务公开相关内容、相关要求等；进行专题学习 2 次，学习人次 160 余人，一次为《中"
        let text = first + "\n\n华人民共和国政府信息公开条例》，一次为学习。\n"
        let result = only(.splitLines, text)
        #expect(result.text == first + "华人民共和国政府信息公开条例》，一次为学习。\n")
        #expect(result.edits.map(\.rule) == ["page-break"])
    }

    @Test func wrappedLineIsRejoined() {
        // From seed 001.
        let text = "重点公开扶贫政策举措、扶贫规划项目、扶贫专项资金、实施期限、\n预期目标、实施结果等信息 152 条。"
        #expect(only(.splitLines, text).text == "重点公开扶贫政策举措、扶贫规划项目、扶贫专项资金、实施期限、预期目标、实施结果等信息 152 条。")
    }

    @Test func tableRowsAreNeverJoined() {
        let text = "一、本年新收政府信息公开申请数量\t0\t0\n二、上年结转政府信息公开申请数量\t0\t0\n"
        #expect(only(.splitLines, text).edits.isEmpty)
    }

    /// A row whose cells are a space apart and whose last value carries its unit is a table row: never joined to
    /// the heading after it (a heading printed without its numeral, as Word's automatic numbering leaves it).
    @Test func aRowEndingInAValueWithItsUnitIsNotJoined() {
        let text = "信息内容 采购项目数量 采购总金额 政府集中采购 6 1,286,450.75元\n\n收到和处理政府信息公开申请情况\n"
        #expect(only(.splitLines, text).edits.isEmpty)
    }

    /// Table cells written as running text (pymupdf4llm prints small tables so): two numbers standing alone and no
    /// sentence punctuation. Never joined to the line after it, nor that line to it.
    @Test func tableCellsAsRunningTextAreNotJoined() {
        let text = "信息内容 本年处理决定数量 行政处罚 33 行政强制 0 第二十条第（八）项\n\n本年收费金额（单位：万信息内容元）\n"
        #expect(only(.splitLines, text).edits.isEmpty)
        let after = "本年收费金额单位万元信息内容与处理结果如下表所示共计\n行政处罚 33 行政强制 0 第二十条第（八）项\n"
        #expect(only(.splitLines, after).edits.isEmpty)
        // A sentence with numbers a space apart still has its punctuation, and is still rejoined.
        let prose = "开展政务公开业务培训 11 次，参训人员 81 人次，工作人员业务能力进一步提升，\n全年发布信息 358 条。\n"
        #expect(only(.splitLines, prose).edits.map(\.rule) == ["line-break"])
    }

    @Test func headingsTitlesAndFinishedSentencesStay() {
        let text = """
            贺兰县习岗镇 2020 年政府信息公开工作年度报告

            本年度报告根据条例编制，全年工作情况如下所述。

            四、政府信息公开行政复议、行政诉讼情况
            行政复议
            全镇在本年度没有发生政府信息公开行政复议案件。
            第二段从这里开始。
            """
        #expect(only(.splitLines, text).edits.isEmpty)
    }

    @Test func nextLineStartingANewItemIsNotJoined() {
        let text = "1.通过政务微博微信主动公开情况，全年发布政府信息三十八条\n2.主动向政府信息查阅点提供政府信息情况。"
        #expect(only(.splitLines, text).edits.isEmpty)
    }

    @Test func layoutTableRowsAreNeverJoined() {
        // From `pdftotext -layout` of a generated report: column gaps of three or more spaces mark table rows.
        let text = "          本年新制作   本年新公开数   对外公开总数\n信息内容数量      量        量\n规章        1150    0        1271\n"
        #expect(only(.splitLines, text).edits.isEmpty)
    }

    @Test func spaceSeparatedTableRowsAreNeverJoined() {
        // A table copied from a web page: cells separated by single spaces (Fixtures/handwritten/b_…).
        let text = "信息内容 上一年项目数量 本年增/减 处理决定数量\n行政许可 1203 -4 986\n其他对外管理服务事项 17 0 233\n"
        #expect(only(.splitLines, text).edits.isEmpty)
    }

    /// A table's cells joined with nothing between them (BeautifulSoup's `get_text()` of each row): a row is its
    /// label with its values printed against it, and no sentence punctuation. Never joined to the header before it
    /// nor to the row after it (the rows read as one were cut apart again by the aligner, and a short row label lost).
    @Test func rowsWithValuesPrintedAgainstTheirLabelsAreNeverJoined() {
        let text = "信息内容本年新制作数量本年新公开数量对外公开总数量\n规章115001271\n规范性文件113813549\n"
        #expect(only(.splitLines, text).edits.isEmpty)
        let requests = "二、上年结转政府信息公开申请数量3903800077\n三、本年度办理结果（一）予以公开23501011\n"
        #expect(only(.splitLines, requests).edits.isEmpty)
    }

    /// A sentence wrapped right after a number is still one sentence: the number follows a bracket, not Han
    /// (`〔2019〕60` / `号）…`), or the line holds the sentence's commas.
    @Test func aSentenceWrappedAfterANumberIsStillJoined() {
        // From PDFium's reading of a held-out report (Fixtures/corpus-2027/c001_2019/pdfium.txt).
        let wrapped = "开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2019〕60"
        let bracket = wrapped + "\n号）要求编制。报告中所列数据的统计期限自 2019 年 1 月 1 日起至 2019 年 12 月 31 日止。\n"
        #expect(only(.splitLines, bracket).edits.map(\.rule) == ["line-break"])
        let commas = "全年共开展培训，参训人员进一步增加，主动公开政府信息272\n条，其中政策文件36件。\n"
        #expect(only(.splitLines, commas).text == "全年共开展培训，参训人员进一步增加，主动公开政府信息272条，其中政策文件36件。\n")
    }

    @Test func aLineEndingInAPipeIsATableRow() {
        // A pipe-table row whose last cell is empty (`行政处罚| 3| |`) or an OCR'd ruling line ends with `|`: long
        // enough to look like wrapped prose, it is never joined to the next line.
        let text = "信息内容| 本年处理决定数量| 备注说明文字| |\n行政处罚| 3| |\n"
        #expect(only(.splitLines, text).edits.isEmpty)
    }
}
