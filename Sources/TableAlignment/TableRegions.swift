import FuzzyMatching
import ReportModel

/// Where each table stands in the normalised text: the lines from its section heading (or, without one, its
/// first recognisable line) to the next table's or section's heading.
struct TableRegions {
    var ranges: [TableKind: Range<Int>] = [:]
    /// The line of each heading found (to keep in the canonical text).
    var headingLines: [TableKind: Int] = [:]
    var decisions: [AlignmentDecision] = []

    /// Section headings that open each table, and the one that follows the last.
    static let headings: [(TableKind?, String)] = [
        (.active, "二、主动公开政府信息情况"),
        (.requests, "三、收到和处理政府信息公开申请情况"),
        (.review, "四、政府信息公开行政复议、行政诉讼情况"),
        (nil, "五、存在的主要问题及改进情况"),
    ]

    /// Text that marks a table when its heading is missing or unreadable.
    static let anchors: [TableKind: [String]] = [
        .active: ["第二十条第（一）项", "信息内容"],
        .requests: ["本列数据的勾稽关系", "本年新收政府信息公开申请数量"],
        .review: ["未经复议直接起诉", "复议后起诉"],
    ]

    init(lines: [Substring], keys: [String]) {
        // Each table's heading line, or the line before its anchor when it has none (`byAnchor`): a table found by
        // its own labels has no heading line to end the table before it, which then runs up to the anchor.
        var found: [(kind: TableKind?, line: Int, byAnchor: Bool)] = []
        var searchFrom = 0
        // Each line key's length in scalars and its first five scalars, read once for the four headings.
        // (The openings in one flat array, five slots a line, 0 where a key is shorter: no array per line.)
        var keyLengths = [Int](repeating: 0, count: keys.count)
        var keyOpenings = [UInt32](repeating: 0, count: 5 * keys.count)
        for (k, key) in keys.enumerated() where !key.isEmpty {
            var count = 0
            for scalar in key.unicodeScalars {
                if count < 5 { keyOpenings[5 * k + count] = scalar.value }
                count += 1
            }
            keyLengths[k] = count
        }
        for (kind, heading) in Self.headings {
            let key = LabelMatching.key(heading)
            let scorer = CachedScorer(key)
            // A line that opens with none of the heading's first five characters (in its first five) cannot be
            // the heading, however garbled: skipped before the edit distance is computed.
            let opening = key.unicodeScalars.prefix(5).map(\.value)
            let keyScalarCount = key.unicodeScalars.count
            let longest = keyScalarCount * 3 / 2 + 4
            var best: (line: Int, score: Double)? = nil
            for k in searchFrom..<lines.count {
                let lineKey = keys[k]
                guard keyLengths[k] > 0, keyLengths[k] <= longest,
                    keyOpenings[(5 * k)..<(5 * k + min(5, keyLengths[k]))].contains(where: opening.contains)
                else { continue }
                // A heading may carry a trailing fragment; compare with the line's prefix of the heading's length.
                let scalars = lineKey.unicodeScalars
                let prefixEnd = scalars.index(scalars.startIndex, offsetBy: keyScalarCount + 2, limitedBy: scalars.endIndex) ?? scalars.endIndex
                let score = scorer.normalizedSimilarity(to: lineKey[..<prefixEnd])
                if score >= 0.72, score > (best?.score ?? 0) {
                    best = (k, score)
                    if score == 1 { break }
                }
            }
            if let best {
                found.append((kind, best.line, false))
                searchFrom = best.line + 1
                decisions.append(AlignmentDecision(
                    line: best.line + 1, raw: String(lines[best.line]), chosen: heading, score: best.score,
                    reason: "section heading"))
            } else if let kind, let anchor = Self.anchorLine(kind, keys, from: searchFrom) {
                found.append((kind, anchor - 1, true))
                searchFrom = anchor
                decisions.append(AlignmentDecision(
                    line: anchor + 1, raw: String(lines[anchor]), chosen: heading, score: 0.5,
                    reason: "heading not found: table located by its own labels"))
            }
        }
        for (k, entry) in found.enumerated() {
            guard let kind = entry.kind else { continue }
            let end = k + 1 < found.count ? found[k + 1].line + (found[k + 1].byAnchor ? 1 : 0) : lines.count
            ranges[kind] = (entry.line + 1)..<max(entry.line + 1, end)
            if entry.line >= 0, keys[entry.line].count > 4 { headingLines[kind] = entry.line }
        }
    }

    private static func anchorLine(_ kind: TableKind, _ lineKeys: [String], from start: Int) -> Int? {
        let keys = (anchors[kind] ?? []).map { Array(LabelMatching.key($0).utf8) }
        for k in start..<lineKeys.count {
            let lineKey = Array(lineKeys[k].utf8)
            if keys.contains(where: { EditionDetector.bytes(lineKey, contain: $0) }) { return k }
        }
        return nil
    }
}
