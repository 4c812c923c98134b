import ReportModel
import TableAlignment
import TextNormalization
import Testing

/// Laid-out tables that leave their zeros blank, as `pdftotext -layout` prints them: most rows of 表三 hold two to
/// four values, and the tool spaces such sparse rows on a grid of their own, not the full rows'; and a table that runs
/// onto a second page without repeating its header is spaced page by page, its pages told apart by the form feed.
@Suite struct SparseLayoutTests {
    static let labels = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]

    /// A 表三 line: the label at column 2, each value at its column (display columns, Han two).
    static func row(_ label: String, _ values: [Int], at columns: [Int]) -> String {
        var cells = [(2, label)]
        for (c, value) in values.enumerated() where value != 0 { cells.append((columns[c], String(value))) }
        return HeaderPositionsTests.line(cells)
    }

    static let header = [
        "某县2020年政府信息公开工作年度报告", "", "三、收到和处理政府信息公开申请情况", "",
        HeaderPositionsTests.line([(2, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"), (40, "申请人情况")]),
        HeaderPositionsTests.line(zip([40, 52, 64, 76, 92, 108, 116], labels).map { ($0, $1) }),
    ]

    // The rows: （七）= （一）+（二）, and 一 + 二 = （七）+ 四, column by column.
    static let new = [5, 4, 3, 2, 1, 6, 21]
    static let carried = [1, 0, 0, 0, 2, 0, 3]
    static let granted = [3, 0, 1, 1, 0, 4, 9]
    static let partly = [1, 2, 2, 0, 1, 0, 6]
    static let total = [4, 2, 3, 1, 1, 4, 15]
    static let left = [2, 2, 0, 1, 2, 2, 9]

    /// Every value of `rows` in its column.
    static func expectCells(_ text: String, _ rows: [(suffix: String, values: [Int])]) throws {
        let report = try TableAligner().align(TextNormalizer().normalize(text).text, pageStartLines: TextNormalizer().normalize(text).pageStartLines)
        for (suffix, values) in rows {
            for (column, value) in zip(labels, values) {
                let cell = try #require(report.cells.first { $0.cell.table == .requests && $0.cell.row.hasSuffix(suffix) && $0.cell.column == column })
                #expect(cell.cell.value == Double(value), "\(suffix) \(column): \(cell.cell.value) (\(cell.note ?? ""))")
            }
        }
    }

    /// The full rows stand on one grid, the sparse rows on a narrower one (总计 at 76, not 116): the sparse rows'
    /// values go by the positions of the rows whose total stands where theirs does.
    @Test func sparseRowsKeepTheirOwnGrid() throws {
        let full = [40, 52, 64, 76, 92, 108, 116]
        let sparse = [40, 46, 52, 58, 64, 70, 76]
        let lines = Self.header + [
            Self.row("一、本年新收政府信息公开申请数量", Self.new, at: full),
            Self.row("二、上年结转政府信息公开申请数量", Self.carried, at: sparse),
            Self.row("三、本年度办理结果 （一）予以公开", Self.granted, at: sparse),
            Self.row("（二）部分公开", Self.partly, at: sparse),
            Self.row("（七）总计", Self.total, at: full),
            Self.row("四、结转下年度继续办理", Self.left, at: sparse),
        ]
        try Self.expectCells(lines.joined(separator: "\n") + "\n", [
            ("二、上年结转政府信息公开申请数量", Self.carried), ("（一）予以公开", Self.granted),
            ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", Self.partly), ("四、结转下年度继续办理", Self.left),
        ])
    }

    /// The table goes on to a second page, laid out twenty columns further right, with no repeated header: the
    /// form feed between the pages keeps the first page's positions off the second's rows.
    @Test func eachPageHasItsOwnPositions() throws {
        let first = [40, 52, 64, 76, 92, 108, 116]
        let second = first.map { $0 + 20 }
        let lines = Self.header + [
            Self.row("一、本年新收政府信息公开申请数量", Self.new, at: first),
            Self.row("二、上年结转政府信息公开申请数量", Self.carried, at: first),
            Self.row("三、本年度办理结果 （一）予以公开", Self.granted, at: first),
            "\u{0C}" + Self.row("（二）部分公开", Self.partly, at: second),
            Self.row("（七）总计", Self.total, at: second),
            Self.row("四、结转下年度继续办理", Self.left, at: second),
        ]
        try Self.expectCells(lines.joined(separator: "\n") + "\n", [
            ("二、上年结转政府信息公开申请数量", Self.carried), ("（一）予以公开", Self.granted),
            ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", Self.partly), ("四、结转下年度继续办理", Self.left),
        ])
    }
}
