import ReportModel
import TableAlignment

/// A cell file as JSON, one cell per line (readable, diffable), keys in contract order.
enum CellFileJSON {
    static func render(_ file: CellFile) -> String {
        var out = "{\n"
        if let agency = file.agency { out += "  \"agency\": \(NormalizedTextJSON.quote(agency)),\n" }
        if let year = file.year { out += "  \"year\": \(year),\n" }
        out += "  \"edition\": \"\(file.edition.rawValue)\",\n  \"cells\": [\n"
        for (k, cell) in file.cells.enumerated() {
            out += "    {\"table\": \"\(cell.table.rawValue)\", \"row\": \(NormalizedTextJSON.quote(cell.row)), "
            out += "\"column\": \(NormalizedTextJSON.quote(cell.column)), \"value\": \(CanonicalTable.format(cell.value))}"
            out += k + 1 < file.cells.count ? ",\n" : "\n"
        }
        return out + "  ]\n}\n"
    }
}
