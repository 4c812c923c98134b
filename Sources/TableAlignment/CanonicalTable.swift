import ReportModel
import ReportTemplates

/// The canonical, line-oriented form of the three tables that the strict parser reads without any fuzzy logic.
///
/// ```
/// #table requests edition=2019
/// #columns	自然人	商业企业	科研机构	社会公益组织	法律服务机构	其他	总计
/// 一、本年新收政府信息公开申请数量	37	26	2	20	58	33	176
/// 三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密	1	0	3	0	3	1	8
/// #end
/// ```
/// One `#table` block per table; `#columns` gives the column labels (paths for `review`) of the rows after it;
/// each row is its canonical label path, a tab, and every value tab-separated (no cell empty). `review` has one row
/// whose label is empty.
public enum CanonicalTable {
    public static func render(_ table: TableKind, edition: Edition, values: [CellKey: Double]) -> String {
        let template = ReportTemplate.for(edition)
        var out = "#table \(table.rawValue) edition=\(edition.rawValue)\n"
        switch table {
        case .active:
            for sub in template.active {
                out += "#columns\t" + sub.columns.map(\.label).joined(separator: "\t") + "\n"
                for row in sub.rows {
                    let label = sub.item + " / " + row.key
                    out += label + sub.columns.map { "\t" + format(values[CellKey(table: .active, row: label, column: $0.label)]) }.joined() + "\n"
                }
            }
        case .requests:
            out += "#columns\t" + template.requestColumns.map(\.label).joined(separator: "\t") + "\n"
            for row in template.requestRows {
                out += row.key + template.requestColumns.map {
                    "\t" + format(values[CellKey(table: .requests, row: row.key, column: $0.label)])
                }.joined() + "\n"
            }
        case .review:
            let columns = template.reviewColumns.map { $0.path.joined(separator: " / ") }
            out += "#columns\t" + columns.joined(separator: "\t") + "\n"
            out += columns.map { "\t" + format(values[CellKey(table: .review, row: "", column: $0)]) }.joined() + "\n"
        }
        return out + "#end\n"
    }

    /// `12`, `-18`, `0.6579`: integers without a decimal point, other numbers in their shortest form.
    public static func format(_ value: Double?) -> String {
        guard let value else { return "?" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        // Past 15 digits Swift writes exponents (`1e+30`), which no cell may hold: write the digits out.
        if abs(value) >= 1e15, value.isFinite { return plainDigits(value.rounded()) }
        return "\(value)"
    }

    /// The exact integer digits of a large integral value (`1e30` → `1000000000000000019884624838656`): the
    /// significand times a power of two, in base-10⁹ limbs.
    static func plainDigits(_ value: Double) -> String {
        var limbs: [UInt64] = [value.significandBitPattern | (1 << 52)]  // base 1e9 after normalising below
        var exponent = Int(value.exponent) - 52
        func normalise() {
            var carry: UInt64 = 0
            for k in limbs.indices {
                let v = limbs[k] + carry
                limbs[k] = v % 1_000_000_000
                carry = v / 1_000_000_000
            }
            while carry > 0 {
                limbs.append(carry % 1_000_000_000)
                carry /= 1_000_000_000
            }
        }
        normalise()
        while exponent > 0 {
            for k in limbs.indices { limbs[k] *= 2 }
            normalise()
            exponent -= 1
        }
        var text = String(limbs.last ?? 0)
        for limb in limbs.dropLast().reversed() {
            let part = String(limb)
            text += String(repeating: "0", count: 9 - part.count) + part
        }
        return (value < 0 ? "-" : "") + text
    }
}
