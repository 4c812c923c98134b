import ReportModel

/// Counts for a set of gold cells compared with a prediction.
public struct CellCounts: Codable, Sendable, Hashable {
    /// Gold cells.
    public var gold = 0
    /// Gold cells found in the prediction with the same value.
    public var correct = 0
    /// Gold cells found with another value.
    public var wrong = 0
    /// Gold cells the prediction does not have.
    public var missing = 0
    /// Predicted cells that are not gold cells (or repeat one).
    public var extra = 0

    public init() {}

    /// Value right in the right cell, over gold cells (1 when there are none).
    public var cellAccuracy: Double { gold == 0 ? 1 : Double(correct) / Double(gold) }
    /// Right place, any value: the share of gold cells whose (table, row, column) the prediction has.
    public var labelAccuracy: Double { gold == 0 ? 1 : Double(correct + wrong) / Double(gold) }

    public static func + (a: CellCounts, b: CellCounts) -> CellCounts {
        var c = CellCounts()
        c.gold = a.gold + b.gold
        c.correct = a.correct + b.correct
        c.wrong = a.wrong + b.wrong
        c.missing = a.missing + b.missing
        c.extra = a.extra + b.extra
        return c
    }
}

/// One wrong, missing or extra cell, for the detailed listing.
public struct CellDifference: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable { case wrong, missing, extra }
    public var kind: Kind
    public var key: CellKey
    public var gold: Double?
    public var predicted: Double?
}

/// The score of one report.
public struct ReportScore: Codable, Sendable {
    public var name: String
    public var edition: Edition
    public var total: CellCounts
    public var tables: [String: CellCounts]
    public var differences: [CellDifference]
    /// Whether a prediction file existed (a missing one counts as all cells missing).
    public var hasPrediction: Bool
}

/// The score of a corpus: every report, and the sums per table and per edition.
public struct CorpusScore: Codable, Sendable {
    public var reports: [ReportScore]
    public var total: CellCounts
    public var tables: [String: CellCounts]
    public var editions: [String: CellCounts]
}
