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

    /// Elements whose tags (opening with or without attributes, and closing) HTML-to-markdown converters leave
    /// around text they cannot write as markdown: what each tag becomes. Names lowercase.
    static let elements: [(name: [UInt8], replacement: [UInt8])] = [
        (Array("span".utf8), []),  // styled text: `<span style="font-size:14px">14</span>` in a pipe-table cell (pandoc)
        (Array("font".utf8), []),  // the same, older pages: `<font face="宋体">规章</font>`
        (Array("b".utf8), []),  // bold, `<b>`, where the converter keeps the tag
        (Array("strong".utf8), []),  // the same
        (Array("i".utf8), []),  // italics
        (Array("em".utf8), []),  // the same
        (Array("u".utf8), []),  // underline (no markdown form)
        (Array("small".utf8), []),  // smaller text
        (Array("o:p".utf8), []),  // Word's empty paragraph marker, on pages exported from Word
        (Array("a".utf8), []),  // a link kept as HTML: the text stays, the tags go
        (Array("p".utf8), [0x20]),  // a paragraph inside a table cell: a line break, as `<br>` is
        (Array("div".utf8), [0x20]),  // a block (`<div class="nav">` above the report): the same
    ]

    /// The longest tag with attributes, in bytes, that is removed; a longer `<…>` is left as text.
    static let longestTag = 256

    /// The replacement of the element tag that bytes `tag` (from `<` to `>`) are — `<span>`, `<span style="…">`,
    /// `</span>`, in any case — or nil when they are no such tag.
    static func elementTag<C: RandomAccessCollection<UInt8>>(_ tag: C) -> [UInt8]? where C.Index == Int {
        guard tag.count >= 3, tag.count <= longestTag, tag.first == 0x3C, tag.last == 0x3E else { return nil }
        var i = tag.startIndex + 1
        if tag[i] == 0x2F { i += 1 }  // `</`
        let nameStart = i
        while i < tag.endIndex - 1, isNameByte(lowered(tag[i])) { i += 1 }
        guard i > nameStart else { return nil }
        // After the name: `>`, or whitespace and attributes (no `<`, `>` or line break inside).
        if i < tag.endIndex - 1 {
            guard tag[i] == 0x20 || tag[i] == 0x09 else { return nil }
            for k in i..<(tag.endIndex - 1) where tag[k] == 0x3C || tag[k] == 0x3E || tag[k] == 0x0A { return nil }
        }
        let length = i - nameStart
        for entry in elements where entry.name.count == length {
            if entry.name.indices.allSatisfy({ lowered(tag[nameStart + $0]) == entry.name[$0] }) { return entry.replacement }
        }
        return nil
    }

    /// Letters, digits and `:` (`o:p`), lowercase.
    @inline(__always)
    private static func isNameByte(_ b: UInt8) -> Bool { (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x3A }

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
        // An element tag: the `>` that closes it comes before any other `<`.
        var close = start + 1
        while close < min(line.upperBound, start + longestTag), input[close] != 0x3E, input[close] != 0x3C { close += 1 }
        if close < line.upperBound, input[close] == 0x3E, let replacement = elementTag(input[start...close]) {
            return (close + 1, replacement, "html-inline-tag")
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
                } else if let open = out.indices.suffix(longestTag).last(where: { out[$0] == 0x3C }),
                    let replacement = elementTag(out[open...])
                {
                    out.removeSubrange(open...)
                    out += replacement
                    while let last = commentStarts.last, last + 4 > out.count { commentStarts.removeLast() }
                }
            }
        }
        return out
    }
}
