import ReportModel

/// Pass 6, split lines: rejoins sentences that a line or page break cut in two.
///
/// `…一次为《中` + blank line + `华人民共和国政府信息公开条例》…` becomes one line. A line is joined to the next
/// non-blank line (at most `LineBreakTable.maximumBlankLinesInBreak` blank lines between) when it is long enough to
/// be wrapped prose, does not end a sentence, and the next line continues it (starts with Han text, not a heading
/// or list marker).
///
/// - Produces: one line per paragraph where the extractor wrapped paragraphs.
/// - Never touches: lines with tabs, with column gaps of three or more spaces, with numbers as space-separated
///   cells, or ending with a number printed against a label, without sentence punctuation (table rows are never
///   joined to a neighbour), short lines (titles, headings,
///   one-cell-per-line table text), a line that ends a sentence.
struct SplitLinesPass: NormalizationPass {
    let name = NormalizationPassName.splitLines

    /// The length past which a line's length no longer changes a decision (`scalarCount(_:_:upTo:)`).
    static let countsUpTo = max(LineBreakTable.minimumWrappedLineLength, LineBreakTable.maximumHeadingLength)

    func apply(to input: UnsafeBufferPointer<UInt8>, lines cache: inout LineCache, configuration: NormalizationConfiguration)
        -> PassEdits?
    {
        let lines = cache.ranges(of: input)
        guard lines.count > 1 else { return nil }
        var builder = SpliceBuilder(input: input)
        var k = 0
        // Length in scalars of the paragraph built so far (a joined line counts as long as its parts together).
        var paragraphLength = 0
        while k < lines.count {
            let line = lines[k]
            let content = trimmedEnd(line, input)
            // Cheap checks first: an empty line, a finished sentence or a table row ends the paragraph.
            guard !content.isEmpty,
                !LineBreakTable.isTerminal(decodeScalar(input, at: previousScalarStart(input, before: content.upperBound)).value),
                !holds(0x09, in: line, of: input), !endsWithNumberToken(content, input), !isTableRow(content, input)
            else {
                paragraphLength = 0
                k += 1
                continue
            }
            let last = decodeScalar(input, at: previousScalarStart(input, before: content.upperBound)).value
            let contentLength = scalarCount(content, input, upTo: Self.countsUpTo)
            paragraphLength += contentLength
            guard paragraphLength >= LineBreakTable.minimumWrappedLineLength else {
                paragraphLength = 0
                k += 1
                continue
            }
            let isShortHeading =
                paragraphLength < LineBreakTable.maximumHeadingLength && startsBlock(content, input)
                && !containsSentenceEnd(content, input)
            guard !LineBreakTable.isTerminal(last), !isShortHeading else {
                paragraphLength = 0
                k += 1
                continue
            }
            // The next non-blank line, within the allowed number of blank lines.
            var next = k + 1
            while next < lines.count, next - k - 1 <= LineBreakTable.maximumBlankLinesInBreak,
                isBlank(lines[next], input)
            {
                next += 1
            }
            // A short block standing alone between blank lines (a title, a signature) ends at the blank line.
            let isAcrossBlank = next > k + 1
            let startsAfterBlank = k == 0 || isBlank(lines[k - 1], input)
            let isStandaloneShortBlock =
                isAcrossBlank && startsAfterBlank && paragraphLength == contentLength
                && paragraphLength < LineBreakTable.maximumHeadingLength && !containsSentenceEnd(content, input)
            guard next < lines.count, next - k - 1 <= LineBreakTable.maximumBlankLinesInBreak,
                !isStandaloneShortBlock, continues(lines[next], input), !holds(0x09, in: lines[next], of: input),
                !endsWithNumberToken(trimmedEnd(lines[next], input), input),
                !isTableRow(trimmedEnd(lines[next], input), input)
            else {
                paragraphLength = 0
                k += 1
                continue
            }
            var start = lines[next].lowerBound
            while start < lines[next].upperBound, input[start] == 0x20 { start += 1 }
            builder.replace(content.upperBound..<start, with: [], rule: next == k + 1 ? "line-break" : "page-break")
            k = next
        }
        return builder.finish()
    }

    /// Whether the line reads as a table row, which must never be joined to its neighbour: it has a gap of three
    /// or more spaces between two of its characters (the column gap of `pdftotext -layout` output), or it is table
    /// cells written as running text (`信息内容 本年处理决定数量 行政处罚 33 行政强制 0 第二十条第（八）项`: two or more
    /// numbers standing alone between spaces and no sentence punctuation — `，。；`, or the `,` `;` a later pass may
    /// turn into them). Trailing spaces are no gap (a later pass removes them, and the decision must not change
    /// when the text is normalised again). One scan for both.
    private func isTableRow(_ line: Range<Int>, _ input: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = line.lowerBound
        while i < line.upperBound, input[i] == 0x20 { i += 1 }
        // From space to space (memchr): the tokens between them and the runs of spaces. Prose has few spaces, so
        // most of a line is passed over without looking at its bytes one by one.
        var numbers = 0
        var tokenStart = i
        while tokenStart < line.upperBound {
            let space = offset(of: 0x20, in: tokenStart..<line.upperBound, of: input) ?? line.upperBound
            if space > tokenStart, isNumberToken(tokenStart..<space, input) { numbers += 1 }
            var runEnd = space
            while runEnd < line.upperBound, input[runEnd] == 0x20 { runEnd += 1 }
            if runEnd - space >= 3, runEnd < line.upperBound { return true }
            tokenStart = runEnd
        }
        guard numbers >= 2 || endsWithGluedNumber(i..<line.upperBound, input) else { return false }
        // Cells written as running text hold no sentence punctuation.
        var k = i
        while k < line.upperBound {
            let b = input[k]
            if b == 0x2C || b == 0x3B { return false }
            if b == 0xEF, k + 2 < line.upperBound, input[k + 1] == 0xBC, input[k + 2] == 0x8C || input[k + 2] == 0x9B {
                return false  // ， ；
            }
            if b == 0xE3, k + 2 < line.upperBound, input[k + 1] == 0x80, input[k + 2] == 0x82 { return false }  // 。
            k += 1
        }
        return true
    }

    /// Whether the line's last whitespace-separated token is a plain number after a space (`规章 0 0 0`,
    /// `行政许可 45`): a table row, never the first half of a split sentence.
    /// Whether the line ends with a number printed against the text before it (`规章115001271`,
    /// `二、上年结转政府信息公开申请数量3903800077`: a table's cells joined with nothing between them), the number
    /// right after a Han character. With no sentence punctuation on the line, such a line is
    /// a table row (`isTableRow`); a sentence wrapped after a number goes on with its unit (`…主动公开信息272` /
    /// `条，…`) and is still joined, its line or the next holding the sentence's commas.
    private func endsWithGluedNumber(_ line: Range<Int>, _ input: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = line.upperBound
        var digits = 0
        while k > line.lowerBound, case let b = input[k - 1], (b >= 0x30 && b <= 0x39) || b == 0x2E || b == 0x2C || b == 0x2D {
            if b >= 0x30 && b <= 0x39 { digits += 1 }
            k -= 1
        }
        // Han before it (a three-byte character of U+4000–U+9FFF); not a bracket (`〔2019〕60` / `号）…`).
        return digits > 0 && k - line.lowerBound >= 3 && input[k - 3] >= 0xE4 && input[k - 3] <= 0xE9
    }

    private func endsWithNumberToken(_ line: Range<Int>, _ input: UnsafeBufferPointer<UInt8>) -> Bool {
        // The last space, found with memrchr (most lines of prose have none, and were walked back byte by byte).
        guard let space = lastOffset(of: 0x20, in: line, of: input) else { return false }
        return isNumberToken((space + 1)..<line.upperBound, input)
    }

    private func isNumberToken(_ range: Range<Int>, _ input: UnsafeBufferPointer<UInt8>) -> Bool {
        // A value with its unit (`1,286,450.75元`, `22件`) is a table cell as much as a bare number.
        var range = range
        for unit in LineBreakTable.valueUnits where range.count > unit.count
            && input[(range.upperBound - unit.count)..<range.upperBound].elementsEqual(unit)
        {
            range = range.lowerBound..<(range.upperBound - unit.count)
            break
        }
        var digits = 0
        for k in range {
            let b = input[k]
            if b >= 0x30 && b <= 0x39 { digits += 1 } else if !(b == 0x2D && k == range.lowerBound) && b != 0x2E && b != 0x2C { return false }
        }
        return digits > 0
    }

    /// The first few scalars of a line, after its leading spaces.
    private func opening(_ line: Range<Int>, _ input: UnsafeBufferPointer<UInt8>) -> [UInt32] {
        var scalars: [UInt32] = []
        var i = line.lowerBound
        while i < line.upperBound, input[i] == 0x20 { i += 1 }
        while i < line.upperBound, scalars.count < 8 {
            let (c, length) = decodeScalar(input, at: i)
            scalars.append(c)
            i += length
        }
        return scalars
    }

    /// Whether a line continues the sentence before it.
    private func continues(_ line: Range<Int>, _ input: UnsafeBufferPointer<UInt8>) -> Bool {
        let scalars = opening(line, input)
        guard let first = scalars.first else { return false }
        // Han, 《, “ (and the forms later passes turn into them: ", ＂, < under the ascii policy).
        let opensText = CharacterClass.isHan(first) || [0x300A, 0x201C, 0x22, 0xFF02, 0x3C].contains(first)
        return opensText && !LineBreakTable.startsNewBlock(scalars[...])
    }

    /// Whether a line begins like a heading or list item (`四、…`, `（一）…`).
    private func startsBlock(_ line: Range<Int>, _ input: UnsafeBufferPointer<UInt8>) -> Bool {
        LineBreakTable.startsNewBlock(opening(line, input)[...])
    }

    /// Whether a `。` stands in the line (or `.` right after Han, as the ascii policy writes it): a heading has none,
    /// a numbered paragraph does (`2. 健全制度。习岗镇…`).
    private func containsSentenceEnd(_ line: Range<Int>, _ input: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = line.lowerBound
        while i < line.upperBound {
            if i + 2 < line.upperBound, input[i] == 0xE3, input[i + 1] == 0x80, input[i + 2] == 0x82 { return true }
            if input[i] == 0x2E, i >= line.lowerBound + 3, input[i - 3] >= 0xE4, input[i - 3] <= 0xE9 { return true }
            i += 1
        }
        return false
    }

    private func trimmedEnd(_ range: Range<Int>, _ input: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var upper = range.upperBound
        while upper > range.lowerBound, input[upper - 1] == 0x20 { upper -= 1 }
        return range.lowerBound..<upper
    }

    private func isBlank(_ range: Range<Int>, _ input: UnsafeBufferPointer<UInt8>) -> Bool {
        input[range].allSatisfy { $0 == 0x20 }
    }

    /// The length of a line in characters that carry content: Han, letters and digits (in any width, and the
    /// digits inside enclosed numbers). Spaces and punctuation do not count, so the length is the same before and
    /// after the later passes fold widths, punctuation and spacing (which keeps the pass idempotent).
    ///
    /// The count stops at `limit`: every decision compares lengths with `LineBreakTable.minimumWrappedLineLength`
    /// and `maximumHeadingLength` (`countsUpTo`, the larger), so a longer line reads the same as one of exactly
    /// `limit`, and a paragraph line is not read to its end.
    private func scalarCount(_ range: Range<Int>, _ input: UnsafeBufferPointer<UInt8>, upTo limit: Int) -> Int {
        var count = 0
        var i = range.lowerBound
        while i < range.upperBound, count < limit {
            // The common cases without decoding: U+5000–U+9FFF (lead bytes E5–E9) is Han, ASCII is a letter,
            // a digit, `|` or nothing.
            let b = input[i]
            if b >= 0xE5 && b <= 0xE9 {
                count += 1
                i += 3
                continue
            }
            if b < 0x80 {
                if b == 0x7C || CharacterClass.isASCIIAlphanumeric(UInt32(b)) { count += 1 }
                i += 1
                continue
            }
            let (c, length) = decodeScalar(input, at: i)
            i += length
            switch c {
            case 0x2474...0x2487: count += c >= 0x247D ? 2 : 1  // ⑴–⒇: （1）…（20）
            case 0x2488...0x249B: count += c >= 0x2491 ? 2 : 1  // ⒈–⒛
            case 0x2460...0x2473: count += c >= 0x2469 ? 2 : 1  // ①–⑳
            case 0x3220...0x3229: count += 1  // ㈠–㈩: one numeral
            case 0x7C: count += 1  // | is a 1 in OCR'd numbers
            case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A: count += 1
            default:
                if CharacterClass.isHan(c) || CharacterClass.isASCIIAlphanumeric(c) { count += 1 }
            }
        }
        return count
    }
}
