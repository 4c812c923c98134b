import ExtractionScoring
import Foundation
import ReportModel
import ReportTemplates
import Testing
import _TestSupport

@Suite struct ExtractionScorerTests {
    static func gold(_ name: String) throws -> CellFile {
        let url = Fixtures.directory.appendingPathComponent("seeds/\(name)/gold.json")
        return try JSONDecoder().decode(CellFile.self, from: Data(contentsOf: url))
    }

    @Test(arguments: Fixtures.seedCases.map(\.lastPathComponent))
    func goldAgainstItselfIsPerfect(_ name: String) throws {
        let gold = try Self.gold(name)
        let score = ExtractionScorer().score(gold: gold, prediction: gold, name: name)
        #expect(score.total.cellAccuracy == 1)
        #expect(score.total.correct == gold.cells.count)
        #expect(score.total.wrong + score.total.missing + score.total.extra == 0)
    }

    @Test func wrongMissingAndExtraAreCounted() throws {
        let gold = try Self.gold("003_b24edaa19e85be6d")
        var cells = gold.cells
        let wrongIndex = cells.firstIndex { $0.value == 1128 }!
        cells[wrongIndex].value = 1123
        cells.removeLast()  // a review cell missing
        cells.append(Cell(table: .active, row: "第二十条第（十）项 / 不存在", column: "x", value: 1))
        let score = ExtractionScorer().score(gold: gold, prediction: CellFile(agency: nil, year: nil, edition: .edition2019, cells: cells), name: "x")
        #expect(score.total.gold == 198)
        #expect(score.total.correct == 196)
        #expect(score.total.wrong == 1)
        #expect(score.total.missing == 1)
        #expect(score.total.extra == 1)
        #expect(score.tables["active"]?.wrong == 1)
        #expect(score.tables["review"]?.missing == 1)
        #expect(abs(score.total.cellAccuracy - 196.0 / 198.0) < 1e-12)
        #expect(score.differences.contains { $0.kind == .wrong && $0.gold == 1128 && $0.predicted == 1123 })
    }

    @Test func labelsMatchAcrossWidthsAndSpacing() throws {
        let gold = CellFile(agency: nil, year: nil, edition: .edition2019, cells: [
            Cell(table: .requests, row: "三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密", column: "自然人", value: 2)])
        let prediction = CellFile(agency: nil, year: nil, edition: .edition2019, cells: [
            Cell(table: .requests, row: "三、本年度办理结果/(三) 不予公开/1. 属于国家秘密", column: "自然人", value: 2)])
        #expect(ExtractionScorer().score(gold: gold, prediction: prediction, name: "x").total.correct == 1)
    }

    @Test func aMissingPredictionIsAllMissing() throws {
        let gold = try Self.gold("002_6ca61234d061fe91")
        let score = ExtractionScorer().score(gold: gold, prediction: nil, name: "x")
        #expect(score.total.missing == 200)
        #expect(score.total.cellAccuracy == 0)
        #expect(!score.hasPrediction)
    }

    @Test func corpusSumsPerTableAndEdition() throws {
        let names = Fixtures.seedCases.map(\.lastPathComponent)
        let corpus = try names.map { (name: $0, gold: try Self.gold($0), prediction: Optional(try Self.gold($0))) }
        let score = ExtractionScorer().score(corpus: corpus)
        #expect(score.total.gold == 198 * 3 + 200 * 2)
        #expect(score.editions["2019"]?.gold == 594)
        #expect(score.tables["review"]?.gold == 75)
    }

    /// Every seed's gold satisfies every identity of its edition (the gold was typed by hand: this checks it).
    @Test(arguments: Fixtures.seedCases.map(\.lastPathComponent))
    func seedGoldSatisfiesTheIdentities(_ name: String) throws {
        let gold = try Self.gold(name)
        let values = Dictionary(uniqueKeysWithValues: gold.cells.map { ($0.key, $0.value) })
        let template = ReportTemplate.for(gold.edition)
        #expect(Set(values.keys) == Set(template.cellKeys()))
        for identity in template.identities { #expect(identity.difference(in: values) == 0, "\(identity.name)") }
    }
}
