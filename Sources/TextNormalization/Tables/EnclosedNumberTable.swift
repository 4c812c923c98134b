/// Enclosed numbers (㈠ ⑴ ⒈ ①) and what each policy writes for them.
///
/// Reports number their items `（一）`, `（1）` and `1.`; some PDFs store these as single enclosed characters.
/// Under `canonical` the parenthesised and full-stop forms are spelled out the way the templates print them and
/// circled numbers (①, used for sub-points in prose) stay; under `ascii` everything becomes ASCII. In the forms,
/// `#` stands for the number; a nil form keeps the character.
enum EnclosedNumberTable {
    struct Entry: Sendable {
        let range: ClosedRange<UInt32>
        let usesChineseNumerals: Bool
        let canonical: String?
        let ascii: String
        let rule: String
    }

    static let chineseNumerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    static let entries: [Entry] = [
        // ⑴–⒇ PARENTHESIZED DIGIT ONE … NUMBER TWENTY → （1）…（20）
        Entry(range: 0x2474...0x2487, usesChineseNumerals: false, canonical: "（#）", ascii: "(#)",
              rule: "parenthesized-number"),
        // ⒈–⒛ DIGIT ONE FULL STOP … NUMBER TWENTY FULL STOP → 1. … 20.
        Entry(range: 0x2488...0x249B, usesChineseNumerals: false, canonical: "#.", ascii: "#.",
              rule: "full-stop-number"),
        // ①–⑳ CIRCLED DIGIT ONE … NUMBER TWENTY: kept in canonical text, digits in ascii keys
        Entry(range: 0x2460...0x2473, usesChineseNumerals: false, canonical: nil, ascii: "#",
              rule: "circled-number"),
        // ㈠–㈩ PARENTHESIZED IDEOGRAPH ONE … TEN → （一）…（十）
        Entry(range: 0x3220...0x3229, usesChineseNumerals: true, canonical: "（#）", ascii: "(#)",
              rule: "parenthesized-ideograph"),
    ]

    /// The replacement for `c` under `policy`, or nil to keep it.
    static func replacement(for c: UInt32, policy: PunctuationPolicy) -> (text: String, rule: String)? {
        guard let entry = entries.first(where: { $0.range.contains(c) }) else { return nil }
        let index = Int(c - entry.range.lowerBound)
        let number = entry.usesChineseNumerals ? chineseNumerals[index] : String(index + 1)
        guard let form = policy == .canonical ? entry.canonical : entry.ascii else { return nil }
        return (form.replacingOccurrences(of: "#", with: number), entry.rule)
    }
}

extension String {
    /// Replaces every `target` with `replacement` (Foundation-free).
    fileprivate func replacingOccurrences(of target: Character, with replacement: String) -> String {
        var out = ""
        for ch in self { if ch == target { out += replacement } else { out.append(ch) } }
        return out
    }
}
