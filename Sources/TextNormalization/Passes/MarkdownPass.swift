/// Pass 3, markdown: the markup that HTML-to-markdown and PDF-to-markdown extractors leave behind.
///
/// - Fixes: ATX headings (`## 一、总体情况` → `一、总体情况`), bold and strong markers (`**一是**` → `一是`,
///   `__x__`), bullets (`- （一）存在问题` → `（一）存在问题`), block quotes, links and images
///   (`[x](mailto:x)` → `x`), rule lines (`------`, `***`, `===`, also with tabs between dash runs), and pipe
///   tables (`| 规章 | 0 |  | 5 |` after a `|---|` row → `规章	0		5`, empty cells kept; the delimiter row removed),
///   and the HTML such tools leave: `<br>` → a space, comments and `<sup>`-like inline tags removed
///   (`MarkdownHTMLTable`).
/// - Produces: plain text lines.
/// - Never touches: a `-` before a digit (`-18` is a number; `- 3 -` is left to the page-artifacts pass), bullets or
///   headings on lines with tabs (table rows), single `*` (it can be a footnote mark).
struct MarkdownPass: NormalizationPass {
    let name = NormalizationPassName.markdown

    func apply(to input: UnsafeBufferPointer<UInt8>, lines cache: inout LineCache, configuration: NormalizationConfiguration)
        -> PassEdits?
    {
        // Quick reject: no byte that can start markdown (`|` for a pipe table drawn without a delimiter row).
        guard holdsMarkup(input) else { return nil }
        var builder = SpliceBuilder(input: input)
        let lines = cache.ranges(of: input)
        let marked = markedLines(lines, input)
        let tableRows = pipeTableRows(lines, marked: marked, input)
        for (index, line) in lines.enumerated() where marked[index] {
            if let row = tableRows[index] {
                // A pipe table row: its cells become tab-separated, as the tables of the seeds are; the delimiter
                // row goes. Inline markup inside the cells is still removed.
                if row.isEmpty {
                    let range = line.upperBound < input.count ? line.lowerBound..<(line.upperBound + 1) : line
                    builder.replace(range, with: [], rule: "pipe-table-delimiter")
                    continue
                }
                // A row of dashes only (`-|--`, too short a delimiter): converted it would be a rule line, which
                // goes; it goes now, so that normalising again changes nothing.
                if isRule(line, input, ignoringPipes: true) {
                    let range = line.upperBound < input.count ? line.lowerBound..<(line.upperBound + 1) : line
                    builder.replace(range, with: [], rule: "rule-line")
                    continue
                }
                var found = row.map { ($0.range, $0.replacement, "pipe-table") } + inlineMarkup(line, input)
                found.sort { ($0.0.lowerBound, -$0.0.upperBound) < ($1.0.lowerBound, -$1.0.upperBound) }
                var last = line.lowerBound
                for (range, replacement, rule) in found where range.lowerBound >= last {
                    builder.replace(range, with: replacement, rule: rule)
                    last = range.upperBound
                }
                continue
            }
            // A line without a byte that markdown is made of (most lines of a report) has nothing to remove (`|`
            // alone marks a line for the pipe tables only).
            guard hasMarkupByte(line, input) else { continue }
            if isRule(line, input) {
                let range = line.upperBound < input.count ? line.lowerBound..<(line.upperBound + 1) : line
                builder.replace(range, with: [], rule: "rule-line")
                continue
            }
            var found: [(Range<Int>, [UInt8], String)] = []
            let hasTab = holds(0x09, in: line, of: input)
            if !hasTab {
                // Nested markers (`# # -`, `- - x`) go together.
                var rest = line
                while let prefix = blockPrefix(rest, input) {
                    rest = prefix.0.upperBound..<line.upperBound
                }
                if rest.lowerBound > line.lowerBound {
                    let rule = blockPrefix(line, input)!.2
                    found.append((line.lowerBound..<rest.lowerBound, [], rule))
                }
            }
            found += inlineMarkup(line, input)
            // Earliest first; of two that start together, the longer (a block prefix that swallows a `**`).
            found.sort { ($0.0.lowerBound, -$0.0.upperBound) < ($1.0.lowerBound, -$1.0.upperBound) }
            var last = line.lowerBound
            for (range, replacement, rule) in found where range.lowerBound >= last {
                builder.replace(range, with: replacement, rule: rule)
                last = range.upperBound
            }
        }
        return builder.finish()
    }

    /// Whether the text holds a byte markdown is made of (`isMarkupByte`, or `|`), found with the markup kernel.
    private func holdsMarkup(_ input: UnsafeBufferPointer<UInt8>) -> Bool {
        let skipping = ByteKernel.isSkipping
        var i = 0
        while i < input.count {
            i = input.nextCandidate(from: i, .markup, skipping: skipping)
            guard i < input.count else { return false }
            if Self.isMarkupByte(input[i]) || input[i] == 0x7C { return true }
            i += 1
        }
        return false
    }

    /// For each line, whether it holds a byte markdown is made of (`hasMarkupByte`, or `|`): found with the markup
    /// kernel, so that the lines of plain text cost nothing beyond the scan.
    func markedLines(_ lines: [Range<Int>], _ input: UnsafeBufferPointer<UInt8>) -> [Bool] {
        var marked = [Bool](repeating: false, count: lines.count)
        let skipping = ByteKernel.isSkipping
        var i = 0
        var line = 0
        let n = input.count
        while i < n {
            i = input.nextCandidate(from: i, .markup, skipping: skipping)
            while i < n {
                let b = input[i]
                guard Self.isMarkupByte(b) || b == 0x7C else {
                    i += 1
                    continue
                }
                while lines[line].upperBound < i { line += 1 }
                marked[line] = true
                i = lines[line].upperBound + 1  // the rest of the line needs no look
                break
            }
        }
        return marked
    }

    /// Whether the line holds a byte that block prefixes, rules and inline markup start with or consist of
    /// (`isMarkupByte`).
    private func hasMarkupByte(_ line: Range<Int>, _ input: UnsafeBufferPointer<UInt8>) -> Bool {
        input[line].contains(where: Self.isMarkupByte)
    }

    /// One of `# * _ - = > + [ <` (all in 0x23…0x5F: the bytes of other characters, Han above all, fail the first
    /// test). The markup kernel of `CByteScan` flags these and `|`.
    @inline(__always)
    static func isMarkupByte(_ b: UInt8) -> Bool {
        b >= 0x23 && b <= 0x5F
            && (b == 0x23 || b == 0x2A || b == 0x5F || b == 0x2D || b == 0x3D || b == 0x3E || b == 0x2B || b == 0x5B || b == 0x3C)
    }

    /// `---`, `***`, `===`, `___` (three or more), alone on the line, possibly split by spaces or tabs.
    /// `ignoringPipes`: `|` counts as a cell separator (a tab once the row is converted).
    private func isRule(_ line: Range<Int>, _ input: UnsafeBufferPointer<UInt8>, ignoringPipes: Bool = false) -> Bool {
        var marks = 0
        var kind: UInt8 = 0
        for b in input[line] {
            switch b {
            case 0x20, 0x09: continue
            case 0x7C where ignoringPipes: continue
            case 0x2D, 0x2A, 0x3D, 0x5F:
                if kind == 0 { kind = b } else if kind != b { return false }
                marks += 1
            default: return false
            }
        }
        return marks >= 3
    }

    /// A heading, bullet or quote marker at the start of a line (after up to three spaces).
    private func blockPrefix(_ line: Range<Int>, _ input: UnsafeBufferPointer<UInt8>) -> (Range<Int>, [UInt8], String)? {
        var i = line.lowerBound
        while i < line.upperBound, i - line.lowerBound < 3, input[i] == 0x20 { i += 1 }
        guard i < line.upperBound else { return nil }
        let start = i
        func spaces(after k: Int) -> Int? {
            var j = k
            while j < line.upperBound, input[j] == 0x20 { j += 1 }
            return j > k && j < line.upperBound ? j : nil
        }
        switch input[i] {
        case 0x2A where i + 1 < line.upperBound && input[i + 1] == 0x2A, 0x5F where i + 1 < line.upperBound && input[i + 1] == 0x5F:
            // A bold marker in front of a block marker (`**# 标题`, `**- 条目`): part of the prefix.
            var end = i
            while end < line.upperBound, input[end] == input[i] { end += 1 }
            guard end < line.upperBound, blockPrefix(end..<line.upperBound, input) != nil else { return nil }
            return (line.lowerBound..<end, [], "bold")
        case 0x23:  // #
            while i < line.upperBound, input[i] == 0x23 { i += 1 }
            guard i - start <= 6, let end = spaces(after: i) else { return nil }
            return (line.lowerBound..<end, [], "heading")
        case 0x2D, 0x2A, 0x2B:  // - * +
            guard let end = spaces(after: i + 1) else { return nil }
            // `- 3 -` and `- 18` are numbers and page furniture, not bullets.
            if (0x30...0x39).contains(input[end]) { return nil }
            return (line.lowerBound..<end, [], "bullet")
        case 0x3E:  // >
            let end = spaces(after: i + 1) ?? i + 1
            return (line.lowerBound..<end, [], "quote")
        default:
            return nil
        }
    }

    /// `**bold**`, `__strong__` markers and `[text](target)` links inside a line.
    private func inlineMarkup(_ line: Range<Int>, _ input: UnsafeBufferPointer<UInt8>) -> [(Range<Int>, [UInt8], String)] {
        let found = inlineMarkupOnce(line, input)
        guard !found.isEmpty else { return found }
        // Without `[` or `<` the line's markup is `*` and `_` runs alone, which one pass settles (a maximal run
        // removed joins two characters that are no markers): the settling below would find nothing.
        if !holds(0x5B, in: line, of: input) && !holds(0x3C, in: line, of: input) {
            return found
        }
        // Removing markup can make new markup (an inner link gone, outer brackets pair up; markers meet): such a line
        // is settled here, by applying the rules until nothing changes, and rewritten whole — a second run must find
        // nothing.
        let bytes = Array(input[line])
        let once = Self.apply(found, to: bytes, offset: line.lowerBound)
        var settled = once
        for _ in 0..<bytes.count {
            let again = settled.withUnsafeBufferPointer { inlineMarkupOnce(0..<settled.count, $0) }
            guard !again.isEmpty else { break }
            let next = Self.apply(again, to: settled, offset: 0)
            if next == settled { break }
            settled = next
        }
        return settled == once ? found : [(line, settled, "inline-markup")]
    }

    /// `bytes` (the text of `offset..<offset + bytes.count`) with the non-overlapping edits of `found` applied,
    /// earliest first (as the pass applies them).
    private static func apply(_ found: [(Range<Int>, [UInt8], String)], to bytes: [UInt8], offset: Int) -> [UInt8] {
        let sorted = found.sorted { ($0.0.lowerBound, -$0.0.upperBound) < ($1.0.lowerBound, -$1.0.upperBound) }
        var out: [UInt8] = []
        var last = offset
        for (range, replacement, _) in sorted where range.lowerBound >= last {
            out += bytes[(last - offset)..<(range.lowerBound - offset)]
            out += replacement
            last = range.upperBound
        }
        out += bytes[(last - offset)...]
        return out
    }

    private func inlineMarkupOnce(_ line: Range<Int>, _ input: UnsafeBufferPointer<UInt8>) -> [(Range<Int>, [UInt8], String)] {
        // Each kind of inline markup starts with its own byte (`*` `_`, `[`, `<`): a line is scanned byte by byte
        // only for the kinds whose byte memchr finds in it (a pipe-table row of a report holds none of them).
        let hasLink = holds(0x5B, in: line, of: input)
        let hasHTML = holds(0x3C, in: line, of: input)
        guard holds(0x2A, in: line, of: input) || holds(0x5F, in: line, of: input) else {
            return (hasLink ? links(line, input) : []) + (hasHTML ? htmlFragments(line, input) : [])
        }
        var found: [(Range<Int>, [UInt8], String)] = []
        var i = line.lowerBound
        while i < line.upperBound {
            let b = input[i]
            if b == 0x2A || b == 0x5F {
                // A maximal run of `*` and `_`: markup when it holds a `**` or `__` (`**`, `__`, `_**_`), removed whole
                // — its neighbours are not markers, so removing it never makes a new run (one pass settles it).
                var end = i + 1
                var hasPair = false
                while end < line.upperBound, input[end] == 0x2A || input[end] == 0x5F {
                    if input[end] == input[end - 1] { hasPair = true }
                    end += 1
                }
                guard hasPair else {
                    i = end
                    continue
                }
                // `__` between word characters (snake_case) is not markup.
                let onlyUnderscores = input[i..<end].allSatisfy { $0 == 0x5F }
                if onlyUnderscores, i > line.lowerBound, isWordByte(input[i - 1]), end < line.upperBound, isWordByte(input[end]) {
                    i = end
                    continue
                }
                found.append((i..<end, [], input[i..<end].contains(0x2A) ? "bold" : "strong"))
                i = end
                continue
            }
            i += 1
        }
        return found + (hasLink ? links(line, input) : []) + (hasHTML ? htmlFragments(line, input) : [])
    }

    /// The HTML that PDF-to-markdown tools leave in markdown (`MarkdownHTMLTable`): a `<br>` (a line break inside a
    /// table cell, `|行政规范性文<br>件<br>0|`) becomes a space — the CJK-spacing pass then joins a label's wrapped
    /// halves, a value stays a space apart from its label — and comments and inline tags go.
    private func htmlFragments(_ line: Range<Int>, _ input: UnsafeBufferPointer<UInt8>) -> [(Range<Int>, [UInt8], String)] {
        var found: [(Range<Int>, [UInt8], String)] = []
        var i = line.lowerBound
        while i < line.upperBound {
            guard input[i] == 0x3C else {  // `<`
                i += 1
                continue
            }
            if let (end, replacement, rule) = MarkdownHTMLTable.match(at: i, in: line, input) {
                found.append((i..<end, replacement, rule))
                i = end
            } else {
                i += 1
            }
        }
        guard !found.isEmpty else { return found }
        // Fragments that removing others makes (`<br<br>/>`): the line is settled in one pass and rewritten whole.
        let settled = MarkdownHTMLTable.settle(input[line])
        let original = Array(input[line])
        if settled == Self.apply(found, to: original, offset: line.lowerBound) { return found }
        // Only the stretch that differs is rewritten, so that a table row's cell separators around it still are.
        var prefix = 0
        while prefix < min(original.count, settled.count), original[prefix] == settled[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < min(original.count, settled.count) - prefix,
            original[original.count - 1 - suffix] == settled[settled.count - 1 - suffix]
        {
            suffix += 1
        }
        let range = (line.lowerBound + prefix)..<(line.upperBound - suffix)
        return [(range, Array(settled[prefix..<(settled.count - suffix)]), "html-markup")]
    }

    /// `[text](target)` links, nested ones too (`[[a](x)](y)` → `a` in one pass, so that a second run finds none): a
    /// link is replaced by its text; a link that holds another loses its `[` and `](target)` instead, which leaves
    /// the inner link's own replacement apart.
    private func links(_ line: Range<Int>, _ input: UnsafeBufferPointer<UInt8>) -> [(Range<Int>, [UInt8], String)] {
        var found: [(Range<Int>, [UInt8], String)] = []
        var stack: [(open: Int, holdsLink: Bool)] = []
        // Where the last search for a link's `)` ran into a space or the line's end without one: a search starting
        // before it fails there too (without this, `[a]([a]([a](…` searched to the line's end for every `](`).
        var noCloseBefore = line.lowerBound
        var i = line.lowerBound
        while i < line.upperBound {
            switch input[i] {
            case 0x5B:  // [
                stack.append((i, false))
            case 0x5D:  // ]
                guard let top = stack.popLast() else { break }
                guard i + 1 < line.upperBound, input[i + 1] == 0x28, i + 2 >= noCloseBefore else { break }
                var end = i + 2
                while end < line.upperBound, input[end] != 0x29, input[end] != 0x20 { end += 1 }
                guard end < line.upperBound, input[end] == 0x29 else {
                    noCloseBefore = end
                    break
                }
                let start = top.open > line.lowerBound && input[top.open - 1] == 0x21 ? top.open - 1 : top.open  // ![image](…)
                if top.holdsLink {
                    found.append((start..<(top.open + 1), [], "link"))
                    found.append((i..<(end + 1), [], "link"))
                } else {
                    found.append((start..<(end + 1), Array(input[(top.open + 1)..<i]), "link"))
                }
                if !stack.isEmpty { stack[stack.count - 1].holdsLink = true }
                i = end
            default:
                break
            }
            i += 1
        }
        return found
    }

    private func isWordByte(_ b: UInt8) -> Bool {
        (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b)
    }
}
