import ArgumentParser
import HTMLExtraction
import ReportModel
import ReportParsing
import TableAlignment
import TextNormalization

/// The whole pipeline for one input: decode and normalise, align, render canonical text, parse it strictly, and
/// carry the aligner's provenance and decisions into the report.
struct ReportPipeline {
    var edition: Edition?

    struct Failure: Error {
        var message: String
        var exitCode: ExitCode
    }

    func run(_ input: InputSource, canonical: Bool) throws(Failure) -> Report {
        let bytes: [UInt8]
        do { bytes = try input.read() } catch {
            throw Failure(message: "nianbao: error: \(error)", exitCode: NianbaoExit.noInput)
        }
        return try run(bytes: bytes, name: input.name, canonical: canonical)
    }

    /// The pipeline on bytes already read (batch and stream modes).
    func run(bytes: [UInt8], name: String, canonical: Bool) throws(Failure) -> Report {
        if canonical {
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw Failure(message: "nianbao: error: \(name): canonical text must be valid UTF-8", exitCode: NianbaoExit.dataError)
            }
            do { return try ReportParser().parse(text, source: name) } catch {
                throw Failure(message: error.description, exitCode: NianbaoExit.dataError)
            }
        }
        var bytes = bytes
        if HTMLExtractor.looksLikeHTML(bytes) {
            do { bytes = Array(try HTMLExtractor().text(from: bytes).utf8) } catch {
                throw Failure(message: "nianbao: error: \(name): \(error)", exitCode: NianbaoExit.dataError)
            }
        }
        let normalized: NormalizedText
        do { normalized = try TextNormalizer().normalize(bytes: bytes) } catch {
            throw Failure(message: "nianbao: error: \(name): \(error)", exitCode: NianbaoExit.dataError)
        }
        let aligned: AlignedReport
        do { aligned = try TableAligner(edition: edition).align(normalized.text) } catch {
            throw Failure(message: "nianbao: error: \(name): \(error)", exitCode: NianbaoExit.dataError)
        }
        var report: Report
        do {
            report = try ReportParser().parse(titleLines(normalized.text) + aligned.canonicalText, source: name)
        } catch {
            // The aligner writes canonical text; the parser refusing it is a bug, reported as such.
            throw Failure(message: "nianbao: internal error: the aligner's canonical text did not parse:\n\(error)", exitCode: ExitCode(70))
        }
        let sourceLine = SourceLines(normalized)
        let byKey = Dictionary(aligned.cells.map { ($0.cell.key, $0) }, uniquingKeysWith: { a, _ in a })
        for k in report.cells.indices {
            guard let cell = byKey[report.cells[k].cell.key] else { continue }
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
        var perPass: [NormalizationPassName: Int] = [:]
        for edit in normalized.edits { perPass[edit.pass, default: 0] += 1 }
        for pass in NormalizationPassName.allCases where perPass[pass] != nil {
            report.flags.append(ReportFlag(stage: .normalization, line: 0,
                                           message: "\(perPass[pass]!) edit(s) by \(pass.rawValue) (nianbao normalize --explain lists them)"))
        }
        return report
    }

    /// The first lines of the text (the title is there), kept so the parser can read agency and year.
    private func titleLines(_ text: String) -> String {
        let lines = text.split(separator: "\n", maxSplits: 8, omittingEmptySubsequences: false).prefix(8)
        return lines.filter { $0.contains("年度报告") && !$0.hasPrefix("#") }.prefix(1).map { $0 + "\n" }.joined()
    }
}

/// Lines of the normalised text → lines of the source.
struct SourceLines {
    let normalized: NormalizedText
    let lineStarts: [Int]

    init(_ normalized: NormalizedText) {
        self.normalized = normalized
        var starts = [0]
        for (k, b) in normalized.text.utf8.enumerated() where b == 0x0A { starts.append(k + 1) }
        lineStarts = starts
    }

    /// The source line of a 1-based normalised line: the line of its first byte in the source.
    func line(ofNormalizedLine line: Int) -> Int {
        guard line >= 1, line <= lineStarts.count else { return 0 }
        return normalized.sourceLine(forOutputOffset: lineStarts[line - 1])
    }
}
