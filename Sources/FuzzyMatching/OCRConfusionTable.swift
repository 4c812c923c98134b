/// Shape confusions seen when OCR and PDF fonts read Chinese report text: each costs less than an arbitrary
/// substitution in `WeightedLevenshtein`. One entry per line: the two forms, the cost, and where it is seen.
public enum OCRConfusionTable {
    public struct Entry: Sendable, Hashable {
        public let a: String
        public let b: String
        public let cost: Double
        public let note: String
    }

    public static let entries: [Entry] = [
        Entry(a: "三", b: "E", cost: 0.2, note: "三、本年度办理结果 read as E、 (seed 002)"),
        Entry(a: "三", b: "Ξ", cost: 0.2, note: "stray Ξ where 三、 belongs (seed 002)"),
        Entry(a: "三", b: "=", cost: 0.3, note: "three strokes read as two"),
        Entry(a: "四", b: "西", cost: 0.2, note: "四、 read as 西、"),
        Entry(a: "四", b: "中", cost: 0.3, note: "四 with a stroke lost"),
        Entry(a: "二", b: "=", cost: 0.2, note: "二 read as an equals sign"),
        Entry(a: "一", b: "-", cost: 0.2, note: "一 read as a hyphen"),
        Entry(a: "一", b: "—", cost: 0.2, note: "一 read as a dash"),
        Entry(a: "工", b: "1.", cost: 0.3, note: "item number 1. read as 工 (工属于国家秘密)"),
        Entry(a: "了", b: "7", cost: 0.3, note: "7 read as 了"),
        Entry(a: "〇", b: "0", cost: 0.2, note: "ideographic zero and digit zero"),
        Entry(a: "O", b: "0", cost: 0.2, note: "letter O for zero"),
        Entry(a: "o", b: "0", cost: 0.2, note: "letter o for zero"),
        Entry(a: "l", b: "1", cost: 0.2, note: "letter l for one"),
        Entry(a: "I", b: "1", cost: 0.2, note: "letter I for one"),
        Entry(a: "|", b: "1", cost: 0.3, note: "ruling line for one"),
        Entry(a: "人", b: "入", cost: 0.2, note: "人 and 入"),
        Entry(a: "己", b: "已", cost: 0.2, note: "己 and 已"),
        Entry(a: "未", b: "末", cost: 0.2, note: "未 and 末"),
        Entry(a: "（", b: "(", cost: 0.1, note: "full- and half-width parentheses"),
        Entry(a: "）", b: ")", cost: 0.1, note: "full- and half-width parentheses"),
        Entry(a: "（", b: "〈", cost: 0.2, note: "（ read as 〈"),
        Entry(a: "（", b: "《", cost: 0.3, note: "（ read as 《"),
        Entry(a: "）", b: "〉", cost: 0.2, note: "） read as 〉"),
        Entry(a: "、", b: ",", cost: 0.3, note: "enumeration comma read as a comma"),
        Entry(a: "、", b: "，", cost: 0.3, note: "enumeration comma read as a full-width comma"),
        Entry(a: "：", b: ":", cost: 0.1, note: "full- and half-width colon"),
        Entry(a: "，", b: ",", cost: 0.1, note: "full- and half-width comma"),
        Entry(a: "0", b: "o", cost: 0.2, note: "zero read as letter o"),
    ]
}
