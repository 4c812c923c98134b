import ExtractionScoring
import Foundation
import ReportModel
import ReportTemplates
import Testing
import _TestSupport

/// The committed corpus is complete and its gold is consistent.
@Suite struct CorpusFixtureTests {
    static let reports: [URL] = {
        let corpus = Fixtures.directory.appendingPathComponent("corpus")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []
        return names.sorted().map { corpus.appendingPathComponent($0) }.filter {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent("gold.json").path)
        }
    }()

    @Test func thereAreAtLeastThirtyReportsOfBothEditions() throws {
        #expect(Self.reports.count >= 30)
        let editions = try Self.reports.map {
            try JSONDecoder().decode(CellFile.self, from: Data(contentsOf: $0.appendingPathComponent("gold.json"))).edition
        }
        #expect(editions.filter { $0 == .edition2019 }.count >= 10)
        #expect(editions.filter { $0 == .edition2021 }.count >= 10)
    }

    @Test(arguments: reports)
    func reportHasEveryExtractionAndConsistentGold(_ directory: URL) throws {
        for file in [
            "report.html", "pdftotext.txt", "layout.txt", "ocr150.txt", "pdftotext-raw.txt", "pdfplumber.txt",
            "pdfplumber-layout.txt", "ocr150-psm6.txt", "ocr150-boxes.txt", "pymupdf.txt", "pymupdf4llm.md",
            "bs4-lines.txt", "html2text.md", "lynx.txt", "pypdf.txt", "pdfium.txt", "ocr150-jpeg-boxes.txt",
        ] {
            let data = try Data(contentsOf: directory.appendingPathComponent(file))
            #expect(data.count > 1000, "\(directory.lastPathComponent)/\(file) is nearly empty")
        }
        let gold = try JSONDecoder().decode(CellFile.self, from: Data(contentsOf: directory.appendingPathComponent("gold.json")))
        let template = ReportTemplate.for(gold.edition)
        #expect(gold.cells.count == (gold.edition == .edition2019 ? 198 : 200))
        let values = Dictionary(uniqueKeysWithValues: gold.cells.map { ($0.key, $0.value) })
        #expect(Set(values.keys) == Set(template.cellKeys()))
        for identity in template.identities {
            #expect(abs(identity.difference(in: values) ?? 1) < 1e-9, "\(directory.lastPathComponent): \(identity.name)")
        }
        #expect(gold.cells.contains { $0.value != 0 }, "values are not all zero")
    }
}
