import CByteScan

/// Tables flattened to one line, labels and digits run together (a page whose markup was stripped):
/// `一、本年新收政府信息公开申请数量801000081二、上年结转…` is cut back into one line per row at the known labels, each
/// label followed by a space and the digits that stood after it. A whole report on one line (a scraper that joined
/// every block of a page with a space) is cut the same way, and at its section headings, each on a line of its own.
enum FlattenedRows {
    /// Lines of at least this many characters that hold three or more row labels are taken for flattened tables.
    static let minimumLength = 40
    /// The longest line cut (in characters): a whole report on one line (text scraped from a page with every
    /// block joined by a space) is a few thousand; a 100 MB dump is no report and is left alone.
    static let maximumLength = 200_000

    /// The row labels of both editions, indexed by their first scalar, longest first: built once.
    struct LabelIndex: Sendable {
        let byFirstScalar: [Unicode.Scalar: [[Unicode.Scalar]]]
        /// Labels that stand on a line of their own (section headings): the text after one starts a new line.
        let headings: Set<[Unicode.Scalar]>

        init(labels: some Sequence<String>, headings: some Sequence<String> = []) {
            var index: [Unicode.Scalar: [[Unicode.Scalar]]] = [:]
            let headings = Set(headings.map { Array($0.unicodeScalars) })
            for label in Set(labels).union(headings.map { String(String.UnicodeScalarView($0)) })
            where label.unicodeScalars.count >= 2 {
                let scalars = Array(label.unicodeScalars)
                index[scalars[0], default: []].append(scalars)
            }
            byFirstScalar = index.mapValues { $0.sorted { $0.count > $1.count } }
            self.headings = headings
            // The BMP's groups in an array, found by a table lookup: most characters of a line start some label
            // (本, 行, 其, 一…), and hashing each one cost more than comparing the labels.
            var slots = [UInt16](repeating: 0, count: 0x10000)
            var groups: [[[Unicode.Scalar]]] = []
            for (scalar, labels) in byFirstScalar where scalar.value < 0x10000 {
                groups.append(labels)
                slots[Int(scalar.value)] = UInt16(groups.count)
            }
            self.slotInBMP = slots
            self.groupsInBMP = groups
            self.hasStartsBeyondBMP = index.keys.contains { $0.value >= 0x10000 }
        }

        /// Per BMP scalar, 1 + the index in `groupsInBMP` of the labels that start with it (0: none).
        let slotInBMP: [UInt16]
        let groupsInBMP: [[[Unicode.Scalar]]]
        let hasStartsBeyondBMP: Bool

        /// The labels that start with `text[i]`, longest first; nil for a scalar no label starts with.
        private func candidates(at i: Int, in text: [Unicode.Scalar]) -> [[Unicode.Scalar]]? {
            let v = text[i].value
            if v < 0x10000 {
                let slot = slotInBMP[Int(v)]
                return slot == 0 ? nil : groupsInBMP[Int(slot) - 1]
            }
            return hasStartsBeyondBMP ? byFirstScalar[text[i]] : nil
        }

        /// The longest label that starts at `i` in `text`, if any.
        func label(at i: Int, in text: [Unicode.Scalar]) -> Int? {
            guard let candidates = candidates(at: i, in: text) else { return nil }
            for label in candidates where i + label.count <= text.count {
                var equal = true
                for k in 1..<label.count where text[i + k] != label[k] {
                    equal = false
                    break
                }
                if equal { return label.count }
            }
            return nil
        }

        /// The length of a label cut short where its cell wrapped that starts at `i` (the rest of it printed
        /// elsewhere: `二、上年结转政府信息公开申 4 0 0 15 15 0 34`, `请数量` after the repeated header): a proper prefix of
        /// a label, `minimumPrefix` scalars at least, and what follows it up to the space before a number.
        func cutShortLabel(at i: Int, in text: [Unicode.Scalar]) -> Int? {
            guard let candidates = candidates(at: i, in: text) else { return nil }
            var best: (prefix: Int, label: [Unicode.Scalar])? = nil
            for label in candidates where label.count > FlattenedRows.minimumPrefix {
                var k = 1
                while k < label.count, i + k < text.count, text[i + k] == label[k] { k += 1 }
                if k >= FlattenedRows.minimumPrefix, k < label.count, k > best?.prefix ?? 0 { best = (k, label) }
            }
            guard let (prefix, label) = best else { return nil }
            // Fragments of a neighbouring cell may stand inside the rest of the label or after it, before the number
            // (a group label wrapped beside the row's: `4.无正当理由大量反复理 0 1 2 …`, the `理` of `（五）不予处理`;
            // `1.本机关不）无掌握相关政 6 1 …`, `（四）无` inside): a few characters in all. The label's text runs
            // to the space before the number.
            var next = i + prefix
            var k = prefix
            var foreign = 0
            while next < text.count, text[next] != " ", !("0"..."9").contains(text[next]) {
                if k < label.count, text[next] == label[k] {
                    k += 1
                } else {
                    foreign += 1
                    if foreign > FlattenedRows.foreignFragment { return nil }
                }
                next += 1
            }
            let labelEnd = next
            while next < text.count, text[next] == " " { next += 1 }
            return next > labelEnd && next < text.count && ("0"..."9").contains(text[next]) ? labelEnd - i : nil
        }
    }

    /// The fewest characters of a label, cut short where its cell wrapped, that still cut a row.
    static let minimumPrefix = 6
    /// The most characters of another cell inside or after a label cut short, before its row's first number.
    static let foreignFragment = 3

    /// `lines` with every flattened line of `region` cut into rows; the same lines otherwise.
    /// Also returns, for each output line, the input line it came from.
    static func unflatten(_ lines: [Substring], region: Range<Int>, labels: LabelIndex)
        -> (lines: [Substring], changed: Bool, origin: [Int])
    {
        var out: [Substring] = []
        var origin: [Int] = []
        var changed = false
        for (k, line) in lines.enumerated() {
            // Cheap tests first: UTF-8 length bounds the scalar count from above (a scalar is at most 4 bytes) and
            // from below (at least 1), and a flattened row carries ASCII digits.
            let bytes = line.utf8.count
            guard region.contains(k), bytes >= minimumLength, bytes <= 4 * maximumLength,
                line.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }),
                case let scalars = scalarCount(line), scalars >= minimumLength, scalars <= maximumLength,
                let rows = split(line, labels: labels)
            else {
                out.append(line)
                origin.append(k)
                continue
            }
            out += rows
            origin += Array(repeating: k, count: rows.count)
            changed = true
        }
        return (out, changed, origin)
    }

    /// The second reading of a text `unflatten` cut lines of: every line a token a line, split at every space,
    /// tab and `|` (`tokenSeparators`), a run of them leaving empty lines between, as `pdftotext` writes a
    /// table's cells one under the other before a pipeline joins its lines with spaces (`一、本年新收政府信息公 5
    /// 开申请数量  52  4  46 …`: a label cut where its cell wrapped, the row's first value inside it, the others
    /// after it). The aligner reads such lines as it reads `pdftotext`'s. Every line, not only those cut: a
    /// flattened page whose labels were too broken to cut at is a flattened page all the same. Also returns, for
    /// each output line, the input line it came from.
    static func tokenLines(_ lines: [Substring], separators: Set<UInt8> = tokenSeparators)
        -> (lines: [Substring], changed: Bool, origin: [Int])
    {
        var out: [Substring] = []
        var origin: [Int] = []
        for (k, line) in lines.enumerated() {
            let before = out.count
            var start = line.utf8.startIndex
            var index = start
            while index < line.utf8.endIndex {
                if separators.contains(line.utf8[index]) {
                    out.append(line[start..<index])
                    start = line.utf8.index(after: index)
                }
                index = line.utf8.index(after: index)
            }
            out.append(line[start..<line.endIndex])
            origin += repeatElement(k, count: out.count - before)
        }
        return (out, true, origin)
    }

    /// A third reading of a text `unflatten` cut lines of: every line cut after each run of numbers that Han text
    /// follows (`人 本年新收政府信息公开申37 。 26 2 20 58 33 176 ⏎ 请数量 二 上年结转…`), so that each line ends
    /// with its row's values, whatever its label looks like. Cutting at labels needs a label's first six
    /// characters as the template prints them, which OCR rarely leaves (`一、` read as `人 `); a row's values
    /// end it all the same. Also returns, for each output line, the input line it came from.
    static func valueRunLines(_ lines: [Substring]) -> (lines: [Substring], changed: Bool, origin: [Int]) {
        // (See `valueRunSource` for how the aligner weighs this reading.)
        var out: [Substring] = []
        var origin: [Int] = []
        for (k, line) in lines.enumerated() {
            let tokens = line.pieces(separatedBy: 0x20)
            var start = line.startIndex
            var previousIsNumber = false
            for token in tokens where !token.isEmpty {
                let isNumber = token.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2C || $0 == 0x2D }
                    && token.utf8.contains { $0 >= 0x30 && $0 <= 0x39 }
                // Han in the token after a number: a new row's label (or the rest of this one's) starts here.
                if previousIsNumber, !isNumber, token.utf8.contains(where: { $0 >= 0xE4 && $0 <= 0xE9 }) {
                    out.append(line[start..<token.startIndex])
                    origin.append(k)
                    start = token.startIndex
                }
                previousIsNumber = isNumber
            }
            out.append(line[start..<line.endIndex])
            origin.append(k)
        }
        return (out, true, origin)
    }

    /// The name of the `valueRunLines` reading among the aligner's readings of a flattened text.
    static let valueRunSource = "cut after its values"

    /// What separates the tokens of a flattened line: spaces (lines joined with them), and the cell separators a
    /// flattened table keeps (tabs, the pipes of a markdown table whose rows were joined). The aligner reads a
    /// flattened text both with all of them and with spaces alone (`spaces`): a tab or a pipe may stand between a
    /// row's cells, where a line break helps, or between a label's cut halves, where it does not.
    static let tokenSeparators: Set<UInt8> = [0x20, 0x09, 0x7C]
    static let spaces: Set<UInt8> = [0x20]

    /// The number of Unicode scalars of `line`, counted on its bytes (the vector loop of CByteScan).
    static func scalarCount(_ line: Substring) -> Int {
        line.utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress else { return 0 }
            return nb_count_scalars(base, bytes.count)
        } ?? line.unicodeScalars.count
    }

    /// The rows of one flattened line, or nil when it does not hold at least three labels followed by digits.
    static func split(_ line: Substring, labels: LabelIndex) -> [Substring]? {
        let text = LabelMatching.scalars(line)
        // Each label's occurrences, in line order, without overlaps (longest first at a position).
        var found: [(start: Int, end: Int)] = []
        var i = 0
        while i < text.count {
            if let length = labels.label(at: i, in: text) ?? labels.cutShortLabel(at: i, in: text) {
                found.append((i, i + length))
                i += length
            } else {
                i += 1
            }
        }
        guard found.count >= 3 else { return nil }
        // Three labels followed by a number are needed (`withDigits` below): counted on the scalars first, so that a
        // line that only names rows (canonical text's `三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密`, a note)
        // is turned away before any string is built.
        let isHeading = found.map { labels.headings.contains(Array(text[$0.start..<$0.end])) }
        var numbered = 0
        for (n, match) in found.enumerated() where !isHeading[n] {
            let next = n + 1 < found.count ? found[n + 1].start : text.count
            var k = match.end
            while k < next, text[k] == " " || text[k] == "\t" || text[k] == "|" { k += 1 }
            if k < next, ("0"..."9").contains(text[k]) || text[k] == "." || text[k] == "-" { numbered += 1 }
        }
        guard numbered >= 3 else { return nil }
        func string(_ range: Range<Int>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: text[range])
            return String(view)
        }
        var rows: [Substring] = []
        var withDigits = 0
        if let first = found.first, first.start > 0 { rows.append(Substring(string(0..<first.start))) }
        for (n, match) in found.enumerated() {
            let next = n + 1 < found.count ? found[n + 1].start : text.count
            let label = string(match.start..<match.end)
            // A markdown table flattened with the rest (`规范性文件 | 1 | 1 | 6 | | 第二十条…`: a converter that wrote
            // a table nested in a layout table on one line; the markdown pass makes its pipes tabs): its pipes and
            // tabs separate cells as spaces do.
            let rest = string(match.end..<next).readingCellSeparatorsAsSpaces.trimmingCharacters(in: " ")
            let digits = rest.filter { $0 != " " }
            if isHeading[n] {
                // A section heading on a line of its own, the prose after it on the next.
                rows.append(Substring(label))
                if !rest.isEmpty { rows.append(Substring(rest)) }
            } else if !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }) {
                withDigits += 1
                // Values a space apart stay apart (a page's cells joined by spaces); digits run together stay one
                // token, for the segmenter to cut where the identities hold. A space, not a tab, after the label
                // and between values: a flattened row says nothing about the columns of a short row's values (a
                // table that leaves its zeros blank), which tab cells would claim.
                // Digits printed against the label (a page's cells joined with nothing between them) stay against
                // it, so the row is read as such a row is (`RowSegmenter.cutWithBlanks`, `cutWithoutSum`).
                let glued = match.end < next && ("0"..."9").contains(text[match.end]) && !rest.contains(" ")
                rows.append(Substring(label + (glued ? "" : " ") + rest.split(separator: " ").joined(separator: " ")))
            } else if let values = valueCells(rest) {
                // Values with units (`933 6428232.45 元`): each value a cell, its unit kept with it.
                withDigits += 1
                rows.append(Substring(label + " " + values.joined(separator: " ")))
            } else if let (before, values, after) = wrappedAround(rest) {
                // A label whose cell wrapped, its lines printed before and after the values (`（二）部分公开（区` …
                // `分处理的，只计这一 1 1 0 0 0 0 2 情形，不计其他情形）`): the label's text before the values stays
                // with it, what follows them is a line of its own.
                withDigits += 1
                rows.append(Substring(label + before + " " + values.joined(separator: " ")))
                if !after.isEmpty { rows.append(Substring(after)) }
            } else {
                rows.append(Substring(label + (rest.isEmpty ? "" : "\t" + rest)))
            }
        }
        return withDigits >= 3 ? rows : nil
    }

    /// `rest` read as label text, then values a space apart, then label text without digits (either text may be
    /// missing, not both): the text before (joined), the values, the text after; nil otherwise.
    static func wrappedAround(_ rest: String) -> (before: String, values: [String], after: String)? {
        let parts = rest.split(separator: " ")
        guard let first = parts.firstIndex(where: { ValueTokenizer.value(of: $0) != nil }),
            let last = parts.lastIndex(where: { ValueTokenizer.value(of: $0) != nil }),
            first > 0 || last < parts.count - 1,
            let values = valueCells(parts[first...last].joined(separator: " ")),
            parts[..<first].allSatisfy({ !$0.contains(where: \.isASCII) }),
            parts[(last + 1)...].allSatisfy({ !$0.contains(where: { $0.isASCII && $0.isNumber }) })
        else { return nil }
        return (parts[..<first].joined(), values, parts[(last + 1)...].joined(separator: " "))
    }

    /// The space-separated values of `rest` when every part is a value (`251000元`, `12`) or a unit printed apart
    /// (`元`, joined to the value before it); nil otherwise.
    static func valueCells(_ rest: String) -> [String]? {
        var cells: [String] = []
        for part in rest.split(separator: " ") {
            if ValueTokenizer.units.contains(part), let last = cells.popLast() {
                cells.append(last + part)
            } else if ValueTokenizer.value(of: part) != nil {
                cells.append(String(part))
            } else {
                return nil
            }
        }
        return cells.isEmpty ? nil : cells
    }
}

extension String {
    /// The string with each `|` and tab (and the spaces around it) read as one space.
    fileprivate var readingCellSeparatorsAsSpaces: String {
        let isSeparator = { (c: Character) in c == "|" || c == "\t" }
        guard contains(where: isSeparator) else { return self }
        return split(whereSeparator: isSeparator).map { String($0).trimmingCharacters(in: " ") }.filter { !$0.isEmpty }
            .joined(separator: " ")
    }

    fileprivate func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s = s.dropFirst() }
        while s.last == set { s = s.dropLast() }
        return String(s)
    }
}
