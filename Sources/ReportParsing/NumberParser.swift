import ReportModel

/// Reads the numbers of canonical table cells: integers, negatives, decimals, thousands separators, a unit in the
/// cell (`251000元` → 251000, note `元`) and an annotation (`22（其中修订 16 件）` → 22, note `其中修订 16 件`).
public enum NumberParser {
    /// Units a cell may carry after its number.
    static let units = ValueUnits.all

    /// The value and note of `text`, or nil when it is not a number.
    public static func parse(_ text: Substring) -> (value: Double, note: String?)? {
        // Fast path: a plain run of ASCII digits (no leading zero but `0` itself), the commonest cell.
        let bytes = text.utf8
        if !bytes.isEmpty, bytes.count <= 15, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
            bytes.count == 1 || bytes.first != 0x30
        {
            var v = 0.0
            for b in bytes { v = v * 10 + Double(b - 0x30) }
            return (v, nil)
        }
        var body = text
        var note: String? = nil
        if let open = body.firstIndex(where: { $0 == "（" || $0 == "(" }), open > body.startIndex,
            body.last == "）" || body.last == ")"
        {
            note = String(body[body.index(after: open)..<body.index(before: body.endIndex)])
            body = body[..<open]
        }
        for unit in units where body.hasSuffix(unit) {
            body = body.dropLast(unit.count)
            note = note ?? unit
            break
        }
        guard let value = plainNumber(body) else { return nil }
        return (value, note)
    }

    /// `-12`, `0.6579`, `1,234,567.5`: digits with at most one leading minus, one decimal point, and commas only as
    /// well-formed thousands separators.
    static func plainNumber(_ text: Substring) -> Double? {
        var digits = text
        let negative = digits.first == "-"
        if negative { digits = digits.dropFirst() }
        guard let first = digits.first, first.isASCII, first.isNumber else { return nil }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, !(parts.count == 2 && parts[1].isEmpty) else { return nil }
        let integer = parts[0]
        if integer.contains(",") {
            let groups = integer.split(separator: ",", omittingEmptySubsequences: false)
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        let plain = integer.filter { $0 != "," } + (parts.count == 2 ? "." + parts[1] : "")
        guard plain.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "." }), plain.count <= 40 else { return nil }
        guard let value = Double(plain), value.isFinite else { return nil }
        return negative ? -value : value
    }
}
