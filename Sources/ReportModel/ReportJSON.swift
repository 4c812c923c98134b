/// A fast writer of the compact report JSON: the bytes `JSONEncoder` writes with `[.sortedKeys,
/// .withoutEscapingSlashes]`, without its generic containers (they cost a fifth of the whole pipeline).
///
/// ```swift
/// let line = ReportJSON.encode(report)   // [UInt8], one line, keys sorted
/// ```
/// Tests hold it byte-for-byte equal to `JSONEncoder` on every fixture and on random values and strings; a new field
/// in `Report` must be added here too (the tests fail until it is).
public enum ReportJSON {
    /// The report as one line of JSON, keys sorted.
    public static func encode(_ report: Report) -> [UInt8] {
        var out = Writer()
        out.bytes.reserveCapacity(64 * 1024)
        out.open("{")
        if let agency = report.agency { out.key("agency"); out.string(agency) }
        out.key("cells")
        out.open("[")
        for cell in report.cells {
            out.element()
            out.open("{")
            out.key("column"); out.string(cell.column)
            if let note = cell.note { out.key("note"); out.string(note) }
            out.key("provenance")
            out.open("{")
            out.key("confidence"); out.number(cell.provenance.confidence)
            out.key("line"); out.integer(cell.provenance.line)
            out.key("origin"); out.string(cell.provenance.origin.rawValue)
            if let reason = cell.provenance.reason { out.key("reason"); out.string(reason) }
            out.close("}")
            out.key("row"); out.string(cell.row)
            out.key("table"); out.string(cell.table.rawValue)
            out.key("value"); out.number(cell.value)
            out.close("}")
        }
        out.close("]")
        out.key("edition"); out.string(report.edition.rawValue)
        out.key("flags")
        out.open("[")
        for flag in report.flags {
            out.element()
            out.open("{")
            out.key("line"); out.integer(flag.line)
            out.key("message"); out.string(flag.message)
            out.key("stage"); out.string(flag.stage.rawValue)
            out.close("}")
        }
        out.close("]")
        out.key("identities")
        out.open("[")
        for check in report.identities {
            out.element()
            out.open("{")
            out.key("actual"); out.number(check.actual)
            out.key("cells")
            out.open("[")
            for cell in check.cells {
                out.element()
                out.string(cell)
            }
            out.close("]")
            out.key("expected"); out.number(check.expected)
            out.key("identity"); out.string(check.identity)
            out.key("status"); out.string(check.status.rawValue)
            out.close("}")
        }
        out.close("]")
        out.key("schemaVersion"); out.integer(report.schemaVersion)
        out.key("source"); out.string(report.source)
        if let year = report.year { out.key("year"); out.integer(year) }
        out.close("}")
        return out.bytes
    }

    /// Appends JSON tokens, placing the commas between members and elements.
    struct Writer {
        var bytes: [UInt8] = []
        /// Whether the next member or element is the first of its container.
        private var first = true

        mutating func open(_ bracket: Unicode.Scalar) {
            bytes.append(UInt8(ascii: bracket))
            first = true
        }

        mutating func close(_ bracket: Unicode.Scalar) {
            bytes.append(UInt8(ascii: bracket))
            first = false
        }

        /// Before each array element.
        mutating func element() {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
        }

        mutating func key(_ name: StaticString) {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            bytes.append(UInt8(ascii: "\""))
            name.withUTF8Buffer { bytes.append(contentsOf: $0) }
            bytes.append(UInt8(ascii: "\""))
            bytes.append(UInt8(ascii: ":"))
        }

        mutating func integer(_ value: Int) {
            if value < 0 {
                bytes.append(UInt8(ascii: "-"))
                // -Int.min overflows: its digits come from the unsigned magnitude.
                digits(value.magnitude)
            } else {
                digits(UInt(value))
            }
        }

        /// The decimal digits of `value`, without allocating.
        private mutating func digits(_ value: UInt) {
            var buffer: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: UInt.max has 20 digits
            withUnsafeMutableBytes(of: &buffer) { raw in
                var v = value
                var i = raw.count
                repeat {
                    i -= 1
                    raw[i] = UInt8(ascii: "0") + UInt8(v % 10)
                    v /= 10
                } while v > 0
                bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[i...]))
            }
        }

        /// A Double as `JSONEncoder` writes it: its shortest description, without a trailing `.0`.
        mutating func number(_ value: Double) {
            // Integral values below 2^53 are written as integers by `description` too (`12.0` → `12`).
            if value == value.rounded(), abs(value) < 9_007_199_254_740_992, value != 0 || value.sign == .plus {
                integer(Int(value))
                return
            }
            var text = value.description
            if text.hasSuffix(".0") { text.removeLast(2) }
            bytes.append(contentsOf: text.utf8)
        }

        private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

        /// Whether any of the eight bytes of `word` may need escaping: a control byte, `"` or `\\` (no false
        /// negatives; a rare false positive only sends those bytes to the byte-by-byte check).
        @inline(__always)
        private static func mayNeedEscape(_ word: UInt64) -> Bool {
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            func hasZeroByte(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
            // A byte below 0x20: (b - 0x20) borrows into its high bit when b < 0x20 and b's own high bit is clear.
            let below = (word &- ones &* 0x20) & ~word & highs != 0
            return below || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C))
        }

        mutating func string(_ value: String) {
            bytes.append(UInt8(ascii: "\""))
            var copy = value
            copy.withUTF8 { utf8 in
                // Runs without anything to escape are appended whole; they are found eight bytes at a time.
                var runStart = 0
                var i = 0
                while i < utf8.count {
                    if i + 8 <= utf8.count, !Self.mayNeedEscape(UnsafeRawBufferPointer(utf8).loadUnaligned(fromByteOffset: i, as: UInt64.self)) {
                        i += 8
                        continue
                    }
                    let b = utf8[i]
                    i += 1
                    guard b < 0x20 || b == 0x22 || b == 0x5C else { continue }
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<(i - 1)]))
                    runStart = i
                    switch b {
                    case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
                    case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
                    case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                    case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                    case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                    case 0x08: bytes.append(contentsOf: [0x5C, UInt8(ascii: "b")])
                    case 0x0C: bytes.append(contentsOf: [0x5C, UInt8(ascii: "f")])
                    default:
                        bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, Self.hex[Int(b >> 4)], Self.hex[Int(b & 0xF)]])
                    }
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
            }
            bytes.append(UInt8(ascii: "\""))
        }
    }
}
