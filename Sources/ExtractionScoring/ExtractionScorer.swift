import ReportModel

/// Compares extracted cells with gold cells: the façade of `ExtractionScoring`.
///
/// Cells are matched on (table, row, column) after `LabelKey` folding; a value is right when it equals the gold
/// value (to 1e-9 relative).
///
/// ```swift
/// let score = ExtractionScorer().score(gold: gold, prediction: prediction, name: "report-01")
/// score.total.cellAccuracy   // 0.985
/// ```
public struct ExtractionScorer: Sendable {
    public init() {}

    /// Scores one report; a nil prediction counts as every cell missing.
    public func score(gold: CellFile, prediction: CellFile?, name: String) -> ReportScore {
        func foldedKey(_ key: CellKey) -> CellKey {
            CellKey(table: key.table, row: LabelKey.of(key.row), column: LabelKey.of(key.column))
        }
        var predicted: [CellKey: Double] = [:]
        var extras: [CellDifference] = []
        for cell in prediction?.cells ?? [] {
            let key = foldedKey(cell.key)
            if predicted[key] != nil {
                extras.append(CellDifference(kind: .extra, key: cell.key, gold: nil, predicted: cell.value))
            } else {
                predicted[key] = cell.value
            }
        }
        var tables: [String: CellCounts] = [:]
        var differences: [CellDifference] = []
        var goldKeys = Set<CellKey>()
        for cell in gold.cells {
            let key = foldedKey(cell.key)
            goldKeys.insert(key)
            var counts = tables[cell.table.rawValue] ?? CellCounts()
            counts.gold += 1
            if let value = predicted[key] {
                if Self.same(value, cell.value) {
                    counts.correct += 1
                } else {
                    counts.wrong += 1
                    differences.append(CellDifference(kind: .wrong, key: cell.key, gold: cell.value, predicted: value))
                }
            } else {
                counts.missing += 1
                differences.append(CellDifference(kind: .missing, key: cell.key, gold: cell.value, predicted: nil))
            }
            tables[cell.table.rawValue] = counts
        }
        for cell in prediction?.cells ?? [] where !goldKeys.contains(foldedKey(cell.key)) {
            extras.append(CellDifference(kind: .extra, key: cell.key, gold: nil, predicted: cell.value))
        }
        for extra in extras {
            tables[extra.key.table.rawValue, default: CellCounts()].extra += 1
        }
        let total = tables.values.reduce(CellCounts(), +)
        return ReportScore(
            name: name, edition: gold.edition, total: total, tables: tables, differences: differences + extras,
            hasPrediction: prediction != nil)
    }

    /// Scores a corpus of (name, gold, prediction) triples.
    public func score(corpus: [(name: String, gold: CellFile, prediction: CellFile?)]) -> CorpusScore {
        let reports = corpus.map { score(gold: $0.gold, prediction: $0.prediction, name: $0.name) }
        var tables: [String: CellCounts] = [:]
        var editions: [String: CellCounts] = [:]
        for report in reports {
            for (table, counts) in report.tables { tables[table] = (tables[table] ?? CellCounts()) + counts }
            editions[report.edition.rawValue] = (editions[report.edition.rawValue] ?? CellCounts()) + report.total
        }
        return CorpusScore(
            reports: reports, total: reports.map(\.total).reduce(CellCounts(), +), tables: tables, editions: editions)
    }

    static func same(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))
    }
}
