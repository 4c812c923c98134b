import ReportModel

/// Another spelling of a label seen in real reports, with where it comes from.
public struct LabelAlias: Sendable, Hashable {
    public let text: String
    public let note: String

    public init(_ text: String, _ note: String) {
        self.text = text
        self.note = note
    }
}

/// A row of a table: its canonical label path (group → item → sub-item) and the variants reports print.
public struct RowTemplate: Sendable, Hashable {
    /// The canonical label path; `path.last` is the label printed on the row.
    public let path: [String]
    public let aliases: [LabelAlias]

    public init(_ path: [String], aliases: [LabelAlias] = []) {
        self.path = path
        self.aliases = aliases
    }

    /// The path as the cell contract writes it: labels joined with ` / `.
    public var key: String { path.joined(separator: " / ") }
    public var label: String { path.last ?? "" }
}

/// A column: its header path and the variants reports print.
public struct ColumnTemplate: Sendable, Hashable {
    public let path: [String]
    public let aliases: [LabelAlias]
    /// How seldom reports count something in this column, 0 the most often (表三's applicants: 自然人 first): used
    /// only to choose among placements of a row's values that the identities allow alike, and flagged as such.
    /// Nil for a column without such a ranking (the aligner then prefers the columns from the left).
    public let rarity: Int?

    public init(_ path: [String], aliases: [LabelAlias] = [], rarity: Int? = nil) {
        self.path = path
        self.aliases = aliases
        self.rarity = rarity
    }

    public var label: String { path.last ?? "" }
}

/// One sub-table of 表二 (主动公开): an article item with its own columns.
public struct ActiveSubtable: Sendable, Hashable {
    /// `第二十条第（一）项`
    public let item: String
    public let columns: [ColumnTemplate]
    public let rows: [RowTemplate]
}

/// An arithmetic identity (勾稽关系): the sum of `left` equals the sum of `right`.
public struct Identity: Sendable, Hashable {
    public let name: String
    public let left: [CellKey]
    public let right: [CellKey]

    /// `left` and `right` as positions in the template's `cellKeys()` order (filled in by the template), so that
    /// checks over a values array in that order need no hashing.
    public internal(set) var leftIndices: [Int] = []
    public internal(set) var rightIndices: [Int] = []
    /// The cells involved, as `table | row | column` (what identity checks report), built once.
    public let cellNames: [String]

    public init(name: String, left: [CellKey], right: [CellKey]) {
        self.name = name
        self.left = left
        self.right = right
        self.cellNames = (left + right).map(\.description)
    }

    /// The sums of the two sides over `values` (in `ReportTemplate.cellKeys()` order), or nil when a cell of
    /// either side is missing.
    public func sides(in values: [Double?]) -> (left: Double, right: Double)? {
        var left = 0.0
        var right = 0.0
        for k in leftIndices { guard let v = values[k] else { return nil }; left += v }
        for k in rightIndices { guard let v = values[k] else { return nil }; right += v }
        return (left, right)
    }

    /// The sums of the two sides over cells given by key, or nil when a cell is missing.
    public func sides(in values: [CellKey: Double]) -> (left: Double, right: Double)? {
        var leftSum = 0.0
        var rightSum = 0.0
        for key in left { guard let v = values[key] else { return nil }; leftSum += v }
        for key in right { guard let v = values[key] else { return nil }; rightSum += v }
        return (leftSum, rightSum)
    }

    /// `left − right` over cells given by key, or nil when a cell is missing.
    public func difference(in values: [CellKey: Double]) -> Double? {
        sides(in: values).map { $0.left - $0.right }
    }

    /// Whether the identity holds over `values` (in `ReportTemplate.cellKeys()` order); nil when a cell is missing.
    public func holds(in values: [Double?]) -> Bool? {
        sides(in: values).map { Self.agree($0.left, $0.right) }
    }

    /// Whether two sums are equal up to floating-point rounding: 1e-6, or 1e-14 of the larger sum beyond 10^8 (a
    /// sum of a few dozen doubles is off by a few 1e-16 of itself). Sums a whole unit apart never agree below
    /// 10^14, past any count or amount a report prints.
    ///
    /// ```swift
    /// Identity.agree(0.1 + 0.2, 0.3)            // true
    /// Identity.agree(10_000_000, 10_000_001)    // false
    /// ```
    @inlinable
    public static func agree(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= max(1e-6, 1e-14 * max(abs(a), abs(b)))
    }
}
