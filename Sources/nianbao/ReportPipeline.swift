import ArgumentParser
import Foundation
import HTMLExtraction
import PDFExtraction
import ReportModel
import ReportParsing
import ReportTemplates
import TableAlignment
import TextNormalization

/// The whole pipeline for one input: decode and normalise, align, render canonical text, parse it strictly, and
/// carry the aligner's provenance and decisions into the report.
struct ReportPipeline {
    var edition: Edition?
    /// `TableAligner.fixesByIdentities`.
    var fixesByIdentities = true
    /// For PDF input: the extractors to run (all: raw and layout, OCR when there is no text layer).
    var extractors: [PDFExtractor.Kind] = [.raw, .layout]
    var forceOCR = false
    /// For PDF input: OCR scanned pages (a page-sized image on most pages) even when they carry a text layer, when
    /// the tables read from that layer fail an identity, and take the tables by consensus with it.
    var ocrScans = true

    var aligner: TableAligner { TableAligner(edition: edition, fixesByIdentities: fixesByIdentities) }

    struct Failure: Error {
        var message: String
        var exitCode: ExitCode
    }

    /// The reports of one input: one, or several when the text holds several (`ReportSegments`), each with the
    /// source `NAME#k`.
    func run(_ input: InputSource, canonical: Bool) throws(Failure) -> [Report] {
        let bytes: [UInt8]
        do { bytes = try input.read() } catch {
            throw Failure(message: "nianbao: error: \(error)", exitCode: NianbaoExit.noInput)
        }
        return try run(bytes: bytes, name: input.name, canonical: canonical)
    }

    /// The pipeline on bytes already read (batch and stream modes).
    func run(bytes: [UInt8], name: String, canonical: Bool) throws(Failure) -> [Report] {
        if canonical {
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw Failure(message: "nianbao: error: \(name): canonical text must be valid UTF-8", exitCode: NianbaoExit.dataError)
            }
            do { return [try ReportParser().parse(text, source: name)] } catch {
                throw Failure(message: error.description, exitCode: NianbaoExit.dataError)
            }
        }
        if PDFExtractor.looksLikePDF(bytes) { return [try runPDF(bytes, name: name)] }
        var bytes = bytes
        do { bytes = try PageInput.text(bytes) } catch {
            throw Failure(message: "nianbao: error: \(name): \(error)", exitCode: NianbaoExit.dataError)
        }
        let normalized: NormalizedText
        do { normalized = try TextNormalizer().normalize(bytes: bytes) } catch {
            throw Failure(message: "nianbao: error: \(name): \(error)", exitCode: NianbaoExit.dataError)
        }
        let lines = normalized.text.pieces(separatedBy: 0x0A)
        let segments = ReportSegments.find(lines)
        if segments.count == 1 {
            let aligned: AlignedReport
            do { aligned = try aligner.align(lines: lines, pageStartLines: normalized.pageStartLines) } catch {
                throw Failure(message: "nianbao: error: \(name): \(error)", exitCode: NianbaoExit.dataError)
            }
            return [try report(aligned, normalized: normalized, name: name, text: normalized.text)]
        }
        // Several reports in one input: each aligned on its own lines, its line numbers still the input's.
        let sourceLines = SourceLines(normalized)
        var reports: [Report] = []
        for (k, range) in segments.enumerated() {
            let part = "\(name)#\(k + 1)"
            let text = lines[range].joined(separator: "\n")
            let aligned: AlignedReport
            do { aligned = try aligner.align(text, pageStartLines: normalized.pageStartLines(in: range)).shifted(by: range.lowerBound) } catch {
                throw Failure(message: "nianbao: error: \(part): \(error)", exitCode: NianbaoExit.dataError)
            }
            var report = try report(aligned, normalized: normalized, name: part, text: text)
            let first = sourceLines.line(ofNormalizedLine: range.lowerBound + 1)
            let last = sourceLines.line(ofNormalizedLine: range.upperBound)
            report.flags.insert(ReportFlag(stage: .alignment, line: first,
                                           message: "report \(k + 1) of \(segments.count) in this input (source lines \(first)–\(last))"), at: 0)
            reports.append(report)
        }
        return reports
    }

    /// A PDF: every extractor's text aligned, and each table taken from the reading the identities support best.
    private func runPDF(_ bytes: [UInt8], name: String) throws(Failure) -> Report {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-\(UUID().uuidString).pdf")
        defer { try? FileManager.default.removeItem(at: file) }
        do { try Data(bytes).write(to: file) } catch {
            throw Failure(message: "nianbao: error: \(name): cannot write a temporary copy: \(error)", exitCode: NianbaoExit.dataError)
        }
        let kinds = forceOCR ? extractors + [.ocr] : extractors
        let extractor = PDFExtractor()
        let extractions = extractor.extract(pdf: file.path, kinds: kinds, ocrWhenNoText: true)
        var readings: [ConsensusAligner.Reading] = []
        var normalizedBySource: [String: NormalizedText] = [:]
        var flags: [ReportFlag] = []
        func read(_ extractions: [PDFExtractor.Extraction]) {
            for extraction in extractions {
                for note in extraction.notes {
                    flags.append(ReportFlag(stage: .extraction, line: 0, message: "\(extraction.kind.rawValue): \(note)"))
                }
                guard let text = extraction.text else {
                    flags.append(ReportFlag(stage: .extraction, line: 0, message: "\(extraction.kind.rawValue): \(extraction.problem ?? "no text")"))
                    continue
                }
                let normalized = TextNormalizer().normalize(text)
                do {
                    let aligned = try aligner.align(normalized.text, pageStartLines: normalized.pageStartLines)
                    readings.append(.init(source: extraction.kind.rawValue, report: aligned))
                    normalizedBySource[extraction.kind.rawValue] = normalized
                } catch {
                    flags.append(ReportFlag(stage: .extraction, line: 0, message: "\(extraction.kind.rawValue): \(error)"))
                }
            }
        }
        read(extractions)
        // A scan whose text layer (some OCR's) gives tables that fail an identity: nianbao's own OCR too. A text layer
        // whose tables check out (a born-digital PDF over a page-sized background image, a good OCR) is kept alone.
        if ocrScans, !extractions.contains(where: { $0.kind == .ocr }),
            let text = extractions.first(where: { $0.text != nil })?.text,
            readings.isEmpty || ConsensusAligner().combine(readings).report.hasFailedIdentity,
            extractor.isScan(pdf: file.path, text: text)
        {
            flags.append(ReportFlag(stage: .extraction, line: 0, message: "the pages are scans and the tables of their text layer "
                + "fail an identity: read by nianbao's OCR too (--extractor layout reads the text layer alone)"))
            read(extractor.extract(pdf: file.path, kinds: [.ocr]))
        }
        guard !readings.isEmpty else {
            let why = flags.map(\.message).joined(separator: "; ")
            throw Failure(message: "nianbao: error: \(name): no extraction of the PDF holds report tables (\(why))", exitCode: NianbaoExit.dataError)
        }
        let (combined, chosen) = ConsensusAligner().combine(readings)
        let main = chosen[.requests] ?? readings[0].source
        var report = try report(combined, normalized: normalizedBySource[main]!, name: name, text: normalizedBySource[main]!.text) { table in
            chosen[table].flatMap { normalizedBySource[$0] }
        }
        report.flags.insert(contentsOf: flags, at: 0)
        for table in TableKind.allCases {
            if let source = chosen[table] {
                report.flags.append(ReportFlag(stage: .extraction, line: 0,
                                               message: "table \(table.rawValue) read from the \(source) extraction (lines refer to it)"))
            }
        }
        return report
    }

    /// The report from an aligned reading: canonical text parsed strictly, provenance and flags carried over.
    private func report(
        _ aligned: AlignedReport, normalized: NormalizedText, name: String, text: String,
        normalizedFor: (TableKind) -> NormalizedText? = { _ in nil }
    ) throws(Failure) -> Report {
        // The report the strict parser reads from the aligner's canonical text, built from the aligner's cells
        // without writing the tables out and reading them back (a tenth of the pipeline's time); tests check on
        // every fixture that the two are the same report.
        let values = ReportTemplate.for(aligned.edition).valuesInOrder(
            keys: aligned.cells.map(\.cell.key), values: aligned.cells.map(\.cell.value))
        guard !values.contains(where: { $0 == nil }) else {
            // The aligner gives every cell a value (`?` would not parse); one missing is a bug, reported as such.
            throw Failure(message: "nianbao: internal error: the aligner left a cell of \(name) without a value", exitCode: ExitCode(70))
        }
        var report = ReportParser().report(
            edition: aligned.edition, values: values, head: titleLines(text), canonicalText: aligned.canonicalText(firstLines: ReportParser.titleLineCount), source: name)
        let sourceLine = SourceLines(normalized)
        // Per table, in `TableKind.allCases` order (an array: a dictionary lookup per cell hashed the table).
        let tableLines = TableKind.allCases.map { normalizedFor($0).map(SourceLines.init) ?? sourceLine }
        // Both are in template order as a rule: pair them by position, by key only when they are not.
        // (Compared field by field in place: comparing the cells' keys copied both cells, a retain per string.)
        let inOrder = aligned.cells.count == report.cells.count
            && aligned.cells.indices.allSatisfy { k in
                aligned.cells[k].cell.table == report.cells[k].cell.table
                    && CellKey.bytesEqual(aligned.cells[k].cell.row, report.cells[k].cell.row)
                    && CellKey.bytesEqual(aligned.cells[k].cell.column, report.cells[k].cell.column)
            }
        let byKey = inOrder ? [:] : Dictionary(aligned.cells.map { ($0.cell.key, $0) }, uniquingKeysWith: { a, _ in a })
        for k in report.cells.indices {
            guard let cell = inOrder ? aligned.cells[k] : byKey[report.cells[k].cell.key] else { continue }
            let sourceLine = tableLines[TableKind.allCases.firstIndex(of: cell.cell.table) ?? 0]
            let origin: Provenance.Origin =
                switch cell.origin {
                case .read: cell.confidence < 1 ? .repaired : .read
                case .blank: .blank
                case .inferred: .inferred
                }
            report.cells[k].provenance = Provenance(
                line: cell.line > 0 ? sourceLine.line(ofNormalizedLine: cell.line) : 0, origin: origin,
                reason: cell.note, confidence: cell.confidence)
        }
        for decision in aligned.decisions where decision.score < 1 {
            report.flags.append(ReportFlag(stage: .alignment, line: decision.line > 0 ? sourceLine.line(ofNormalizedLine: decision.line) : 0,
                                           message: "\(decision.reason): '\(decision.raw)' → '\(decision.chosen)'"))
        }
        let perPass = normalized.edits.countsByPass
        for pass in NormalizationPassName.allCases where perPass[pass] != nil {
            report.flags.append(ReportFlag(stage: .normalization, line: 0,
                                           message: "\(perPass[pass]!) edit(s) by \(pass.rawValue) (nianbao normalize --explain lists them)"))
        }
        return report
    }

    /// The first lines of the text (the title is there), kept so the parser can read agency and year.
    private func titleLines(_ text: String) -> String {
        var rest = Substring(text)
        for _ in 0..<8 {
            let end = rest.utf8.firstIndex(of: 0x0A) ?? rest.endIndex
            let line = rest[..<end]
            if line.containsUTF8("年度报告") && !line.hasPrefix("#") { return line + "\n" }
            guard end < rest.endIndex else { break }
            rest = rest[rest.utf8.index(after: end)...]
        }
        return ""
    }
}

/// Lines of the normalised text → lines of the source. A class: it is looked up once per cell, and copying the
/// normalised text it holds (edits, offset map) cost a retain per array each time.
final class SourceLines {
    let normalized: NormalizedText
    let lineStarts: [Int]

    init(_ normalized: NormalizedText) {
        self.normalized = normalized
        lineStarts = normalized.lineStarts()
    }

    /// Each normalised line's source line once worked out (0: not yet); a report's cells share few lines.
    private var known: [Int] = []

    /// The source line of a 1-based normalised line: the line of its first byte in the source.
    func line(ofNormalizedLine line: Int) -> Int {
        guard line >= 1, line <= lineStarts.count else { return 0 }
        if known.isEmpty { known = [Int](repeating: 0, count: lineStarts.count) }
        if known[line - 1] == 0 { known[line - 1] = normalized.sourceLine(forOutputOffset: lineStarts[line - 1]) }
        return known[line - 1]
    }
}
