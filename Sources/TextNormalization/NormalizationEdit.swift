/// One change the normaliser made, located in the source.
///
/// `sourceRange` is in UTF-8 bytes of the source; `line` and `column` are 1-based, the column counted in Unicode
/// scalars (one per Chinese character).
public struct NormalizationEdit: Sendable, Hashable, Codable {
    /// The pass that made the change.
    public var pass: NormalizationPassName
    /// The rule of that pass (`fullwidth-digit`, `kangxi-radical`, `ascii-comma-in-chinese`, …).
    public var rule: String
    /// Where the replaced text stands in the source (UTF-8 byte offsets).
    public var sourceRange: Range<Int>
    /// 1-based line of `sourceRange.lowerBound` in the source.
    public var line: Int
    /// 1-based column (Unicode scalars) of `sourceRange.lowerBound` in the source.
    public var column: Int
    /// The text as the pass saw it.
    public var before: String
    /// The text the pass wrote.
    public var after: String

    public init(
        pass: NormalizationPassName, rule: String, sourceRange: Range<Int>, line: Int, column: Int, before: String,
        after: String
    ) {
        self.pass = pass
        self.rule = rule
        self.sourceRange = sourceRange
        self.line = line
        self.column = column
        self.before = before
        self.after = after
    }
}

extension NormalizationEdit: CustomStringConvertible {
    /// `LINE:COL  PASS  'before' → 'after'`, with control characters made visible.
    public var description: String {
        "\(line):\(column)  \(pass.rawValue)  '\(Self.visible(before))' → '\(Self.visible(after))'"
    }

    /// Shows newlines, tabs and invisible characters as escapes so an edit line stays one line.
    public static func visible(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar.value {
            case 0x0A: out += "\\n"
            case 0x09: out += "\\t"
            case 0x0D: out += "\\r"
            case 0x00...0x1F, 0x7F...0xA0, 0xAD, 0x200B...0x200F, 0x2028...0x202F, 0x2060...0x2064, 0xFEFF, 0x3000:
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
