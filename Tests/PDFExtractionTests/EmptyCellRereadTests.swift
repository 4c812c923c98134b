@testable import PDFExtraction
import Testing

/// Where OCR read no word for a row's value (`EmptyCellReread`): the places found from the columns of the rows
/// around, and the pieces of the page cut out for reading. The words are tesseract's, from page 5 of the corpus's
/// c001 as a JPEG scan (表三, `（四）无法提供` to `（五）不予处理`).
@Suite struct EmptyCellRereadTests {
    /// A word as tesseract's `tsv` gives it: left, top, width, height, confidence, text.
    static func w(_ left: Int, _ top: Int, _ width: Int, _ height: Int, _ confidence: Double, _ text: String) -> OCRLayout.Word {
        OCRLayout.Word(left: left, centre: Double(top) + Double(height) / 2, height: height, text: text, width: width, top: top,
                       confidence: confidence)
    }

    /// `3.补正后申请内容仍不明确  0 0 0 7 3 0 10`, every value read.
    static let complete = [
        w(288, 1398, 33, 26, 79, "请"), w(332, 1398, 17, 26, 93, "内"), w(359, 1397, 30, 27, 93, "容"), w(391, 1399, 36, 25, 93, "仍"),
        w(426, 1391, 22, 43, 93, "不"), w(455, 1399, 12, 23, 97, "0"), w(554, 1399, 13, 23, 96, "0"), w(680, 1393, 17, 29, 92, "0"),
        w(755, 1399, 13, 23, 74, "7"), w(825, 1399, 13, 23, 88, "3"), w(956, 1399, 12, 23, 86, "0"), w(1026, 1395, 28, 27, 89, "10"),
    ]
    /// `(五 1 信访 举报`: the label's first line, its `1` (of `1.信访举报`) standing left of every column.
    static let label = [w(243, 1517, 190, 27, 97, "(五"), w(299, 1497, 19, 57, 56, "1"), w(317, 1517, 72, 27, 45, "信访"), w(388, 1497, 47, 57, 96, "举报")]
    /// `投诉类申请  0 1】 0 0 · 0 ·` (gold 0 1 0 0 3 0 4): OCR saw no word where the 3 and the 4 stand.
    static let gaps = [
        w(304, 1537, 60, 59, 94, "投诉"), w(384, 1541, 83, 45, 97, "申请"), w(459, 1537, 23, 59, 59, "0"), w(556, 1542, 10, 21, 47, "1】"),
        w(684, 1541, 13, 22, 44, "0"), w(755, 1541, 13, 22, 30, "0"), w(956, 1541, 12, 22, 23, "0"),
    ]
    /// `2.重复申请  0 0 0 0 0 0 0`, every value read.
    static let complete2 = [
        w(288, 1638, 145, 27, 92, "2."), w(327, 1634, 31, 37, 93, "重"), w(358, 1634, 31, 37, 91, "复"), w(388, 1634, 33, 37, 91, "申"),
        w(420, 1634, 24, 37, 96, "请"), w(454, 1640, 13, 22, 96, "0"), w(554, 1640, 13, 22, 97, "0"), w(684, 1640, 13, 22, 97, "0"),
        w(755, 1640, 13, 22, 97, "0"), w(825, 1640, 13, 22, 97, "0"), w(956, 1640, 12, 22, 96, "0"), w(1026, 1640, 12, 22, 96, "0"),
    ]

    /// The row that lost two values gets a place at each of their columns, at its values' height; the place where
    /// `1】` stands is not one (a word is there), nor is any place in the complete rows or the label's line.
    @Test func aRowsEmptyColumnsAreFound() throws {
        let lines = OCRLayout.lines(Self.complete + Self.label + Self.gaps + Self.complete2)
        let cells = EmptyCellReread.cells(in: lines)
        let row = try #require(lines.firstIndex { $0.contains { $0.text == "投诉" } })
        #expect(cells.map(\.line) == [row, row])
        // The columns of the 3 (825–838) and the 4 (1026–1054 and 1026–1038 above and below).
        #expect(cells.map { $0.left + $0.width / 2 }.map { ($0 - 5)...($0 + 5) }.map { [$0.contains(831), $0.contains(1036)] }
                == [[true, false], [false, true]])
        for cell in cells {
            #expect(cell.valueTop == 1537 && cell.valueHeight == 59)
            #expect(cell.top == 1537 - EmptyCellReread.padding)
            // Narrower than the gap between the columns, so that no neighbour's digits are in the piece.
            #expect(cell.width < 1032 - 961)
        }
    }

    /// Without two other rows to mark the columns there is no place to read: one complete row is not a table, nor
    /// are rows whose numbers tesseract was unsure of.
    @Test func oneRowIsNoTable() {
        #expect(EmptyCellReread.cells(in: OCRLayout.lines(Self.complete + Self.gaps)).isEmpty)
        let unsure = Self.complete2.map { word -> OCRLayout.Word in
            var word = word
            word.confidence = min(word.confidence, 60)
            return word
        }
        #expect(EmptyCellReread.cells(in: OCRLayout.lines(Self.complete + Self.gaps + unsure)).isEmpty)
        #expect(!EmptyCellReread.cells(in: OCRLayout.lines(Self.complete + Self.gaps + Self.complete2)).isEmpty)
    }

    /// A row OCR split over two lines (values set a little lower than the rest) sees the same place twice: it is
    /// read once, for the line holding more of the row's values.
    @Test func aPlaceTwoLinesSeeIsReadOnce() throws {
        let upper = [Self.w(300, 1530, 60, 22, 94, "投诉"), Self.w(455, 1530, 12, 22, 96, "0"), Self.w(554, 1530, 12, 22, 96, "0")]
        let lower = [Self.w(684, 1546, 13, 22, 96, "0"), Self.w(755, 1546, 13, 22, 96, "0"), Self.w(956, 1546, 12, 22, 96, "0")]
        let lines = OCRLayout.lines(Self.complete + upper + lower + Self.complete2)
        #expect(lines.count == 4)
        let cells = EmptyCellReread.cells(in: lines)
        let centres = cells.map { $0.left + $0.width / 2 }
        // The 3's column (831) is empty on both lines; only one place is kept there.
        #expect(centres.filter { abs($0 - 831) < 6 }.count == 1)
        let kept = try #require(cells.first { abs($0.left + $0.width / 2 - 831) < 6 })
        #expect(lines[kept.line].contains { $0.text == "0" && $0.left == 956 })
    }

    /// A blank cell between ruling lines gives no piece (the rules are whitened, nothing is left); a digit's ink in
    /// it gives one, cut to the ink and `margin` pixels around it, with the rules gone; ink that runs past the
    /// cell's side (a wide number) gives none.
    @Test func piecesAreCutCleanOrNotAtAll() throws {
        var page = GrayImage(width: 120, height: 60)
        for y in 0..<60 { page.pixels[y * 120 + 40] = 20 }      // a column rule
        for x in 0..<120 { page.pixels[45 * 120 + x] = 150 }    // a row rule, JPEG-grey
        let cell = EmptyCellReread.Cell(line: 0, left: 30, top: 20, width: 40, height: 30, valueTop: 24, valueHeight: 22)
        #expect(EmptyCellReread.piece(of: cell, from: page) == nil)

        var digit = page
        for y in 26..<44 { for x in 50..<58 { digit.pixels[y * 120 + x] = 0 } }
        let piece = try #require(EmptyCellReread.piece(of: cell, from: digit))
        let margin = EmptyCellReread.margin
        // The ink spans x 50–57 and y 26–43 on the page; the cell's bottom (y 50) is nearer than the margin.
        #expect(piece.left == 50 - margin && piece.top == 26 - margin)
        #expect(piece.image.width == 8 + 2 * margin && piece.image.height == 50 - (26 - margin))
        #expect(piece.image.pixels[(45 - piece.top) * piece.image.width + 1] == 255)   // the row rule, whitened
        #expect(piece.image.pixels[(30 - piece.top) * piece.image.width + margin] == 0)  // the digit kept
        #expect(piece.image.pixels[(30 - piece.top) * piece.image.width + margin - 1] == 255)
        let word = EmptyCellReread.word("7", confidence: 95, at: cell, piece: piece, page: 1)
        #expect(word.left == 50 && word.width == 8)
        #expect(word.top == 24 && word.height == 22 && word.centre == 35)

        var wide = digit
        for y in 26..<44 { for x in 58..<75 { wide.pixels[y * 120 + x] = 0 } }
        #expect(EmptyCellReread.piece(of: cell, from: wide) == nil)

        // A neighbour's digit reaching in at the right side, a blank gap from the cell's own: whitened, and the
        // cell's digit read as before.
        var neighbour = digit
        for y in 26..<44 { for x in 64..<75 { neighbour.pixels[y * 120 + x] = 0 } }
        let parted = try #require(EmptyCellReread.piece(of: cell, from: neighbour))
        #expect(parted.left == 50 - margin && parted.image.width == 8 + 2 * margin)
        #expect(!parted.image.pixels.enumerated().contains { $0.element == 0 && $0.offset % parted.image.width >= margin + 8 })
        // Ink at both sides and none inside (the edges of the neighbours' numbers): no run to keep, no piece.
        var bothSides = page
        for y in 26..<44 { for x in 28..<33 { bothSides.pixels[y * 120 + x] = 0 }; for x in 67..<72 { bothSides.pixels[y * 120 + x] = 0 } }
        #expect(EmptyCellReread.piece(of: cell, from: bothSides) == nil)
    }

    /// Ink inside the box of a word OCR read (a value standing off its column's centre, in 表四's narrow columns) is
    /// that word's: cleared, it leaves a blank cell, not a second reading of the same value.
    @Test func aWordOCRReadIsNotReadAgain() throws {
        var page = GrayImage(width: 120, height: 60)
        for y in 26..<44 { for x in 50..<58 { page.pixels[y * 120 + x] = 0 } }
        let cell = EmptyCellReread.Cell(line: 0, left: 30, top: 20, width: 40, height: 30, valueTop: 24, valueHeight: 22)
        let read = Self.w(50, 26, 8, 18, 96, "0")
        #expect(EmptyCellReread.piece(of: cell, from: page, clearing: [read]) == nil)
        // A word elsewhere on the page changes nothing.
        let elsewhere = Self.w(90, 26, 8, 18, 96, "0")
        #expect(try #require(EmptyCellReread.piece(of: cell, from: page, clearing: [elsewhere])) == EmptyCellReread.piece(of: cell, from: page))
    }

    /// Runs of ink columns: a gap narrower than `bridging` joins two runs (one number's digits), a wider one parts them.
    @Test func inkRunsBridgeNarrowGaps() {
        let flags = [false, true, true, false, false, true, false, false, false, true, true]
        #expect(EmptyCellReread.runs(of: flags, bridging: 3) == [1..<6, 9..<11])
        #expect(EmptyCellReread.runs(of: flags, bridging: 2) == [1..<3, 5..<6, 9..<11])
        #expect(EmptyCellReread.runs(of: [false, false], bridging: 3).isEmpty)
    }

    /// A reading with a leading zero is not a count a report prints (`030` was a piece of a wider `30`, held-out
    /// c012): it is not taken; a lone `0` is.
    @Test func aLeadingZeroIsNoCount() {
        #expect(!EmptyCellReread.isCount("030"))
        #expect(!EmptyCellReread.isCount("00"))
        #expect(EmptyCellReread.isCount("0"))
        #expect(EmptyCellReread.isCount("30"))
        #expect(EmptyCellReread.isCount("105"))
    }
}
