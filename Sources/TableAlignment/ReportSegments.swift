/// Texts that hold several reports (a page with a department's report and its bureau's, reports of two years
/// concatenated by a scraper): the line range of each report, so that each is aligned on its own.
///
/// A report is counted where the 表二 heading (`二、主动公开政府信息情况`) is followed by the 表三 heading before the
/// next 表二 heading, with table values in between. A table of contents (headings without values) is not a report.
/// Headings are matched exactly (after the matching key), never fuzzily: a garbled heading never splits a report.
public enum ReportSegments {
    static let activeHeading = Array(LabelMatching.key("主动公开政府信息情况").utf8)
    static let requestsHeading = Array(LabelMatching.key("收到和处理政府信息公开申请情况").utf8)
    static let overviewHeading = Array(LabelMatching.key("总体情况").utf8)
    /// Lines holding a number that a report's first two tables carry at least (a table of contents carries none).
    static let minimumValueLines = 6

    /// The line range of each report in `lines`; one range over all lines when there is at most one report.
    public static func find(_ lines: [Substring]) -> [Range<Int>] {
        // Most texts hold one report, and this runs on all: first only the short lines that hold the 表二 heading's
        // first character (`主`, E4 B8 BB) get a matching key; two such headings are needed before anything else.
        func holdsZhu(_ line: Substring) -> Bool { line.containsUTF8("主") }
        let candidates = lines.indices.filter { lines[$0].utf8.count <= 150 && holdsZhu(lines[$0]) }
        let activeKeys = candidates.map { Array(LabelMatching.key(lines[$0]).utf8) }
        let actives = zip(candidates, activeKeys).filter { $1.count <= activeHeading.count + 24
            && EditionDetector.bytes($1, contain: activeHeading) }.map(\.0)
        guard actives.count >= 2 else { return [0..<lines.count] }
        // Headings are short lines: only those get a matching key.
        let keys = lines.map { $0.utf8.count <= 150 ? Array(LabelMatching.key($0).utf8) : [] }
        func isHeading(_ k: Int, _ heading: [UInt8]) -> Bool {
            keys[k].count <= heading.count + 24 && EditionDetector.bytes(keys[k], contain: heading)
        }
        let requests = keys.indices.filter { isHeading($0, requestsHeading) }
        func hasValues(_ range: Range<Int>) -> Bool {
            range.filter { k in lines[k].utf8.contains { $0 >= 0x30 && $0 <= 0x39 } }.count >= minimumValueLines
        }
        // The 表二 headings that open a report: a 表三 heading follows before the next 表二 heading, and values too.
        var starts: [(active: Int, requests: Int)] = []
        for (i, active) in actives.enumerated() {
            let next = i + 1 < actives.count ? actives[i + 1] : lines.count
            guard let request = requests.first(where: { $0 > active && $0 < next }), hasValues(active..<next) else { continue }
            starts.append((active, request))
        }
        guard starts.count >= 2 else { return [0..<lines.count] }
        // A later report begins at its title (the nearest line naming an annual report, after the previous report's
        // 表三 heading), else at its 一、总体情况 heading, else at its 表二 heading.
        var cuts = [0]
        for i in 1..<starts.count {
            let low = starts[i - 1].requests + 1
            let before = stride(from: starts[i].active - 1, through: low, by: -1)
            let title = before.first { k in lines[k].contains("年度报告") && lines[k].utf8.count < 300 }
            let overview = before.first { isHeading($0, overviewHeading) && keys[$0].count <= overviewHeading.count + 9 }
            cuts.append(title ?? overview ?? starts[i].active)
        }
        return zip(cuts, cuts.dropFirst() + [lines.count]).map { $0..<$1 }
    }
}

extension AlignedReport {
    /// The report with every line number moved by `offset` (for a report aligned on a segment of a longer text).
    public func shifted(by offset: Int) -> AlignedReport {
        var copy = self
        for k in copy.cells.indices where copy.cells[k].line > 0 { copy.cells[k].line += offset }
        for k in copy.decisions.indices where copy.decisions[k].line > 0 { copy.decisions[k].line += offset }
        copy.regions = copy.regions.mapValues { ($0.lowerBound + offset)..<($0.upperBound + offset) }
        return copy
    }
}
