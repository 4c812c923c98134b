import FuzzyMatching
import ReportModel

/// Label comparison helpers shared by the aligner's steps.
enum LabelMatching {
    /// The matching key of a label: letters, digits and Han only, full-width folded (`（一） 予以公开` → `一予以公开`).
    static func key(_ s: some StringProtocol) -> String {
        if let key = s.utf8.withContiguousStorageIfAvailable(key(utf8:)) { return key }
        // Not stored as contiguous UTF-8 (a bridged string, a lazy view): a native copy is.
        var copy = String(s)
        return copy.withUTF8(key(utf8:))
    }

    /// The key of valid UTF-8 `bytes`, written straight into its storage (a key is never longer than its label:
    /// full-width letters and digits shrink to one byte, everything kept is copied).
    private static func key(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        let keptBelow3400 = Self.keptBelow3400  // read once: a static read per scalar costs an initialisation check
        let keptFF00 = Self.keptFF00
        return String(unsafeUninitializedCapacity: max(1, bytes.count)) { buffer in
            guard let source = bytes.baseAddress, let out = buffer.baseAddress else { return 0 }
            let count = bytes.count
            var n = 0
            var i = 0
            while i < count {
                let b = source[i]
                if b < 0x80 {
                    if (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A) {
                        out[n] = b
                        n += 1
                    }
                    i += 1
                    continue
                }
                // The commonest case first: U+4E00–U+9FFF (E4 B8 80 – E9 BF BF), CJK Unified Ideographs, all kept.
                if b >= 0xE4, b <= 0xE9, i + 3 <= count, b != 0xE4 || source[i + 1] >= 0xB8 {
                    out[n] = b
                    out[n + 1] = source[i + 1]
                    out[n + 2] = source[i + 2]
                    n += 3
                    i += 3
                    continue
                }
                let (v, length) = decodeScalar(bytes, at: i)
                if (0xFF10...0xFF5A).contains(v) {
                    // Full width folded; kept only when it is then an ASCII letter or digit.
                    let a = UInt8(v - 0xFEE0)
                    if (a >= 0x30 && a <= 0x39) || ((a | 0x20) >= 0x61 && (a | 0x20) <= 0x7A) {
                        out[n] = a
                        n += 1
                    }
                    i += length
                    continue
                }
                // A table for the scalars labels are made of; Unicode properties for everything else.
                let keep: Bool
                if v < UInt32(keptBelow3400.count) {
                    keep = keptBelow3400[Int(v)]
                } else if v >= 0xFF00, v <= 0xFFFF {
                    keep = keptFF00[Int(v - 0xFF00)]  // full-width punctuation: （）：，
                } else if let scalar = Unicode.Scalar(v) {
                    keep = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                } else {
                    keep = false
                }
                if keep {
                    for k in 0..<length { out[n + k] = source[i + k] }
                    n += length
                }
                i += length
            }
            return n
        }
    }

    /// Whether a key keeps each scalar below U+3400 (letters and numbers: `isAlphabetic` or a numeric type), looked up
    /// once: labels are full of CJK punctuation (`（）、，`) whose properties would otherwise be asked every time.
    private static let keptBelow3400: [Bool] = (0..<0x3400).map(isKept)

    /// The same for U+FF00–U+FFFF, the full-width forms (labels' parentheses, colons and commas are full width).
    private static let keptFF00: [Bool] = (0xFF00...0xFFFF).map(isKept)

    private static func isKept(_ v: Int) -> Bool {
        guard let scalar = Unicode.Scalar(UInt32(v)) else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// The Unicode scalars of `s`, decoded from its UTF-8 in one loop (`Array(s.unicodeScalars)` goes through the
    /// view's iterator, several times slower on long lines).
    static func scalars(_ s: some StringProtocol) -> [Unicode.Scalar] {
        let decoded = s.utf8.withContiguousStorageIfAvailable { bytes -> [Unicode.Scalar] in
            var out: [Unicode.Scalar] = []
            out.reserveCapacity(bytes.count)
            var i = 0
            while i < bytes.count {
                let (v, length) = decodeScalar(bytes, at: i)
                // A string's UTF-8 is valid: every decoded value is a scalar.
                out.append(Unicode.Scalar(v)!)
                i += length
            }
            return out
        }
        return decoded ?? Array(s.unicodeScalars)
    }

    /// The matching key of every line, computed once per text and shared by the aligner's steps; lines too long
    /// to be a heading or a label (prose dumps) get an empty key.
    static func keys(of lines: [Substring]) -> [String] {
        lines.map { line in
            line.utf8.count > 4 * TableAligner.maximumLabelLineLength
                || (line.utf8.count > TableAligner.maximumLabelLineLength && line.unicodeScalars.count > TableAligner.maximumLabelLineLength)
                ? "" : key(line)
        }
    }
}
