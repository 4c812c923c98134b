import CICUShim

/// Kangxi radicals (U+2F00–U+2FD5) and CJK compatibility ideographs (U+F900–U+FAFF, U+2F800–U+2FA1F) → unified
/// ideographs, read from the system ICU's NFKC data once per process.
///
/// These blocks are pure duplicates of unified ideographs (⼀ U+2F00 for 一, 﨑 for 崎), so ICU's NFKC mapping of
/// each single character is the right table: a value is kept only when NFKC gives exactly one Han ideograph (the
/// twelve unified ideographs that live in the compatibility block, like 﨎 U+FA0E, map to themselves and are kept).
enum CompatibilityIdeographTable {
    static let blocks: [(range: ClosedRange<UInt32>, rule: String)] = [
        (0x2F00...0x2FD5, "kangxi-radical"),  // KANGXI RADICAL ONE … FLUTE
        (0xF900...0xFAFF, "compatibility-ideograph"),  // CJK COMPATIBILITY IDEOGRAPHS
        (0x2F800...0x2FA1F, "compatibility-ideograph"),  // CJK COMPATIBILITY IDEOGRAPHS SUPPLEMENT
    ]

    static let mapping: [UInt32: UInt32] = {
        var table: [UInt32: UInt32] = [:]
        var out = [UInt32](repeating: 0, count: 8)
        for block in blocks {
            for c in block.range {
                let count = nb_nfkc_codepoint(c, &out, Int32(out.count))
                if count == 1, out[0] != c, CharacterClass.isHan(out[0]) { table[c] = out[0] }
            }
        }
        return table
    }()

    static func rule(for c: UInt32) -> String {
        blocks.first { $0.range.contains(c) }?.rule ?? "compatibility-ideograph"
    }
}
