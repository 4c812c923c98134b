import ExtractionScoring
import Foundation
import ReportModel
import TableAlignment
import Testing
import TextNormalization
import _TestSupport

/// Consensus over the committed extractions of each corpus PDF (raw and layout): never worse than the best single
/// extraction on any report, and at least 99 % overall.
@Suite struct ConsensusTests {
    @Test func consensusIsNeverWorseThanTheBestSingleExtraction() throws {
        var combined: [(name: String, gold: CellFile, prediction: CellFile?)] = []
        let scorer = ExtractionScorer()
        for directory in CorpusAccuracyTests.reports {
            let gold = try loadGold(directory.appendingPathComponent("gold.json"))
            var readings: [ConsensusAligner.Reading] = []
            var best = 0
            for (source, file) in [("raw", "pdftotext.txt"), ("layout", "layout.txt")] {
                let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
                guard let aligned = try? TableAligner().align(TextNormalizer().normalize(text).text) else { continue }
                readings.append(.init(source: source, report: aligned))
                best = max(best, scorer.score(gold: gold, prediction: aligned.cellFile(), name: "x").total.correct)
            }
            let (report, _) = ConsensusAligner().combine(readings)
            let correct = scorer.score(gold: gold, prediction: report.cellFile(), name: "x").total.correct
            #expect(correct >= best, "\(directory.lastPathComponent): consensus \(correct) < best single \(best)")
            combined.append((directory.lastPathComponent, gold, report.cellFile()))
        }
        #expect(scorer.score(corpus: combined).total.cellAccuracy >= 0.99)
    }
}
