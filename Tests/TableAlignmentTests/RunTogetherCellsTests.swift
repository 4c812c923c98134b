import ExtractionScoring
import Foundation
import ReportModel
import TableAlignment
import TextNormalization
import Testing
import _TestSupport

/// Text tools that join a table row's cells with nothing between them (BeautifulSoup's `get_text()`): each 表三
/// row is its label with its digits run together, and the label carries its group
/// (`三、本年度办理结果(一)予以公开123001016`).
@Suite struct RunTogetherCellsTests {
    /// The hand-written 2019 report with each 表三 row's label cells and values run together.
    static func runTogether() throws -> (text: String, gold: CellFile) {
        let directory = Fixtures.directory.appendingPathComponent("handwritten").appendingPathComponent("b_shichangjianguan_2019")
        let text = try String(contentsOf: directory.appendingPathComponent("input.txt"), encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let first = try #require(lines.firstIndex { $0.hasPrefix("一、本年新收政府信息公开申请数量 ") })
        let last = try #require(lines.firstIndex { $0.hasPrefix("四、结转下年度继续办理 ") })
        for k in first...last {
            let words = lines[k].split(separator: " ")
            let isNumber = { (w: Substring) in w.allSatisfy(\.isASCII) && Int(w) != nil }
            lines[k] = words.filter { !isNumber($0) }.joined() + words.filter(isNumber).joined()
        }
        #expect(lines[first + 2] == "三、本年度办理结果(一)予以公开123001016")
        return (lines.joined(separator: "\n"), try loadGold(directory.appendingPathComponent("gold.json")))
    }

    /// Every 表三 cell read: rows whose label carries its group, rows whose label ends with `）` or `”`
    /// (`…不计其他情形)3000003`, `…一稳定"0000000`), each cut where its sum and the column sums hold.
    @Test func everyRowIsCutFromItsLabel() throws {
        let (text, gold) = try Self.runTogether()
        let report = try TableAligner().align(TextNormalizer().normalize(text).text)
        let requests = gold.cells.filter { $0.table == .requests }
        let read = Dictionary(report.cells.map { ($0.cell.key, $0.cell.value) }, uniquingKeysWith: { a, _ in a })
        let wrong = requests.filter { read[$0.key] != $0.value }
        #expect(requests.count == 161)
        #expect(wrong.isEmpty, "\(wrong.map(\.key))")
        #expect(!report.hasFailedIdentity)
    }

    /// A label variant of the templates (`2.其他法律法规禁止公开` for `2.其他法律行政法规禁止公开`) with its digits
    /// run together is cut from its label too.
    @Test func aLabelVariantIsCutFromItsDigits() throws {
        var (text, gold) = try Self.runTogether()
        text = text.replacingOccurrences(of: "2.其他法律行政法规禁止公开0000000", with: "2.其他法律法规禁止公开1000001")
            .replacingOccurrences(of: "(一)予以公开123001016", with: "(一)予以公开113001015")
        let row = "三、本年度办理结果 / （三）不予公开 / 2.其他法律行政法规禁止公开"
        let shown = "三、本年度办理结果 / （一）予以公开"
        for k in gold.cells.indices where gold.cells[k].table == .requests {
            if gold.cells[k].row == row, ["自然人", "总计"].contains(gold.cells[k].column) { gold.cells[k].value = 1 }
            if gold.cells[k].row == shown, gold.cells[k].column == "自然人" { gold.cells[k].value = 11 }
            if gold.cells[k].row == shown, gold.cells[k].column == "总计" { gold.cells[k].value = 15 }
        }
        let report = try TableAligner().align(TextNormalizer().normalize(text).text)
        let read = Dictionary(report.cells.map { ($0.cell.key, $0.cell.value) }, uniquingKeysWith: { a, _ in a })
        for cell in gold.cells where cell.row == row { #expect(read[cell.key] == cell.value, "\(cell.key)") }
        #expect(!report.hasFailedIdentity)
    }
}

/// The opposite damage: a tool that cuts a line into cells at gaps (pdfplumber's `extract_tables` with the text
/// strategy) can split a wide number in two (`（七）总计  26  35  49  35  3  9  31  2  15`: 39 and 215).
@Suite struct SplitValueTests {
    /// Seed `name`'s text, with `old` (which it must hold) replaced by `new`, normalised and aligned.
    static func alignedSeed(_ name: String, replacing old: String, with new: String) throws -> AlignedReport {
        let text = try Fixtures.text("seeds/\(name)/input.txt")
        #expect(text.contains(old))
        return try TableAligner().align(TextNormalizer().normalize(text.replacingOccurrences(of: old, with: new)).text)
    }

    /// Rows of the hand-written 2019 report (values a space apart) with numbers split in two: each row is read
    /// back as its gold where joining neighbours is the one way its sum holds, and the cells say so.
    @Test func numbersSplitInTwoAreJoinedWhereTheRowSumHolds() throws {
        let directory = Fixtures.directory.appendingPathComponent("handwritten").appendingPathComponent("b_shichangjianguan_2019")
        var text = try String(contentsOf: directory.appendingPathComponent("input.txt"), encoding: .utf8)
        let splits = [
            // 20 and 28 split: two joins in one row.
            ("一、本年新收政府信息公开申请数量 20 5 0 0 2 1 28", "一、本年新收政府信息公开申请数量 2 0 5 0 0 2 1 2 8"),
            // The total split.
            ("三、本年度办理结果 (一)予以公开 12 3 0 0 1 0 16", "三、本年度办理结果 (一)予以公开 12 3 0 0 1 0 1 6"),
        ]
        for (whole, split) in splits {
            #expect(text.contains(whole))
            text = text.replacingOccurrences(of: whole, with: split)
        }
        let gold = try loadGold(directory.appendingPathComponent("gold.json"))
        let report = try TableAligner().align(TextNormalizer().normalize(text).text)
        #expect(ExtractionScorer().score(gold: gold, prediction: report.cellFile(), name: "b").total.cellAccuracy == 1)
        let joined = report.cells.filter { ($0.note ?? "").contains("joined where the row's identities hold") }
        #expect(Set(joined.map(\.cell.row)) == ["一、本年新收政府信息公开申请数量", "三、本年度办理结果 / （一）予以公开"])
        #expect(joined.contains { ($0.note ?? "").contains("(2 / 8)") })
        #expect(!report.hasFailedIdentity)
    }

    /// OCR's laid-out lines hold stray digits far from each other (`5  事  5  0  6  3  1  0  515`: an item number, a
    /// glyph, a misread total): numbers columns apart are never joined (506 made that row's sum hold).
    @Test func numbersColumnsApartAreNotJoined() throws {
        let (read, _, _) = try corpusCells("c016_2021", "ocr150-boxes.txt") { $0.row.hasSuffix("5.属于三类内部事务信息") }
        #expect(read.count == 7)
        #expect(!read.contains { ($0.note ?? "").contains("joined") })
        #expect(!read.contains { $0.cell.value == 506 })
    }

    /// 表二 rows have no sum to prove a join: a number's parts are joined only where they show it (`0.65` / `79`:
    /// digits after a point go on), and a row's one filled tab cell holding its label and value (`行政处罚 7`, the
    /// row's other cells empty) is split.
    @Test func activeRowsJoinOnlyWhereThePartsShowIt() throws {
        // 2019: 政府集中采购's amount split after its second decimal.
        let report2019 = try Self.alignedSeed(
            "003_b24edaa19e85be6d", replacing: "政府集中采购\t1\t0.6579\t", with: "政府集中采购\t1\t0.65\t79\t")
        let amount = try #require(report2019.cells.first { $0.cell.row.hasSuffix("政府集中采购") && $0.cell.column == "采购总金额" })
        #expect(amount.cell.value == 0.6579)
        #expect((amount.note ?? "").contains("joined where the parts show it"))
        #expect(report2019.cells.first { $0.cell.row.hasSuffix("政府集中采购") && $0.cell.column == "采购项目数量" }?.cell.value == 1)
        // 2021: 行政处罚's one cell holds its label and value.
        let report2021 = try Self.alignedSeed("004_a13a2bdc07ef1417", replacing: "行政处罚\t0\t\t", with: "行政处罚 7\t\t")
        #expect(report2021.cells.first { $0.cell.row.hasSuffix("行政处罚") }?.cell.value == 7)
    }

    /// pdfplumber's tables lose 表四's last cell at the page's right edge (`0 0 1 0 1 | | 1 3 3 | 0 | 7 | | 0 2 | 0 |
    /// | 2`: fourteen values): its first two groups hold on the values in order, so the lost value is the last
    /// group's total, worked out from its parts and flagged as inferred.
    @Test(arguments: ["c017_2019", "c022_2021"])
    func aTotalLostAtTheTablesEdgeIsWorkedOut(_ report: String) throws {
        let (read, gold, _) = try corpusCells(report, "pdfplumber-tables.tsv") { $0.table == .review }
        #expect(read.count == 15)
        #expect(read.map(\.cell) == gold)
        let last = try #require(read.first { $0.cell.column == "行政诉讼 / 复议后起诉 / 总计" })
        #expect(last.origin == .inferred)
        #expect((last.note ?? "").contains("inferred from its group's sum"))
    }

    /// Commas are thousands separators only in groups of three: cells a CSV export left joined (`12,0,285`) are no
    /// number 120285.
    @Test func commasOutOfThreesAreNoThousandsSeparators() throws {
        let row = "行政处罚\t12\t0\t285"
        let report = try Self.alignedSeed("000_e6abb03ef6048be4", replacing: row, with: "行政处罚\t12,0,285")
        #expect(!report.cells.contains { $0.cell.value == 120285 })
        // A number written with separators in threes is still one number.
        let grouped = try Self.alignedSeed("000_e6abb03ef6048be4", replacing: row, with: "行政处罚\t12\t0\t1,285")
        #expect(grouped.cells.contains { $0.cell.row.hasSuffix("行政处罚") && $0.cell.value == 1285 })
    }
}

