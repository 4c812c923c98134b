import ExtractionScoring
import Foundation
import ReportModel
import TableAlignment
import TextNormalization
import Testing
import _TestSupport

/// OCR damage inside table cells (`OCRCellRepairs`): a digit read as a look-alike glyph (`了` for 7, `工` for 1), a
/// cell's ruling glued to its number (`”0`, `]19`), a value glued to its label. Such a value is read, with the
/// repair in its note and a confidence below 1; the same glyphs outside a table row are left alone.
@Suite struct OCRRepairTests {
    /// One `pdftotext -layout` row damaged as OCR damages it, display width kept (a wide glyph takes the space
    /// before it): the `k`-th value token `from` becomes `to`.
    static func damage(_ line: String, _ from: String, _ to: String) -> String? {
        guard let range = line.range(of: "  " + from + " ") ?? line.range(of: "  " + from, options: .anchored.union(.backwards))
        else { return nil }
        let wide = to.unicodeScalars.contains { $0.value >= 0x1100 }
        return line.replacingCharacters(in: range, with: (wide ? " " : "  ") + to + (line[range].hasSuffix(" ") ? " " : ""))
    }

    /// Every corpus report's layout text with its 表三 rows damaged (a `7` as `了`, a `1` as `工`, a `0` with a
    /// ruling glyph before it), at most one of each a row: every cell still equals the gold, and each damaged
    /// value's note names the repair.
    @Test func damagedRequestRowsReadAsTheGold() throws {
        var damagedRows = 0
        for directory in CorpusAccuracyTests.reports {
            let gold = try loadGold(directory.appendingPathComponent("gold.json"))
            let text = try String(contentsOf: directory.appendingPathComponent("layout.txt"), encoding: .utf8)
            var inRequests = false
            var lines: [String] = []
            for line in text.components(separatedBy: "\n") {
                if line.contains("三、收到和处理政府信息公开申请情况") { inRequests = true }
                if line.contains("四、政府信息公开行政复议") { inRequests = false }
                var damaged = line
                if inRequests, line.split(separator: " ").filter({ Int($0) != nil }).count >= 5 {
                    for (from, to) in [("7", "了"), ("1", "工"), ("0", "”0")] {
                        if let next = Self.damage(damaged, from, to) { damaged = next }
                    }
                    if damaged != line { damagedRows += 1 }
                }
                lines.append(damaged)
            }
            let normalized = TextNormalizer().normalize(lines.joined(separator: "\n")).text
            let report = try TableAligner().align(normalized)
            let score = ExtractionScorer().score(gold: gold, prediction: report.cellFile(), name: directory.lastPathComponent)
            #expect(score.total.cellAccuracy == 1, "\(directory.lastPathComponent): \(score.total.wrong) wrong")
            let repaired = report.cells.filter { ($0.note ?? "").contains("OCR") }
            #expect(!repaired.isEmpty, "\(directory.lastPathComponent): no repair noted")
            #expect(repaired.allSatisfy { $0.confidence <= 0.8 && $0.origin == .read })
        }
        #expect(damagedRows >= 100)
    }

    /// 表四's fifteen values as OCR read close columns (`5 3 3 0 111 0 00 1 0 0 0 0 0`: `11 1`, `0 0` run
    /// together): cut where the three sums hold, back to the gold, flagged as cut.
    @Test func reviewValuesRunTogetherAreCutByTheSums() throws {
        let text = try String(contentsOf: Fixtures.directory.appendingPathComponent("corpus/c021_2019/ocr150-psm6.txt"), encoding: .utf8)
        #expect(text.contains("5 3 3 0 111 0 00 1 0 0 0 0 0"))
        let (read, gold, _) = try corpusCells("c021_2019", "ocr150-psm6.txt") { $0.table == .review }
        #expect(read.map(\.cell) == gold)
        #expect(read.allSatisfy { ($0.note ?? "").contains("run together") && $0.confidence < 1 })
    }

    /// A value printed against its label (`4.保护第三方合法权益1`, as OCR and pdfplumber print it) is split off.
    @Test func aValueGluedToItsLabelIsSplitOff() throws {
        let (read, gold, _) = try corpusCells("c006_2021", "pdfplumber.txt") { $0.row == "第二十条第（一）项 / 行政规范性文件" }
        #expect(gold.count == 3)
        #expect(read.map(\.cell) == gold)
        #expect(read.contains { ($0.note ?? "").contains("printed against its label") && $0.confidence < 1 })
    }

    /// pymupdf4llm's 表二 with the header's merged cells (`|其他对外管理服务事项36||10|||24|||`): the value glued to
    /// the label is split off though empty cells stand between it and the next value (c011).
    @Test func aGluedValueBeforeEmptyCellsIsSplitOff() throws {
        let (read, gold, _) = try corpusCells("c011_2019", "pymupdf4llm.md") { $0.row == "第二十条第（五）项 / 其他对外管理服务事项" }
        #expect(gold.count == 3)
        #expect(read.map(\.cell) == gold)
    }

    /// The same with a ruling glyph between label and value (`政府集中采购“933`), from nianbao's own OCR of c001.
    @Test func aValueGluedToItsLabelThroughARulingGlyphIsSplitOff() throws {
        let (read, gold, _) = try corpusCells("c001_2019", "ocr150-psm6.txt") { $0.row == "第二十条第（九）项 / 政府集中采购" }
        #expect(gold.count == 2)
        #expect(read.map(\.cell) == gold)
        #expect(read.contains { ($0.note ?? "").contains("printed against its label") })
    }

    /// `3 .要求提供公开出版物1 2 7 1 0 ，` (c031, OCR): the item number cut off by a space is label text, and the
    /// 1 glued to the label is the row's first value; the five values OCR kept stand in their columns.
    @Test func anItemNumberCutFromItsLabelIsNoValue() throws {
        let row = "三、本年度办理结果 / （五）不予处理 / 3.要求提供公开出版物"
        let kept = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构"]
        let (read, gold, _) = try corpusCells("c031_2019", "ocr150-psm6.txt") { $0.row == row && kept.contains($0.column) }
        #expect(gold.count == 5)
        #expect(read.map(\.cell) == gold)
    }

    /// `(七) 总计 8 14 l11 1 19 2 ， 55` (c020, OCR): the cell's rule read as the letter `l` glued to `11` is dropped,
    /// and the row reads in order (the `l11` was once taken for a value printed with the label, moved first).
    @Test func aRuleReadAsTheLetterLIsDropped() throws {
        let (read, gold, _) = try corpusCells("c020_2021", "ocr150-psm6.txt") { $0.table == .requests && $0.row.hasSuffix("（七）总计") }
        #expect(gold.count == 7)
        #expect(read.map(\.cell) == gold)
        #expect(read.contains { ($0.note ?? "").contains("ruling glyph 'l'") })
    }

    /// `0 工 工 0 2 3 3 工 3 10 1 0 工 0 2` (c015's 表四, OCR), which the normaliser makes `0 工工 0 2 …`: the two
    /// look-alikes side by side are two cells, two 1s, and the fifteen values stand in their columns.
    @Test func lookAlikesSideBySideAreTwoCells() throws {
        let (read, gold, _) = try corpusCells("c015_2019", "ocr150-psm6.txt") { $0.table == .review }
        #expect(gold.count == 15)
        #expect(read.map(\.cell) == gold)
        #expect(read.filter { ($0.note ?? "").contains("OCR '工' read as 1") }.count == 4)
    }

    /// `3 1 2 06 2 2 3 .07 3 1 0 0 4` (c003's 表四, OCR): in a table of counts the point before `07` is OCR's; the
    /// digits are cut where the three sums hold, and the row reads as the gold. In 表二, which prints amounts, a
    /// point is kept.
    @Test func aPointBeforeDigitsInATableOfCountsIsDropped() throws {
        let (read, gold, _) = try corpusCells("c003_2019", "ocr150-psm6.txt") { $0.table == .review }
        #expect(gold.count == 15)
        #expect(read.map(\.cell) == gold)
        #expect(read.allSatisfy { ($0.note ?? "").contains("digits run together") && $0.confidence < 1 })
        // 表二 prints amounts: `.5344` beside two other values keeps its point (a decimal that lost its 0 is as
        // likely as a stray point), and never becomes 5344.
        let amounts = "二、主动公开政府信息情况\n第二十条第（八）项\n信息内容 上一年项目数量 本年增/减\n行政事业性收费 3 .5344 2\n"
        let report = try TableAligner().align(TextNormalizer().normalize(amounts).text)
        #expect(!report.cells.contains { $0.cell.value == 5344 })
    }

    /// nianbao's own OCR lays words out from their boxes, so a label's words stand apart (`1 信访   举报   投诉   类
    /// 申请   0   0   oo   0   0`, c007): the item number before them is label text all the same, and the row's
    /// values are its gold.
    @Test func anItemNumberBeforeALabelInSeveralCellsIsNoValue() throws {
        let (read, gold, _) = try corpusCells("c007_2019", "ocr150-boxes.txt") { $0.table == .requests && $0.row.hasSuffix("1.信访举报投诉类申请") }
        #expect(gold.count == 7)
        #expect(read.map(\.cell) == gold)
    }

    /// `三、本 (一) 予以公开  2  ·  1  0  1  0  5` (c009 as a JPEG scan: OCR lost 商业企业's 1). The six values stand
    /// at their columns, 2 at 自然人's, so the row is not read as one whose first value was lost — that would invent
    /// 自然人 = 1 from 总计 and slide every value a column right. Each read value keeps its column; the lost one is
    /// a blank, flagged by the failing row sum.
    @Test func valuesAtTheirColumnsAreNotSlidForALostFirstValue() throws {
        let (read, gold, _) = try corpusCells("c009_2019", "ocr150-jpeg-boxes.txt") { $0.table == .requests && $0.row.hasSuffix("（一）予以公开") }
        #expect(gold.count == 7)
        #expect(!read.contains { ($0.note ?? "").contains("first value not in sequence") })
        let wrong = zip(read, gold).filter { $0.0.cell != $0.1 }
        #expect(wrong.count == 1 && wrong.first?.0.cell.column.hasSuffix("商业企业") == true, "\(read.map(\.cell.value))")
        #expect(wrong.first?.0.origin == .blank)
    }

    /// `政府集中采购   “933   6428232.45  元` (c001, nianbao's own OCR): a ruling glyph glued to a number is dropped on
    /// a line with one other value (表二's last sub-tables have two columns); a look-alike alone needs two.
    @Test func aRulingGlyphBesideOneOtherValueIsDropped() throws {
        let (read, gold, _) = try corpusCells("c001_2019", "ocr150-boxes.txt") { $0.row == "第二十条第（九）项 / 政府集中采购" }
        #expect(gold.count == 2)
        #expect(read.map(\.cell) == gold)
        #expect(read.contains { ($0.note ?? "").contains("OCR ruling glyph") })
    }

    /// `2 其他法律行政法规禁止公开 0 0 0 0 0 0 0`: the item number, its point lost, is label text, not an eighth value.
    @Test func anItemNumberThatLostItsPointIsNoValue() throws {
        let directory = Fixtures.directory.appendingPathComponent("handwritten").appendingPathComponent("b_shichangjianguan_2019")
        let text = try String(contentsOf: directory.appendingPathComponent("input.txt"), encoding: .utf8)
            .replacingOccurrences(of: "4.保护第三方合法权益 1 1 0 0 0 0 2", with: "4 保护第三方合法权益 1 1 0 0 0 0 2")
        let report = try TableAligner().align(TextNormalizer().normalize(text).text)
        let gold = try loadGold(directory.appendingPathComponent("gold.json"))
        #expect(ExtractionScorer().score(gold: gold, prediction: report.cellFile(), name: "b").total.cellAccuracy == 1)
        let row = report.cells.filter { $0.cell.row.hasSuffix("4.保护第三方合法权益") }
        #expect(row.allSatisfy { $0.confidence == 1 }, "\(row.map { $0.note ?? "" })")
    }

    /// pymupdf4llm stacked two rows into one table row (`|1.属于国家秘密<br>2.其他法律…|1<br>3|2<br>0|…`): every
    /// value cell holds two numbers, read row by row, each in its column (c005).
    @Test func rowsStackedInOneMarkdownRowAreReadRowByRow() throws {
        let (read, gold, _) = try corpusCells("c005_2019", "pymupdf4llm.md") {
            $0.row.hasSuffix("1.属于国家秘密") || $0.row.hasSuffix("2.其他法律行政法规禁止公开")
        }
        #expect(gold.count == 14)
        #expect(read.map(\.cell) == gold)
        #expect(read.allSatisfy { ($0.note ?? "").contains("rows stacked") })
    }

    /// The look-alike glyphs in prose and in a line without other values stay text.
    @Test func glyphsOutsideTableRowsAreNotRead() throws {
        let directory = Fixtures.directory.appendingPathComponent("corpus").appendingPathComponent("c001_2019")
        let text = try String(contentsOf: directory.appendingPathComponent("layout.txt"), encoding: .utf8)
        let clean = try TableAligner().align(TextNormalizer().normalize(text).text)
        // A line of look-alikes with one number, inside 表三, and a sentence with 了 and 工.
        let noisy = text.replacingOccurrences(
            of: "三、收到和处理政府信息公开申请情况", with: "三、收到和处理政府信息公开申请情况\n工 了 ? 3\n本年完成了工作，工作人员 12 人")
        let report = try TableAligner().align(TextNormalizer().normalize(noisy).text)
        #expect(report.cells.map(\.cell) == clean.cells.map(\.cell))
        #expect(!report.cells.contains { ($0.note ?? "").contains("OCR") })
    }
}
