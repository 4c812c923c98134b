/// The punctuation policy as data: every punctuation character the normaliser rewrites, with its forms.
///
/// The `canonical` policy (the default) writes what the national templates print: Chinese punctuation in Chinese
/// text and ASCII between digits or Latin letters. The `ascii` policy writes every entry's `ascii` form.
enum PunctuationTable {
    /// How an entry behaves under the `canonical` policy.
    enum Behaviour: Sendable {
        /// Chinese form in Chinese text, ASCII form between ASCII letters or digits (`，` `：` `；` `？` `！`).
        case contextual
        /// A mark of Chinese text only: kept as it is under `canonical` (`。` `、` `“` `》` `〔`).
        case chineseOnly
        /// Full-width with no standard Chinese use: always ASCII (`．` `－` `％` `／`).
        case alwaysASCII
        /// Brackets and quotes, decided for the whole pair by what they enclose and where they stand.
        case paired
    }

    struct Entry: Sendable {
        /// The Chinese (or full-width) form.
        let chinese: UInt32
        /// The ASCII form.
        let ascii: String
        let behaviour: Behaviour
    }

    /// Full-width and CJK punctuation, by code point.
    static let fullWidth: [UInt32: Entry] = {
        let entries: [Entry] = [
            Entry(chinese: 0xFF0C, ascii: ",", behaviour: .contextual),  // ， full-width comma
            Entry(chinese: 0xFF1B, ascii: ";", behaviour: .contextual),  // ； full-width semicolon
            Entry(chinese: 0xFF1A, ascii: ":", behaviour: .contextual),  // ： full-width colon (`12：30` → `12:30`)
            Entry(chinese: 0xFF1F, ascii: "?", behaviour: .contextual),  // ？ full-width question mark
            Entry(chinese: 0xFF01, ascii: "!", behaviour: .contextual),  // ！ full-width exclamation mark
            Entry(chinese: 0xFF08, ascii: "(", behaviour: .paired),  // （ full-width parenthesis
            Entry(chinese: 0xFF09, ascii: ")", behaviour: .paired),  // ）
            Entry(chinese: 0x3002, ascii: ".", behaviour: .chineseOnly),  // 。 ideographic full stop
            Entry(chinese: 0x3001, ascii: ",", behaviour: .chineseOnly),  // 、 enumeration comma (`一、`)
            Entry(chinese: 0x201C, ascii: "\"", behaviour: .chineseOnly),  // “ left double quotation mark
            Entry(chinese: 0x201D, ascii: "\"", behaviour: .chineseOnly),  // ” right double quotation mark
            Entry(chinese: 0x2018, ascii: "'", behaviour: .chineseOnly),  // ‘
            Entry(chinese: 0x2019, ascii: "'", behaviour: .chineseOnly),  // ’
            Entry(chinese: 0x300A, ascii: "<", behaviour: .chineseOnly),  // 《 title mark (`《条例》`)
            Entry(chinese: 0x300B, ascii: ">", behaviour: .chineseOnly),  // 》
            Entry(chinese: 0x3008, ascii: "<", behaviour: .chineseOnly),  // 〈
            Entry(chinese: 0x3009, ascii: ">", behaviour: .chineseOnly),  // 〉
            Entry(chinese: 0x3014, ascii: "[", behaviour: .chineseOnly),  // 〔 document-number bracket (`〔2019〕`)
            Entry(chinese: 0x3015, ascii: "]", behaviour: .chineseOnly),  // 〕
            Entry(chinese: 0x3010, ascii: "[", behaviour: .chineseOnly),  // 【
            Entry(chinese: 0x3011, ascii: "]", behaviour: .chineseOnly),  // 】
            Entry(chinese: 0x2014, ascii: "-", behaviour: .chineseOnly),  // — em dash (Chinese dash is ——)
            Entry(chinese: 0x2026, ascii: "...", behaviour: .chineseOnly),  // … ellipsis
            Entry(chinese: 0xFF0E, ascii: ".", behaviour: .alwaysASCII),  // ． full-width full stop (`1．属于` → `1.属于`)
            Entry(chinese: 0xFF0D, ascii: "-", behaviour: .alwaysASCII),  // － full-width hyphen-minus (`－18`)
            Entry(chinese: 0xFF0F, ascii: "/", behaviour: .alwaysASCII),  // ／ (`本年增／减`)
            Entry(chinese: 0xFF05, ascii: "%", behaviour: .alwaysASCII),  // ％
            Entry(chinese: 0xFF0B, ascii: "+", behaviour: .alwaysASCII),  // ＋ (`互联网＋政务服务`)
            Entry(chinese: 0xFF1D, ascii: "=", behaviour: .alwaysASCII),  // ＝
            Entry(chinese: 0xFF1C, ascii: "<", behaviour: .alwaysASCII),  // ＜
            Entry(chinese: 0xFF1E, ascii: ">", behaviour: .alwaysASCII),  // ＞
            Entry(chinese: 0xFF03, ascii: "#", behaviour: .alwaysASCII),  // ＃
            Entry(chinese: 0xFF04, ascii: "$", behaviour: .alwaysASCII),  // ＄
            Entry(chinese: 0xFF06, ascii: "&", behaviour: .alwaysASCII),  // ＆
            Entry(chinese: 0xFF07, ascii: "'", behaviour: .alwaysASCII),  // ＇
            Entry(chinese: 0xFF0A, ascii: "*", behaviour: .alwaysASCII),  // ＊
            Entry(chinese: 0xFF20, ascii: "@", behaviour: .alwaysASCII),  // ＠ (e-mail addresses)
            Entry(chinese: 0xFF3B, ascii: "[", behaviour: .alwaysASCII),  // ［
            Entry(chinese: 0xFF3D, ascii: "]", behaviour: .alwaysASCII),  // ］
            Entry(chinese: 0xFF3C, ascii: "\\", behaviour: .alwaysASCII),  // ＼
            Entry(chinese: 0xFF3E, ascii: "^", behaviour: .alwaysASCII),  // ＾
            Entry(chinese: 0xFF3F, ascii: "_", behaviour: .alwaysASCII),  // ＿
            Entry(chinese: 0xFF40, ascii: "`", behaviour: .alwaysASCII),  // ｀
            Entry(chinese: 0xFF5B, ascii: "{", behaviour: .alwaysASCII),  // ｛
            Entry(chinese: 0xFF5C, ascii: "|", behaviour: .alwaysASCII),  // ｜
            Entry(chinese: 0xFF5D, ascii: "}", behaviour: .alwaysASCII),  // ｝
            Entry(chinese: 0xFF5E, ascii: "~", behaviour: .alwaysASCII),  // ～ (`1～3月`)
            Entry(chinese: 0xFF02, ascii: "\"", behaviour: .paired),  // ＂ full-width quotation mark: paired like "
        ]
        return Dictionary(uniqueKeysWithValues: entries.map { ($0.chinese, $0) })
    }()

    /// `fullWidth` as flat arrays for the hot path (dictionary hashing dominated the pass's profile).
    private static let fullWidthFF: [Entry?] = (0xFF00...0xFF5F).map { fullWidth[UInt32($0)] }
    private static let fullWidth20: [Entry?] = (0x2014...0x2026).map { fullWidth[UInt32($0)] }
    private static let fullWidth30: [Entry?] = (0x3000...0x301F).map { fullWidth[UInt32($0)] }

    /// The entry for `c`, if it is in the table.
    @inline(__always)
    static func entry(_ c: UInt32) -> Entry? {
        switch c {
        case 0xFF00...0xFF5F: return fullWidthFF[Int(c - 0xFF00)]
        case 0x3000...0x301F: return fullWidth30[Int(c - 0x3000)]
        case 0x2014...0x2026: return fullWidth20[Int(c - 0x2014)]
        default: return nil
        }
    }

    /// `asciiToChinese` as a 128-entry array (0: not rewritten).
    static let asciiToChineseFlat: [UInt32] = (0..<128).map { asciiToChinese[UInt32($0)] ?? 0 }

    /// ASCII punctuation that becomes Chinese in Chinese text under `canonical`: ASCII → Chinese form.
    static let asciiToChinese: [UInt32: UInt32] = [
        0x2C: 0xFF0C,  // , → ，
        0x3B: 0xFF1B,  // ; → ；
        0x3A: 0xFF1A,  // : → ： (not before `//`: URLs stay)
        0x3F: 0xFF1F,  // ? → ？
        0x21: 0xFF01,  // ! → ！
    ]

    /// Opening and closing parentheses in both widths.
    static let openParentheses: [UInt32] = [0x28, 0xFF08]
    static let closeParentheses: [UInt32] = [0x29, 0xFF09]
    /// Straight quotation marks that are paired into “ ” in Chinese text.
    static let straightQuotes: [UInt32] = [0x22, 0xFF02]

    /// Whether `c` is a character this pass may rewrite (a quick per-line filter).
    @inline(__always)
    static func isCandidate(_ c: UInt32) -> Bool {
        if c < 0x80 { return asciiToChineseFlat[Int(c)] != 0 || c == 0x28 || c == 0x29 || c == 0x22 }
        return entry(c) != nil
    }
}
