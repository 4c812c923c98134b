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

    /// The fragment starting with the `<` at `start` of `line`: where it ends, what replaces it and the rule; nil when
    /// none starts there. Comments (`<!-- End of picture text -->`) must close on the same line.
    static func match(at start: Int, in line: Range<Int>, _ input: UnsafeBufferPointer<UInt8>)
        -> (end: Int, replacement: [UInt8], rule: String)?
    {
        func lowered(_ k: Int) -> UInt8 { input[k] >= 0x41 && input[k] <= 0x5A ? input[k] | 0x20 : input[k] }
        for entry in tags where start + entry.tag.count <= line.upperBound {
            if entry.tag.indices.allSatisfy({ lowered(start + $0) == entry.tag[$0] }) {
                return (start + entry.tag.count, entry.replacement, entry.rule)
            }
        }
        let open = Array("<!--".utf8)
        guard start + 7 <= line.upperBound, open.indices.allSatisfy({ input[start + $0] == open[$0] }) else { return nil }
        var k = start + 4
        while k + 3 <= line.upperBound {
            if input[k] == 0x2D, input[k + 1] == 0x2D, input[k + 2] == 0x3E { return (k + 3, [], "html-comment") }
            k += 1
        }
        return nil
    }
}
