import Testing
import _TestSupport

@testable import TableAlignment

/// `LabelMatching.key` reads native strings byte by byte; it must give the key its definition gives: letters,
/// digits and Han only (a scalar kept when it is alphabetic or numeric), full-width letters and digits folded.
@Suite struct LabelKeyTests {
    static func reference(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            var v = scalar.value
            if (0xFF10...0xFF5A).contains(v) { v -= 0xFEE0 }
            let folded = Unicode.Scalar(v)!
            if v < 0x80 {
                if (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) { out.unicodeScalars.append(folded) }
                continue
            }
            if folded.properties.isAlphabetic || folded.properties.numericType != nil { out.unicodeScalars.append(folded) }
        }
        return out
    }

    @Test func keysFollowTheirDefinition() {
        let pieces = ["（一）", "予以公开", " ", "\t", "1.", "属于", "国家秘密", "Ａ", "ｂ", "１２", "＿", "、", "，", "①", "Ⅳ", "²",
                      "é", "ß", "𠀀", "\u{4DC0}", "a", "Z", "9", "-", "%", "〇", "㈠", "ＡＢＣ", "：", "本年度", "‐"]
        var generator = SeededGenerator(seed: 31)
        for _ in 0..<2000 {
            var s = ""
            for _ in 0..<(Int(generator.next() % 12)) { s += pieces[Int(generator.next() % UInt64(pieces.count))] }
            #expect(LabelMatching.key(s) == Self.reference(s), "\(s.debugDescription)")
            #expect(LabelMatching.key(s[...]) == Self.reference(s), "\(s.debugDescription)")
        }
    }

    /// The scalar decoder the aligner reads long lines with equals the string's own scalar view.
    @Test func scalarsAreTheUnicodeScalars() {
        let pieces = ["（一）", "予以公开", " ", "\t", "1.", "é", "ß", "𠀀", "😀", "Ａ", "\u{7F}", "\u{80}", "\u{7FF}", "\u{800}", "\u{FFFF}",
                      "\u{10000}", "\u{10FFFF}", "a"]
        var generator = SeededGenerator(seed: 37)
        for _ in 0..<1000 {
            var s = ""
            for _ in 0..<(Int(generator.next() % 12)) { s += pieces[Int(generator.next() % UInt64(pieces.count))] }
            #expect(LabelMatching.scalars(s) == Array(s.unicodeScalars), "\(s.debugDescription)")
            let framed = "前" + s + "后"
            #expect(LabelMatching.scalars(framed.dropFirst().dropLast()) == Array(s.unicodeScalars), "\(s.debugDescription)")
        }
    }
}
