import ExtractionScoring
import Foundation
import ReportModel
import ReportTemplates
import TableAlignment
import Testing
import TextNormalization
import _TestSupport

/// Tables flattened to one line (markup stripped, cells run together): rows are cut at their labels and each
/// row's digits where its identities hold; cuts that are not unique are flagged.
@Suite struct FlattenedTableTests {
    /// The request table of a gold file written as one line: label, digits, label, digits, …
    static func flattened(_ gold: CellFile) -> String {
        let template = ReportTemplate.for(gold.edition)
        let values = Dictionary(uniqueKeysWithValues: gold.cells.map { ($0.key, $0.value) })
        var line = ""
        var seen = Set<String>()
        for row in template.requestRows {
            for part in row.path.dropLast() where seen.insert(part).inserted { line += part }
            line += row.label
            line += template.requestColumns.map { CanonicalTable.format(values[CellKey(table: .requests, row: row.key, column: $0.label)]) }.joined()
        }
        return "三、收到和处理政府信息公开申请情况\n" + line + "\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n"
    }

    @Test func flattenedRequestTablesComeBack() throws {
        var correct = 0
        var total = 0
        var flaggedWrong = 0
        var unflaggedWrong = 0
        let root = Fixtures.directory.appendingPathComponent("handwritten")
        for name in try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() where !name.hasSuffix(".md") {
            let gold = try loadGold(root.appendingPathComponent(name).appendingPathComponent("gold.json"))
            let report = try TableAligner(edition: gold.edition).align(TextNormalizer().normalize(Self.flattened(gold)).text)
            let goldValues = Dictionary(uniqueKeysWithValues: gold.cells.map { ($0.key, $0.value) })
            for cell in report.cells where cell.cell.table == .requests {
                total += 1
                if goldValues[cell.cell.key] == cell.cell.value {
                    correct += 1
                } else if cell.confidence < 1 {
                    flaggedWrong += 1
                } else {
                    unflaggedWrong += 1
                }
            }
        }
        #expect(total == 847)
        // Measured 96.5 % when written: a run of digits can cut more than one way that satisfies the row sum.
        #expect(Double(correct) / Double(total) >= 0.96, "\(correct) of \(total)")
        #expect(unflaggedWrong == 0, "every wrong cell is flagged (\(flaggedWrong) flagged)")
    }
}
