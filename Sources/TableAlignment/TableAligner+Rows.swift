import ReportModel

/// What the aligner reads around a table's values: the column positions its header gives, and rows printed with
/// every cell blank.
extension TableAligner {
    /// The centre of each column label (`labels`, in order) in the header lines `start..<end` of laid-out text, in
    /// characters and in display columns: every cell of those lines that is one of the labels (two spaces or more
    /// around it), left to right, must spell `labels` exactly (表四 repeats its five, under 行政复议 and under each
    /// 行政诉讼 group, on one header line or two). Nil otherwise (tab-separated text places its cells by index).
    static func headerColumns(_ labels: [String], lines: [Substring], from start: Int, to end: Int)
        -> (characters: [Double], display: [Double])?
    {
        guard start < end, end <= lines.count, !labels.isEmpty else { return nil }
        let wanted = Set(labels)
        var found: [(text: Substring, character: Double, display: Double)] = []
        for k in start..<end where !lines[k].containsByte(0x09) {
            let line = lines[k]
            for cell in ValueTokenizer.cells(of: line) {
                let text = cell.text.trimmingSpaces
                guard wanted.contains(String(text)) else { continue }
                let x = line.unicodeScalars[line.startIndex..<text.startIndex].count
                found.append((text, Double(x) + Double(text.unicodeScalars.count) / 2,
                              Double(cell.x) + Double(ValueTokenizer.displayWidth(text)) / 2))
            }
        }
        found.sort { $0.character < $1.character }
        guard found.map({ String($0.text) }) == labels,
            zip(found, found.dropFirst()).allSatisfy({ $0.character < $1.character && $0.display < $1.display })
        else { return nil }
        return (found.map(\.character), found.map(\.display))
    }

    /// A row the segmenter found no value for whose label line is a grid row with every cell after the label empty
    /// (an HTML table that leaves its zeros blank: `\t\t2.其他法律行政法规禁止公开\t\t\t\t\t\t\t`), as many cells as
    /// the row has columns: its blank cells, read as 0. Nil for any other row.
    static func blankRow(_ placement: RowSegmenter.Placement, anchor: Int?, lines: [Substring]) -> RowSegmenter.Placement? {
        guard let anchor, anchor < lines.count, placement.lines.allSatisfy({ $0 < 0 }), placement.origins.allSatisfy({ $0 == .inferred }),
            lines[anchor].containsByte(0x09)
        else { return nil }
        let cells = lines[anchor].pieces(separatedBy: 0x09)
        // A label spanning several cells (colspan) leaves as many empty cells after it as it spans, two at most.
        guard let label = cells.lastIndex(where: { $0.contains { $0 != " " } }),
            (placement.values.count...(placement.values.count + 2)).contains(cells.count - label - 1)
        else { return nil }
        let w = placement.values.count
        return RowSegmenter.Placement(
            values: .init(repeating: 0, count: w), origins: .init(repeating: .blank, count: w),
            lines: .init(repeating: anchor, count: w), note: "every cell of the row blank: read as 0", confidence: 0.9)
    }
}
