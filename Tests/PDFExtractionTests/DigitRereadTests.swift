@testable import PDFExtraction
import Testing

/// Which words OCR read as something else in a value's place are read again as digits, and how the second reading
/// is taken back (`DigitReread`). The words are tesseract's, from page 3 of the corpus's c016 as a JPEG scan.
@Suite struct DigitRereadTests {
    /// A word as tesseract's `tsv` gives it: left, top, width, confidence and text, 16 px high.
    static func word(_ left: Int, _ width: Int, _ confidence: Double, _ text: String, top: Int = 1426) -> OCRLayout.Word {
        OCRLayout.Word(left: left, centre: Double(top) + 8, height: 16, text: text, width: width, top: top, confidence: confidence)
    }

    static func suspects(_ words: [OCRLayout.Word]) -> [String] {
        let lines = OCRLayout.lines(words)
        return DigitReread.suspects(in: lines).map { lines[$0.line][$0.index].text }
    }

    /// `8.属于行政查询事项  ”1  0  2  刘  3  和  象` (gold 1 0 2 2 3 1 9): the glyphs and the quoted digit among the
    /// row's values are read again; the label and the digits read with confidence are not.
    @Test func glyphsAmongARowsValues() {
        let row = [
            Self.word(204, 26, 91, "8."), Self.word(232, 58, 93, "属于"), Self.word(296, 58, 94, "行政"),
            Self.word(360, 58, 95, "查询"), Self.word(424, 40, 96, "事项"),
            Self.word(503, 7, 44, "”1"), Self.word(579, 10, 97, "0"), Self.word(677, 10, 97, "2"),
            Self.word(739, 9, 0, "刘"), Self.word(809, 9, 97, "3"), Self.word(915, 8, 18, "和"), Self.word(969, 16, 0, "象"),
        ]
        #expect(Self.suspects(row) == ["”1", "刘", "和", "象"])
    }

    /// `5.属于三类内部事务信息  5  0  6  3  1  0  315` (c016; gold 5 0 6 3 1 0 15): the total tesseract was unsure of
    /// (confidence 55) is read again; the numbers it was sure of are not.
    @Test func anUnsureNumberAmongSureOnes() {
        let row = [
            Self.word(268, 90, 92, "5.属于三类"), Self.word(502, 9, 97, "5", top: 1210), Self.word(579, 10, 97, "0", top: 1210),
            Self.word(677, 10, 97, "6", top: 1210), Self.word(739, 9, 97, "3", top: 1210), Self.word(810, 8, 89, "1", top: 1210),
            Self.word(914, 10, 89, "0", top: 1210), Self.word(970, 21, 55, "315", top: 1210),
        ].map { word -> OCRLayout.Word in
            var word = word
            word.top = 1210
            word.centre = 1218
            return word
        }
        #expect(Self.suspects(row) == ["315"])
    }

    /// Prose read with confidence has no suspect, nor has a label word tesseract was unsure of when the label goes
    /// on after it (`生生` before `事务信息`), nor a box wider than a cell's digits.
    @Test func proseLabelsAndWideBoxesAreLeft() {
        let prose = [Self.word(100, 40, 95, "期限"), Self.word(150, 16, 93, "自"), Self.word(170, 40, 96, "2023"),
                     Self.word(215, 16, 94, "年"), Self.word(235, 8, 92, "1"), Self.word(250, 16, 95, "月")]
        #expect(Self.suspects(prose).isEmpty)
        let label = [Self.word(268, 16, 96, "二"), Self.word(300, 30, 31, "生生"), Self.word(340, 60, 90, "事务信息"),
                     Self.word(503, 9, 97, "5"), Self.word(579, 10, 97, "0")]
        #expect(Self.suspects(label).isEmpty)
        let wide = [Self.word(100, 60, 95, "行政处罚"), Self.word(500, 90, 10, "灶灶"), Self.word(700, 10, 96, "0")]
        #expect(Self.suspects(wide).isEmpty)
    }

    /// On a line without a confident number (`行政处罚    测字`, 表二's one value), a word counts only at a cell's
    /// distance from the label.
    @Test func aLoneValueMustStandACellAway() {
        let far = [Self.word(100, 64, 95, "行政处罚"), Self.word(322, 30, 40, "测字")]
        #expect(Self.suspects(far) == ["测字"])
        let near = [Self.word(100, 64, 95, "行政处罚"), Self.word(180, 30, 40, "测字")]
        #expect(Self.suspects(near).isEmpty)
    }

    /// The strip: each word's box cut out with its padding and stacked, bands in the words' order, each holding
    /// its piece and none overlapping.
    @Test func theStripStacksThePiecesInOrder() {
        var page = GrayImage(width: 200, height: 100)
        for y in 40..<56 { for x in 100..<110 { page.pixels[y * 200 + x] = 0 } }
        let words = [Self.word(100, 10, 0, "刘", top: 40), Self.word(20, 30, 10, "和", top: 10)]
        let (strip, bands) = DigitReread.strip(of: words, from: page)
        let pad = DigitReread.padding, gap = DigitReread.gap
        #expect(strip.width == 30 + 2 * pad + 2 * gap)
        #expect(bands.count == 2 && bands[0].upperBound == bands[1].lowerBound)
        // The first piece's dark box stands at its padding inside the piece.
        #expect(strip.pixels[(gap + pad) * strip.width + gap + pad] == 0)
        #expect(strip.pixels[(gap + pad - 1) * strip.width + gap + pad] == 255)
        #expect(bands[0].contains(gap + pad + 8))
    }

    /// The second reading: words joined left to right within their band (least confidence kept), nothing for a
    /// band read as nothing; taken only as sure digits.
    @Test func readingsAreTakenBackByBand() {
        let header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
        let tsv = [header, "5\t1\t1\t1\t1\t2\t52\t38\t10\t16\t91.5\t9", "5\t1\t1\t1\t1\t1\t40\t38\t10\t16\t96.0\t1",
                   "5\t1\t1\t1\t2\t1\t40\t150\t10\t16\t95.0\t2"].joined(separator: "\n")
        let readings = DigitReread.readings(tsv: tsv, bands: [15..<75, 75..<135, 135..<195])
        #expect(readings.map { $0?.text } == ["19", nil, "2"])
        #expect(readings[0]?.confidence == 91.5)
        #expect(DigitReread.accepted(("19", 91.5)) == "19")
        #expect(DigitReread.accepted(("2", 75)) == nil)
        #expect(DigitReread.accepted(("", 99)) == nil)
        #expect(DigitReread.accepted(nil) == nil)
    }
}
