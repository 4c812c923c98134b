import ReportModel
import ReportTemplates

/// Finds the three tables in normalised report text and puts every value in its canonical row and column: the
/// façade of `TableAlignment`.
///
/// ```swift
/// let report = try TableAligner().align(normalizedText)
/// report.edition            // .edition2019, from the labels
/// report.cells.count        // 198
/// print(report.canonicalText)
/// ```
public struct TableAligner: Sendable {
    /// Forces the edition instead of detecting it.
    public var edition: Edition?
    /// Whether read values are put right where the identities (勾稽关系) prove them wrong: a row read in another
    /// order, a digit misread, values in other columns, a row lost (each flagged on its cell). Off, every value
    /// stays as read; the identities are still checked and their failures reported.
    public var fixesByIdentities: Bool

    public init(edition: Edition? = nil, fixesByIdentities: Bool = true) {
        self.edition = edition
        self.fixesByIdentities = fixesByIdentities
    }

    /// The most numbers a table region may hold before it is refused (表三 has 175 cells; headers, notes and
    /// repeated headers add a few dozen).
    public static let maximumValuesPerTable = 3000
    /// Cell values must stay below this: reports count items and money in yuan (a trillion yuan is 1e12), and the
    /// canonical text writes every digit, which the strict parser reads up to 40 characters.
    public static let largestCellValue = 1e15
    /// How many times the identity fixes (`IdentityReorder`, `IdentityRepair`) are tried in turn.
    static let identityRounds = 8
    /// The smallest magnitude a non-zero cell value may have; a smaller number is debris (0, inferred, with the
    /// reason), never written into the canonical text.
    public static let smallestCellValue = 1e-8
    /// Lines longer than this (in characters) are never headings or row labels: they are prose or run-together dumps.
    static let maximumLabelLineLength = 2000

    /// Aligns normalised text. `pageStartLines`: the lines (0-based) that start a page of the source
    /// (`NormalizedText.pageStartLines`, from `pdftotext`'s form feeds): a laid-out table's column positions are
    /// learned page by page, as they are where a repeated column header marks the page break.
    public func align(_ text: String, pageStartLines: [Int] = []) throws(AlignmentError) -> AlignedReport {
        try align(lines: text.pieces(separatedBy: 0x0A), pageStartLines: pageStartLines)
    }

    /// Aligns normalised text given as its lines (`text.pieces(separatedBy: 0x0A)`: a caller that has split the
    /// text already need not split it again).
    public func align(lines: [Substring], pageStartLines: [Int] = []) throws(AlignmentError) -> AlignedReport {
        // A table flattened to one line is cut back into rows at its labels first.
        let unflattened = FlattenedRows.unflatten(lines, region: 0..<lines.count, labels: Self.rowLabelIndex)
        guard unflattened.changed else { return try align(reading: unflattened, pageStartLines: pageStartLines, as: nil) }
        // A flattened line is read several ways, and each table kept from the reading whose identities hold best
        // (the first on a tie): cut into rows at its labels, and a token a line, as `pdftotext` wrote the cells
        // before their lines were joined (`FlattenedRows.tokenLines`). Cut lines are numbered anew: the pages'
        // lines no longer fit them (a flattened table has no pages anyway).
        func read(_ reading: (lines: [Substring], changed: Bool, origin: [Int]), chosen: String, reason: String)
            -> Result<AlignedReport, AlignmentError>
        {
            Result { () throws(AlignmentError) in
                try align(reading: reading, pageStartLines: [], as: (
                    raw: "labels and digits run together on one line", chosen: chosen, reason: reason))
            }
        }
        let tokens = (chosen: "a token a line", reason: "a flattened table was read a token a line")
        let attempts: [(source: String, result: Result<AlignedReport, AlignmentError>)] = [
            ("cut at its labels",
             read(unflattened, chosen: "one row per label", reason: "a flattened table was cut into rows at its labels")),
            // A token a line, split at spaces alone, and at tabs and pipes too (`FlattenedRows.tokenSeparators`).
            ("a token a line",
             read(FlattenedRows.tokenLines(lines, separators: FlattenedRows.spaces), chosen: tokens.chosen, reason: tokens.reason)),
            ("a token a line, tabs and pipes too",
             read(FlattenedRows.tokenLines(lines), chosen: tokens.chosen, reason: tokens.reason)),
            // A line ended after each run of values (`FlattenedRows.valueRunLines`), for labels too damaged to cut at.
            (FlattenedRows.valueRunSource,
             read(FlattenedRows.valueRunLines(lines), chosen: "a line ended after each run of values",
                  reason: "a flattened table was cut after its runs of values")),
        ]
        let readings = attempts.compactMap { attempt in
            (try? attempt.result.get()).map { ConsensusAligner.Reading(source: attempt.source, report: $0) }
        }
        guard let first = readings.first else {
            if case .failure(let error) = attempts[0].result { throw error }
            throw .noTables
        }
        // The readings of the first one's edition (the cut one's when it read one); one alone is the report.
        let alike = readings.filter { $0.report.edition == first.report.edition }
        guard alike.count > 1 else { return first.report }
        return ConsensusAligner().combine(alike, reason: "a flattened line read several ways", weighingAgreement: false).report
    }

    /// Aligns one reading of the text: its lines as `FlattenedRows.unflatten` gave them, and, when it cut a line
    /// (`changed`), the decision that says how (`flattened`).
    private func align(
        reading unflattened: (lines: [Substring], changed: Bool, origin: [Int]), pageStartLines: [Int],
        as flattened: (raw: String, chosen: String, reason: String)?
    ) throws(AlignmentError) -> AlignedReport {
        let lines = unflattened.lines
        var decisions: [AlignmentDecision] = []
        let lineKeys = LabelMatching.keys(of: lines)
        let regions = TableRegions(lines: lines, keys: lineKeys)
        guard !regions.ranges.isEmpty else { throw .noTables }
        decisions += regions.decisions
        if unflattened.changed, let flattened {
            decisions.append(AlignmentDecision(line: 0, raw: flattened.raw, chosen: flattened.chosen, score: 0.8,
                                               reason: flattened.reason))
        }
        let detected = EditionDetector.detect(keys: lineKeys)
        let edition = self.edition ?? detected?.0 ?? .edition2021
        if let forced = self.edition {
            decisions.append(AlignmentDecision(line: 0, raw: "--edition \(forced.rawValue)", chosen: "edition \(forced.rawValue)",
                                               score: 1, reason: "edition given by the caller"))
        } else if let decision = detected?.1 {
            decisions.append(decision)
        } else {
            decisions.append(AlignmentDecision(line: 0, raw: "no edition marker", chosen: "edition 2021", score: 0.3,
                                               reason: "no label only one edition prints: assumed the current edition"))
        }
        let template = ReportTemplate.for(edition)
        var cells: [AlignedCell] = []
        // Cells OCR read as a glyph in a value's place: their values may be worked out from the identities.
        var unreadable: Set<CellKey> = []
        // Rows the text reads as several value lists alike (digits cut or joined more than one way).
        var alternatives: [(keys: [CellKey], options: [[Double]])] = []
        for table in TableKind.allCases {
            let keys = template.cellKeys(of: table)
            guard let range = regions.ranges[table] else {
                decisions.append(AlignmentDecision(line: 0, raw: "", chosen: "table \(table.rawValue)", score: 0,
                                                   reason: "table not found: its cells are 0, inferred"))
                cells += keys.map {
                    AlignedCell(cell: Cell(table: table, row: $0.row, column: $0.column, value: 0), origin: .inferred,
                                line: 0, note: "table not found", confidence: 0)
                }
                continue
            }
            var extraRows: [Int] = []
            let tokens = ValueTokenizer.tokens(lines, in: range, skippedExtraRows: &extraRows,
                                               rowLabelKeys: Self.rowLabelKeys[edition]?[table] ?? [],
                                               countsOnly: table != .active, rowsHaveLabels: table != .review)
            for line in extraRows {
                decisions.append(AlignmentDecision(
                    line: line + 1, raw: String(lines[line]), chosen: "no row", score: 1,
                    reason: "a row the template has not (a subtotal): its values are no cells"))
            }
            guard tokens.count <= Self.maximumValuesPerTable else { throw .tableTooLarge(table, values: tokens.count) }
            let labels = Self.rowLabels(table, template)
            let isOCR = tokens.contains(where: \.showsOCRDamage)
            let anchors = labels.isEmpty ? [] : RowAnchors.find(labels: labels, keys: lineKeys, in: range, readsWrapped: !isOCR)
            let intervals = RowAnchors.intervals(anchors, regionEnd: range.upperBound)
            let pageBreaks = Self.pageBreaks(
                Self.repeatedHeaderLines(table, template, keys: lineKeys, in: range, tokens: tokens), pageStartLines, tokens: tokens, in: range)
            let placements = RowSegmenter(
                rows: Self.rowSpecs(table, template), tokens: tokens, intervals: intervals, pageBreaks: pageBreaks,
                header: table == .active ? nil : Self.headerColumns(
                    (table == .requests ? template.requestColumns : template.reviewColumns).compactMap(\.path.last),
                    lines: lines, from: range.lowerBound, to: tokens.first?.line ?? range.lowerBound)
            ).segment().enumerated().map { r, placement in
                Self.blankRow(placement, anchor: r < anchors.count ? anchors[r] : nil, lines: lines) ?? placement
            }
            var k = 0
            for placement in placements {
                if !placement.alternatives.isEmpty, k + placement.values.count <= keys.count {
                    alternatives.append((Array(keys[k..<(k + placement.values.count)]), placement.alternatives))
                }
                for (c, value) in placement.values.enumerated() where k < keys.count {
                    let key = keys[k]
                    // Eight zeros after the point, or a digit run as long as an ID or a phone number: no count and
                    // no amount (万元 to four places, a trillion yuan) looks like that. 0, inferred, with the reason.
                    let debris: String? =
                        if value != 0 && abs(value) < Self.smallestCellValue {
                            "number too small to be a cell (\(CanonicalTable.format(value)))"
                        } else if !value.isFinite || abs(value) >= Self.largestCellValue {
                            "number too large to be a cell (\(CanonicalTable.format(value).count) digits)"
                        } else {
                            nil
                        }
                    if let debris {
                        cells.append(AlignedCell(
                            cell: Cell(table: table, row: key.row, column: key.column, value: 0), origin: .inferred,
                            line: placement.lines[c] + 1, note: debris + ": 0, inferred", confidence: 0))
                        k += 1
                        continue
                    }
                    var note = placement.origins[c] == .read ? (placement.confidence < 1 ? placement.note : nil) : placement.note
                    var confidence = placement.confidence
                    // A value read through OCR damage: its repair said, and at most 0.8 sure.
                    if c < placement.repairs.count, let repair = placement.repairs[c] {
                        note = [repair, note].compactMap { $0 }.joined(separator: "; ")
                        confidence = min(confidence, 0.8)
                        if repair.hasPrefix(ValueTokenizer.unreadableRepair) {
                            // A glyph stood where a number did: 0 is a guess until the identities work it out.
                            unreadable.insert(key)
                            confidence = min(confidence, 0.3)
                        }
                    }
                    cells.append(AlignedCell(
                        cell: Cell(table: table, row: key.row, column: key.column, value: value),
                        origin: placement.origins[c], line: placement.lines[c] + 1, note: note, confidence: confidence,
                        isGuessed: placement.isGuess))
                    k += 1
                }
            }
        }
        // Rows read in another order, then digits misread: each put right only when it is the one fit, and each
        // fix can make the next provable. A few rounds at most: every round changes cells or ends the loop.
        for _ in 0..<(fixesByIdentities ? Self.identityRounds : 0) {
            var changed = false
            if let reorder = IdentityReorder.apply(&cells, template: template) {
                decisions.append(reorder)
                changed = true
            }
            let repairs = IdentityRepair.apply(&cells, template: template, unreadable: unreadable, alternatives: alternatives)
            // Each row's other readings are weighed once, in the first round's joint placement.
            alternatives = []
            decisions += repairs
            if !changed && repairs.isEmpty { break }
        }
        decisions += Self.identityChecks(template, cells)
        if unflattened.changed {
            // Line numbers back to the text as given (a flattened line was cut into several).
            func original(_ line: Int) -> Int { line >= 1 && line <= unflattened.origin.count ? unflattened.origin[line - 1] + 1 : line }
            for k in cells.indices where cells[k].line > 0 { cells[k].line = original(cells[k].line) }
            for k in decisions.indices where decisions[k].line > 0 { decisions[k].line = original(decisions[k].line) }
        }
        var tableLines = regions.ranges
        if unflattened.changed {
            tableLines = tableLines.mapValues { range in
                let first = range.lowerBound < unflattened.origin.count ? unflattened.origin[range.lowerBound] : range.lowerBound
                let last = range.upperBound - 1 < unflattened.origin.count && range.upperBound > 0
                    ? unflattened.origin[range.upperBound - 1] : range.upperBound - 1
                return first..<max(first, last) + 1
            }
        }
        return AlignedReport(edition: edition, cells: cells, decisions: decisions,
                             canonical: .deferred(lines: lines, regions: regions, edition: edition, cells: cells), regions: tableLines)
    }

    /// The row labels of both editions, for cutting flattened tables into rows.
    static let rowLabelIndex = FlattenedRows.LabelIndex(
        labels: Edition.allCases.flatMap { edition -> [String] in
            let template = ReportTemplate.for(edition)
            // The variants reports print (§4 of the templates), each also with its row's item number
            // (`2.其他法律法规禁止公开`), so that a flattened row is cut before its number, not after.
            let variants = template.requestRows.flatMap { row -> [String] in
                guard let leaf = row.path.last else { return [] }
                let number = leaf.prefix { !("\u{4E00}"..."\u{9FFF}").contains($0) || "一二三四五六七八九十".contains($0) }
                return row.aliases.flatMap { alias in
                    number.isEmpty || alias.text.hasPrefix(number) ? [alias.text] : [alias.text, String(number) + alias.text]
                }
            }
            return template.requestRows.flatMap(\.path) + variants + template.active.flatMap { $0.rows.map(\.label) + [$0.item] }
        },
        headings: Edition.allCases.flatMap { ReportTemplate.for($0).sectionHeadings })

    /// The rows of a table as the segmenter sees them: widths, and whether the last value is the others' sum.
    static func rowSpecs(_ table: TableKind, _ template: ReportTemplate) -> [RowSegmenter.RowSpec] {
        switch table {
        case .active:
            template.active.flatMap { sub in sub.rows.map { _ in RowSegmenter.RowSpec(width: sub.columns.count, sumGroups: []) } }
        case .requests:
            template.requestRows.map { _ in
                RowSegmenter.RowSpec(width: template.requestColumns.count, sumGroups: [0..<template.requestColumns.count])
            }
        case .review:
            // One row of 15: 行政复议, 未经复议直接起诉, 复议后起诉, five values each with 总计 last.
            [RowSegmenter.RowSpec(width: 15, sumGroups: [0..<5, 5..<10, 10..<15])]
        }
    }

    /// The printed label of each row the segmenter places (none for 表四, whose one row has no label).
    /// Lines inside a table's region, after its first row of values, that print its column header again: a page
    /// break, after which `pdftotext -layout` may place the columns elsewhere.
    /// The lines where a table's pages start: its repeated column headers and the source's page starts after its
    /// first value, in order, without repeats.
    static func pageBreaks(_ headers: [Int], _ pageStarts: [Int], tokens: [ValueToken], in range: Range<Int>) -> [Int] {
        guard let firstValueLine = tokens.first?.line else { return headers }
        let starts = pageStarts.filter { $0 > firstValueLine && $0 < range.upperBound }
        return Array(Set(headers + starts)).sorted()
    }

    static func repeatedHeaderLines(
        _ table: TableKind, _ template: ReportTemplate, keys: [String], in range: Range<Int>, tokens: [ValueToken]
    ) -> [Int] {
        guard let firstValueLine = tokens.first?.line else { return [] }
        guard let headerKeys = columnHeaderKeys[template.edition]?[table], !headerKeys.isEmpty else { return [] }
        let valueLines = Set(tokens.map(\.line))
        var breaks: [Int] = []
        var inHeader = false
        for line in (firstValueLine + 1)..<range.upperBound {
            let isHeader = !valueLines.contains(line) && !keys[line].isEmpty && headerKeys.contains { keys[line].contains($0) }
            if isHeader && !inHeader { breaks.append(line) }
            if isHeader { inHeader = true } else if valueLines.contains(line) { inHeader = false }
        }
        return breaks
    }

    /// The matching keys (three characters or more) of every level of each table's column labels, per edition:
    /// computed once.
    private static let columnHeaderKeys: [Edition: [TableKind: [String]]] = Dictionary(
        uniqueKeysWithValues: Edition.allCases.map { edition in
            let template = ReportTemplate.for(edition)
            func keys(_ columns: [ColumnTemplate]) -> [String] {
                Array(Set(columns.flatMap(\.path).map { LabelMatching.key($0) }.filter { $0.unicodeScalars.count >= 3 })).sorted()
            }
            return (edition, [.requests: keys(template.requestColumns), .review: keys(template.reviewColumns), .active: []])
        })

    /// The matching keys of each table's printed row labels, per edition: a label cell that ends with digits and is
    /// one of these carries its row's value (`行政事业性收费15.0964`).
    private static let rowLabelKeys: [Edition: [TableKind: Set<String>]] = Dictionary(
        uniqueKeysWithValues: Edition.allCases.map { edition in
            let template = ReportTemplate.for(edition)
            return (edition, Dictionary(uniqueKeysWithValues: TableKind.allCases.map { table in
                // The labels and the variants reports print (`2.其他法律法规禁止公开`, `四、结转下一年度继续办理`).
                (table, Set((rowLabels(table, template) + rowAliases(table, template) + (table == .review ? reviewValuesFollow : []))
                    .map { LabelMatching.key($0) }))
            }))
        })

    /// 表四's row has no label: its values follow the header, and are printed against its last cells when a page's
    /// cells run together (`…其他结果尚未审结总计100120312600123`).
    private static let reviewValuesFollow = ["尚未审结总计"]

    /// The label variants of a table's rows (the templates' aliases).
    static func rowAliases(_ table: TableKind, _ template: ReportTemplate) -> [String] {
        switch table {
        case .active: template.active.flatMap { $0.rows.flatMap { $0.aliases.map(\.text) } }
        case .requests: template.requestRows.flatMap { $0.aliases.map(\.text) }
        case .review: []
        }
    }

    static func rowLabels(_ table: TableKind, _ template: ReportTemplate) -> [String] {
        switch table {
        case .active: template.active.flatMap { $0.rows.map(\.label) }
        case .requests: template.requestRows.map(\.label)
        case .review: []
        }
    }

    /// One decision per identity that fails, with the numbers involved.
    static func identityChecks(_ template: ReportTemplate, _ cells: [AlignedCell]) -> [AlignmentDecision] {
        let values = template.valuesInOrder(keys: cells.map(\.cell.key), values: cells.map(\.cell.value))
        return template.identities.compactMap { identity in
            guard let (left, right) = identity.sides(in: values), !Identity.agree(left, right) else { return nil }
            return AlignmentDecision(line: 0, raw: "\(CanonicalTable.format(left)) ≠ \(CanonicalTable.format(right))",
                                     chosen: identity.name, score: 0, reason: AlignmentDecision.identityFails)
        }
    }
}
