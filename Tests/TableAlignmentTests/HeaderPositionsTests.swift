import ReportModel
import TableAlignment
import TextNormalization
import Testing

/// A laid-out table none of whose rows is full (its 科研机构 and 社会公益组织 columns blank on every row, as
/// `pandoc -t plain` writes a page that leaves them blank): the values' columns come from the column header's labels.
@Suite struct HeaderPositionsTests {
    /// Display width: a Han character (or full-width mark) two columns, anything else one.
    static func width(_ s: String) -> Int { s.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) } }

    /// A line with each text starting at its display column.
    static func line(_ cells: [(column: Int, text: String)]) -> String {
        var out = ""
        for (column, text) in cells {
            out += String(repeating: " ", count: max(1, column - width(out))) + text
        }
        return out
    }

    static let columns = [40, 52, 64, 76, 92, 108, 116]  // 自然人 … 总计
    static let labels = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]

    /// A 表三 whose rows fill the given columns (column index → value), every other cell blank.
    static func report(_ rows: [(label: String, values: [Int: Int])]) -> String {
        var lines = ["某县2020年政府信息公开工作年度报告", "", "三、收到和处理政府信息公开申请情况", ""]
        lines.append(line([(2, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"), (columns[0], "申请人情况")]))
        lines.append(line(zip(columns, labels).map { ($0, $1) }))
        for (label, values) in rows {
            lines.append(line([(2, label)] + values.keys.sorted().map { (columns[$0], String(values[$0]!)) }))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func valuesStandUnderTheirColumnLabels() throws {
        let text = Self.report([
            ("一、本年新收政府信息公开申请数量", [0: 5, 4: 2, 6: 7]),
            ("二、上年结转政府信息公开申请数量", [4: 1, 6: 1]),
            ("三、本年度办理结果 （一）予以公开", [0: 3, 4: 2, 6: 5]),
            ("（七）总计", [0: 5, 4: 2, 6: 7]),
            ("四、结转下年度继续办理", [4: 1, 6: 1]),
        ])
        let report = try TableAligner().align(TextNormalizer().normalize(text).text)
        func value(_ row: String, _ column: String) throws -> AlignedCell {
            try #require(report.cells.first { $0.cell.table == .requests && $0.cell.row.hasSuffix(row) && $0.cell.column == column })
        }
        // Before, with no full row to learn from, a row's parts went to the first columns (自然人, 商业企业).
        #expect(try value("一、本年新收政府信息公开申请数量", "法律服务机构").cell.value == 2)
        #expect(try value("一、本年新收政府信息公开申请数量", "商业企业").cell.value == 0)
        #expect(try value("二、上年结转政府信息公开申请数量", "法律服务机构").cell.value == 1)
        #expect(try value("四、结转下年度继续办理", "法律服务机构").cell.value == 1)
        let placed = try value("（一）予以公开", "法律服务机构")
        #expect(placed.cell.value == 2)
        #expect((placed.note ?? "").contains("column positions of the table's header"), "\(placed.note ?? "nil")")
        #expect(!placed.isGuessed)
    }

    /// 表四 repeats its five labels under 行政复议 and under each 行政诉讼 group, here on two header lines: read left
    /// to right they give its fifteen columns, and a row with blank cells keeps its values under their labels.
    @Test func theReviewTablesRepeatedLabelsGiveItsColumns() throws {
        let five = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
        let columns = (0..<15).map { 4 + $0 * 10 }
        let lines = [
            "某县2020年政府信息公开工作年度报告", "", "四、政府信息公开行政复议、行政诉讼情况", "",
            Self.line([(columns[0], "行政复议"), (columns[5], "行政诉讼")]),
            Self.line(zip(columns.prefix(5), five).map { ($0, $1) } + [(columns[5], "未经复议直接起诉"), (columns[10], "复议后起诉")]),
            Self.line(zip(columns.suffix(10), five + five).map { ($0, $1) }),
            Self.line([(columns[0], "5"), (columns[3], "2"), (columns[4], "7"), (columns[5], "8"), (columns[8], "1"), (columns[9], "9")]),
            "", "五、存在的主要问题及改进情况", "无。",
        ]
        let report = try TableAligner().align(TextNormalizer().normalize(lines.joined(separator: "\n") + "\n").text)
        let review = report.cells.filter { $0.cell.table == .review }.map(\.cell.value)
        // Before, the six values went to the last six columns (right-aligned: no position to go by).
        #expect(review == [5, 0, 0, 2, 7, 8, 0, 0, 1, 9, 0, 0, 0, 0, 0])
    }
}
