import ExtractionScoring
import Foundation
import ReportModel
import TableAlignment
import TextNormalization
import Testing
import _TestSupport

/// Tables that leave their zeros blank, read by extractors that drop the blank cells: each row gives only its
/// non-zero values, with no column for them. Values a space apart say nothing about columns; the rows are placed
/// together by the column identities, and what the identities leave open is flagged.
@Suite struct BlankZeroTableTests {
    /// The hand-written 2019 report whose cells stand a space apart, with every 0 of its 表三 taken out (a row of
    /// zeros keeps only its label), and its gold.
    static func blankedReport(keepingZerosOf keep: (String) -> Bool = { _ in false }) throws -> (text: String, gold: CellFile, blanked: Int) {
        let directory = Fixtures.directory.appendingPathComponent("handwritten").appendingPathComponent("b_shichangjianguan_2019")
        let text = try String(contentsOf: directory.appendingPathComponent("input.txt"), encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let first = try #require(lines.firstIndex { $0.hasPrefix("一、本年新收政府信息公开申请数量 ") })
        let last = try #require(lines.firstIndex { $0.hasPrefix("四、结转下年度继续办理 ") })
        var blanked = 0
        for k in first...last where !keep(lines[k]) {
            let words = lines[k].split(separator: " ").map(String.init)
            let kept = words.filter { $0 != "0" }
            blanked += words.count - kept.count
            lines[k] = kept.joined(separator: " ")
        }
        return (lines.joined(separator: "\n"), try loadGold(directory.appendingPathComponent("gold.json")), blanked)
    }

    static func align(_ text: String) throws -> AlignedReport {
        try TableAligner().align(TextNormalizer().normalize(text).text)
    }

    /// Every row short of values: the identities cannot tell apart columns that are all zero (the rows' values
    /// could sit in 科研机构 as well as in 法律服务机构), so the placement every identity allows whose values stand
    /// in the columns reports fill most often is taken. Every identity then holds, and every cell that differs
    /// from the gold is flagged as uncertain (confidence 0.3 or less).
    @Test func rowsShortOfTheirZerosArePlacedByTheColumnIdentities() throws {
        let (text, gold, blanked) = try Self.blankedReport()
        #expect(blanked > 100)
        let report = try Self.align(text)
        #expect(!report.hasFailedIdentity, "\(report.decisions.filter { $0.reason == AlignmentDecision.identityFails })")
        let accuracy = ExtractionScorer().score(gold: gold, prediction: report.cellFile(), name: "b").total.cellAccuracy
        // 91.9 % when each row was moved on its own, to the columns that brought the sums closest.
        #expect(accuracy >= 0.97)
        let goldValue = Dictionary(gold.cells.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        let wrong = report.cells.filter { goldValue[$0.cell.key] != $0.cell.value }
        #expect(wrong.allSatisfy { $0.confidence <= 0.3 && ($0.note ?? "").contains("allow other columns too") },
                "\(wrong.map { "\($0.cell.key) \($0.confidence) \($0.note ?? "")" })")
        #expect(report.decisions.contains { $0.reason.contains("every column identity holds") })
    }

    /// Only 一 and （一）予以公开 short of their zeros, every other row whole: the column sums leave one placement,
    /// taken with confidence 0.6 and not flagged uncertain.
    @Test func twoShortRowsHaveOnePlacement() throws {
        let short = ["一、本年新收政府信息公开申请数量 ", "三、本年度办理结果 (一)予以公开 "]
        let (text, gold, blanked) = try Self.blankedReport(keepingZerosOf: { line in !short.contains { line.hasPrefix($0) } })
        #expect(blanked == 5)
        let report = try Self.align(text)
        #expect(!report.hasFailedIdentity)
        #expect(ExtractionScorer().score(gold: gold, prediction: report.cellFile(), name: "b").total.cellAccuracy == 1)
        let moved = report.cells.filter { ($0.note ?? "").contains(" → ") }
        #expect(moved.count == 6)
        #expect(moved.allSatisfy { ($0.note ?? "").contains("column") })
        #expect(moved.allSatisfy { $0.confidence >= 0.5 && !($0.note ?? "").contains("allow other columns too") })
        // The two rows' cells carry their guess as a flag (what the column identities look for), no other cell does.
        let guessed = Set(report.cells.filter(\.isGuessed).map(\.cell.row))
        #expect(guessed.count == 2 && guessed.allSatisfy { row in short.contains { row.contains($0.dropLast().suffix(4)) } },
                "\(guessed)")
    }

    /// Raw `pdftotext` of a report that leaves its zeros blank (corpus c018): full rows print their values a space
    /// apart, so where a short row's values stand says nothing about their columns. Each short row keeps its last
    /// value as 总计 (its sum holds); positions once put `1 1 2` into the first three columns.
    @Test func valuesASpaceApartHaveNoPosition() throws {
        let (read, _, report) = try corpusCells("c018_2021", "pdftotext-raw.txt") { $0.table == .requests }
        #expect(read.count == 175)
        let rows = Dictionary(grouping: read, by: \.cell.row)
        for (row, cells) in rows {
            let total = try #require(cells.first { $0.cell.column == "总计" }).cell.value
            let parts = cells.filter { $0.cell.column != "总计" }.reduce(0) { $0 + $1.cell.value }
            #expect(parts == total, "\(row)")
        }
        #expect(!report.hasFailedIdentity)
    }
}
