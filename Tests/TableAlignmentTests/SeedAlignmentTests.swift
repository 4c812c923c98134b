import ExtractionScoring
import Foundation
import ReportModel
import ReportTemplates
import TableAlignment
import Testing
import TextNormalization
import _TestSupport

func loadGold(_ url: URL) throws -> CellFile {
    try JSONDecoder().decode(CellFile.self, from: Data(contentsOf: url))
}

func alignFile(_ url: URL) throws -> AlignedReport {
    let normalized = try TextNormalizer().normalize(bytes: Array(Data(contentsOf: url)))
    return try TableAligner().align(normalized.text, pageStartLines: normalized.pageStartLines)
}

/// The cells `include` picks, read from `reading` (`pdftotext.txt`, …) of corpus report `name`, beside the same
/// cells of its gold, both in key order; and the whole aligned report.
func corpusCells(_ name: String, _ reading: String, _ include: (CellKey) -> Bool) throws
    -> (read: [AlignedCell], gold: [Cell], report: AlignedReport)
{
    let directory = Fixtures.directory.appendingPathComponent("corpus").appendingPathComponent(name)
    let gold = try loadGold(directory.appendingPathComponent("gold.json")).cells.filter { include($0.key) }
    let report = try alignFile(directory.appendingPathComponent(reading))
    let read = report.cells.filter { include($0.cell.key) }.sorted { $0.cell.key < $1.cell.key }
    return (read, gold.sorted { $0.key < $1.key }, report)
}

@Suite struct SeedAlignmentTests {
    /// Every cell of every seed equals its hand-made gold, and the edition is detected from labels.
    @Test(arguments: Fixtures.seedCases)
    func seedCellsEqualTheGold(_ directory: URL) throws {
        let gold = try loadGold(directory.appendingPathComponent("gold.json"))
        let report = try alignFile(directory.appendingPathComponent("input.txt"))
        #expect(report.edition == gold.edition)
        let score = ExtractionScorer().score(gold: gold, prediction: report.cellFile(), name: directory.lastPathComponent)
        #expect(score.total.cellAccuracy == 1, "\(score.differences.prefix(5))")
        #expect(score.total.extra == 0)
    }

    /// Seed 000's blank applicant cells are read as 0 and flagged as blank, never silently.
    @Test func blankCellsAreFlagged() throws {
        let report = try alignFile(Fixtures.seedCases[0].appendingPathComponent("input.txt"))
        let blank = report.cells.filter { $0.origin == .blank && $0.cell.table == .requests }
        #expect(blank.count >= 6 * 20)
        #expect(blank.allSatisfy { $0.note?.contains("blank") == true })
    }

    @Test func textWithoutTablesIsAnError() {
        #expect(throws: AlignmentError.noTables) {
            try TableAligner().align("一、总体情况\n本年度，我镇认真贯彻落实条例。\n")
        }
    }
}

@Suite struct CanonicalRoundTripTests {
    /// A report whose tables are already canonical: the cells come back exactly and the text does not change.
    @Test(arguments: Fixtures.seedCases)
    func canonicalTablesAreAFixedPoint(_ directory: URL) throws {
        let gold = try loadGold(directory.appendingPathComponent("gold.json"))
        let values = Dictionary(uniqueKeysWithValues: gold.cells.map { ($0.key, $0.value) })
        var text = "某某镇人民政府政府信息公开工作年度报告\n\n一、总体情况\n\n本年度工作情况如下。\n\n"
        text += "二、主动公开政府信息情况\n" + CanonicalTable.render(.active, edition: gold.edition, values: values)
        text += "三、收到和处理政府信息公开申请情况\n" + CanonicalTable.render(.requests, edition: gold.edition, values: values)
        text += "四、政府信息公开行政复议、行政诉讼情况\n" + CanonicalTable.render(.review, edition: gold.edition, values: values)
        text += "五、存在的主要问题及改进情况\n\n无。\n"
        let report = try TableAligner().align(text)
        #expect(report.canonicalText == text)
        #expect(report.cellFile().cells == gold.cells)
        #expect(report.cells.allSatisfy { $0.origin == .read })
    }
}

/// Rows some agencies add to the template: their values are no cells, and the decision says so.
@Suite struct ExtraRowTests {
    @Test func aSubtotalRowUnderAGroupIsSkipped() throws {
        let directory = Fixtures.directory.appendingPathComponent("seeds/002_6ca61234d061fe91")
        let text = try String(contentsOf: directory.appendingPathComponent("input.txt"), encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let k = try #require(lines.firstIndex { $0.contains("8. 属于行政查询") })
        lines.insert("\t\t小计\t3\t0\t0\t0\t0\t0\t3", at: k + 1)
        let report = try TableAligner().align(TextNormalizer().normalize(lines.joined(separator: "\n")).text)
        let gold = try loadGold(directory.appendingPathComponent("gold.json"))
        #expect(ExtractionScorer().score(gold: gold, prediction: report.cellFile(), name: "002").total.cellAccuracy == 1)
        #expect(report.decisions.contains { $0.reason.contains("a row the template has not") && $0.line == k + 2 })
    }
}
