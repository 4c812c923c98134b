import Foundation
import ReportModel
import Testing
import TextNormalization
import _TestSupport

@testable import TableAlignment

/// A table printed plainly (each row's values alone on its own line, every cell filled, sums holding) is placed
/// without the segmenter's search (`RowSegmenter.plainRows`). The search is the reference: taking the shortcut must
/// change nothing, and it must be taken where it applies.
@Suite struct PlainRowsTests {
    /// Tokens of tab-separated lines, one line per row of `values` (line numbers from 10, one label cell each).
    static func tabTokens(_ values: [[Double]]) -> [ValueToken] {
        values.enumerated().flatMap { line, row in
            row.enumerated().map { k, value in
                ValueToken(line: 10 + line, x: k + 1, isCellIndex: true, text: CanonicalTable.format(value), value: value,
                           isBlankMarker: false, labelEnd: 0, cellCount: row.count + 1)
            }
        }
    }

    static let sumRow = RowSegmenter.RowSpec(width: 4, sumGroups: [0..<4])
    static let plainRow = RowSegmenter.RowSpec(width: 3, sumGroups: [])

    @Test func aPlainTableTakesTheShortcutAndTheSearchAgrees() {
        let values: [[Double]] = [[1, 2, 3, 6], [0, 0, 5, 5], [7, 1, 0, 8]]
        let segmenter = RowSegmenter(rows: Array(repeating: Self.sumRow, count: 3), tokens: Self.tabTokens(values),
                                     intervals: [10..<11, 11..<12, 12..<13])
        let plain = segmenter.plainRows()
        #expect(plain?.map(\.values) == values)
        #expect(plain?.allSatisfy { $0.confidence == 1 && $0.note == nil } == true)
        let searched = RowSegmenter.$takesPlainRows.withValue(false) { segmenter.segment() }
        #expect(searched.map(\.values) == values)
        #expect(searched.map(\.lines) == plain?.map(\.lines))
    }

    /// Each condition of a plain table, broken once: the shortcut steps aside and the search decides.
    @Test func aTableThatIsNotPlainIsLeftToTheSearch() {
        let rows = Array(repeating: Self.sumRow, count: 2)
        // A sum that does not hold.
        #expect(RowSegmenter(rows: rows, tokens: Self.tabTokens([[1, 2, 3, 6], [1, 1, 1, 4]])).plainRows() == nil)
        // A line with fewer values than the row (a blank cell).
        #expect(RowSegmenter(rows: rows, tokens: Self.tabTokens([[1, 2, 3, 6], [1, 1, 2]])).plainRows() == nil)
        // A line with more.
        #expect(RowSegmenter(rows: rows, tokens: Self.tabTokens([[1, 2, 3, 6], [1, 1, 1, 3, 0]])).plainRows() == nil)
        // A line outside its row's label interval.
        #expect(RowSegmenter(rows: rows, tokens: Self.tabTokens([[1, 2, 3, 6], [1, 1, 1, 3]]),
                             intervals: [10..<11, 20..<21]).plainRows() == nil)
        // A row short: values left over.
        #expect(RowSegmenter(rows: [Self.sumRow], tokens: Self.tabTokens([[1, 2, 3, 6], [1, 1, 1, 3]])).plainRows() == nil)
        // A glyph in a value's place.
        var tokens = Self.tabTokens([[1, 2, 3, 6], [1, 1, 1, 3]])
        tokens[5].isUnreadable = true
        #expect(RowSegmenter(rows: rows, tokens: tokens).plainRows() == nil)
        // Rows without a sum are plain when their lines are.
        #expect(RowSegmenter(rows: [Self.plainRow, Self.plainRow], tokens: Self.tabTokens([[4, 0, 9], [1, 1, 1]])).plainRows()?
            .map(\.values) == [[4, 0, 9], [1, 1, 1]])
    }

    /// Readings of every corpus report that print tables plainly (`-layout`, lynx) and that do not (raw
    /// `pdftotext`, OCR), the seeds and the hand-written reports, aligned with and without the shortcut: the same
    /// cells, decisions and canonical text.
    @Test func theShortcutChangesNothingOnTheFixtures() throws {
        let readings = ["layout.txt", "lynx.txt", "pdftotext.txt", "ocr150-boxes.txt"]
        let inputs = Fixtures.files(in: "corpus").flatMap { folder in readings.map { folder.appendingPathComponent($0) } }
            + Fixtures.seedCases.map { $0.appendingPathComponent("input.txt") }
            + Fixtures.files(in: "handwritten").map { $0.appendingPathComponent("input.txt") }
        #expect(inputs.count > 100)
        for url in inputs where FileManager.default.fileExists(atPath: url.path) {
            let text = try TextNormalizer().normalize(bytes: Array(Data(contentsOf: url))).text
            guard let fast = try? TableAligner().align(text) else { continue }
            let searched = try RowSegmenter.$takesPlainRows.withValue(false) { try TableAligner().align(text) }
            #expect(fast.cells == searched.cells, "\(url.path)")
            #expect(fast.decisions == searched.decisions, "\(url.path)")
            #expect(fast.canonicalText == searched.canonicalText, "\(url.path)")
        }
    }
}
