import ExtractionScoring
import Foundation

/// The people-readable form of a corpus score.
enum ScoreTable {
    static func render(_ score: CorpusScore, details: Bool) -> String {
        var rows: [[String]] = [["report", "edition", "cells", "correct", "wrong", "missing", "extra", "accuracy"]]
        func line(_ name: String, _ edition: String, _ c: CellCounts) -> [String] {
            [name, edition, "\(c.gold)", "\(c.correct)", "\(c.wrong)", "\(c.missing)", "\(c.extra)", percent(c.cellAccuracy)]
        }
        for report in score.reports {
            rows.append(line(report.name + (report.hasPrediction ? "" : " (no prediction)"), report.edition.rawValue, report.total))
        }
        for (table, counts) in score.tables.sorted(by: { $0.key < $1.key }) { rows.append(line("table \(table)", "", counts)) }
        for (edition, counts) in score.editions.sorted(by: { $0.key < $1.key }) { rows.append(line("edition \(edition)", "", counts)) }
        rows.append(line("total", "", score.total))
        var out = format(rows)
        out += "cell accuracy \(percent(score.total.cellAccuracy)), label accuracy \(percent(score.total.labelAccuracy))\n"
        if details {
            for report in score.reports where !report.differences.isEmpty {
                out += "\n\(report.name):\n"
                for d in report.differences {
                    let gold = d.gold.map { "\($0)" } ?? "-"
                    let predicted = d.predicted.map { "\($0)" } ?? "-"
                    out += "  \(d.kind.rawValue)\t\(d.key)\tgold \(gold)\tpredicted \(predicted)\n"
                }
            }
        }
        return out
    }

    static func percent(_ x: Double) -> String { String(format: "%.2f%%", x * 100) }

    /// Columns padded to their widest cell (counting a Han character as two columns).
    static func format(_ rows: [[String]]) -> String {
        func width(_ s: String) -> Int { s.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) } }
        var widths = [Int](repeating: 0, count: rows[0].count)
        for row in rows { for (k, cell) in row.enumerated() { widths[k] = max(widths[k], width(cell)) } }
        var out = ""
        for row in rows {
            var line = ""
            for (k, cell) in row.enumerated() {
                let pad = String(repeating: " ", count: widths[k] - width(cell))
                line += k == 0 ? cell + pad : "  " + pad + cell
            }
            out += line + "\n"
        }
        return out
    }
}
