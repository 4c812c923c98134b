import ExtractionScoring
import Foundation
import ReportModel
import TableAlignment
import Testing
import _TestSupport

/// Five reports written by hand in styles the aligner was not built against (Fixtures/handwritten/README.md):
/// a markdown-decorated tab table, single-space separated cells, markdown pipe tables, full-width digits with `-`
/// for empty cells and lost tabs, OCR-like label damage with a footer and a repeated header.
@Suite struct HandwrittenReportTests {
    static let reports: [URL] = {
        let root = Fixtures.directory.appendingPathComponent("handwritten")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.sorted().map { root.appendingPathComponent($0) }.filter {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent("gold.json").path)
        }
    }()

    @Test func thereAreFive() { #expect(Self.reports.count == 5) }

    @Test(arguments: reports)
    func everyCellIsRight(_ directory: URL) throws {
        let gold = try loadGold(directory.appendingPathComponent("gold.json"))
        let report = try alignFile(directory.appendingPathComponent("input.txt"))
        #expect(report.edition == gold.edition)
        let score = ExtractionScorer().score(gold: gold, prediction: report.cellFile(), name: directory.lastPathComponent)
        #expect(score.total.cellAccuracy == 1, "\(score.differences.prefix(4))")
    }
}
