import PDFExtraction
import Testing

/// tesseract's `tsv` (word boxes) laid out as text: each word at the column of its left edge, so that a row that
/// lost a cell keeps its other values in their columns.
@Suite struct OCRLayoutTests {
    /// A tesseract `tsv` header and word rows (level 5): left, top, width, height, text; words 20 px high, so one
    /// column is 10 px.
    static func tsv(_ words: [(left: Int, top: Int, text: String)], extra: [String] = []) -> String {
        let header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
        let rows = words.enumerated().map { k, w in "5\t1\t1\t1\t1\t\(k + 1)\t\(w.left)\t\(w.top)\t30\t20\t95.0\t\(w.text)" }
        return ([header, "1\t1\t0\t0\t0\t0\t0\t0\t1241\t1754\t-1\t"] + extra + rows).joined(separator: "\n") + "\n"
    }

    /// Two rows of 表二, the second's middle cell lost: its 29 stands in the column of the first row's 21, and each
    /// line is what a reader of the page would type.
    @Test func valuesStandAtTheirColumns() {
        let text = OCRLayout.text(tsv: Self.tsv([
            (100, 100, "行政处罚"), (300, 100, "0"), (500, 103, "-12"), (700, 100, "21"),
            // Listed out of order, 2 px lower: still the next line's words in place.
            (700, 142, "29"), (100, 140, "行政强制"), (300, 140, "39"),
        ]))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines == [
            String(repeating: " ", count: 10) + "行政处罚" + String(repeating: " ", count: 16) + "0"
                + String(repeating: " ", count: 19) + "-12" + String(repeating: " ", count: 17) + "21",
            String(repeating: " ", count: 10) + "行政强制" + String(repeating: " ", count: 16) + "39"
                + String(repeating: " ", count: 38) + "29",
        ])
        let column = { (line: String, word: String) in line.distance(from: line.startIndex, to: line.range(of: word)!.lowerBound) }
        #expect(column(lines[0], "21") == column(lines[1], "29"))
        #expect(column(lines[0], "0") == column(lines[1], "39"))
    }

    /// Words that touch stay apart by one space; rows that are not words (pages, blocks, lines) and empty words are
    /// skipped; no word gives no text.
    @Test func wordsThatTouchStayApartAndOtherRowsAreSkipped() {
        let text = OCRLayout.text(tsv: Self.tsv([(100, 100, "第二十条第"), (105, 100, "（六）项"), (300, 100, " ")],
                                                extra: ["4\t1\t1\t1\t1\t0\t100\t100\t400\t20\t-1\t"]))
        #expect(text == String(repeating: " ", count: 10) + "第二十条第 （六）项")
        #expect(OCRLayout.text(tsv: Self.tsv([])) == "")
        #expect(OCRLayout.text(tsv: "") == "")
    }

    /// Word boxes handed on as a file (tesseract's `tsv`, `pdftotext -tsv`) are recognised by their header, in either
    /// tool's column order; text that merely starts with `level` is not.
    @Test func wordBoxFilesAreRecognised() {
        #expect(OCRLayout.looksLikeTSV(Array(Self.tsv([(100, 100, "规章")]).utf8)))
        let pdftotext = "level\tpage_num\tpar_num\tblock_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\r\n"
        #expect(OCRLayout.looksLikeTSV(Array(pdftotext.utf8)))
        #expect(!OCRLayout.looksLikeTSV(Array("level\tpage_num\t一、总体情况\n".utf8)))
        #expect(!OCRLayout.looksLikeTSV(Array("一、总体情况\n".utf8)))
    }

    /// `pdftotext -tsv` gives positions in points with decimals and every page in one table: each page is laid
    /// out on its own (their rows share the same heights on the page), one after the other.
    @Test func pagesAndFractionalPointsAreLaidOut() {
        let header = "level\tpage_num\tpar_num\tblock_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
        let rows = [
            "1\t1\t0\t0\t0\t0\t0.000000\t0.000000\t595.303937\t841.889764\t-1\t###PAGE###",
            "5\t1\t0\t0\t0\t0\t50.400000\t100.200000\t42.000000\t10.500000\t100\t行政处罚",
            "5\t1\t0\t0\t0\t1\t150.100000\t100.200000\t6.000000\t10.500000\t100\t3",
            "5\t2\t0\t0\t0\t0\t50.400000\t100.200000\t42.000000\t10.500000\t100\t行政强制",
            "5\t2\t0\t0\t0\t1\t150.100000\t100.200000\t6.000000\t10.500000\t100\t0",
        ]
        let text = OCRLayout.text(tsv: ([header] + rows).joined(separator: "\n"))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.count == 3)
        #expect(lines.first?.hasPrefix("行政处罚") == true && lines.first?.hasSuffix(" 3") == true)
        #expect(lines[1] == "")
        #expect(lines.last?.hasPrefix("行政强制") == true && lines.last?.hasSuffix(" 0") == true)
    }

    /// Damaged word boxes (a left edge of a billion pixels, a word a hair high far right) never pad a line past
    /// `maximumColumns`: the text stays small.
    @Test func damagedPositionsAreBounded() {
        let header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
        let rows = [
            "5\t1\t1\t1\t1\t1\t100\t100\t30\t20\t95\t规章",
            "5\t1\t1\t1\t1\t2\t999999999\t100\t30\t20\t95\t0",
            "5\t1\t1\t1\t1\t3\t40000\t101\t30\t1\t95\t7",
            "5\t1\t1\t1\t1\t4\tnan\t100\t30\t20\t95\t8",
        ]
        let text = OCRLayout.text(tsv: ([header] + rows).joined(separator: "\n"))
        #expect(text.utf8.count < 5_000)
        #expect(text.contains("规章"))
        #expect(!text.contains("0") && !text.contains("8"))
    }
}
