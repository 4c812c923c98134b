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
        var out = Writer(capacity: 64 * 1024)
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
        return out.finish()
    }

    /// Appends JSON tokens, placing the commas between members and elements.
    ///
    /// The bytes go into a buffer of its own, written through a pointer: an array append per token (a uniqueness and
    /// a capacity check each, five for a key) was a third of the writer's time.
    struct Writer: ~Copyable {
        private var base: UnsafeMutablePointer<UInt8>
        private var count = 0
        private var capacity: Int
        /// Whether the next member or element is the first of its container.
        private var first = true

        init(capacity: Int) {
            self.capacity = max(capacity, 16)
            base = .allocate(capacity: self.capacity)
        }

        deinit { base.deallocate() }

        /// The bytes written.
        consuming func finish() -> [UInt8] {
            Array(UnsafeBufferPointer(start: base, count: count))
        }

        /// Room for `extra` more bytes.
        @inline(__always)
        private mutating func reserve(_ extra: Int) {
            if count + extra > capacity { grow(count + extra) }
        }

        private mutating func grow(_ needed: Int) {
            let larger = max(capacity * 2, needed)
            let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
            moved.update(from: base, count: count)
            base.deallocate()
            base = moved
            capacity = larger
        }

        @inline(__always)
        private mutating func append(_ byte: UInt8) {
            reserve(1)
            base[count] = byte
            count += 1
        }

        @inline(__always)
        private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
            reserve(bytes.count)
            (base + count).update(from: source, count: bytes.count)
            count += bytes.count
        }

        @inline(__always)
        private mutating func append(_ a: UInt8, _ b: UInt8) {
            reserve(2)
            base[count] = a
            base[count + 1] = b
            count += 2
        }

        mutating func open(_ bracket: Unicode.Scalar) {
            append(UInt8(ascii: bracket))
            first = true
        }

        mutating func close(_ bracket: Unicode.Scalar) {
            append(UInt8(ascii: bracket))
            first = false
        }

        /// Before each array element.
        mutating func element() {
            if !first { append(UInt8(ascii: ",")) }
            first = false
        }

        mutating func key(_ name: StaticString) {
            reserve(name.utf8CodeUnitCount + 4)
            if !first { append(UInt8(ascii: ",")) }
            first = false
            append(UInt8(ascii: "\""))
            append(UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            append(UInt8(ascii: "\""), UInt8(ascii: ":"))
        }

        mutating func integer(_ value: Int) {
            if value < 0 {
                append(UInt8(ascii: "-"))
                // -Int.min overflows: its digits come from the unsigned magnitude.
                digits(value.magnitude)
            } else {
                digits(UInt(value))
            }
        }

        /// The decimal digits of `value`, written in place from the last.
        private mutating func digits(_ value: UInt) {
            var length = 1
            var rest = value / 10
            while rest > 0 {
                length += 1
                rest /= 10
            }
            reserve(length)
            var v = value
            var i = count + length
            repeat {
                i -= 1
                base[i] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
            } while v > 0
            count += length
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
            text.withUTF8 { append($0) }
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
            // In place where the string is stored as contiguous UTF-8 (native strings), else from a native copy.
            if value.utf8.withContiguousStorageIfAvailable({ quoted($0) }) == nil {
                var copy = value
                copy.withUTF8 { quoted($0) }
            }
        }

        /// `utf8` between quotes, escaped.
        private mutating func quoted(_ utf8: UnsafeBufferPointer<UInt8>) {
            // The common case first: nothing to escape (found eight bytes at a time), the string copied whole.
            let raw = UnsafeRawBufferPointer(utf8)
            var i = 0
            while i + 8 <= utf8.count, !Self.mayNeedEscape(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { i += 8 }
            while i < utf8.count, !Self.needsEscape(utf8[i]) { i += 1 }
            append(UInt8(ascii: "\""))
            guard i < utf8.count else {
                append(utf8)
                append(UInt8(ascii: "\""))
                return
            }
            // Runs without anything to escape are appended whole.
            append(UnsafeBufferPointer(rebasing: utf8[0..<i]))
            var runStart = i
            while i < utf8.count {
                if i + 8 <= utf8.count, !Self.mayNeedEscape(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) {
                    i += 8
                    continue
                }
                let b = utf8[i]
                i += 1
                guard Self.needsEscape(b) else { continue }
                append(UnsafeBufferPointer(rebasing: utf8[runStart..<(i - 1)]))
                runStart = i
                switch b {
                case 0x22: append(0x5C, 0x22)
                case 0x5C: append(0x5C, 0x5C)
                case 0x0A: append(0x5C, UInt8(ascii: "n"))
                case 0x0D: append(0x5C, UInt8(ascii: "r"))
                case 0x09: append(0x5C, UInt8(ascii: "t"))
                case 0x08: append(0x5C, UInt8(ascii: "b"))
                case 0x0C: append(0x5C, UInt8(ascii: "f"))
                default:
                    append(0x5C, UInt8(ascii: "u"))
                    append(0x30, 0x30)
                    append(Self.hex[Int(b >> 4)], Self.hex[Int(b & 0xF)])
                }
            }
            append(UnsafeBufferPointer(rebasing: utf8[runStart...]))
            append(UInt8(ascii: "\""))
        }

        /// A control byte, `"` or `\\`: written escaped.
        @inline(__always)
        private static func needsEscape(_ b: UInt8) -> Bool { b < 0x20 || b == 0x22 || b == 0x5C }
    }
}
