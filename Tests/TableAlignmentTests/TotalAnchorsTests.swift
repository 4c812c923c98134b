@testable import TableAlignment
import Testing

/// `TotalAnchors`: the column positions a sparse laid-out row takes from where its total stands.
@Suite struct TotalAnchorsTests {
    /// A line of values at the given display columns (a value's centre is its column plus half its length).
    static func line(_ line: Int, _ values: [(x: Int, value: Int)]) -> [ValueToken] {
        values.map { ValueToken(line: line, x: $0.x, isCellIndex: false, text: String($0.value), value: Double($0.value), isBlankMarker: false) }
    }

    /// Sparse rows whose totals stand at 43, their values together in six columns four apart: a grid, which a row
    /// whose total stands there takes, whatever the full row's positions.
    @Test func sparseRowsWithOneTotalMakeAGrid() throws {
        let lines = [
            Self.line(0, [(16, 7), (27, 4), (32, 9), (36, 3), (40, 1), (49, 7), (53, 31)]),  // a full row, wider
            Self.line(1, [(19, 1), (35, 2), (43, 3)]),
            Self.line(2, [(23, 3), (27, 1), (31, 2), (43, 6)]),
            Self.line(3, [(39, 1), (43, 1)]),
        ]
        let anchors = TotalAnchors(width: 7, lines: lines, countingCharacters: false)
        #expect(anchors.grids.count == 1)
        let (positions, how) = try #require(anchors.partPositions(forTotalAt: 43.5))
        #expect(positions == [19.5, 23.5, 27.5, 31.5, 35.5, 39.5])
        #expect(how.hasPrefix("column positions of the rows whose total stands"))
        // A total elsewhere: the full row nearest, moved onto it (its total `31` is centred at 54, so by 1.5).
        let (moved, _) = try #require(anchors.partPositions(forTotalAt: 55.5))
        #expect(moved == [18, 29, 34, 38, 42, 51])
    }

    /// No grid from one row alone, or from rows whose parts fall into more or fewer columns than the row's others;
    /// no full row to move when the total stands nearer that row's column before its total.
    @Test func weakEvidenceGivesNoPositions() {
        let one = TotalAnchors(width: 7, lines: [Self.line(0, [(19, 1), (35, 2), (43, 3)])], countingCharacters: false)
        #expect(one.grids.isEmpty && one.partPositions(forTotalAt: 43.5) == nil)
        let few = TotalAnchors(width: 7, lines: [Self.line(0, [(19, 1), (43, 1)]), Self.line(1, [(35, 2), (43, 2)])],
                               countingCharacters: false)
        #expect(few.grids.isEmpty)
        let full = TotalAnchors(width: 7, lines: [Self.line(0, [(16, 7), (27, 4), (32, 9), (36, 3), (40, 1), (49, 7), (53, 31)])],
                                countingCharacters: false)
        // 其他 stands at 49.5 and the total at 54: a total at 50.5 is nearer 其他.
        #expect(full.partPositions(forTotalAt: 50.5) == nil)
        #expect(full.partPositions(forTotalAt: 52.5) != nil)
    }

    /// A table OCR read (a glyph in a value's place) gives no anchors: a last value adds up there by chance.
    @Test func anOCRTableGivesNone() {
        var lines = [Self.line(0, [(19, 1), (35, 2), (43, 3)]), Self.line(1, [(23, 3), (27, 1), (31, 2), (43, 6)])]
        lines[0][0].isUnreadable = true
        let anchors = TotalAnchors(width: 7, lines: lines, countingCharacters: false)
        #expect(anchors.grids.isEmpty && anchors.fullRows.isEmpty)
    }
}
