import Foundation
import HTMLExtraction
import Testing
import _TestSupport

@Suite struct HTMLExtractorTests {
    func text(_ html: String) throws -> String { try HTMLExtractor().text(from: Array(html.utf8)) }

    @Test func rowspansAndColspansMakeAGrid() throws {
        let html = """
            <table><tr><td rowspan="2" colspan="2">说明</td><td colspan="3">申请人情况</td></tr>
            <tr><td>自然人</td><td>商业企业</td><td>总计</td></tr>
            <tr><td rowspan="2">三、本年度办理结果</td><td>（一）予以公开</td><td>5</td><td>0</td><td>5</td></tr>
            <tr><td>（二）部分公开</td><td>1</td><td>2</td><td>3</td></tr></table>
            """
        #expect(try text(html) == """
            说明\t\t申请人情况\t\t
            \t\t自然人\t商业企业\t总计
            三、本年度办理结果\t（一）予以公开\t5\t0\t5
            \t（二）部分公开\t1\t2\t3


            """)
    }

    /// A page whose body prints no title is named by its <title> (first, then the body); a page whose body prints
    /// its title keeps the body alone, and a <title> that names no report is left out.
    @Test func thePagesTitleNamesAReportWhoseBodyDoesNot() throws {
        let head = "<html><head><title> 测试市2025年政府信息公开工作年度报告 </title></head>"
        #expect(try text(head + "<body><p>一、总体情况</p></body></html>") == "测试市2025年政府信息公开工作年度报告\n\n一、总体情况\n\n")
        #expect(try text(head + "<body><p>某县2025年政府信息公开工作年度报告</p><p>一、总体情况</p></body></html>")
            == "某县2025年政府信息公开工作年度报告\n\n一、总体情况\n\n")
        #expect(try text("<html><head><title>首页_某某网</title></head><body><p>一、总体情况</p></body></html>") == "一、总体情况\n\n")
        let document = try HTMLExtractor().document(from: Array((head + "<body><table><tr><td>规章</td><td>3</td></tr></table></body></html>").utf8))
        #expect(document.tables.first?.lines == 2..<3)
    }

    @Test func cellTextIsJoinedAcrossTagsAndBreaks() throws {
        let html = "<table><tbody><tr><td><span>社会</span><font>公益</font>组织</td><td>本年新<br />制作数量</td><td>&nbsp;</td><td>-18</td></tr></tbody></table>"
        #expect(try text(html) == "社会公益组织\t本年新制作数量\t\t-18\n\n")
    }

    @Test func paragraphsEntitiesAndChromeDropped() throws {
        let html = """
            <html><head><title>标题</title><style>p{}</style><script>var x = "<table>";</script></head>
            <body><nav>首页 | 政务公开</nav><h2>某某县2021年政府信息公开工作年度报告</h2>
            <p>本报告&lt;依据&gt;条例&amp;要求编制。</p><div>一、总体情况</div><footer>版权所有</footer></body></html>
            """
        #expect(try text(html) == "某某县2021年政府信息公开工作年度报告\n\n本报告<依据>条例&要求编制。\n\n一、总体情况\n\n")
    }

    /// A `<div>` of three or more inline cells, one a number, is a table row (its cells a tab apart); a `<div>` of
    /// styled prose (no number, or text of its own between the spans) stays one paragraph.
    @Test func divRowsOfSpansAreTableRows() throws {
        let html = """
            <html><body>
            <div class="tr"><span>规章</span> <span>1150</span><span></span><span>1271</span></div>
            <div><span>本报告</span><span>根据</span><span>《条例》</span></div>
            <div><span>全年</span>发布<span>12</span><span>条</span></div>
            </body></html>
            """
        let lines = try text(html).split(separator: "\n")
        #expect(lines.contains("规章\t1150\t\t1271"))
        #expect(lines.contains("本报告根据《条例》"))
        #expect(lines.contains("全年发布12条"))
    }

    @Test func detectionIsByContent() {
        #expect(HTMLExtractor.looksLikeHTML(Array("\n  <!DOCTYPE html><html>".utf8)))
        #expect(HTMLExtractor.looksLikeHTML(Array("<table><tr><td>1</td></tr></table>".utf8)))
        #expect(!HTMLExtractor.looksLikeHTML(Array("一、总体情况\n<不是标签>".utf8)))
        #expect(!HTMLExtractor.looksLikeHTML(Array("<本列数据的勾稽关系>".utf8)))
        // Markdown opening with a page's navigation `<div>` (pandoc's GitHub markdown) is text, not a page.
        let markdown = "<div class=\"nav\">\n\n首页 \\| 政务公开\n\n</div>\n\n| 规章 | 0 | 0 | 0 |\n| 行政规范性文件 | 3 | 1 | 12 |\n"
        #expect(!HTMLExtractor.looksLikeHTML(Array(markdown.utf8)))
        #expect(HTMLExtractor.looksLikeHTML(Array("<div class=\"nav\">首页</div>\n<p>一、总体情况</p>\n".utf8)))
        #expect(HTMLExtractor.looksLikeHTML(Array(("<html><body>" + markdown).utf8)))
    }

    @Test func malformedPagesNeverCrash() throws {
        for html in ["<table><tr><td rowspan=99999>x", "<td colspan=-3>y</td>", "<table></table></table><tr>", "<<<>>>", "<p>"] {
            _ = try text(html)
        }
    }
}

/// HTML tables inside markdown text (MinerU and similar PDF-to-markdown tools).
@Suite struct EmbeddedTableTests {
    @Test func aTableFragmentBecomesATabGridInPlace() throws {
        let text = "二、主动公开政府信息情况\n<TABLE><tr><td colspan=\"2\">第二十条第（一）项</td></tr><tr><td>规章</td><td>0</td></tr></TABLE>\n说明\n"
        let out = try #require(HTMLExtractor().replacingEmbeddedTables(in: Array(text.utf8)))
        let lines = String(decoding: out, as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(lines.first == "二、主动公开政府信息情况")
        #expect(lines.contains("第二十条第（一）项\t"))
        #expect(lines.contains("规章\t0"))
        #expect(lines.last == "说明")
        #expect(!lines.contains { $0.contains("<") })
    }

    @Test func nestedTablesAreOneFragment() throws {
        let text = "<table><tr><td><table><tr><td>内</td></tr></table></td><td>5</td></tr></table>后"
        let out = String(decoding: try #require(HTMLExtractor().replacingEmbeddedTables(in: Array(text.utf8))), as: UTF8.self)
        #expect(out.hasSuffix("后"))
        #expect(!out.contains("</table>"))
    }

    @Test func textWithoutACompleteTableIsLeftAlone() {
        #expect(HTMLExtractor().replacingEmbeddedTables(in: Array("表三 <table> 未完".utf8)) == nil)
        #expect(HTMLExtractor().replacingEmbeddedTables(in: Array("一、总体情况\n".utf8)) == nil)
        #expect(HTMLExtractor().replacingEmbeddedTables(in: [0x3C, 0x74, 0xFF, 0xFE]) == nil)
    }
}

@Suite struct PreformattedTextTests {
    @Test func preKeepsItsLinesAndGaps() throws {
        let page = "<html><body><p>一、总体情况</p><pre>规章      0    5\n\t行政许可   12<br>末行</pre><p>二、 主动</p></body></html>"
        let text = try HTMLExtractor().text(from: Array(page.utf8))
        #expect(text.contains("规章      0    5\n\t行政许可   12\n末行\n"))
        #expect(text.hasPrefix("一、总体情况\n"))
    }
}

@Suite struct DOCXReadingTests {
    @Test func paragraphsAndTablesOfAWordDocument() throws {
        let url = Fixtures.directory.appendingPathComponent("docx/d_zhen_2019/report.docx")
        let document = try HTMLExtractor().document(fromDOCX: Array(try Data(contentsOf: url)))
        #expect(document.tables.count >= 3)
        let lines = document.text.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("二、主动公开政府信息情况") })
        // A table row: label and values as tab cells.
        #expect(lines.contains { $0.hasPrefix("规范性文件\t") })
    }

    @Test func aDamagedArchiveIsAnError() {
        #expect(throws: HTMLExtractor.ExtractionError.notDOCX) {
            try HTMLExtractor().document(fromDOCX: [0x50, 0x4B, 0x03, 0x04, 1, 2, 3])
        }
    }
}

@Suite struct LayoutTableTests {
    /// Old sites set the whole page in a layout table: a table whose cells hold the report's own tables. The outer
    /// table's cells are blocks of the page, and the inner tables come out as tables (they were flattened into one
    /// cell's text).
    @Test func tablesInsideALayoutTableAreTables() throws {
        let page = """
            <html><body><table width="100%"><tr><td>首页 &gt; 政务公开</td></tr><tr><td>
            <p>三、收到和处理政府信息公开申请情况</p>
            <table><tr><td>一、本年新收政府信息公开申请数量</td><td>5</td><td>7</td></tr></table>
            </td></tr></table></body></html>
            """
        let document = try HTMLExtractor().document(from: Array(page.utf8))
        #expect(document.tables.count == 1)
        #expect(document.text.contains("一、本年新收政府信息公开申请数量\t5\t7\n"))
        #expect(document.text.contains("三、收到和处理政府信息公开申请情况\n"))
    }
}
