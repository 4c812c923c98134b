/// A parsed report: the product most users consume (`nianbao parse` writes it as JSON).
///
/// Field names are stable and documented in the README; `schemaVersion` changes when they do.
/// `Fixtures/schema/report.schema.json` is its JSON Schema.
public struct Report: Codable, Sendable, Hashable {
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    /// The file the report was read from (`<stdin>` for standard input).
    public var source: String
    public var edition: Edition
    /// The report year, when the title gives it.
    public var year: Int?
    /// The publishing agency, when the title gives it.
    public var agency: String?
    /// Every cell, in the cell contract, with its provenance.
    public var cells: [ReportCell]
    /// Every identity of the edition, checked.
    public var identities: [IdentityCheck]
    /// What normalisation and alignment changed or inferred that a user should know.
    public var flags: [ReportFlag]

    public init(
        source: String, edition: Edition, year: Int?, agency: String?, cells: [ReportCell], identities: [IdentityCheck],
        flags: [ReportFlag]
    ) {
        self.schemaVersion = Self.currentSchemaVersion
        self.source = source
        self.edition = edition
        self.year = year
        self.agency = agency
        self.cells = cells
        self.identities = identities
        self.flags = flags
    }

    /// The cells as a gold/prediction file (for `nianbao score`).
    public var cellFile: CellFile {
        CellFile(agency: agency, year: year, edition: edition, cells: cells.map(\.cell))
    }
}

/// A cell in the cell contract, with where its value came from.
public struct ReportCell: Codable, Sendable, Hashable {
    public var table: TableKind
    public var row: String
    public var column: String
    public var value: Double
    /// The annotation printed with the value (`其中修订 16 件`), or its unit (`元`).
    public var note: String?
    public var provenance: Provenance

    public init(cell: Cell, note: String? = nil, provenance: Provenance) {
        self.table = cell.table
        self.row = cell.row
        self.column = cell.column
        self.value = cell.value
        self.note = note
        self.provenance = provenance
    }

    public var cell: Cell { Cell(table: table, row: row, column: column, value: value) }
}

/// Where a value came from.
public struct Provenance: Codable, Sendable, Hashable {
    public enum Origin: String, Codable, Sendable, CaseIterable {
        /// Read where the template puts it.
        case read
        /// Read, but moved, rejoined or relabelled by the aligner.
        case repaired
        /// A blank cell read as 0.
        case blank
        /// Not in the text: from an identity, or 0 for a row or table not found.
        case inferred
    }

    /// 1-based line in the source text (0 when there is none).
    public var line: Int
    public var origin: Origin
    /// Why, when the value was not simply read.
    public var reason: String?
    /// 0…1.
    public var confidence: Double

    public init(line: Int, origin: Origin, reason: String? = nil, confidence: Double = 1) {
        self.line = line
        self.origin = origin
        self.reason = reason
        self.confidence = confidence
    }
}

/// One identity (勾稽关系) checked on the report's values.
public struct IdentityCheck: Codable, Sendable, Hashable {
    public enum Status: String, Codable, Sendable { case pass, fail }
    /// What the identity says (`（七）总计 = （一）+…+（六）` for a column).
    public var identity: String
    /// The sum of the left side (the total printed).
    public var expected: Double
    /// The sum of the right side (the parts).
    public var actual: Double
    /// The cells involved, as `table | row | column`.
    public var cells: [String]
    public var status: Status

    public init(identity: String, expected: Double, actual: Double, cells: [String], status: Status) {
        self.identity = identity
        self.expected = expected
        self.actual = actual
        self.cells = cells
        self.status = status
    }
}

/// Something a step changed or decided that a user should know about.
public struct ReportFlag: Codable, Sendable, Hashable {
    public enum Stage: String, Codable, Sendable { case extraction, normalization, alignment, parsing }
    public var stage: Stage
    /// 1-based line (0 when it concerns no single line).
    public var line: Int
    public var message: String

    public init(stage: Stage, line: Int, message: String) {
        self.stage = stage
        self.line = line
        self.message = message
    }
}
