import ReportModel
import ReportTemplates

/// The canonical, line-oriented form of the three tables that the strict parser reads without any fuzzy logic.
///
/// ```
/// #table requests edition=2019
/// #columns	自然人	商业企业	科研机构	社会公益组织	法律服务机构	其他	总计
/// 一、本年新收政府信息公开申请数量	37	26	2	20	58	33	176
/// 三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密	1	0	3	0	3	1	8
/// #end
/// ```
/// One `#table` block per table; `#columns` gives the column labels (paths for `review`) of the rows after it;
/// each row is its canonical label path, a tab, and every value tab-separated (no cell empty). `review` has one row
/// whose label is empty.
public enum CanonicalTable {
    public static func render(_ table: TableKind, edition: Edition, values: [CellKey: Double]) -> String {
        let template = ReportTemplate.for(edition)
        var out = "#table \(table.rawValue) edition=\(edition.rawValue)\n"
        switch table {
        case .active:
            for sub in template.active {
                out += "#columns\t" + sub.columns.map(\.label).joined(separator: "\t") + "\n"
                for row in sub.rows {
                    let label = sub.item + " / " + row.key
                    out += label + sub.columns.map { "\t" + format(values[CellKey(table: .active, row: label, column: $0.label)]) }.joined() + "\n"
                }
            }
        case .requests:
            out += "#columns\t" + template.requestColumns.map(\.label).joined(separator: "\t") + "\n"
            for row in template.requestRows {
                out += row.key + template.requestColumns.map {
                    "\t" + format(values[CellKey(table: .requests, row: row.key, column: $0.label)])
                }.joined() + "\n"
            }
        case .review:
            let columns = template.reviewColumns.map { $0.path.joined(separator: " / ") }
            out += "#columns\t" + columns.joined(separator: "\t") + "\n"
            out += columns.map { "\t" + format(values[CellKey(table: .review, row: "", column: $0)]) }.joined() + "\n"
        }
        return out + "#end\n"
    }

    /// `12`, `-18`, `0.6579`: `ValueFormat.canonical`, and `?` for a value that is missing.
    public static func format(_ value: Double?) -> String {
        guard let value else { return "?" }
        return ValueFormat.canonical(value)
    }
}
