import ExtractionScoring
import ReportModel
import ReportTemplates
import Testing

@Suite struct NaiveExtractorTests {
    /// A clean rendering: each heading, then every value of its table in template order.
    static func clean(_ edition: Edition, values: (Int) -> Int) -> (String, CellFile) {
        let template = ReportTemplate.for(edition)
        var text = ""
        var cells: [Cell] = []
        var k = 0
        for (table, heading) in [(TableKind.active, "二、主动公开政府信息情况"), (.requests, "三、收到和处理政府信息公开申请情况"),
                                 (.review, "四、政府信息公开行政复议、行政诉讼情况")] {
            text += heading + "\n"
            for key in template.cellKeys(of: table) {
                let value = values(k)
                k += 1
                text += "\(value)\t"
                cells.append(Cell(table: key.table, row: key.row, column: key.column, value: Double(value)))
            }
            text += "\n"
        }
        return (text, CellFile(agency: nil, year: nil, edition: edition, cells: cells))
    }

    @Test(arguments: Edition.allCases)
    func readsAPerfectlyCleanLayout(_ edition: Edition) {
        let (text, gold) = Self.clean(edition) { $0 % 17 }
        let score = ExtractionScorer().score(gold: gold, prediction: NaiveExtractor.extract(text, edition: edition), name: "x")
        #expect(score.total.cellAccuracy == 1)
    }

    @Test func oneLostCellShiftsEverythingAfterIt() {
        let (text, gold) = Self.clean(.edition2021) { $0 % 17 }
        // Drop the fifth number of the requests table.
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var fields = lines[3].split(separator: "\t").map(String.init)
        fields.remove(at: 4)
        lines[3] = fields.joined(separator: "\t")
        let score = ExtractionScorer().score(
            gold: gold, prediction: NaiveExtractor.extract(lines.joined(separator: "\n"), edition: .edition2021), name: "x")
        #expect(score.tables["active"]?.cellAccuracy == 1)
        #expect(score.tables["review"]?.cellAccuracy == 1)
        #expect((score.tables["requests"]?.cellAccuracy ?? 1) < 0.2)
    }
}
