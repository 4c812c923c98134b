/// The units reports print after a value in a table cell (`251000元`) or one space after it (`6428232.45 元`): one
/// list for the normaliser, the aligner and the parser. Longer units come first, so that `万元` is taken whole
/// before `元`.
///
/// ```swift
/// ValueUnits.all.contains("元")   // true
/// ```
public enum ValueUnits {
    public static let all: [String] = [
        "万元",  // amounts in 万元 (表二 fees)
        "元",  // amounts in yuan (表二 procurement)
        "件",  // documents
        "个",  // items
        "条",  // entries
        "%",  // rates
    ]
}
