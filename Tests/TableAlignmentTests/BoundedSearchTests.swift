import Foundation
import Testing
import TextNormalization
import _TestSupport

@testable import TableAlignment

/// The row segmenter's search with its bound (states that cannot reach a best path left unexpanded) against the
/// full search, on readings of every extraction style, with the plain-rows shortcut off so that every table is
/// searched: the same cells, decisions and canonical text.
@Suite struct BoundedSearchTests {
    @Test func theBoundChangesNothingOnTheFixtures() throws {
        let readings = ["layout.txt", "pdftotext.txt", "pdftotext-raw.txt", "ocr150.txt", "ocr150-boxes.txt", "pymupdf.txt"]
        let inputs = Fixtures.files(in: "corpus").prefix(16).flatMap { folder in readings.map { folder.appendingPathComponent($0) } }
            + Fixtures.seedCases.map { $0.appendingPathComponent("input.txt") }
            + Fixtures.files(in: "handwritten").map { $0.appendingPathComponent("input.txt") }
        var compared = 0
        for url in inputs where FileManager.default.fileExists(atPath: url.path) {
            let text = try TextNormalizer().normalize(bytes: Array(Data(contentsOf: url))).text
            try RowSegmenter.$takesPlainRows.withValue(false) {
                guard let bounded = try? TableAligner().align(text) else { return }
                let full = try RowSegmenter.$boundsSearch.withValue(false) { try TableAligner().align(text) }
                #expect(bounded.cells == full.cells, "\(url.path)")
                #expect(bounded.decisions == full.decisions, "\(url.path)")
                #expect(bounded.canonicalText == full.canonicalText, "\(url.path)")
                compared += 1
            }
        }
        #expect(compared >= 90, "too few readings aligned: \(compared)")
    }

    /// No move gains more than the bound allows for its row: the bound is an upper bound of every move's gain
    /// (checked on the moves' formulas at their best, for rows of every width, with and without sums).
    @Test func eachRowsBoundCoversItsBestFullRow() {
        for width in 1...16 {
            for sums in [false, true] {
                let row = RowSegmenter.RowSpec(width: width, sumGroups: sums ? [0..<width] : [])
                let tokens = (0..<width).map { ValueToken(line: 3, x: $0, isCellIndex: true, text: "1", value: 1, isBlankMarker: false) }
                let segmenter = RowSegmenter(rows: [row], tokens: tokens, intervals: [2..<5])
                // The best full row: its sums hold or it has none, on one line, inside its interval.
                let best = Double(width) * 0.1 + (sums ? 3 : 1) + 1 + 2
                #expect(segmenter.mostGain(0) >= best, "width \(width), sums \(sums)")
            }
        }
    }
}
