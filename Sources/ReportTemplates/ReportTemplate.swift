import ReportModel

/// The canonical tables of one edition: the façade of `ReportTemplates`.
///
/// ```swift
/// let template = ReportTemplate.for(.edition2021)
/// template.cellKeys().count   // 200
/// ```
public struct ReportTemplate: Sendable {
    public let edition: Edition
    /// The six report section headings.
    public let sectionHeadings: [String]
    /// 表二, as its sub-tables.
    public let active: [ActiveSubtable]
    /// 表三 rows (value rows only: group labels such as `（三）不予公开` carry no values of their own).
    public let requestRows: [RowTemplate]
    /// 表三 columns, leaf headers in printed order.
    public let requestColumns: [ColumnTemplate]
    /// 表四 columns, header paths in printed order.
    public let reviewColumns: [ColumnTemplate]

    /// The identities every correct table satisfies (../shared/templates.md §5), built once.
    public let identities: [Identity]

    init(
        edition: Edition, sectionHeadings: [String], active: [ActiveSubtable], requestRows: [RowTemplate],
        requestColumns: [ColumnTemplate], reviewColumns: [ColumnTemplate]
    ) {
        self.edition = edition
        self.sectionHeadings = sectionHeadings
        self.active = active
        self.requestRows = requestRows
        self.requestColumns = requestColumns
        self.reviewColumns = reviewColumns
        var groups: [TableKind: [CanonicalGroup]] = [:]
        var keys: [CellKey] = []
        var byTable: [TableKind: [CellKey]] = [:]
        for table in TableKind.allCases {
            let tableGroups = Self.canonicalGroups(of: table, active: active, requestRows: requestRows,
                                                   requestColumns: requestColumns, reviewColumns: reviewColumns)
            groups[table] = tableGroups
            // A table's cells row by row, group by group: the order its canonical block prints them in.
            byTable[table] = tableGroups.flatMap { group in
                group.rowLabels.flatMap { row in group.columns.map { CellKey(table: table, row: row, column: $0) } }
            }
            keys += byTable[table]!
        }
        self.tableGroups = groups
        self.tableCellKeys = byTable
        self.orderedCellKeys = keys
        let index = Dictionary(keys.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { a, _ in a })
        self.cellIndex = index
        self.identities = Self.identities(requestRows: requestRows, requestColumns: requestColumns).map { identity in
            var identity = identity
            identity.leftIndices = identity.left.compactMap { index[$0] }
            identity.rightIndices = identity.right.compactMap { index[$0] }
            return identity
        }
    }

    /// Every cell key in printed order (`cellKeys()`), stored.
    private let orderedCellKeys: [CellKey]
    /// The position of each cell key in `cellKeys()`.
    public let cellIndex: [CellKey: Int]

    /// Values in `cellKeys()` order, from cells given as keys and values: read off directly when they come in that
    /// order (as the aligner and the parser produce them), else looked up; nil where a cell is missing.
    public func valuesInOrder(keys: [CellKey], values: [Double]) -> [Double?] {
        let ordered = cellKeys()
        // `values` as optionals built element by element: returning `[Double]` as `[Double?]` casts each element
        // dynamically (`_arrayForceCast`).
        if keys.count == ordered.count, Self.elementsEqual(keys, ordered) { return values.map { Optional($0) } }
        var out = [Double?](repeating: nil, count: ordered.count)
        for (key, value) in zip(keys, values) {
            if let k = cellIndex[key], out[k] == nil { out[k] = value }
        }
        return out
    }

    /// `a == b` comparing the keys in place (`Array.==` copies each key, two string retains apiece).
    private static func elementsEqual(_ a: [CellKey], _ b: [CellKey]) -> Bool {
        a.withUnsafeBufferPointer { x in
            b.withUnsafeBufferPointer { y in
                // Field by field in place: comparing `x[k] != y[k]` copied both keys (four string retains).
                for k in x.indices
                where x[k].table != y[k].table || !CellKey.bytesEqual(x[k].row, y[k].row) || !CellKey.bytesEqual(x[k].column, y[k].column) {
                    return false
                }
                return true
            }
        }
    }

    /// The template of `edition`.
    public static func `for`(_ edition: Edition) -> ReportTemplate {
        switch edition {
        case .edition2019: TemplateData.edition2019
        case .edition2021: TemplateData.edition2021
        }
    }

    /// Every cell of the three tables, in printed order.
    public func cellKeys() -> [CellKey] { orderedCellKeys }

    /// Every cell of one table, in printed order.
    public func cellKeys(of table: TableKind) -> [CellKey] { tableCellKeys[table] ?? [] }

    /// `cellKeys(of:)` of each table, stored.
    private let tableCellKeys: [TableKind: [CellKey]]

    /// The `#columns` groups of one table's canonical block, in printed order (their cells in `cellKeys(of:)`
    /// order, row by row).
    ///
    /// ```swift
    /// ReportTemplate.for(.edition2021).canonicalGroups(of: .requests)[0].rowLabels[0]  // "一、本年新收政府信息公开申请数量"
    /// ```
    public func canonicalGroups(of table: TableKind) -> [CanonicalGroup] { tableGroups[table] ?? [] }

    /// `canonicalGroups(of:)` of each table, stored.
    private let tableGroups: [TableKind: [CanonicalGroup]]

    private static func canonicalGroups(
        of table: TableKind, active: [ActiveSubtable], requestRows: [RowTemplate], requestColumns: [ColumnTemplate],
        reviewColumns: [ColumnTemplate]
    ) -> [CanonicalGroup] {
        switch table {
        case .active:
            active.map { sub in CanonicalGroup(columns: sub.columns.map(\.label), rowLabels: sub.rows.map { sub.item + " / " + $0.key }) }
        case .requests:
            [CanonicalGroup(columns: requestColumns.map(\.label), rowLabels: requestRows.map(\.key))]
        case .review:
            [CanonicalGroup(columns: reviewColumns.map { $0.path.joined(separator: " / ") }, rowLabels: [""])]
        }
    }

    private static func identities(requestRows: [RowTemplate], requestColumns: [ColumnTemplate]) -> [Identity] {
        var all: [Identity] = []
        let columns = requestColumns.map(\.label)
        let parts = Array(columns.dropLast())  // the six applicant columns; the last is 总计
        func key(_ row: String, _ column: String) -> CellKey { CellKey(table: .requests, row: row, column: column) }
        for row in requestRows {
            all.append(Identity(
                name: "\(row.label): 总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他",
                left: [key(row.key, "总计")], right: parts.map { key(row.key, $0) }))
        }
        let results = requestRows.filter { $0.path.first == TemplateData.resultsGroup && $0.label != "（七）总计" }
        let total = TemplateData.resultsGroup + " / （七）总计"
        let carried = "四、结转下年度继续办理"
        for column in columns {
            all.append(Identity(
                name: "\(column): （七）总计 = （一）+（二）+（三）+（四）+（五）+（六）",
                left: [key(total, column)], right: results.map { key($0.key, column) }))
            all.append(Identity(
                name: "\(column): 一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度继续办理",
                left: [key("一、本年新收政府信息公开申请数量", column), key("二、上年结转政府信息公开申请数量", column)],
                right: [key(total, column), key(carried, column)]))
        }
        for group in [["行政复议"], ["行政诉讼", "未经复议直接起诉"], ["行政诉讼", "复议后起诉"]] {
            let prefix = group.joined(separator: " / ") + " / "
            let review = { (leaf: String) in CellKey(table: .review, row: "", column: prefix + leaf) }
            all.append(Identity(
                name: "\(group.joined(separator: " / ")): 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
                left: [review("总计")], right: ["结果维持", "结果纠正", "其他结果", "尚未审结"].map(review)))
        }
        return all
    }
}

/// One `#columns` group of a table's canonical block: its column labels and the label paths of its rows (表二's
/// sub-tables are a group each; 表四's one row has the empty label).
public struct CanonicalGroup: Sendable, Hashable {
    public let columns: [String]
    public let rowLabels: [String]
}
