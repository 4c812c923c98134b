import Foundation
import ReportModel
import ReportParsing
import ReportTemplates
import TableAlignment
import Testing
import TextNormalization
import _TestSupport

/// The pipeline builds each report from the aligner's cells (`ReportParser.report(edition:values:head:…)`) instead
/// of writing the canonical text and parsing it back: the two must be the same report, on every kind of reading.
@Suite struct ReportFromCellsTests {
    /// The title line the pipeline puts before the canonical text (its `titleLines`): the first of the first eight
    /// lines that holds 年度报告 and is no `#` line, with its line feed; empty when there is none.
    static func head(_ text: String) -> String {
        let first = text.pieces(separatedBy: 0x0A).prefix(8).first { $0.contains("年度报告") && !$0.hasPrefix("#") }
        return first.map { $0 + "\n" } ?? ""
    }

    /// The report both ways, for one text: parsed from the canonical text, and built from the cells.
    static func bothWays(_ text: String, source: String) throws -> (parsed: Report, built: Report)? {
        let normalized = TextNormalizer().normalize(text)
        guard let aligned = try? TableAligner().align(normalized.text, pageStartLines: normalized.pageStartLines)
        else { return nil }
        let head = head(normalized.text)
        let parsed = try ReportParser().parse(head + aligned.canonicalText, source: source)
        let values = ReportTemplate.for(aligned.edition).valuesInOrder(
            keys: aligned.cells.map(\.cell.key), values: aligned.cells.map(\.cell.value))
        // As the pipeline does it: only the canonical text's first lines, written without the rest.
        let built = ReportParser().report(
            edition: aligned.edition, values: values, head: head,
            canonicalText: aligned.canonicalText(firstLines: ReportParser.titleLineCount), source: source)
        return (parsed, built)
    }

    static func expectSame(_ parsed: Report, _ built: Report, _ name: String) {
        #expect(built.edition == parsed.edition, "\(name)")
        #expect(built.agency == parsed.agency, "\(name)")
        #expect(built.year == parsed.year, "\(name)")
        #expect(built.cells.map(\.cell) == parsed.cells.map(\.cell), "\(name)")
        #expect(built.cells.map(\.note) == parsed.cells.map(\.note), "\(name)")
        #expect(built.identities == parsed.identities, "\(name)")
    }

    /// Readings of the committed corpus: three of each report, a different three from report to report, so that
    /// every extraction style is covered (pdftotext, layout, OCR, HTML converters, markdown, TSV…).
    static let readings: [URL] = {
        let corpus = Fixtures.directory.appendingPathComponent("corpus")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []).sorted()
        var picked: [URL] = []
        for (k, name) in names.enumerated() {
            let folder = corpus.appendingPathComponent(name)
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted().filter {
                $0.hasSuffix(".txt") || $0.hasSuffix(".md") || $0.hasSuffix(".tsv")
            }
            guard !files.isEmpty else { continue }
            for j in 0..<3 { picked.append(folder.appendingPathComponent(files[(3 * k + j) % files.count])) }
        }
        return picked
    }()

    @Test func corpusReadingsGiveTheSameReport() throws {
        var compared = 0
        for url in Self.readings {
            let text = try String(contentsOf: url, encoding: .utf8)
            guard let (parsed, built) = try Self.bothWays(text, source: url.lastPathComponent) else { continue }
            Self.expectSame(parsed, built, url.path)
            compared += 1
        }
        #expect(compared >= 80, "too few corpus readings aligned to compare: \(compared)")
    }

    @Test func seedsGiveTheSameReport() throws {
        for seed in Fixtures.seedCases {
            let text = try String(contentsOf: seed.appendingPathComponent("input.txt"), encoding: .utf8)
            let both = try #require(try Self.bothWays(text, source: seed.lastPathComponent))
            Self.expectSame(both.parsed, both.built, seed.lastPathComponent)
            #expect(both.built.year != nil, "a seed's title gives its year")
        }
    }

    /// Values with many digits (a third, 30 digits, a tiny fraction) are what parsing their canonical text gives;
    /// a title found only in the canonical text's own first lines.
    @Test func valuesAreTakenAsTheCanonicalTextWritesThem() throws {
        for edition in [Edition.edition2019, .edition2021] {
            let template = ReportTemplate.for(edition)
            let keys = template.cellKeys()
            let values: [Double?] = keys.indices.map { k in
                switch k % 4 {
                case 0: return 1.0 / 3.0
                case 1: return 1e30
                case 2: return 4.099276460824345e-17
                default: return Double(k)
                }
            }
            var canonical = "某某市人民政府2020年政府信息公开工作年度报告\n"
            for table in TableKind.allCases {
                let start = keys.firstIndex { $0.table == table }!
                let count = template.cellKeys(of: table).count
                canonical += CanonicalTable.render(table, edition: edition, orderedValues: Array(values[start..<(start + count)]))
            }
            let parsed = try ReportParser().parse(canonical, source: "x")
            let built = ReportParser().report(edition: edition, values: values, head: "", canonicalText: canonical, source: "x")
            Self.expectSame(parsed, built, "\(edition)")
            #expect(built.cells.count == keys.count)
            #expect(built.year == 2020 && built.agency == "某某市人民政府")
            // Canonical text writes the shortest form that reads back exactly: the values are kept to the last bit.
            #expect(built.cells.contains { $0.value == 1.0 / 3.0 } && built.cells.contains { $0.value == 1e30 })
        }
    }

    /// The first lines of the canonical text, written alone or cut from the written text, are the whole text's first
    /// lines (cut by hand here).
    @Test func firstLinesAreTheWholeTextsFirstLines() throws {
        var compared = 0
        for url in Self.readings.prefix(30) {
            let text = try String(contentsOf: url, encoding: .utf8)
            let normalized = TextNormalizer().normalize(text)
            guard let aligned = try? TableAligner().align(normalized.text, pageStartLines: normalized.pageStartLines)
            else { continue }
            let whole = aligned.canonicalText
            let lines = whole.split(separator: "\n", omittingEmptySubsequences: false)
            // The same, cut from a canonical text already written (as a combined reading of a PDF holds it).
            var stored = aligned
            stored.canonicalText = whole
            for count in [0, 1, 2, 5, 12, 40, 100_000] {
                // `count` lines, each with its line feed; the whole text when it has no more.
                let expected = count < lines.count ? lines.prefix(count).map { $0 + "\n" }.joined() : whole
                #expect(aligned.canonicalText(firstLines: count) == expected, "\(url.path), \(count) lines")
                #expect(stored.canonicalText(firstLines: count) == expected, "\(url.path), \(count) lines, stored")
            }
            compared += 1
        }
        #expect(compared >= 20, "too few readings aligned: \(compared)")
    }
}
