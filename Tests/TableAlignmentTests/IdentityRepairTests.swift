import ExtractionScoring
import Foundation
import ReportModel
import TableAlignment
import TextNormalization
import Testing
import _TestSupport

/// Digits a reading lost or gained, put back where the identities (勾稽关系) prove them. Each case damages one line
/// of a hand-written report (cells a space apart, every identity holding) the way OCR does, and checks the value
/// comes back, flagged; damage the identities cannot pin down stays as read, its identity failing.
@Suite struct IdentityRepairTests {
    static let report = Fixtures.directory.appendingPathComponent("handwritten").appendingPathComponent("b_shichangjianguan_2019")

    /// The report with the line starting `prefix` replaced by `replacement`, aligned.
    func aligned(replacing prefix: String, with replacement: String) throws -> AlignedReport {
        let text = try String(contentsOf: Self.report.appendingPathComponent("input.txt"), encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let k = try #require(lines.firstIndex { $0.hasPrefix(prefix) })
        lines[k] = replacement
        return try TableAligner().align(TextNormalizer().normalize(lines.joined(separator: "\n")).text)
    }

    func gold() throws -> CellFile { try loadGold(Self.report.appendingPathComponent("gold.json")) }

    func accuracy(_ report: AlignedReport) throws -> Double {
        ExtractionScorer().score(gold: try gold(), prediction: report.cellFile(), name: "b").total.cellAccuracy
    }

    func cell(_ report: AlignedReport, row: String, column: String) throws -> AlignedCell {
        try #require(report.cells.first { $0.cell.table == .requests && $0.cell.row.hasSuffix(row) && $0.cell.column == column })
    }

    /// `28` read `2` in a row's total: the row sum and the column identity (一 + 二 = （七） + 四) both want 28.
    @Test func aTotalThatLostADigitIsPutBack() throws {
        let report = try aligned(replacing: "一、本年新收政府信息公开申请数量", with: "一、本年新收政府信息公开申请数量 20 5 0 0 2 1 2")
        #expect(try accuracy(report) == 1)
        let total = try cell(report, row: "一、本年新收政府信息公开申请数量", column: "总计")
        #expect(total.cell.value == 28)
        #expect(total.origin == .inferred)
        #expect(total.confidence <= 0.7)
        #expect((total.note ?? "").contains("2 → 28"), "note: \(total.note ?? "nil")")
        #expect(!report.hasFailedIdentity)
        #expect(report.decisions.contains { $0.reason.contains("digit misread") && $0.chosen.hasSuffix("= 28") })
    }

    /// OCR of a JPEG scan reads a glyph where a number stood (`汪` for 20), a column gap from its neighbours: the
    /// cell is a blank whose value is unknown (its column kept), worked out from the row's sum, which its column's
    /// identity confirms.
    @Test func aGlyphInAValuesPlaceIsWorkedOutFromItsRow() throws {
        let gap = String(repeating: " ", count: 6)
        let line = ["一、本年新收政府信息公开申请数量", "汪", "5", "0", "0", "2", "1", "28"].joined(separator: gap)
        let report = try aligned(replacing: "一、本年新收政府信息公开申请数量", with: line)
        #expect(try accuracy(report) == 1)
        let filled = try cell(report, row: "一、本年新收政府信息公开申请数量", column: "自然人")
        #expect(filled.cell.value == 20)
        #expect(filled.origin == .inferred)
        #expect(filled.confidence <= 0.6)
        #expect((filled.note ?? "").contains("unreadable in a value's place: '汪'"), "note: \(filled.note ?? "nil")")
        #expect((filled.note ?? "").contains("worked out from its row's sum (its column agrees)"), "note: \(filled.note ?? "nil")")
        #expect(!report.hasFailedIdentity)
    }

    /// 表四's one row has no label: a glyph opening its line stands in the first value's place (`比` for 2), not a
    /// label's; its column is kept and its group's sum gives it back.
    @Test func aGlyphOpeningTheReviewRowIsAValuesPlace() throws {
        let gap = String(repeating: " ", count: 6)
        let line = (["比"] + "1 0 0 3 1 0 0 0 1 0 0 1 0 1".split(separator: " ").map(String.init)).joined(separator: gap)
        let report = try aligned(replacing: "2 1 0 0 3 1 0 0 0 1", with: line)
        #expect(try accuracy(report) == 1)
        let first = try #require(report.cells.first { $0.cell.table == .review })
        #expect(first.cell.value == 2)
        #expect(first.confidence <= 0.6)
        #expect((first.note ?? "").contains("unreadable in a value's place: '比'"), "note: \(first.note ?? "nil")")
    }

    /// Two glyphs in one row: its sum says only what they add up to. Both stay 0, flagged as guesses, and the row's
    /// identity fails.
    @Test func twoGlyphsInARowAreLeftUnknown() throws {
        let gap = String(repeating: " ", count: 6)
        let line = ["一、本年新收政府信息公开申请数量", "汪", "过", "0", "0", "2", "1", "28"].joined(separator: gap)
        let report = try aligned(replacing: "一、本年新收政府信息公开申请数量", with: line)
        for column in ["自然人", "商业企业"] {
            let unknown = try cell(report, row: "一、本年新收政府信息公开申请数量", column: column)
            #expect(unknown.cell.value == 0)
            #expect(unknown.confidence <= 0.3)
            #expect((unknown.note ?? "").contains("unreadable in a value's place"), "note: \(unknown.note ?? "nil")")
        }
        #expect(try cell(report, row: "一、本年新收政府信息公开申请数量", column: "总计").cell.value == 28)
        #expect(report.hasFailedIdentity)
    }

    /// One-character label fragments (OCR spaces a label's characters apart) are no glyphs in values' places: the
    /// label is read as before and only the values count.
    @Test func singleCharacterLabelFragmentsStayLabel() throws {
        let line = "一、本年新收  政府  信息  公开  申请  数  量      20      5      0      0      2      1      28"
        let report = try aligned(replacing: "一、本年新收政府信息公开申请数量", with: line)
        #expect(try accuracy(report) == 1)
        #expect(!report.cells.contains { ($0.note ?? "").contains("unreadable") })
    }

    /// A ruling line read as `9` in an empty column: the row and that column both miss exactly 9.
    @Test func aStrayNineIsTakenOut() throws {
        let report = try aligned(replacing: "(二)部分公开", with: "(二)部分公开(区分处理的,只计这一情形,不计其他情形) 3 0 0 9 0 0 3")
        #expect(try accuracy(report) == 1)
        let stray = try cell(report, row: "不计其他情形）", column: "社会公益组织")
        #expect(stray.cell.value == 0)
        #expect(stray.origin == .inferred)
        #expect(!report.hasFailedIdentity)
    }

    /// A value with a digit added (`12` read `712`).
    @Test func aValueWithADigitTooManyLosesIt() throws {
        let report = try aligned(replacing: "三、本年度办理结果 (一)予以公开", with: "三、本年度办理结果 (一)予以公开 712 3 0 0 1 0 16")
        #expect(try accuracy(report) == 1)
        #expect(try cell(report, row: "（一）予以公开", column: "自然人").cell.value == 12)
    }

    /// A row whose numbers OCR lost altogether, in a table that otherwise holds: each column's identity gives its
    /// value, and the row's own sum, which no column used, holds.
    @Test func aLostRowIsFilledFromItsColumns() throws {
        let report = try aligned(replacing: "4.保护第三方合法权益", with: "4.保护第三方合法权益")
        #expect(try accuracy(report) == 1)
        let row = report.cells.filter { $0.cell.row.hasSuffix("4.保护第三方合法权益") }
        #expect(row.count == 7)
        #expect(row.filter { $0.cell.value != 0 }.allSatisfy { $0.origin == .inferred && ($0.note ?? "").contains("row lost") })
        #expect(!report.hasFailedIdentity)
    }

    /// Two rows lost in the same columns: their sum could go to either, so neither is filled and the identities
    /// say the table is wrong.
    @Test func twoLostRowsAreLeftAlone() throws {
        let text = try String(contentsOf: Self.report.appendingPathComponent("input.txt"), encoding: .utf8)
            .replacingOccurrences(of: "4.保护第三方合法权益 1 1 0 0 0 0 2", with: "4.保护第三方合法权益")
            .replacingOccurrences(of: "2.重复申请 1 0 0 0 0 1 2", with: "2.重复申请")
        let report = try TableAligner().align(TextNormalizer().normalize(text).text)
        #expect(!report.cells.contains { ($0.note ?? "").contains("row lost") })
        #expect(report.hasFailedIdentity)
    }

    /// A total the report itself prints wrong by more than one digit (`2` printed `40`) is what it says: kept as
    /// printed, its identities failing, nothing repaired.
    @Test func aSumWrongByMoreThanADigitStaysAsPrinted() throws {
        let report = try aligned(replacing: "2.重复申请", with: "2.重复申请 1 0 0 0 0 1 40")
        #expect(try cell(report, row: "2.重复申请", column: "总计").cell.value == 40)
        #expect(report.hasFailedIdentity)
        #expect(!report.decisions.contains { $0.reason.contains("misread") })
    }

    /// A `0` OCR read as `9` (`0 3 1 1 9 0 5`), where the column also has another error, so only the row's sum can
    /// speak: 9 for 0 is a confusion OCR makes (`digitConfusions`), and no other cell one digit away makes the row
    /// hold.
    @Test func aZeroReadAsNineIsPutBackByItsRow() throws {
        let text = try String(contentsOf: Self.report.appendingPathComponent("input.txt"), encoding: .utf8)
            .replacingOccurrences(of: "(二)部分公开(区分处理的,只计这一情形,不计其他情形) 3 0 0 0 0 0 3",
                                  with: "(二)部分公开(区分处理的,只计这一情形,不计其他情形) 3 0 0 9 0 0 3")
            // A 2 too many in the same column, in a row whose own sum still holds: the column cannot say which.
            .replacingOccurrences(of: "2.重复申请 1 0 0 0 0 1 2", with: "2.重复申请 1 0 0 2 0 1 4")
        let report = try TableAligner().align(TextNormalizer().normalize(text).text)
        let cell = try cell(report, row: "不计其他情形）", column: "社会公益组织")
        #expect(cell.cell.value == 0)
        #expect((cell.note ?? "").contains("9 → 0"), "note: \(cell.note ?? "nil")")
    }

    /// Another substitution (`3` for `2`) with only the row's sum to go by is no proof: it stays as read.
    @Test func anyOtherSubstitutionNeedsTheColumnToo() throws {
        let text = try String(contentsOf: Self.report.appendingPathComponent("input.txt"), encoding: .utf8)
            .replacingOccurrences(of: "2.重复申请 1 0 0 0 0 1 2", with: "2.重复申请 1 0 0 0 0 1 3")
            .replacingOccurrences(of: "(七)总计 20 4 0 0 2 1 27", with: "(七)总计 20 4 0 0 2 1 29")
        let report = try TableAligner().align(TextNormalizer().normalize(text).text)
        #expect(try cell(report, row: "2.重复申请", column: "总计").cell.value == 3)
        #expect(report.hasFailedIdentity)
    }

    /// Two digits lost in one row (c014, OCR: `二、上年结转政府信息公开申请数量 0 5 2 4 8 0 69` for `0 5 12 44 8 0 69`):
    /// no single cell makes the row hold, but `2` → `12` makes its column hold and brings the row closer, the only
    /// such cell of its column; then `4` → `44` is proven by row and column together.
    @Test func twoDigitsLostInOneRowArePutBackOneAfterTheOther() throws {
        let (read, gold, _) = try corpusCells("c014_2021", "ocr150-psm6.txt") { $0.table == .requests && $0.row == "二、上年结转政府信息公开申请数量" }
        #expect(gold.count == 7)
        #expect(read.map(\.cell) == gold)
        #expect(read.contains { ($0.note ?? "").contains("its column sum hold") })
        #expect(read.contains { ($0.note ?? "").contains("the row and column sums agree") })
    }

    /// Reports whose identities hold get no repair at all.
    @Test func cleanReportsAreNotTouched() throws {
        for directory in Fixtures.seedCases + HandwrittenReportTests.reports {
            let report = try alignFile(directory.appendingPathComponent("input.txt"))
            #expect(!report.decisions.contains { $0.reason.contains("misread") || $0.reason.contains("row lost") },
                    "\(directory.lastPathComponent)")
        }
    }

    /// On real OCR of a corpus scan (tesseract, `--psm 6`): `17` read `1` in a total (`7.属于行政执法案卷 1 3 1 2 8 2 1`),
    /// `19` read `319` in a cell, and `0` read `9` (`0 3 1 1 9 0 5`), all put back to the gold.
    @Test(arguments: [("c025_2019", "7.属于行政执法案卷", "总计"), ("c009_2019", "二、上年结转政府信息公开申请数量", "法律服务机构"),
                      ("c002_2021", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "法律服务机构")])
    func corpusOCRDigitsArePutBack(_ report: String, _ row: String, _ column: String) throws {
        let (read, gold, _) = try corpusCells(report, "ocr150-psm6.txt") { $0.table == .requests && $0.row.hasSuffix(row) && $0.column == column }
        #expect(gold.count == 1)
        #expect(read.map(\.cell) == gold)
        #expect(read.allSatisfy { $0.origin == .inferred && ($0.note ?? "").contains("digit misread") })
    }
}

/// Values a reading put in the wrong columns, placed by the column identities.
@Suite struct IdentityPlacementTests {
    /// `过程性信息8   1 0 0    0 9` (c006, OCR): six values for seven columns, the 8 printed against the label; the
    /// aligner first took the 8 for the second column. The column sums put it first, the blank second.
    @Test func aValueInTheWrongColumnIsPlacedByTheColumnSums() throws {
        let (read, gold, _) = try corpusCells("c006_2021", "ocr150-psm6.txt") { $0.table == .requests && $0.row.hasSuffix("6.属于四类过程性信息") }
        #expect(gold.count == 7)
        #expect(read.map(\.cell) == gold)
        let moved = read.filter { ($0.note ?? "").contains("the column sums place them") }
        #expect(moved.count == 2)
        #expect(moved.allSatisfy { $0.origin != .inferred && $0.confidence <= 0.6 })
    }
}
