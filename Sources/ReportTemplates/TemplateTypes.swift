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

    public init(_ path: [String], aliases: [LabelAlias] = []) {
        self.path = path
        self.aliases = aliases
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

    /// `left − right` over `values`, or nil when a cell is missing.
    public func difference(in values: [CellKey: Double]) -> Double? {
        var sum = 0.0
        for key in left { guard let v = values[key] else { return nil }; sum += v }
        for key in right { guard let v = values[key] else { return nil }; sum -= v }
        return sum
    }
}
