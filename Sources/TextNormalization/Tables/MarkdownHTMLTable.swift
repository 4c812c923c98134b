/// The HTML fragments PDF-to-markdown tools (pymupdf4llm, docling, marker) leave in markdown, as data: what each
/// becomes. Whole tables (`<table>…</table>`, MinerU) are read as grids before normalisation, not here.
enum MarkdownHTMLTable {
    /// Tags, lowercase, each with its replacement and rule.
    static let tags: [(tag: [UInt8], replacement: [UInt8], rule: String)] = [
        (Array("<br>".utf8), [0x20], "html-line-break"),  // a line break inside a table cell: `|规章<br>0|`
        (Array("<br/>".utf8), [0x20], "html-line-break"),  // the same, XHTML
        (Array("<br />".utf8), [0x20], "html-line-break"),  // the same, with a space
        (Array("<sup>".utf8), [], "html-inline-tag"),  // superscript wrapped around header text: `审结<sup>总计</sup>`
        (Array("</sup>".utf8), [], "html-inline-tag"),
        (Array("<sub>".utf8), [], "html-inline-tag"),  // subscript, likewise
        (Array("</sub>".utf8), [], "html-inline-tag"),
    ]

    /// A comment's opening and closing.
    static let commentOpen = Array("<!--".utf8)
    static let commentClose = Array("-->".utf8)

    /// The byte in ASCII lowercase (tags match in any case).
    @inline(__always)
    static func lowered(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    /// The fragment starting with the `<` at `start` of `line`: where it ends, what replaces it and the rule; nil when
    /// none starts there. Comments (`<!-- End of picture text -->`) must close on the same line.
    static func match(at start: Int, in line: Range<Int>, _ input: UnsafeBufferPointer<UInt8>)
        -> (end: Int, replacement: [UInt8], rule: String)?
    {
        for entry in tags where start + entry.tag.count <= line.upperBound {
            if entry.tag.indices.allSatisfy({ lowered(input[start + $0]) == entry.tag[$0] }) {
                return (start + entry.tag.count, entry.replacement, entry.rule)
            }
        }
        guard start + 7 <= line.upperBound, commentOpen.indices.allSatisfy({ input[start + $0] == commentOpen[$0] }) else { return nil }
        var k = start + 4
        while k + 3 <= line.upperBound {
            if input[k] == 0x2D, input[k + 1] == 0x2D, input[k + 2] == 0x3E { return (k + 3, [], "html-comment") }
            k += 1
        }
        return nil
    }

    /// `bytes` with every fragment removed or replaced until none is left, in one pass: a fragment that removing
    /// another makes (`<br<br>/>` → `<br />` → a space) is found as it forms, so nested fragments cost linear time
    /// (rescanning after each removal took seconds for 20,000 levels).
    static func settle(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var commentStarts: [Int] = []  // where each `<!--` still open in `out` begins
        func endsWith(_ tag: [UInt8]) -> Bool {
            guard out.count >= tag.count else { return false }
            let offset = out.count - tag.count
            return tag.indices.allSatisfy { lowered(out[offset + $0]) == tag[$0] }
        }
        for byte in bytes {
            out.append(byte)
            if byte == 0x2D, endsWith(commentOpen) {
                commentStarts.append(out.count - 4)
            } else if byte == 0x3E {
                if let start = commentStarts.last, out.count - 3 >= start + 4, endsWith(commentClose) {
                    out.removeSubrange(start...)
                    commentStarts.removeLast()
                } else if let entry = tags.first(where: { endsWith($0.tag) }) {
                    out.removeLast(entry.tag.count)
                    out += entry.replacement
                    while let last = commentStarts.last, last + 4 > out.count { commentStarts.removeLast() }
                }
            }
        }
        return out
    }
}
