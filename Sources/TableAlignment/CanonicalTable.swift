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
    /// The block of `table` with the values of `values` (keys as `ReportTemplate.cellKeys(of:)` gives them).
    public static func render(_ table: TableKind, edition: Edition, values: [CellKey: Double]) -> String {
        let keys = ReportTemplate.for(edition).cellKeys(of: table)
        return render(table, edition: edition, orderedValues: keys.map { values[$0] })
    }

    /// The block of `table` from its values in `ReportTemplate.cellKeys(of:)` order (nil where a cell is missing).
    ///
    /// ```swift
    /// let keys = ReportTemplate.for(.edition2021).cellKeys(of: .review)
    /// CanonicalTable.render(.review, edition: .edition2021, orderedValues: keys.map { _ in 0 })
    /// ```
    public static func render(_ table: TableKind, edition: Edition, orderedValues: [Double?]) -> String {
        let layout = Layout.of(table, edition)
        precondition(orderedValues.count == layout.cellCount, "one value per cell of the table")
        var out = layout.head
        var v = 0
        for segment in layout.segments {
            out += segment.header
            for label in segment.rowLabels {
                out += label
                for _ in 0..<segment.columnCount {
                    out += "\t"
                    out += format(orderedValues[v])
                    v += 1
                }
                out += "\n"
            }
        }
        return out + "#end\n"
    }

    /// `12`, `-18`, `0.6579`: `ValueFormat.canonical`, and `?` for a value that is missing.
    public static func format(_ value: Double?) -> String {
        guard let value else { return "?" }
        return ValueFormat.canonical(value)
    }

    /// The fixed text of one table's block, built once per edition: everything but the values.
    private struct Layout: Sendable {
        /// A `#columns` line and the labels of the rows under it.
        struct Segment: Sendable {
            var header: String
            var rowLabels: [String]
            var columnCount: Int
        }
        var head: String
        var segments: [Segment]
        var cellCount: Int { segments.reduce(0) { $0 + $1.rowLabels.count * $1.columnCount } }

        static func of(_ table: TableKind, _ edition: Edition) -> Layout {
            let tables = switch edition {
            case .edition2019: layouts2019
            case .edition2021: layouts2021
            }
            return tables[TableKind.allCases.firstIndex(of: table)!]
        }

        private static let layouts2019 = TableKind.allCases.map { build($0, .edition2019) }
        private static let layouts2021 = TableKind.allCases.map { build($0, .edition2021) }

        /// Rows and columns in the order of `ReportTemplate.cellKeys(of:)`.
        private static func build(_ table: TableKind, _ edition: Edition) -> Layout {
            let segments = ReportTemplate.for(edition).canonicalGroups(of: table).map { group in
                Segment(header: "#columns\t" + group.columns.joined(separator: "\t") + "\n", rowLabels: group.rowLabels,
                        columnCount: group.columns.count)
            }
            return Layout(head: "#table \(table.rawValue) edition=\(edition.rawValue)\n", segments: segments)
        }
    }
}
