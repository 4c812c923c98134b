/// Damages clean report text the way extraction damages it (../shared/seeds/NOTES.md), reproducibly from a seed.
///
/// ```swift
/// let damaged = NoiseInjector(seed: 7, rate: 0.1).damage(cleanText)
/// damaged.text     // the damaged text
/// damaged.events   // what was done where
/// ```
public struct NoiseInjector: Sendable {
    /// The kinds of damage.
    public enum Kind: String, CaseIterable, Sendable, Codable {
        /// OCR shape confusions in labels: 三→E/Ξ, 四→西, （→( 〈 《, 1.→工, 7→了.
        case ocrConfusion = "ocr"
        /// A label split by a space or a line break (`社会公益 组织`, `本年度办理\n结果`).
        case splitLabel = "split"
        /// A row that lost its leading tabs (`5.要求行政机关确认…` at column 0).
        case lostTab = "lost-tab"
        /// A value row with one tab too many or too few before its values.
        case shiftedCells = "shift"
        /// A `0` value left blank.
        case blankCell = "blank"
        /// A fragment of a label repeated in the cell before it (`本\t本年收费金额`).
        case duplicatedFragment = "duplicate"
        /// Full-width and half-width forms mixed: `(一)` for `（一）`, `１２` for `12`.
        case widthMix = "width"
        /// Markdown debris: `**`, `# `, `- ` around lines.
        case markdown
        /// Page footers between lines: `- 3 -`, `第 3 页 共 5 页`.
        case pageFooter = "footer"
    }

    /// One piece of damage: its kind, the line (1-based, in the clean text) and what it did.
    public struct Event: Sendable, Codable, Hashable {
        public var kind: Kind
        public var line: Int
        public var before: String
        public var after: String
    }

    public var seed: UInt64
    public var rate: Double
    public var kinds: Set<Kind>

    public init(seed: UInt64, rate: Double = 0.05, kinds: Set<Kind> = Set(Kind.allCases)) {
        self.seed = seed
        self.rate = rate
        self.kinds = kinds
    }

    /// OCR confusions, each a pair seen in Chinese report text.
    static let confusions: [(String, [String])] = [
        ("三", ["E", "Ξ", "="]),  // 三、本年度办理结果 read as E、 or Ξ
        ("四", ["西", "中"]),  // 四、结转… read as 西、
        ("二", ["="]),
        ("（", ["(", "〈", "《"]),
        ("）", [")", "〉"]),
        ("1.", ["工"]),  // 1.属于 read as 工属于
        ("7", ["了"]),
        ("人", ["入"]),
        ("已", ["己"]),
    ]

    /// Damages `text`; the same seed, rate and kinds always give the same result.
    public func damage(_ text: String) -> (text: String, events: [Event]) {
        var rng = SplitMix64(seed: seed)
        var events: [Event] = []
        var out: [String] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (index, original) in lines.enumerated() {
            var line = original
            let number = index + 1
            func roll(_ kind: Kind) -> Bool { kinds.contains(kind) && Double.random(in: 0..<1, using: &rng) < rate }
            func record(_ kind: Kind, _ before: String, _ after: String) {
                events.append(Event(kind: kind, line: number, before: before, after: after))
            }
            var cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let isRow = cells.count > 1
            let labelIndex = cells.firstIndex { !$0.isEmpty && !Self.isNumber($0) }
            if let k = labelIndex {
                if roll(.ocrConfusion), let (from, to) = Self.confusions.filter({ cells[k].contains($0.0) })
                    .randomElement(using: &rng)
                {
                    let replacement = to.randomElement(using: &rng)!
                    let before = cells[k]
                    cells[k] = Self.replacingFirst(from, with: replacement, in: cells[k])
                    record(.ocrConfusion, before, cells[k])
                }
                if roll(.widthMix) {
                    let before = cells[k]
                    cells[k] = cells[k].replacingAll("（", "(").replacingAll("）", ")")
                    if cells[k] != before { record(.widthMix, before, cells[k]) }
                }
                if roll(.duplicatedFragment), k > 0, cells[k].count >= 2 {
                    let fragment = String(cells[k].prefix(Int.random(in: 1...min(3, cells[k].count - 1), using: &rng)))
                    cells[k - 1] += fragment
                    record(.duplicatedFragment, cells[k], fragment + "\t" + cells[k])
                }
                if roll(.splitLabel), cells[k].count >= 4 {
                    let characters = Array(cells[k])
                    let at = Int.random(in: 1..<(characters.count - 1), using: &rng)
                    let separator = Bool.random(using: &rng) ? " " : "\n"
                    let before = cells[k]
                    cells[k] = String(characters[..<at]) + separator + String(characters[at...])
                    record(.splitLabel, before, cells[k])
                }
            }
            if isRow {
                for k in cells.indices where cells[k] == "0" && roll(.blankCell) {
                    cells[k] = ""
                    record(.blankCell, "0", "")
                }
                if let firstValue = cells.firstIndex(where: Self.isNumber), firstValue > 0, roll(.shiftedCells) {
                    if Bool.random(using: &rng) {
                        cells.insert("", at: firstValue)
                        record(.shiftedCells, "\t", "\t\t")
                    } else if cells[firstValue - 1].isEmpty {
                        cells.remove(at: firstValue - 1)
                        record(.shiftedCells, "\t\t", "\t")
                    }
                }
                for k in cells.indices where Self.isNumber(cells[k]) && roll(.widthMix) {
                    let before = cells[k]
                    cells[k] = String(String.UnicodeScalarView(cells[k].unicodeScalars.map {
                        (0x30...0x39).contains($0.value) ? Unicode.Scalar($0.value + 0xFEE0)! : $0
                    }))
                    record(.widthMix, before, cells[k])
                }
            }
            line = cells.joined(separator: "\t")
            if line.hasPrefix("\t"), roll(.lostTab) {
                let stripped = String(line.drop { $0 == "\t" })
                record(.lostTab, line, stripped)
                line = stripped
            }
            if !line.isEmpty, !isRow, roll(.markdown) {
                let decorated = ["**" + line + "**", "# " + line, "- " + line].randomElement(using: &rng)!
                record(.markdown, line, decorated)
                line = decorated
            }
            out.append(line)
            if roll(.pageFooter) {
                let page = Int.random(in: 1...9, using: &rng)
                let footer = Bool.random(using: &rng) ? "- \(page) -" : "第 \(page) 页 共 \(page + 2) 页"
                record(.pageFooter, "", footer)
                out.append(footer)
            }
        }
        return (out.joined(separator: "\n"), events)
    }

    static func isNumber(_ s: String) -> Bool {
        !s.isEmpty && s.allSatisfy { $0.isNumber || $0 == "." || $0 == "-" } && s.contains { $0.isNumber }
    }

    static func replacingFirst(_ target: String, with replacement: String, in s: String) -> String {
        guard let range = s.range(of: target) else { return s }
        return s.replacingCharacters(in: range, with: replacement)
    }
}

extension String {
    fileprivate func replacingAll(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }

    fileprivate func range(of target: String) -> Range<String.Index>? {
        var index = startIndex
        while index < endIndex {
            if self[index...].hasPrefix(target) { return index..<self.index(index, offsetBy: target.count) }
            index = self.index(after: index)
        }
        return nil
    }
}

/// SplitMix64: a small, fast, seedable generator, so damage is reproducible everywhere.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
