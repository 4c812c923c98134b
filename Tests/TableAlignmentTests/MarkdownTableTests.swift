import ExtractionScoring
import Foundation
import ReportModel
import TableAlignment
import Testing
import TextNormalization
import _TestSupport

/// Reports whose tables a PDF-to-markdown extractor wrote as pipe tables (`| 规章 | 0 |  | 5 |`, a `|---|` row after
/// the first row, empty cells kept empty): the seeds and hand-written reports rewritten that way read every cell.
@Suite struct MarkdownTableTests {
    /// Each tab-separated line becomes a pipe row (cells trimmed, empty cells kept), with a delimiter row after the
    /// first row of each table; blank lines inside a table are dropped, as markdown writers do.
    static func asPipeTables(_ text: String) -> String {
        var out: [String] = []
        var inTable = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.contains("\t") {
                let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                out.append("| " + cells.joined(separator: " | ") + " |")
                if !inTable { out.append("|" + String(repeating: "---|", count: cells.count)) }
                inTable = true
            } else if inTable && line.trimmingCharacters(in: .whitespaces).isEmpty {
                continue
            } else {
                inTable = false
                out.append(String(line))
            }
        }
        return out.joined(separator: "\n")
    }

    /// The seeds and hand-written reports whose tables are tab-separated (one hand-written report separates cells
    /// by single spaces: it has no tab rows to rewrite).
    static let cases: [URL] = (Fixtures.seedCases + HandwrittenReportTests.reports).filter {
        (try? String(contentsOf: $0.appendingPathComponent("input.txt"), encoding: .utf8))?.contains("\t") ?? false
    }

    @Test func mostInputsAreCovered() { #expect(Self.cases.count >= 8) }

    @Test(arguments: cases)
    func everyCellIsRight(_ directory: URL) throws {
        let gold = try loadGold(directory.appendingPathComponent("gold.json"))
        let text = Self.asPipeTables(try String(contentsOf: directory.appendingPathComponent("input.txt"), encoding: .utf8))
        #expect(text.contains("|---|"))
        let report = try TableAligner().align(TextNormalizer().normalize(text).text)
        let score = ExtractionScorer().score(gold: gold, prediction: report.cellFile(), name: directory.lastPathComponent)
        #expect(score.total.cellAccuracy == 1, "\(score.differences.prefix(4))")
    }
}
