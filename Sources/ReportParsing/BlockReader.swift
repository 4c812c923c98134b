import ReportModel
import ReportTemplates

/// Reads the `#table` blocks of canonical text line by line, checking every line against the template.
struct BlockReader {
    let lines: [Substring]
    let source: String
    var edition: Edition?
    var tables: [TableKind: Int] = [:]
    /// Each cell read, at its position in the template's `cellKeys()` order.
    var values: [(value: Double, note: String?, line: Int)?] = []

    init(lines: [Substring], source: String) {
        self.lines = lines
        self.source = source
    }

    func error(_ message: String, line: Int, column: Int = 1) -> ParseError {
        let index = max(0, min(line - 1, lines.count - 1))
        return ParseError(message: message, file: source, line: max(1, line), column: column,
                          lineText: lines.isEmpty ? "" : String(lines[index]))
    }

    /// 1-based column (in characters) where tab-separated field `field` of `line` starts.
    func column(ofField field: Int, in line: Substring) -> Int {
        var column = 1
        var seen = 0
        for ch in line.unicodeScalars {
            if seen == field { return column }
            if ch == "\t" { seen += 1 }
            column += 1
        }
        return column
    }

    mutating func read() throws(ParseError) {
        var k = 0
        while k < lines.count {
            let line = lines[k]
            if line.hasPrefix("#table") {
                k = try readTable(at: k)
            } else if line.hasPrefix("#columns") || line == "#end" {
                throw error("'\(line.split(separator: "\t").first ?? "")' outside a '#table' block", line: k + 1)
            } else {
                k += 1
            }
        }
    }

    /// Reads the block that starts at line index `start`; returns the index after its `#end`.
    private mutating func readTable(at start: Int) throws(ParseError) -> Int {
        let header = lines[start].split(separator: " ")
        guard header.count == 3, header[0] == "#table" else {
            throw error("expected '#table <active|requests|review> edition=<2019|2021>'", line: start + 1)
        }
        guard let table = TableKind(rawValue: String(header[1])) else {
            throw error("unknown table '\(header[1])' (expected active, requests or review)", line: start + 1, column: 8)
        }
        guard header[2].hasPrefix("edition="), let edition = Edition(rawValue: String(header[2].dropFirst(8))) else {
            throw error("expected 'edition=2019' or 'edition=2021', found '\(header[2])'", line: start + 1,
                        column: 9 + header[1].count)
        }
        if let previous = self.edition, previous != edition {
            throw error("table '\(table.rawValue)' is edition \(edition.rawValue) but an earlier table is edition \(previous.rawValue)",
                        line: start + 1, column: 9 + header[1].count)
        }
        if let earlier = tables[table] {
            throw error("second '#table \(table.rawValue)' block (the first is at line \(earlier))", line: start + 1)
        }
        self.edition = edition
        tables[table] = start + 1
        let template = ReportTemplate.for(edition)
        if values.isEmpty { values = Array(repeating: nil, count: template.cellKeys().count) }
        // Cells are read in the template's order, so each one's position is the table's first position plus a count.
        var position = TableKind.allCases.prefix(while: { $0 != table }).reduce(0) { $0 + template.cellKeys(of: $1).count }
        var k = start + 1
        for group in template.canonicalGroups(of: table) {
            try expectColumns(group.columns, at: k, table: table)
            k += 1
            for label in group.rowLabels {
                guard k < lines.count, lines[k] != "#end", !lines[k].hasPrefix("#") else {
                    throw error("expected row '\(Self.leaf(label))' of table '\(table.rawValue)'", line: min(k + 1, lines.count))
                }
                try readRow(lines[k], line: k + 1, label: label, columns: group.columns, table: table, position: position)
                position += group.columns.count
                k += 1
            }
        }
        guard k < lines.count, lines[k] == "#end" else {
            throw error("expected '#end' after the last row of table '\(table.rawValue)'", line: min(k + 1, lines.count))
        }
        return k + 1
    }

    private func expectColumns(_ columns: [String], at k: Int, table: TableKind) throws(ParseError) {
        guard k < lines.count, lines[k].hasPrefix("#columns") else {
            throw error("expected '#columns' of table '\(table.rawValue)'", line: min(k + 1, lines.count))
        }
        let found = lines[k].pieces(separatedBy: 0x09).dropFirst().map(String.init)
        for (i, expected) in columns.enumerated() where i >= found.count || !Self.same(found[i], expected) {
            let what = i < found.count ? "'\(found[i])'" : "the end of the line"
            throw error("expected column '\(expected)' of table '\(table.rawValue)', found \(what)", line: k + 1,
                        column: column(ofField: i + 1, in: lines[k]))
        }
        if found.count > columns.count {
            throw error("table '\(table.rawValue)' has \(columns.count) columns here, found \(found.count)", line: k + 1,
                        column: column(ofField: columns.count + 1, in: lines[k]))
        }
    }

    /// Equal text: the same bytes (the fast, usual case), else canonically equal.
    static func same(_ a: some StringProtocol, _ b: String) -> Bool {
        a.utf8.elementsEqual(b.utf8) || String(a) == b
    }

    private mutating func readRow(_ line: Substring, line number: Int, label: String, columns: [String],
                                  table: TableKind, position: Int) throws(ParseError)
    {
        let fields = line.pieces(separatedBy: 0x09)
        guard Self.same(fields[0], label) else {
            throw error("expected row '\(Self.leaf(label))', found '\(fields[0])'", line: number)
        }
        let found = fields.count - 1
        guard found == columns.count else {
            throw error("expected \(columns.count) values in row '\(Self.leaf(label).isEmpty ? table.rawValue : Self.leaf(label))', found \(found)",
                        line: number)
        }
        for (i, columnLabel) in columns.enumerated() {
            let text = fields[i + 1]
            guard let (value, note) = NumberParser.parse(text) else {
                let shown = text.isEmpty ? "an empty cell" : "'\(text)'"
                throw error("expected a number in column '\(columnLabel)' of row '\(Self.leaf(label))', found \(shown)",
                            line: number, column: column(ofField: i + 1, in: line))
            }
            values[position + i] = (value, note, number)
        }
    }

    /// The printed label of a row path (`三、本年度办理结果 / （七）总计` → `（七）总计`).
    static func leaf(_ label: String) -> String {
        String(label.split(separator: " / ").last ?? Substring(label))
    }
}
