import ArgumentParser
import HTMLExtraction
import ExtractionScoring
import Foundation
import ReportModel
import TableAlignment
import TextNormalization

/// `nianbao baseline`: the naive extractor's accuracy on every extraction style of a corpus.
struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Score an extractor (the naive floor, or nianbao itself) on every extraction style of a corpus.",
        discussion: """
            For each <corpus>/<name>/gold.json, every extraction beside it (input.txt, report.html, pdftotext.txt, \
            layout.txt, ocr150.txt, pdftotext-raw.txt, pdfplumber.txt, pdfplumber-layout.txt, ocr150-psm6.txt, ocr150-boxes.txt, pymupdf.txt, \
            pymupdf4llm.md, ocr150-jpeg-boxes.txt, pypdf.txt, pdfium.txt, and the HTML-to-text readings bs4-lines.txt, html2text.md, lynx.txt) is read by the \
            extractor and scored against the gold. The naive extractor finds each \
            table's heading and assigns the numbers after it to the template's cells in order.
            """)

    @Option(help: "Corpus folders (repeatable).") var corpus: [String] = ["Fixtures/seeds", "Fixtures/corpus"]
    @Option(help: "Output: text or json.") var format: ScoreCommand.Format = .text

    enum Extractor: String, ExpressibleByArgument, CaseIterable { case naive, nianbao }
    @Option(help: "naive (the floor) or nianbao (normalise → align).") var extractor: Extractor = .naive

    private func predict(_ text: String, _ edition: Edition) -> CellFile? {
        switch extractor {
        case .naive: return NaiveExtractor.extract(text, edition: edition)
        case .nianbao:
            var text = text
            if HTMLExtractor.looksLikeHTML(Array(text.utf8)), let page = try? HTMLExtractor().text(from: Array(text.utf8)) {
                text = page
            }
            let normalized = TextNormalizer().normalize(text)
            return try? TableAligner().align(normalized.text, pageStartLines: normalized.pageStartLines).cellFile()
        }
    }

    static let styles = [
        "input.txt", "report.html", "pdftotext.txt", "layout.txt", "ocr150.txt", "pdftotext-raw.txt", "pdfplumber.txt",
        "pdfplumber-layout.txt", "ocr150-psm6.txt", "ocr150-boxes.txt", "pymupdf.txt", "pymupdf4llm.md",
        "ocr150-jpeg-boxes.txt", "pypdf.txt", "pdfium.txt", "bs4-lines.txt", "html2text.md", "lynx.txt",
    ]

    func run() throws {
        let scorer = ExtractionScorer()
        var byStyle: [String: [(name: String, gold: CellFile, prediction: CellFile?)]] = [:]
        for directory in corpus {
            for (name, goldPath) in try ScoreCommand.goldFiles(in: directory) {
                let gold = try ScoreCommand.load(goldPath)
                let folder = (goldPath as NSString).deletingLastPathComponent
                for style in Self.styles {
                    let path = "\(folder)/\(style)"
                    guard FileManager.default.fileExists(atPath: path) else { continue }
                    let text = try ScoreCommand.readText(path)
                    byStyle[style, default: []].append((name, gold, predict(text, gold.edition)))
                }
            }
        }
        var rows: [[String]] = [["style", "reports", "cells", "active", "requests", "review", "2019", "2021", "total"]]
        var json: [String: CorpusScore] = [:]
        for style in Self.styles {
            guard let entries = byStyle[style] else { continue }
            let score = scorer.score(corpus: entries)
            json[style] = score
            func p(_ c: CellCounts?) -> String { c.map { ScoreTable.percent($0.cellAccuracy) } ?? "-" }
            rows.append([style, "\(entries.count)", "\(score.total.gold)", p(score.tables["active"]),
                         p(score.tables["requests"]), p(score.tables["review"]), p(score.editions["2019"]),
                         p(score.editions["2021"]), p(score.total)])
        }
        switch format {
        case .text: Console.write(ScoreTable.format(rows))
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            Console.writeBytes(Array(try encoder.encode(json)) + [0x0A])
        }
    }
}
