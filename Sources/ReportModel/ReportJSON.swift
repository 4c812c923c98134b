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
        // Room for a report's usual length (about 230 bytes a cell, 1.1 KB an identity), so the buffer seldom grows.
        var out = Writer(capacity: 4096 + 256 * report.cells.count + 1280 * report.identities.count + 512 * report.flags.count)
        // Keys and the punctuation around them are written as whole fragments (`,"line":`): the members of each
        // object are known and in sorted order here, so only the optional ones need a test.
        if let agency = report.agency {
            out.raw("{\"agency\":")
            out.string(agency)
            out.raw(",\"cells\":[")
        } else {
            out.raw("{\"cells\":[")
        }
        // Read in place: a loop over the array copies each cell (a retain and a release per string in it).
        report.cells.withUnsafeBufferPointer { cells in
            for k in cells.indices {
                out.raw(k == 0 ? "{\"column\":" : ",{\"column\":")
                out.string(cells[k].cell.column)
                if let note = cells[k].note {
                    out.raw(",\"note\":")
                    out.string(note)
                }
                out.raw(",\"provenance\":{\"confidence\":")
                out.number(cells[k].provenance.confidence)
                out.raw(",\"line\":")
                out.integer(cells[k].provenance.line)
                out.raw(",\"origin\":")
                out.string(cells[k].provenance.origin.rawValue)
                if let reason = cells[k].provenance.reason {
                    out.raw(",\"reason\":")
                    out.string(reason)
                }
                out.raw("},\"row\":")
                out.string(cells[k].cell.row)
                out.raw(",\"table\":")
                out.string(cells[k].cell.table.rawValue)
                out.raw(",\"value\":")
                out.number(cells[k].cell.value)
                out.raw("}")
            }
        }
        out.raw("],\"edition\":")
        out.string(report.edition.rawValue)
        out.raw(",\"flags\":[")
        for (k, flag) in report.flags.enumerated() {
            out.raw(k == 0 ? "{\"line\":" : ",{\"line\":")
            out.integer(flag.line)
            out.raw(",\"message\":")
            out.string(flag.message)
            out.raw(",\"stage\":")
            out.string(flag.stage.rawValue)
            out.raw("}")
        }
        out.raw("],\"identities\":[")
        report.identities.withUnsafeBufferPointer { checks in
            for k in checks.indices {
                out.raw(k == 0 ? "{\"actual\":" : ",{\"actual\":")
                out.number(checks[k].actual)
                out.raw(",\"cells\":[")
                checks[k].cells.withUnsafeBufferPointer { cells in
                    for j in cells.indices {
                        if j > 0 { out.raw(",") }
                        out.string(cells[j])
                    }
                }
                out.raw("],\"expected\":")
                out.number(checks[k].expected)
                out.raw(",\"identity\":")
                out.string(checks[k].identity)
                out.raw(",\"status\":")
                out.string(checks[k].status.rawValue)
                out.raw("}")
            }
        }
        out.raw("],\"schemaVersion\":")
        out.integer(report.schemaVersion)
        out.raw(",\"source\":")
        out.string(report.source)
        if let year = report.year {
            out.raw(",\"year\":")
            out.integer(year)
        }
        out.raw("}")
        return out.finish()
    }

    /// Appends JSON tokens: fragments written as they are, strings quoted and escaped, numbers.
    ///
    /// The bytes go into a buffer of its own, written through a pointer: an array append per token (a uniqueness and
    /// a capacity check each, five for a key) was a third of the writer's time.
    struct Writer: ~Copyable {
        private var base: UnsafeMutablePointer<UInt8>
        private var count = 0
        private var capacity: Int

        init(capacity: Int) {
            self.capacity = max(capacity, 16)
            base = .allocate(capacity: self.capacity)
        }

        deinit { base.deallocate() }

        /// The bytes written.
        consuming func finish() -> [UInt8] {
            // One memcpy (`Array(UnsafeBufferPointer)` copied byte by byte).
            let count = count
            let base = base
            return [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
                if let target = buffer.baseAddress { target.initialize(from: base, count: count) }
                initialized = count
            }
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

        /// A fragment of JSON written as it is (keys with their quotes, colons and commas; brackets).
        @inline(__always)
        mutating func raw(_ text: StaticString) {
            let count = text.utf8CodeUnitCount
            reserve(count)
            let source = text.utf8Start
            // Fragments are short: a byte loop beats a call to memmove.
            for k in 0..<count { base[self.count + k] = source[k] }
            self.count += count
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
            // Tenths (the confidences 0.3, 0.5, 0.8…): the nearest double to k/10 is written `0.k` by `description`.
            let tenths = value * 10
            if tenths != 0, tenths == tenths.rounded(), abs(tenths) < 10, Double(Int(tenths)) / 10 == value {
                if value < 0 { append(UInt8(ascii: "-")) }
                append(UInt8(ascii: "0"), UInt8(ascii: "."))
                append(UInt8(ascii: "0") + UInt8(abs(Int(tenths))))
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
            // Eight bytes of multi-byte characters (Han text: every byte of it is 0x80 or above) need nothing.
            if word & highs == highs { return false }
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
            // The last few bytes read as the string's last eight, overlapping the words already read.
            if i + 8 > utf8.count, utf8.count >= 8, !Self.mayNeedEscape(raw.loadUnaligned(fromByteOffset: utf8.count - 8, as: UInt64.self)) {
                i = utf8.count
            }
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
