import ExtractionScoring
import Foundation
import ReportModel
import TableAlignment
import Testing
import TextNormalization
import _TestSupport

/// A whole report on one line: what a scraper writes when it joins every text node of a page with a space
/// (BeautifulSoup's `get_text(" ", strip=True)`): headings, prose and every table cell, one space apart. The
/// corpus and hand-written pages flattened that way are cut back at their section headings and row labels.
@Suite struct OneLineReportTests {
    /// The page's text nodes, entities decoded, joined by single spaces (scripts and styles dropped); with
    /// `separator: "\n"`, one text node a line (`get_text("\n", strip=True)`).
    static func flattened(_ page: String, separator: String = " ") -> String {
        let body = page.replacing(/(?s)<(script|style)\b.*?<\/(script|style)>/, with: "")
        return body.split(separator: /<[^>]*>/).map {
            $0.replacingOccurrences(of: "&nbsp;", with: " ").replacingOccurrences(of: "&amp;", with: "&")
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }.filter { !$0.isEmpty }.joined(separator: separator)
    }

    static let pages: [(name: String, page: URL, gold: URL)] = {
        let corpus = CorpusAccuracyTests.reports.map {
            ($0.lastPathComponent, $0.appendingPathComponent("report.html"), $0.appendingPathComponent("gold.json"))
        }
        let root = Fixtures.directory.appendingPathComponent("html")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).sorted()
        // The pages of the hand-written reports (the page built as a real one that leaves its totals blank is
        // measured on its own below).
        let handwritten = names.map { root.appendingPathComponent($0) }
            .filter { FileManager.default.fileExists(atPath: $0.appendingPathComponent("gold.json").path) }
            .filter { FileManager.default.fileExists(atPath: Fixtures.directory.appendingPathComponent("handwritten")
                .appendingPathComponent($0.lastPathComponent).path) }
            .map { ($0.lastPathComponent, $0.appendingPathComponent("page.html"), $0.appendingPathComponent("gold.json")) }
        return corpus + handwritten
    }()

    /// Every page flattened with `separator` read through normalise → align: each report's edition is checked,
    /// and the whole set's cell accuracy returned.
    static func accuracy(separator: String) throws -> Double {
        var scored: [(name: String, gold: CellFile, prediction: CellFile?)] = []
        for (name, page, goldURL) in pages {
            let text = flattened(try String(contentsOf: page, encoding: .utf8), separator: separator)
            #expect(separator == "\n" || !text.contains("\n"))
            let report = try TableAligner().align(TextNormalizer().normalize(text).text)
            let gold = try loadGold(goldURL)
            #expect(report.edition == gold.edition, "\(name)")
            scored.append((name, gold, report.cellFile()))
        }
        return ExtractionScorer().score(corpus: scored).total.cellAccuracy
    }

    @Test func everyPageGivesItsReport() throws {
        #expect(Self.pages.count >= 35)
        // Measured 97.75 % when written (blank cells of reports that print 0 as an empty cell vanish with the
        // spaces; their rows are placed by the identities where those allow one placement only); 97.90 % once a
        // 表三 row with no position to go by put its parts from the first column and its total last; 99.25 % once
        // rows are also cut at the label variants reports print, with their item numbers (`2.其他法律法规禁止公开`:
        // three reports lost the row before it and that row); 99.59 % once a cut row's values stood a space apart
        // instead of in tab cells, which claimed columns for a short row's values (c_jiedao's `3 3` went to 其他).
        let accuracy = try Self.accuracy(separator: " ")
        #expect(accuracy >= 0.9955, "\(accuracy)")
    }

    /// The page built as a real one whose rows leave 总计 blank (Fixtures/html/shanghai_2019_blank_totals), flattened:
    /// its blank cells vanish with the spaces and its rows' sums fail, so nothing says where a short row's values
    /// stood. Its rows are still found and its full rows read; the rest is flagged.
    @Test func aPageWithBlankTotalsFlattened() throws {
        let directory = Fixtures.directory.appendingPathComponent("html").appendingPathComponent("shanghai_2019_blank_totals")
        let text = Self.flattened(try String(contentsOf: directory.appendingPathComponent("page.html"), encoding: .utf8))
        let report = try TableAligner().align(TextNormalizer().normalize(text).text)
        let gold = try loadGold(directory.appendingPathComponent("gold.json"))
        let accuracy = ExtractionScorer().score(gold: gold, prediction: report.cellFile(), name: "shanghai").total.cellAccuracy
        #expect(report.edition == gold.edition)
        // Measured 71.2 % when added (eighth session); every wrong cell is flagged (confidence 0.5 or less).
        #expect(accuracy >= 0.71, "\(accuracy)")
        let goldValue = Dictionary(gold.cells.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        let wrong = report.cells.filter { goldValue[$0.cell.key] != $0.cell.value }
        #expect(!wrong.isEmpty && wrong.allSatisfy { $0.confidence <= 0.5 }, "\(wrong.filter { $0.confidence > 0.5 }.map(\.cell))")
    }

    /// One text node a line: a wrapped label is two nodes (`上一年` / `项目数量`, `其他对外管` / `理服务事项`), so the
    /// edition's marker labels are found across line ends.
    @Test func oneTextNodeALineReadsAndTellsTheEdition() throws {
        // Measured 98.78 % when written (before the edition markers were searched across line ends, a wrapped
        // 2019 page was read as 2021); the misses are blank cells that vanished, as in one-line text.
        let accuracy = try Self.accuracy(separator: "\n")
        #expect(accuracy >= 0.985, "\(accuracy)")
    }

    /// A table nested in a page's layout table, which a converter (markitdown on a DOCX) writes as a markdown table
    /// on one line with the rest of the page (`规范性文件 | 1 | 1 | 6 | | 第二十条第（五）项 | …`): its rows are cut
    /// at their labels as any flattened table's, its pipes read as cell separators.
    @Test func aMarkdownTableOnOneLineIsCutIntoRows() throws {
        let directory = Fixtures.directory.appendingPathComponent("handwritten").appendingPathComponent("b_shichangjianguan_2019")
        let text = try String(contentsOf: directory.appendingPathComponent("input.txt"), encoding: .utf8)
        let cells = text.split(separator: "\n").map { line -> String in
            let words = line.split(separator: " ")
            // Lines ending with numbers are table rows: each word a cell of the pipe table.
            guard let last = words.last, Int(last) != nil else { return String(line) }
            return "| " + words.joined(separator: " | ") + " |"
        }
        let oneLine = cells.joined(separator: " ")
        #expect(!oneLine.contains("\n"))
        #expect(oneLine.contains("| 一、本年新收政府信息公开申请数量 | 20 | 5 | 0 | 0 | 2 | 1 | 28 |"))
        let report = try TableAligner().align(TextNormalizer().normalize(oneLine).text)
        let gold = try loadGold(directory.appendingPathComponent("gold.json"))
        #expect(ExtractionScorer().score(gold: gold, prediction: report.cellFile(), name: "b").total.cellAccuracy == 1)
    }
}

