/// A located error in canonical text, printed like a compiler's:
///
/// ```
/// error: expected 7 values in row '（七）总计', found 6
///  --> report.txt:57:1
/// 57 | （七）总计	0	0	0	0	0	0
///    | ^
/// ```
public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var file: String
    /// 1-based line and column (column in characters).
    public var line: Int
    public var column: Int
    /// The text of the line (without its line feed).
    public var lineText: String

    public init(message: String, file: String, line: Int, column: Int, lineText: String) {
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.lineText = lineText
    }

    public var description: String {
        let number = String(line)
        let gutter = String(repeating: " ", count: number.count)
        // Tabs in the echoed line are kept, and the caret line reproduces them so the caret lands under the place.
        let prefix = lineText.unicodeScalars.prefix(max(0, column - 1))
        var caretPad = ""
        for scalar in prefix { caretPad += scalar == "\t" ? "\t" : (scalar.value >= 0x1100 ? "  " : " ") }
        return "error: \(message)\n\(gutter)--> \(file):\(line):\(column)\n\(number) | \(lineText)\n\(gutter) | \(caretPad)^"
    }
}
