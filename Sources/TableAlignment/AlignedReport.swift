import ReportModel

/// How a value came to be in its cell.
public enum CellOrigin: String, Sendable, Codable, Hashable {
    /// Read from the text where the template puts it.
    case read
    /// A blank cell (empty, `-`, `/`, `无`) read as 0.
    case blank
    /// Not in the text: worked out from an identity (勾稽关系), or 0 when a whole row is absent.
    case inferred
}

/// One choice the aligner made: what it saw, what it decided, how sure it is and why.
public struct AlignmentDecision: Sendable, Codable, Hashable, CustomStringConvertible {
    /// The reason of the decision recorded for each identity that fails.
    public static let identityFails = "identity fails"

    /// 1-based line of the normalised text the decision is about (0 when it is about no single line).
    public var line: Int
    /// The text seen there.
    public var raw: String
    /// What it was taken to be: a canonical label, an edition, a table.
    public var chosen: String
    /// 0…1.
    public var score: Double
    public var reason: String

    public var description: String {
        "\(line)  '\(raw)' → '\(chosen)'  \((score * 100).rounded() / 100)  \(reason)"
    }
}

/// A cell with where it came from.
public struct AlignedCell: Sendable, Codable, Hashable {
    public var cell: Cell
    public var origin: CellOrigin
    /// 1-based line of the value in the normalised text (0 when inferred).
    public var line: Int
    /// Why the value is what it is, when it was not simply read.
    public var note: String?
    /// 0…1: 1 for a value read where an identity confirms it.
    public var confidence: Double
    /// Whether the cell's column is a guess: its row's values had no position to go by (a row with blank cells
    /// from a tool that dropped them), until the column identities place it.
    public var isGuessed = false
}

/// The aligner's result: every cell of the three tables, the decisions, and the canonical text.
public struct AlignedReport: Sendable {
    public var edition: Edition
    public var cells: [AlignedCell]
    public var decisions: [AlignmentDecision]
    /// The report's prose as normalised, each table rewritten in the canonical form (README, "Canonical text").
    /// Written when read (the pipeline reads only the first lines, `canonicalText(firstLines:)`); each read writes
    /// it again, so keep it when it is read more than once.
    public var canonicalText: String {
        get { canonical.text(firstLines: nil) }
        set { canonical = .text(newValue) }
    }
    /// The 0-based lines of the aligned text each table was read from.
    public var regions: [TableKind: Range<Int>] = [:]
    /// What the canonical text is written from.
    var canonical: CanonicalSource

    init(edition: Edition, cells: [AlignedCell], decisions: [AlignmentDecision], canonical: CanonicalSource,
         regions: [TableKind: Range<Int>] = [:]) {
        self.edition = edition
        self.cells = cells
        self.decisions = decisions
        self.canonical = canonical
        self.regions = regions
    }

    /// The first `count` lines of `canonicalText` (fewer when it has fewer), each ending in a line feed but perhaps
    /// the last, written without the rest: the title is read from them.
    public func canonicalText(firstLines count: Int) -> String {
        canonical.text(firstLines: count)
    }

    /// Whether an identity of the template fails on the cells (the aligner records each as a decision).
    public var hasFailedIdentity: Bool { decisions.contains { $0.reason == AlignmentDecision.identityFails } }

    /// The cells in the cell contract, as a gold/prediction file.
    public func cellFile(agency: String? = nil, year: Int? = nil) -> CellFile {
        CellFile(agency: agency, year: year, edition: edition, cells: cells.map(\.cell))
    }
}

/// The canonical text, written already or to be written from the aligner's lines and cells.
enum CanonicalSource: Sendable {
    case text(String)
    /// The normalised lines, where the tables stand in them, and the cells to write in their place.
    case deferred(lines: [Substring], regions: TableRegions, edition: Edition, cells: [AlignedCell])

    /// The text, or its first `firstLines` lines.
    func text(firstLines: Int?) -> String {
        switch self {
        case .text(let text):
            guard let firstLines else { return text }
            return TableAligner.firstLines(firstLines, of: text) ?? text
        case .deferred(let lines, let regions, let edition, let cells):
            return TableAligner.canonicalText(lines: lines, regions: regions, edition: edition, cells: cells, firstLines: firstLines)
        }
    }
}

/// Input the aligner cannot use.
public enum AlignmentError: Error, Sendable, Equatable, CustomStringConvertible {
    /// None of the three tables was found.
    case noTables
    /// A table region holds far more numbers than any table has: not a table (a data dump, a run-together page).
    case tableTooLarge(TableKind, values: Int)

    public var description: String {
        switch self {
        case .noTables: "no report tables found (none of 表二, 表三, 表四 of either edition)"
        case .tableTooLarge(let table, let values):
            "the \(table.rawValue) table region holds \(values) numbers (a table has at most \(TableAligner.maximumValuesPerTable)): not a report table"
        }
    }
}
