import ExtractionScoring
import Foundation
import ReportModel
import ReportTemplates
import TableAlignment
import Testing
import TextNormalization
import _TestSupport

/// Damage → repair → the gold values come back: a gold table rendered the way the seeds print tables (label path
/// cells, tab-separated values), damaged by the noise injector, normalised and aligned.
@Suite struct NoisePropertyTests {
    /// The seed-like rendering of a report's tables.
    static func render(_ gold: CellFile) -> String {
        let template = ReportTemplate.for(gold.edition)
        let values = Dictionary(uniqueKeysWithValues: gold.cells.map { ($0.key, $0.value) })
        func f(_ v: Double?) -> String { CanonicalTable.format(v) }
        var text = "某某镇2021年政府信息公开工作年度报告\n\n二、主动公开政府信息情况\n\n"
        for sub in template.active {
            text += sub.item + String(repeating: "\t", count: 3) + "\n"
            text += "信息内容\t" + sub.columns.map(\.label).joined(separator: "\t") + "\n"
            for row in sub.rows {
                let key = sub.item + " / " + row.key
                text += row.label + sub.columns.map { "\t" + f(values[CellKey(table: .active, row: key, column: $0.label)]) }.joined() + "\n"
            }
        }
        text += "\n三、收到和处理政府信息公开申请情况\n\n"
        text += "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况\n"
        text += "\t" + template.requestColumns.map(\.label).joined(separator: "\t") + "\n"
        var seen = Set<String>()
        for row in template.requestRows {
            var cells: [String] = []
            for (depth, part) in row.path.enumerated() {
                let prefix = row.path[...depth].joined(separator: "/")
                cells.append(seen.insert(prefix).inserted || depth == row.path.count - 1 ? part : "")
            }
            let values = template.requestColumns.map { f(values[CellKey(table: .requests, row: row.key, column: $0.label)]) }
            text += (cells + values).joined(separator: "\t") + "\n"
        }
        text += "\n四、政府信息公开行政复议、行政诉讼情况\n\n行政复议\t\t\t\t\t行政诉讼\n"
        text += template.reviewColumns.map { f(values[CellKey(table: .review, row: "", column: $0.path.joined(separator: " / "))]) }
            .joined(separator: "\t") + "\n"
        text += "\n五、存在的主要问题及改进情况\n\n无。\n"
        return text
    }

    static let golds: [CellFile] = {
        let corpus = Fixtures.directory.appendingPathComponent("corpus")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []).sorted()
        return names.prefix(8).compactMap { try? loadGold(corpus.appendingPathComponent($0).appendingPathComponent("gold.json")) }
    }()

    static func accuracy(kinds: Set<NoiseInjector.Kind>, rate: Double, seeds: Range<UInt64>) throws -> (Double, Int) {
        var corpus: [(name: String, gold: CellFile, prediction: CellFile?)] = []
        for gold in golds {
            for seed in seeds {
                let damaged = NoiseInjector(seed: seed, rate: rate, kinds: kinds).damage(Self.render(gold)).text
                let normalized = TextNormalizer().normalize(damaged).text
                corpus.append(("\(seed)", gold, try? TableAligner().align(normalized).cellFile()))
            }
        }
        let score = ExtractionScorer().score(corpus: corpus)
        return (score.total.cellAccuracy, score.reports.filter { $0.total.cellAccuracy < 1 }.count)
    }

    @Test func undamagedRenderingIsReadExactly() throws {
        let (accuracy, imperfect) = try Self.accuracy(kinds: [], rate: 0, seeds: 0..<1)
        #expect(accuracy == 1)
        #expect(imperfect == 0)
    }

    /// Label damage (OCR confusions, split labels, width mixes, duplicated fragments), markdown and footers at a
    /// rate of 0.1 per place: every value comes back.
    @Test func labelAndPageDamageLosesNothing() throws {
        let (accuracy, imperfect) = try Self.accuracy(
            kinds: [.ocrConfusion, .splitLabel, .widthMix, .duplicatedFragment, .markdown, .pageFooter], rate: 0.1, seeds: 0..<5)
        #expect(accuracy == 1, "\(imperfect) damaged reports imperfect")
    }

    /// Cell damage (lost tabs, shifted and blank cells) at 0.05 per place: every value comes back.
    @Test func cellDamageAtFivePercentLosesNothing() throws {
        let (accuracy, imperfect) = try Self.accuracy(kinds: [.lostTab, .shiftedCells, .blankCell], rate: 0.05, seeds: 0..<5)
        #expect(accuracy == 1, "\(imperfect) damaged reports imperfect")
    }
}
