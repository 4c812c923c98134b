import ReportModel

/// Full-width symbols whose ASCII form is markdown syntax: folding them must not create markup, because the
/// markdown pass runs before the punctuation pass and would remove it on a second run (normalising twice must change
/// nothing). A symbol stays full-width where its ASCII form would make markup; everywhere else it is folded.
enum MarkdownSafety {
    /// ASCII forms that markdown reads, each with its full-width form.
    static let symbols: [UInt8: UInt32] = [
        0x2A: 0xFF0A,  // * ＊: emphasis (`**`), bullets, rules
        0x5F: 0xFF3F,  // _ ＿: emphasis (`__`), rules
        0x23: 0xFF03,  // # ＃: headings at the start of a line
        0x2D: 0xFF0D,  // - －: bullets, rules
        0x2B: 0xFF0B,  // + ＋: bullets
        0x3E: 0xFF1E,  // > ＞: block quotes
        0x3D: 0xFF1D,  // = ＝: rules
        0x5B: 0xFF3B,  // [ ［: links
        0x5D: 0xFF3D,  // ] ］: links
    ]

    /// Whether replacing the full-width symbol at byte `start` (of `length` bytes) by `ascii` could make markup:
    /// next to the same symbol (either width), among the first marks of its line, on a line made of marks only, or a
    /// bracket on a line that holds a `](` in any width.
    static func wouldFormMarkdown(at start: Int, length: Int, ascii: String, _ input: UnsafeBufferPointer<UInt8>) -> Bool {
        guard ascii.utf8.count == 1, let byte = ascii.utf8.first, let wide = symbols[byte] else { return false }
        func isSame(_ c: UInt32) -> Bool { c == UInt32(byte) || c == wide }
        if start + length < input.count, isSame(decodeScalar(input, at: start + length).value) { return true }
        if start > 0, isSame(decodeScalar(input, at: previousScalarStart(input, before: start)).value) { return true }
        var lineStart = start
        while lineStart > 0, input[lineStart - 1] != 0x0A { lineStart -= 1 }
        var lineEnd = start + length
        while lineEnd < input.count, input[lineEnd] != 0x0A { lineEnd += 1 }
        // Only spaces and marks before it on the line: a block prefix (`＃ 标题`, `－ 条目`, `> ＞`).
        var k = lineStart
        var onlyMarks = true
        while k < start {
            let c = decodeScalar(input, at: k)
            if !(c.value == 0x20 || isMark(c.value)) { onlyMarks = false }
            k += c.length
        }
        if onlyMarks { return true }
        if byte == 0x5B || byte == 0x5D {
            let line = Array(input[lineStart..<lineEnd])
            let closers: [[UInt8]] = [[0x5D], [0xEF, 0xBC, 0xBD]]
            let openers: [[UInt8]] = [[0x28], [0xEF, 0xBC, 0x88]]
            for closer in closers {
                for opener in openers where contains(line, closer + opener) { return true }
            }
        }
        return false
    }

    /// A markdown mark in either width.
    private static func isMark(_ c: UInt32) -> Bool {
        (c < 0x80 && symbols[UInt8(c)] != nil) || symbols.values.contains(c)
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        for i in 0...(haystack.count - needle.count) where haystack[i..<(i + needle.count)].elementsEqual(needle) { return true }
        return false
    }
}
