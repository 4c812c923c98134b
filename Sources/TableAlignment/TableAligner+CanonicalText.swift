import ReportModel
import ReportTemplates

/// Canonical text: the normalised text with each table region rewritten in the canonical form.
extension TableAligner {
    /// The text with each table region replaced by its canonical block; headings and prose inside a region stay.
    /// With `firstLines`, only the text's first lines (the title's), written without the rest.
    static func canonicalText(lines: [Substring], regions: TableRegions, edition: Edition, cells: [AlignedCell],
                              firstLines: Int? = nil) -> String {
        var out = ""
        var written = 0
        /// Whether `firstLines` lines are written; the text is then cut after the last of them.
        func isDone() -> Bool {
            guard let firstLines, let cut = Self.firstLines(firstLines, of: out) else { return false }
            out = cut
            return true
        }
        if firstLines == 0 { return "" }
        var values: [TableKind: [Double?]]? = nil
        func render(_ table: TableKind) -> String {
            if values == nil { values = orderedValues(edition, cells) }
            return CanonicalTable.render(table, edition: edition, orderedValues: values![table]!)
        }
        var k = 0
        // Tables by the line their region starts on (two regions can start on one line when a heading has no table
        // after it), each rendered once; a table whose region was skipped is rendered at the end.
        let starts = Dictionary(grouping: regions.ranges.keys, by: { regions.ranges[$0]!.lowerBound }).mapValues { $0.sorted() }
        var rendered = Set<TableKind>()
        while k < lines.count {
            if let tables = starts[k] {
                var end = k + 1
                for table in tables where !rendered.contains(table) {
                    guard let range = regions.ranges[table] else { continue }
                    out += render(table)
                    rendered.insert(table)
                    for j in range where Self.isProse(lines[j]) { out += Self.escaped(lines[j]) + "\n" }
                    end = max(end, range.upperBound)
                }
                if isDone() { return out }
                k = end
                continue
            }
            out += Self.escaped(lines[k])
            if k + 1 < lines.count { out += "\n" }
            k += 1
            written += 1
            if let firstLines, written >= firstLines, isDone() { return out }
        }
        // Tables not found (their cells are inferred and flagged) or not reached still get their block: the canonical
        // form always holds all three.
        for table in TableKind.allCases where !rendered.contains(table) {
            if !out.hasSuffix("\n") { out += "\n" }
            out += render(table)
            if isDone() { return out }
        }
        return out
    }

    /// The first `count` lines of `text`, each with its line feed, or nil when it has fewer line feeds than that.
    static func firstLines(_ count: Int, of text: String) -> String? {
        let pieces = text.pieces(separatedBy: 0x0A)
        // `count` line feeds at least: cut after the last of them, where the next piece starts.
        guard pieces.count > count else { return nil }
        return String(text[..<pieces[count].startIndex])
    }

    /// Each table's values in `ReportTemplate.cellKeys(of:)` order (the first cell of a key wins; nil where none).
    static func orderedValues(_ edition: Edition, _ cells: [AlignedCell]) -> [TableKind: [Double?]] {
        let template = ReportTemplate.for(edition)
        let all = template.valuesInOrder(keys: cells.map(\.cell.key), values: cells.map(\.cell.value))
        var out: [TableKind: [Double?]] = [:]
        var start = 0
        for table in TableKind.allCases {
            let count = template.cellKeys(of: table).count
            out[table] = Array(all[start..<(start + count)])
            start += count
        }
        return out
    }

    /// `base` with each `#table` block re-rendered from `cells` (for readings combined from several extractions).
    static func canonical(base: String, edition: Edition, cells: [AlignedCell]) -> String {
        let values = orderedValues(edition, cells)
        var out = ""
        var skipping = false
        for line in base.pieces(separatedBy: 0x0A) {
            if line.hasPrefix("#table "), let table = TableKind(rawValue: String(line.split(separator: " ")[1])) {
                out += CanonicalTable.render(table, edition: edition, orderedValues: values[table]!)
                skipping = true
                continue
            }
            if skipping {
                if line == "#end" { skipping = false }
                continue
            }
            out += line + "\n"
        }
        return out
    }

    /// A prose line as canonical text writes it: one that starts with `#` (which the strict parser reads as a
    /// `#table`, `#columns` or `#end` line) gets one leading space.
    static func escaped(_ line: Substring) -> Substring {
        line.hasPrefix("#") ? " " + line : line
    }

    /// A line of prose inside a table region (a note after the table): a full sentence, no values.
    static func isProse(_ line: Substring) -> Bool {
        // The byte tests first: counting characters and comparing them is slow on CJK text.
        line.utf8.count >= 30 && !line.containsByte(0x09) && line.containsUTF8("。") && line.count >= 30
            && line.contains("。")
    }
}
