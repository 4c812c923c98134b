import ReportModel
import ReportTemplates

/// The floor every real extractor must beat: what people write first.
///
/// It finds each table's section heading by plain substring search, splits the text after it on whitespace, and
/// hands the numbers it meets, in order, to the template's cells in order. No label is read, no repair is tried:
/// any blank, extra or shifted cell moves every value after it.
public enum NaiveExtractor {
    /// Cells read from `text`, for a report of `edition`.
    public static func extract(_ text: String, edition: Edition) -> CellFile {
        let template = ReportTemplate.for(edition)
        let headings: [(TableKind, String)] = [
            (.active, "主动公开政府信息情况"), (.requests, "收到和处理政府信息公开申请情况"), (.review, "行政复议、行政诉讼情况"),
        ]
        var cells: [Cell] = []
        for (k, (table, heading)) in headings.enumerated() {
            guard let start = text.range(of: heading)?.upperBound else { continue }
            let end = k + 1 < headings.count ? text[start...].range(of: headings[k + 1].1)?.lowerBound ?? text.endIndex : text.endIndex
            let numbers = text[start..<end].split(whereSeparator: { $0.isWhitespace }).compactMap { Double($0) }
            for (key, value) in zip(template.cellKeys(of: table), numbers) {
                cells.append(Cell(table: key.table, row: key.row, column: key.column, value: value))
            }
        }
        return CellFile(agency: nil, year: nil, edition: edition, cells: cells)
    }
}

extension StringProtocol {
    /// The first range of `target` (Foundation-free).
    fileprivate func range(of target: String) -> Range<Index>? {
        guard let first = target.first else { return nil }
        var index = startIndex
        while let found = self[index...].firstIndex(of: first) {
            if self[found...].hasPrefix(target) {
                return found..<self.index(found, offsetBy: target.count)
            }
            index = self.index(after: found)
        }
        return nil
    }
}
