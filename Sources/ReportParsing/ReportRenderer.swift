import ReportModel
import ReportTemplates

/// Writes a report back as canonical text: the title (when agency and year are known) and the three `#table`
/// blocks. `ReportParser().parse(ReportRenderer.render(report))` gives the report back.
public enum ReportRenderer {
    public static func render(_ report: Report) -> String {
        var out = ""
        if let agency = report.agency, let year = report.year { out += "\(agency)\(year)年政府信息公开工作年度报告\n\n" }
        let template = ReportTemplate.for(report.edition)
        var text: [CellKey: String] = [:]
        for cell in report.cells {
            var value = format(cell.value)
            if let note = cell.note { value += NumberParser.units.contains(note) ? note : "（\(note)）" }
            text[cell.cell.key] = value
        }
        func row(_ label: String, _ keys: [CellKey]) -> String {
            label + keys.map { "\t" + (text[$0] ?? "0") }.joined() + "\n"
        }
        out += "#table active edition=\(report.edition.rawValue)\n"
        for sub in template.active {
            out += "#columns\t" + sub.columns.map(\.label).joined(separator: "\t") + "\n"
            for r in sub.rows {
                let label = sub.item + " / " + r.key
                out += row(label, sub.columns.map { CellKey(table: .active, row: label, column: $0.label) })
            }
        }
        out += "#end\n#table requests edition=\(report.edition.rawValue)\n"
        out += "#columns\t" + template.requestColumns.map(\.label).joined(separator: "\t") + "\n"
        for r in template.requestRows {
            out += row(r.key, template.requestColumns.map { CellKey(table: .requests, row: r.key, column: $0.label) })
        }
        let reviewColumns = template.reviewColumns.map { $0.path.joined(separator: " / ") }
        out += "#end\n#table review edition=\(report.edition.rawValue)\n#columns\t" + reviewColumns.joined(separator: "\t") + "\n"
        out += row("", reviewColumns.map { CellKey(table: .review, row: "", column: $0) }) + "#end\n"
        return out
    }

    /// Integers without a decimal point, other numbers in their shortest round-tripping form (`ValueFormat`).
    public static func format(_ value: Double) -> String { ValueFormat.canonical(value) }
}
