import ReportModel
import ReportTemplates

/// The strict shared parser: canonical text → `Report`, or a located error. The façade of `ReportParsing`.
///
/// It reads only the canonical form the aligner writes (README, "Canonical text"): `#table` blocks whose columns,
/// row labels and row lengths are exactly the template's. No fuzzy logic: anything else is an error that points
/// at the line and column.
///
/// ```swift
/// let report = try ReportParser().parse(canonicalText, source: "report.txt")
/// report.cells.count                                  // 198 or 200
/// report.identities.filter { $0.status == .fail }     // the identities the report breaks
/// ```
public struct ReportParser: Sendable {
    public init() {}

    public func parse(_ text: String, source: String) throws(ParseError) -> Report {
        let lines = text.pieces(separatedBy: 0x0A)
        var reader = BlockReader(lines: lines, source: source)
        try reader.read()
        guard let edition = reader.edition else {
            throw reader.error("no '#table' block: expected the canonical tables (run 'nianbao align' first)", line: lines.count)
        }
        for table in TableKind.allCases where reader.tables[table] == nil {
            throw reader.error("missing '#table \(table.rawValue)' block", line: lines.count)
        }
        let template = ReportTemplate.for(edition)
        var cells: [ReportCell] = []
        for (k, key) in template.cellKeys().enumerated() {
            guard k < reader.values.count, let found = reader.values[k] else { continue }  // every key is present: the reader checked rows
            cells.append(ReportCell(cell: Cell(table: key.table, row: key.row, column: key.column, value: found.value),
                                    note: found.note, provenance: Provenance(line: found.line, origin: .read)))
        }
        let (agency, year) = Self.title(lines)
        return Report(source: source, edition: edition, year: year, agency: agency, cells: cells,
                      identities: Self.check(template, cells), flags: [])
    }

    /// The report `parse` gives for canonical text whose tables hold `values` (one per cell, in
    /// `ReportTemplate.cellKeys()` order) after `head` (empty, or whole lines ending in a line feed), made without
    /// writing the tables out and reading them back. Each value is taken as the canonical text writes it
    /// (`ValueFormat.canonical`), agency and year from the same first lines `parse` reads them from. A nil value
    /// (which canonical text would write `?`, and `parse` refuses) is left out: callers that must have every cell
    /// check first. The cells' provenance lines are 0: the caller places them (the pipeline, on the aligner's lines).
    /// Of `canonicalText` only the first `titleLineCount` lines are read: its beginning is enough.
    /// Tests check on corpus readings of every style that this is `parse`'s report.
    ///
    /// ```swift
    /// let report = ReportParser().report(edition: aligned.edition, values: values, head: title,
    ///                                    canonicalText: aligned.canonicalText(firstLines: ReportParser.titleLineCount),
    ///                                    source: "report.txt")
    /// ```
    public func report(edition: Edition, values: [Double?], head: String, canonicalText: String, source: String) -> Report {
        let template = ReportTemplate.for(edition)
        var cells: [ReportCell] = []
        cells.reserveCapacity(values.count)
        for (key, value) in zip(template.cellKeys(), values) {
            guard let value else { continue }
            cells.append(ReportCell(cell: Cell(table: key.table, row: key.row, column: key.column, value: Self.asWritten(value)),
                                    provenance: Provenance(line: 0, origin: .read)))
        }
        // The lines `parse` would read the title from: the head's, then the canonical text's first ones.
        precondition(head.isEmpty || head.utf8.last == 0x0A, "the head is whole lines")
        var lines = head.isEmpty ? [] : Array(head.pieces(separatedBy: 0x0A).dropLast())
        if lines.count < Self.titleLineCount {
            lines += canonicalText.pieces(separatedBy: 0x0A).prefix(Self.titleLineCount - lines.count)
        }
        let (agency, year) = Self.title(lines)
        return Report(source: source, edition: edition, year: year, agency: agency, cells: cells,
                      identities: Self.check(template, cells), flags: [])
    }

    /// A value as the parser reads it back from canonical text (`ValueFormat.canonical`, then `NumberParser`):
    /// integers as they are, other numbers rounded to the digits written.
    static func asWritten(_ value: Double) -> Double {
        if value == value.rounded(), abs(value) < 1e15 { return value }
        return NumberParser.parse(Substring(ValueFormat.canonical(value)))?.value ?? value
    }

    /// Every identity of the template checked on the cells.
    public static func check(_ template: ReportTemplate, _ cells: [ReportCell]) -> [IdentityCheck] {
        let values = template.valuesInOrder(keys: cells.map(\.cell.key), values: cells.map(\.value))
        return template.identities.map { identity in
            // Summed in place (a compactMap built an array per side and identity).
            var expected = 0.0
            for k in identity.leftIndices { if let v = values[k] { expected += v } }
            var actual = 0.0
            for k in identity.rightIndices { if let v = values[k] { actual += v } }
            let holds = Identity.agree(expected, actual)
            return IdentityCheck(identity: identity.name, expected: expected, actual: actual, cells: identity.cellNames,
                                 status: holds ? .pass : .fail)
        }
    }

    /// How many of the first lines the title is looked for in (`parse` reads the title nowhere else).
    public static let titleLineCount = 12

    /// Agency and year from the title: the first line holding `…年…年度报告` before the first table.
    static func title(_ lines: [Substring]) -> (String?, Int?) {
        for line in lines.prefix(titleLineCount) where line.containsUTF8("年度报告") && !line.hasPrefix("#") {
            // Extractors put spaces around numbers (`某某镇人民政府 2020 年…`): read the title without them.
            var scalars: [Unicode.Scalar] = []  // (filtering the scalar view built a string scalar by scalar)
            scalars.reserveCapacity(line.utf8.count)
            for scalar in line.unicodeScalars where scalar != " " && scalar != "\t" { scalars.append(scalar) }
            for k in scalars.indices where k + 4 < scalars.count && scalars[k + 4] == "年" {
                let digits = scalars[k..<(k + 4)]
                guard digits.allSatisfy({ $0.value >= 0x30 && $0.value <= 0x39 }) else { continue }
                let year = digits.reduce(0) { $0 * 10 + Int($1.value - 0x30) }
                guard (2000...2100).contains(year) else { continue }
                // Spaces and tabs are filtered out already: the agency needs no trimming.
                let agency = String(String.UnicodeScalarView(scalars[..<k]))
                return (agency.isEmpty ? nil : agency, year)
            }
        }
        return (nil, nil)
    }
}

extension String {
    fileprivate func trimmingCharacters() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
