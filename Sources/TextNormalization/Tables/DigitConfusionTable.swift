/// Characters OCR and PDF fonts put where a digit belongs. The numeric-context pass replaces them only inside a
/// number: with digits on both sides (`1O5` → `105`, `2l` stays, `3〇0` → `300`).
enum DigitConfusionTable {
    static let digitFor: [UInt32: UInt8] = [
        0x4F: 0x30,  // O  capital letter O → 0
        0x6F: 0x30,  // o  small letter o → 0
        0x3007: 0x30,  // 〇 ideographic zero → 0 (only between ASCII digits: 二〇一九 is left alone)
        0x6C: 0x31,  // l  small letter L → 1
        0x49: 0x31,  // I  capital letter I → 1
        0x7C: 0x31,  // |  vertical bar → 1 (a ruling line has spaces around it and is left alone)
    ]

    /// Minus signs that stand for `-` before a digit.
    static let minusSigns: [UInt32: String] = [
        0x2212: "minus-sign",  // − MINUS SIGN
        0xFE63: "small-hyphen-minus",  // ﹣ SMALL HYPHEN-MINUS
        0x2010: "hyphen",  // ‐ HYPHEN
        0x2011: "hyphen",  // ‑ NON-BREAKING HYPHEN
    ]
}
