import ExtractionScoring
import Foundation
import ReportModel
import TableAlignment
import Testing
import TextNormalization
import _TestSupport

/// Reports whose tables other tools wrote in other cell syntaxes: markdown pipe tables (PDF-to-markdown extractors;
/// with a delimiter row, or framed by pipes without one),
/// CSV (a sheet saved from Excel) and box-drawing rules (text renderings). The seeds and hand-written reports
/// rewritten each way read every cell; empty cells must stay empty cells, not vanish.
@Suite struct TableRenderingTests {
    enum Rendering: String, CaseIterable, Sendable {
        /// `| a |  | 5 |`, with a `|---|` delimiter row after each table's first row.
        case pipes
        /// `| a |  | 5 |` without a delimiter row (a plain-text table drawn with pipes).
        case framedPipes
        /// `a,,5`, a field with a comma or quote quoted as CSV does (`"a,b"`, `"a""b"`).
        case csv
        /// `│a││5│`, with box borders above, between and below the rows of each table.
        case box

        func render(_ cells: [String], isFirst: Bool, isLast: Bool) -> [String] {
            switch self {
            case .pipes:
                let row = "| " + cells.joined(separator: " | ") + " |"
                return isFirst ? [row, "|" + String(repeating: "---|", count: cells.count)] : [row]
            case .framedPipes:
                return ["| " + cells.joined(separator: " | ") + " |"]
            case .csv:
                return [cells.map { $0.contains(",") || $0.contains("\"") ? "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : $0 }
                    .joined(separator: ",")]
            case .box:
                let border = String(repeating: "─", count: 4)
                let top = "┌" + Array(repeating: border, count: cells.count).joined(separator: "┬") + "┐"
                let middle = "├" + Array(repeating: border, count: cells.count).joined(separator: "┼") + "┤"
                let bottom = "└" + Array(repeating: border, count: cells.count).joined(separator: "┴") + "┘"
                return (isFirst ? [top] : []) + ["│" + cells.joined(separator: "│") + "│"] + (isLast ? [bottom] : [middle])
            }
        }
    }

    /// Each run of tab-separated lines rendered as one table; blank lines inside a table dropped, as writers do.
    static func render(_ text: String, as rendering: Rendering) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var out: [String] = []
        var k = 0
        while k < lines.count {
            guard lines[k].contains("\t") else {
                out.append(lines[k])
                k += 1
                continue
            }
            var rows: [[String]] = []
            while k < lines.count, lines[k].contains("\t") || (lines[k].trimmingCharacters(in: .whitespaces).isEmpty
                && k + 1 < lines.count && lines[k + 1].contains("\t"))
            {
                if lines[k].contains("\t") {
                    rows.append(lines[k].split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) })
                }
                k += 1
            }
            for (r, cells) in rows.enumerated() {
                out += rendering.render(cells, isFirst: r == 0, isLast: r == rows.count - 1)
            }
        }
        return out.joined(separator: "\n")
    }

    /// The seeds and hand-written reports whose tables are tab-separated (one hand-written report separates cells
    /// by single spaces: it has no tab rows to rewrite).
    static let cases: [URL] = (Fixtures.seedCases + HandwrittenReportTests.reports).filter {
        (try? String(contentsOf: $0.appendingPathComponent("input.txt"), encoding: .utf8))?.contains("\t") ?? false
    }

    @Test func mostInputsAreCovered() { #expect(Self.cases.count >= 8) }

    @Test(arguments: Rendering.allCases, cases)
    func everyCellIsRight(_ rendering: Rendering, _ directory: URL) throws {
        let gold = try loadGold(directory.appendingPathComponent("gold.json"))
        let text = Self.render(try String(contentsOf: directory.appendingPathComponent("input.txt"), encoding: .utf8), as: rendering)
        #expect(!text.contains("\t"))
        let report = try TableAligner().align(TextNormalizer().normalize(text).text)
        let score = ExtractionScorer().score(gold: gold, prediction: report.cellFile(), name: directory.lastPathComponent)
        #expect(score.total.cellAccuracy == 1, "\(score.differences.prefix(4))")
    }
}

/// Section headings printed without their numerals (`主动公开政府信息情况` for `二、主动公开政府信息情况`: Word's
/// automatic numbering is not text, so a .docx or a page saved from one loses it): every seed and hand-written
/// report still reads as its gold.
@Suite struct UnnumberedHeadingTests {
    static let headings = ["总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况", "政府信息公开行政复议、行政诉讼情况",
                           "存在的主要问题及改进情况", "其他需要报告的事项"]

    static func withoutNumerals(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let trimmed = line.drop { " \t#*".contains($0) }  // indentation and markdown heading marks
            guard let first = trimmed.first, "一二三四五六七".contains(first), trimmed.dropFirst().first == "、",
                headings.contains(where: { trimmed.dropFirst(2).hasPrefix($0) })
            else { return String(line) }
            return String(line.prefix(line.count - trimmed.count)) + trimmed.dropFirst(2)
        }.joined(separator: "\n")
    }

    @Test(arguments: Fixtures.seedCases + HandwrittenReportTests.reports)
    func everyCellIsRight(_ directory: URL) throws {
        let original = try String(contentsOf: directory.appendingPathComponent("input.txt"), encoding: .utf8)
        let text = Self.withoutNumerals(original)
        #expect(text != original)
        let report = try TableAligner().align(TextNormalizer().normalize(text).text)
        let gold = try loadGold(directory.appendingPathComponent("gold.json"))
        let score = ExtractionScorer().score(gold: gold, prediction: report.cellFile(), name: directory.lastPathComponent)
        #expect(score.total.cellAccuracy == 1, "\(score.differences.prefix(4))")
    }
}
