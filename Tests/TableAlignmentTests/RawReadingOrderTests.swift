import ExtractionScoring
import Foundation
import ReportModel
import TableAlignment
import TextNormalization
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
        let (read, gold, _) = try corpusCells(c.report, "pdftotext.txt") { $0.row == c.row }
        #expect(gold.count >= 2)
        #expect(read.map(\.cell) == gold)
        #expect(read.allSatisfy { ($0.note ?? "").contains(c.note) }, "notes: \(read.map { $0.note ?? "nil" })")
    }

    /// `四、结转下年度继续办理` printed `3 2 1 2 1 6 15` (the header's line structure sets raw order): its sum holds
    /// in any order; the column identities (一 + 二 = （七） + 四, per column) give each value's column.
    @Test func aRowInAnotherOrderIsPutRightByTheColumnIdentities() throws {
        let (read, gold, report) = try corpusCells("c014_2021", "pdftotext.txt") { $0.row == "四、结转下年度继续办理" }
        #expect(gold.count == 7)
        #expect(read.map(\.cell) == gold)
        #expect(read.allSatisfy { ($0.note ?? "").contains("column identities") && $0.confidence < 1 })
        #expect(report.decisions.contains { $0.reason.contains("column identities") })
    }

    /// The same on a hand-written report (cells a space apart): its 四 row's first six values rotated read back as
    /// its gold, flagged; the report untouched is not flagged. (A rotation that another row's values could also
    /// explain — 二 and 四 share the identity 一 + 二 = （七） + 四 — is left alone: no row or two rows fit.)
    @Test func aRotatedRowIsPutRight() throws {
        let directory = Fixtures.directory.appendingPathComponent("handwritten").appendingPathComponent("b_shichangjianguan_2019")
        let text = try String(contentsOf: directory.appendingPathComponent("input.txt"), encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let k = try #require(lines.firstIndex { $0.hasPrefix("四、结转下年度继续办理 ") })
        var cells = lines[k].split(separator: " ").map(String.init)  // label, six values, 总计
        #expect(cells.count == 8)
        let values = Array(cells[1..<7])
        cells.replaceSubrange(1..<7, with: values.suffix(1) + values.dropLast())
        lines[k] = cells.joined(separator: " ")
        #expect(cells[1..<7] != values[...])
        let gold = try loadGold(directory.appendingPathComponent("gold.json"))
        let damaged = try TableAligner().align(TextNormalizer().normalize(lines.joined(separator: "\n")).text)
        #expect(ExtractionScorer().score(gold: gold, prediction: damaged.cellFile(), name: "b").total.cellAccuracy == 1)
        #expect(damaged.cells.contains { ($0.note ?? "").contains("column identities") })
        let clean = try alignFile(directory.appendingPathComponent("input.txt"))
        #expect(!clean.cells.contains { ($0.note ?? "").contains("column identities") })
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
