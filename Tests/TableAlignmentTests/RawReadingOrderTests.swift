import ExtractionScoring
import Foundation
import ReportModel
import TableAlignment
import Testing
import _TestSupport

/// Raw `pdftotext` (no `-layout`) prints a table in its own reading order, not row by row. Each case is a row of a
/// corpus report whose raw text shows one of these orders; its values must equal the report's gold, and the note
/// must say how they were read.
@Suite struct RawReadingOrderTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var report: String
        var row: String
        /// Words the cells' note must contain.
        var note: String
        var testDescription: String { "\(report): \(row)" }
    }

    static let cases: [Case] = [
        // `…31 11 0 行政规范性文件 12`: the first value printed with the label, after the row's other values.
        Case(report: "c006_2021", row: "第二十条第（一）项 / 行政规范性文件", note: "moved first"),
        Case(report: "c030_2021", row: "第二十条第（一）项 / 行政规范性文件", note: "moved first"),
        // `…0 32 其他对外管理服务 729 事项`: the same, the value between the two lines of a wrapped label.
        Case(report: "c001_2019", row: "第二十条第（五）项 / 其他对外管理服务事项", note: "moved first"),
        // `规章 0 行政规范性 883 文件 件数 件数 17 793 0 1431`: the first column read together with the labels.
        Case(report: "c004_2021", row: "第二十条第（一）项 / 规章", note: "labels of 2 rows"),
        Case(report: "c004_2021", row: "第二十条第（一）项 / 行政规范性文件", note: "labels of 2 rows"),
        Case(report: "c024_2021", row: "第二十条第（一）项 / 行政规范性文件", note: "labels of 2 rows"),
    ]

    @Test(arguments: cases)
    func rowEqualsTheGold(_ c: Case) throws {
        let directory = Fixtures.directory.appendingPathComponent("corpus").appendingPathComponent(c.report)
        let gold = try loadGold(directory.appendingPathComponent("gold.json")).cells.filter { $0.row == c.row }
        let report = try alignFile(directory.appendingPathComponent("pdftotext.txt"))
        let read = report.cells.filter { $0.cell.row == c.row }
        #expect(gold.count >= 2)
        #expect(read.map(\.cell).sorted { $0.key < $1.key } == gold.sorted { $0.key < $1.key })
        #expect(read.allSatisfy { ($0.note ?? "").contains(c.note) }, "notes: \(read.map { $0.note ?? "nil" })")
    }

    /// `政府集中采购 933 6428232.45 元`: a unit printed one space after its value is not label text, so the value is
    /// read in order (it was once taken for a first value printed with its label).
    @Test func aUnitAfterItsValueIsNotALabel() throws {
        let directory = Fixtures.directory.appendingPathComponent("corpus").appendingPathComponent("c001_2019")
        let row = "第二十条第（九）项 / 政府集中采购"
        let gold = try loadGold(directory.appendingPathComponent("gold.json")).cells.filter { $0.row == row }
        let report = try alignFile(directory.appendingPathComponent("pdftotext.txt"))
        #expect(gold.count == 2)
        #expect(report.cells.filter { $0.cell.row == row }.map(\.cell).sorted { $0.key < $1.key } == gold.sorted { $0.key < $1.key })
    }

    /// `本年收费金额（单位：万元，保留 4` / `位小数）`: a number inside a header's open parenthesis is not a value.
    @Test func aNumberInsideAnOpenParenthesisIsHeaderText() throws {
        let text = """
            二、主动公开政府信息情况
            第二十条第（八）项
            信息内容
            本年收费金额（单位：万元，保留 4
            位小数）
            行政事业性收费
            36.7484
            """
        let report = try TableAligner().align(text)
        let fee = report.cells.first { $0.cell.row.hasSuffix("行政事业性收费") }
        #expect(fee?.cell.value == 36.7484)
        #expect(!report.cells.contains { $0.cell.value == 4 })
    }
}

/// `pdftotext -layout` of a table that prints 0 as an empty cell and runs over pages: each page places the columns
/// at its own positions, and the character grid gives a Han character one column (not two).
@Suite struct LayoutColumnTests {
    @Test func blankCellsOnEveryPageAreReadByThatPagesColumns() throws {
        let directory = Fixtures.directory.appendingPathComponent("corpus").appendingPathComponent("c018_2021")
        let gold = try loadGold(directory.appendingPathComponent("gold.json"))
        let report = try alignFile(directory.appendingPathComponent("layout.txt"))
        let score = ExtractionScorer().score(gold: gold, prediction: report.cellFile(), name: "c018_2021")
        #expect(score.total.wrong == 0, "\(score.differences.prefix(5))")
        // A second-page row printed beside its label (`理  2.重复申请      2   3       5`): counting the label's Han
        // characters as two columns each would move its values right.
        let row = "三、本年度办理结果 / （五）不予处理 / 2.重复申请"
        #expect(report.cells.filter { $0.cell.row == row }.map(\.cell.value) == [0, 0, 0, 2, 3, 0, 5])
    }
}
