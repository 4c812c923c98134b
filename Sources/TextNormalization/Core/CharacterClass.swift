/// Character classes the passes decide on. Ranges, each with the reason it is in the class.
enum CharacterClass {
    /// A Han ideograph (what "Chinese text" means to the punctuation and spacing passes).
    @inline(__always)
    static func isHan(_ c: UInt32) -> Bool {
        switch c {
        case 0x4E00...0x9FFF: return true  // CJK Unified Ideographs
        case 0x3400...0x4DBF: return true  // Extension A
        case 0x20000...0x3134F: return true  // Extensions B–G
        case 0xF900...0xFAFF: return true  // Compatibility Ideographs (folded by the width pass)
        case 0x3007: return true  // 〇, the ideographic zero of 二〇一九
        case 0x2E80...0x2FDF: return true  // radical forms (Supplement, Kangxi): Han until the width pass folds them
        default: return false
        }
    }

    /// Punctuation that belongs to Chinese text: full-width forms and CJK marks.
    @inline(__always)
    static func isCJKPunctuation(_ c: UInt32) -> Bool {
        switch c {
        case 0x3001...0x3006, 0x3008...0x303F: return true  // 、。〃〈〉《》「」『』【】〔〕〖〗〘〙〚〛〜〝〞〟
        case 0xFF01...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65: return true  // full-width punctuation
        case 0x2018, 0x2019, 0x201C, 0x201D: return true  // ‘’“” as used in Chinese text
        case 0x2014, 0x2026, 0x00B7: return true  // —— …… ·
        default: return false
        }
    }

    /// Han or CJK punctuation: the characters between which a single space is an extraction artifact.
    @inline(__always)
    static func isCJKSide(_ c: UInt32) -> Bool { isHan(c) || isCJKPunctuation(c) }

    @inline(__always)
    static func isASCIIDigit(_ c: UInt32) -> Bool { c >= 0x30 && c <= 0x39 }

    @inline(__always)
    static func isASCIILetter(_ c: UInt32) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }

    @inline(__always)
    static func isASCIIAlphanumeric(_ c: UInt32) -> Bool { isASCIIDigit(c) || isASCIILetter(c) }

    /// Chinese numerals used in section and item numbers (一、 （三） 第二十条).
    @inline(__always)
    static func isChineseNumeral(_ c: UInt32) -> Bool {
        switch c {
        case 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341: return true  // 一二三四五六七八九十
        default: return false
        }
    }
}
