import ReportModel

/// What the aligner reads around a table's values: the column positions its header gives, and rows printed with
/// every cell blank.
extension TableAligner {
    /// The centre of each column label (`labels`, in order) in the header lines `start..<end` of laid-out text, in
    /// characters and in display columns: each label a cell of its own (two spaces or more around it), found once,
    /// left to right. Nil unless every label is found so (tab-separated text places its cells by index).
    static func headerColumns(_ labels: [String], lines: [Substring], from start: Int, to end: Int)
        -> (characters: [Double], display: [Double])?
    {
        guard start < end, end <= lines.count else { return nil }
        var characters: [Double] = []
        var display: [Double] = []
        for label in labels {
            var found: (Double, Double)? = nil
            for k in start..<end where !lines[k].utf8.contains(0x09) {
                let line = lines[k]
                guard let cell = ValueTokenizer.cells(of: line).first(where: { $0.text.trimmingSpaces == label }) else { continue }
                let text = cell.text.trimmingSpaces
                let x = line.unicodeScalars[line.startIndex..<text.startIndex].count
                found = (Double(x) + Double(text.unicodeScalars.count) / 2, Double(cell.x) + Double(ValueTokenizer.displayWidth(text)) / 2)
                break
            }
            guard let (c, d) = found else { return nil }
            characters.append(c)
            display.append(d)
        }
        guard zip(characters, characters.dropFirst()).allSatisfy({ $0 < $1 }) else { return nil }
        return (characters, display)
    }

    /// A row the segmenter found no value for whose label line is a grid row with every cell after the label empty
    /// (an HTML table that leaves its zeros blank: `\t\t2.其他法律行政法规禁止公开\t\t\t\t\t\t\t`), as many cells as
    /// the row has columns: its blank cells, read as 0. Nil for any other row.
    static func blankRow(_ placement: RowSegmenter.Placement, anchor: Int?, lines: [Substring]) -> RowSegmenter.Placement? {
        guard let anchor, anchor < lines.count, placement.lines.allSatisfy({ $0 < 0 }), placement.origins.allSatisfy({ $0 == .inferred }),
            lines[anchor].utf8.contains(0x09)
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
