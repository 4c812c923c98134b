/// What the invisible-characters pass does with each character it knows. One entry per character or range.
enum InvisibleAction: Sendable {
    /// Delete the character.
    case remove
    /// Replace it with an ASCII space (later passes decide whether the space stays).
    case space
    /// Replace it with a line feed.
    case newline
}

struct InvisibleCharacterRule: Sendable {
    let range: ClosedRange<UInt32>
    let action: InvisibleAction
    let rule: String
}

enum InvisibleCharacterTable {
    /// The rule of a form feed, whose line breaks `NormalizedText.pageStartLines` reports.
    static let formFeedRule = "form-feed"

    static let rules: [InvisibleCharacterRule] = [
        // C0 controls other than tab (cell separator), LF and CR (handled as line endings) and FF (page break).
        .init(range: 0x00...0x08, action: .remove, rule: "control"),
        .init(range: 0x0B...0x0B, action: .newline, rule: "vertical-tab"),  // some extractors' line break
        .init(range: 0x0C...0x0C, action: .newline, rule: formFeedRule),  // pdftotext's page break
        .init(range: 0x0E...0x1F, action: .remove, rule: "control"),
        .init(range: 0x7F...0x9F, action: .remove, rule: "control"),  // DEL and C1 controls
        .init(range: 0xA0...0xA0, action: .space, rule: "nbsp"),  // &nbsp; from HTML sources
        .init(range: 0xAD...0xAD, action: .remove, rule: "soft-hyphen"),
        .init(range: 0x180E...0x180E, action: .remove, rule: "zero-width"),  // Mongolian vowel separator
        .init(range: 0x2000...0x200A, action: .space, rule: "typographic-space"),  // en/em/thin/hair spaces
        .init(range: 0x200B...0x200D, action: .remove, rule: "zero-width"),  // ZWSP, ZWNJ, ZWJ
        .init(range: 0x200E...0x200F, action: .remove, rule: "bidi-mark"),  // LRM, RLM
        .init(range: 0x2028...0x2029, action: .newline, rule: "line-separator"),  // LS, PS
        .init(range: 0x202A...0x202E, action: .remove, rule: "bidi-mark"),  // embeddings and overrides
        .init(range: 0x202F...0x202F, action: .space, rule: "nbsp"),  // narrow no-break space
        .init(range: 0x205F...0x205F, action: .space, rule: "typographic-space"),  // medium mathematical space
        .init(range: 0x2060...0x2064, action: .remove, rule: "zero-width"),  // word joiner, invisible operators
        .init(range: 0x3000...0x3000, action: .space, rule: "ideographic-space"),  // full-width space
        .init(range: 0xFEFF...0xFEFF, action: .remove, rule: "bom"),  // a BOM inside the text (concatenated files)
        .init(range: 0xFFF9...0xFFFB, action: .remove, rule: "control"),  // interlinear annotation marks
    ]

    /// The rule for `c`, if any. Most text has none of these, so the common case is one comparison.
    @inline(__always)
    static func rule(for c: UInt32) -> InvisibleCharacterRule? {
        if c >= 0x20 && c < 0x7F { return nil }
        if c == 0x09 || c == 0x0A || c == 0x0D { return nil }
        if c >= 0x3001 && c < 0xFEFF { return nil }
        for r in rules where r.range.contains(c) { return r }
        return nil
    }
}
