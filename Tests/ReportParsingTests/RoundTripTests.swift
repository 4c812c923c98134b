import ReportModel
import ReportParsing
import ReportTemplates
import Testing
import _TestSupport

/// parse(render(report)) == report, for seeded random reports of both editions.
@Suite struct RoundTripTests {
    @Test func renderThenParseGivesTheReportBack() throws {
        var rng = SeededGenerator(seed: 2021)
        for trial in 0..<60 {
            let edition: Edition = trial % 2 == 0 ? .edition2019 : .edition2021
            let template = ReportTemplate.for(edition)
            let cells = template.cellKeys().map { key -> ReportCell in
                let value: Double
                switch Int.random(in: 0..<6, using: &rng) {
                case 0: value = -Double(Int.random(in: 1...50, using: &rng))
                case 1: value = Double(Int.random(in: 0...99_999, using: &rng)) / 10_000
                case 2: value = Double(Int.random(in: 0...9_999_999, using: &rng))
                default: value = Double(Int.random(in: 0...40, using: &rng))
                }
                let note: String? = Int.random(in: 0..<15, using: &rng) == 0 ? ["元", "其中修订 16 件"].randomElement(using: &rng) : nil
                return ReportCell(cell: Cell(table: key.table, row: key.row, column: key.column, value: value), note: note,
                                  provenance: Provenance(line: 0, origin: .read))
            }
            let agency = trial % 3 == 0 ? nil : "某某县人民政府"
            let year = agency == nil ? nil : 2019 + trial % 6
            let original = Report(source: "x.txt", edition: edition, year: year, agency: agency, cells: cells,
                                  identities: [], flags: [])
            let parsed = try ReportParser().parse(ReportRenderer.render(original), source: "x.txt")
            #expect(parsed.cells.map(\.cell) == original.cells.map(\.cell))
            #expect(parsed.cells.map(\.note) == original.cells.map(\.note))
            #expect(parsed.agency == original.agency && parsed.year == original.year && parsed.edition == edition)
            // And a parsed report is a fixed point.
            let again = try ReportParser().parse(ReportRenderer.render(parsed), source: "x.txt")
            #expect(again == parsed)
        }
    }
}
