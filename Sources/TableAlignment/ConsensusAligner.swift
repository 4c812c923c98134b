import ReportModel
import ReportTemplates

/// Reads one report from several extractions of it (raw, layout, OCR of the same PDF) and keeps, for each table,
/// the reading the identities support best: more identities holding, fewer values inferred, and agreement with
/// the other readings. Disagreements are reported as decisions.
public struct ConsensusAligner: Sendable {
    public struct Reading: Sendable {
        /// The extractor's name (`raw`, `layout`, `ocr`).
        public var source: String
        public var report: AlignedReport

        public init(source: String, report: AlignedReport) {
            self.source = source
            self.report = report
        }
    }

    public init() {}

    /// On equal evidence: `-layout` keeps rows and columns, raw order loses columns, OCR misreads digits.
    static let tieBreak: [String: Double] = [
        "layout": 0.5, "raw": 0, "ocr": -1,
        // A flattened line cut after its runs of values (`FlattenedRows.valueRunLines`) puts a row's values on
        // the line of the next row's label whenever a label is cut short: it is kept only where three identities
        // more hold (a table that leaves its zeros blank lets a wrong reading hold one or two by chance).
        FlattenedRows.valueRunSource: -20.5,
    ]

    /// The combined report: each table from its best reading. `readings` must not be empty. `reason`: what the
    /// readings are, said in the decisions (the extractions of one PDF, by default). `weighingAgreement`: whether
    /// agreeing with the other readings counts (it does for independent extractors; readings of one text made
    /// alike agree because they are alike, and only their identities and inferred values should count).
    public func combine(_ readings: [Reading], reason: String = "consensus over the extractions", weighingAgreement: Bool = true)
        -> (report: AlignedReport, chosen: [TableKind: String])
    {
        precondition(!readings.isEmpty, "no reading to combine")
        // The edition most readings agree on.
        let edition = Dictionary(grouping: readings, by: \.report.edition).max { $0.value.count < $1.value.count }!.key
        let usable = readings.filter { $0.report.edition == edition }
        let template = ReportTemplate.for(edition)
        var cells: [AlignedCell] = []
        var decisions: [AlignmentDecision] = []
        var chosen: [TableKind: String] = [:]
        for table in TableKind.allCases {
            let keys = template.cellKeys(of: table)
            let identities = template.identities.filter { $0.left.first?.table == table }
            var best: (score: Double, reading: Reading)? = nil
            for reading in usable {
                let values = Dictionary(reading.report.cells.map { ($0.cell.key, $0.cell.value) }, uniquingKeysWith: { a, _ in a })
                let holding = identities.filter { $0.sides(in: values).map { Identity.agree($0.left, $0.right) } ?? false }.count
                let tableCells = reading.report.cells.filter { $0.cell.table == table }
                let inferred = tableCells.filter { $0.origin == .inferred }.count
                // Agreement: cells equal to the same cell of another reading.
                var agreement = 0
                for other in usable where weighingAgreement && other.source != reading.source {
                    let theirs = Dictionary(other.report.cells.map { ($0.cell.key, $0.cell.value) }, uniquingKeysWith: { a, _ in a })
                    agreement += keys.filter { values[$0] != nil && values[$0] == theirs[$0] }.count
                }
                let score = Double(holding) * 10 - Double(inferred) * 2 + Double(agreement) * 0.1
                    + Self.tieBreak[reading.source, default: 0]
                if best == nil || score > best!.score { best = (score, reading) }
            }
            guard let best else { continue }
            chosen[table] = best.reading.source
            cells += best.reading.report.cells.filter { $0.cell.table == table }
            let bestValues = Dictionary(best.reading.report.cells.map { ($0.cell.key, $0.cell.value) }, uniquingKeysWith: { a, _ in a })
            for other in usable where other.source != best.reading.source {
                let theirs = Dictionary(other.report.cells.map { ($0.cell.key, $0.cell.value) }, uniquingKeysWith: { a, _ in a })
                let differing = keys.filter { bestValues[$0] != theirs[$0] }
                if !differing.isEmpty {
                    decisions.append(AlignmentDecision(
                        line: 0, raw: "\(other.source) differs in \(differing.count) cell(s), first \(differing[0])",
                        chosen: "table \(table.rawValue) from \(best.reading.source)", score: 0.9,
                        reason: "\(reason): the readings disagree, the one whose identities hold is kept"))
                }
            }
            decisions.append(AlignmentDecision(line: 0, raw: usable.map(\.source).joined(separator: ", "),
                                               chosen: "table \(table.rawValue) from \(best.reading.source)", score: 1,
                                               reason: reason))
        }
        let base = usable.first { $0.source == chosen[.requests] } ?? usable[0]
        let report = AlignedReport(
            edition: edition, cells: cells, decisions: base.report.decisions.filter { $0.reason != AlignmentDecision.identityFails } + decisions
                + TableAligner.identityChecks(template, cells),
            canonical: .text(TableAligner.canonical(base: base.report.canonicalText, edition: edition, cells: cells)),
            regions: base.report.regions)
        return (report, chosen)
    }
}
