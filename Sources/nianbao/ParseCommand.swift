import ArgumentParser
import Foundation
import ReportModel
import ReportParsing
import TableAlignment
import TextNormalization

/// `nianbao parse`: the whole pipeline (normalise → align → strict parse) to report JSON.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Read a report's tables: normalise, align and parse, and write the report as JSON.",
        discussion: """
            Writes the report JSON (a top-level "cells" array in the cell contract, with provenance, identity \
            checks and flags; see the README) to standard output. Identity failures are reported in the JSON and \
            summarised on stderr.

            Inputs, recognised by content: extracted text (tab-separated, pdftotext raw or -layout, OCR, a whole \
            report on one line), markdown (pipe tables, or HTML <table> fragments as MinerU writes them), CSV or \
            box-drawn tables, HTML pages, Word .docx files, and PDF files (pdftotext and, for scans, tesseract, read \
            by consensus). \
            UTF-8, UTF-16 and GB18030/GBK/Big5 are detected.

            Exit codes: 0 ok; 1 identity failures with --strict, or some of several files failed; 2 usage; \
            65 input not usable (no tables found, not canonical with --canonical, invalid text); 66 file missing.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, jsonl, csv }

    @Argument(help: "Report files: text, markdown, HTML, .docx or PDF ('-' or none for standard input).") var files: [String] = []
    @Flag(help: "The input is canonical text: parse it strictly (errors instead of repairs).") var canonical = false
    @Option(help: "Output: json (one object, or an array for several files), jsonl (one line per report) or csv (table,row,column,value).")
    var format: Format = .json
    @Flag(help: "Exit with code 1 when an identity fails.") var strict = false
    @Option(help: "Force the table edition instead of detecting it (2019 or 2021).") var edition: Edition?
    @Flag(help: "Keep every value as read: put nothing right by the identities (misread digits, values in other columns, rows read in another order). The identities are still checked.")
    var noIdentityFixes = false
    @OptionGroup var batch: BatchOptions
    @Flag(help: "Read JSON Lines on stdin ({\"id\": …, \"text\": …} per line, other fields passed through) and write one result line per input line, in order.")
    var jsonl = false

    enum ExtractorChoice: String, ExpressibleByArgument, CaseIterable { case raw, layout, ocr, all }
    @Option(help: "For PDF input: which extractor to run (all: raw and layout, and OCR when there is no text layer or the pages are scans; the tables are taken by consensus).")
    var extractor: ExtractorChoice = .all

    var pipeline: ReportPipeline {
        var pipeline = ReportPipeline(edition: edition)
        pipeline.fixesByIdentities = !noIdentityFixes
        switch extractor {
        case .raw: pipeline.extractors = [.raw]; pipeline.ocrScans = false
        case .layout: pipeline.extractors = [.layout]; pipeline.ocrScans = false
        case .ocr: pipeline.extractors = []; pipeline.forceOCR = true
        case .all: pipeline.extractors = [.raw, .layout]
        }
        return pipeline
    }

    func validate() throws {
        try batch.validate()
        if jsonl && !files.isEmpty { throw ValidationError("--jsonl reads standard input: give no files") }
    }

    func run() throws {
        if jsonl { return try StreamMode(pipeline: pipeline, canonical: canonical, jobs: batch.jobs).run() }
        let expanded = BatchInputs.expand(files.isEmpty ? ["-"] : files, glob: batch.glob)
        let isBatch = batch.output != nil || expanded.count > 1 || files.contains { FileManager.default.isDirectory($0) }
        if isBatch { return try runBatch(expanded) }
        let inputs = (files.isEmpty ? ["-"] : files).map(InputSource.init(argument:))
        var reports: [Report] = []
        var failed: ExitCode? = nil
        for input in inputs {
            do {
                reports += try pipeline.run(input, canonical: canonical)
            } catch {
                Console.error(error.message)
                failed = failed ?? error.exitCode
            }
        }
        write(reports)
        var identityFailures = false
        for report in reports {
            let failing = report.identities.filter { $0.status == .fail }
            if !failing.isEmpty {
                identityFailures = true
                Console.error("nianbao: \(report.source): \(failing.count) of \(report.identities.count) identities fail; first: \(failing[0].identity) (\(ReportRenderer.format(failing[0].expected)) ≠ \(ReportRenderer.format(failing[0].actual)))")
            }
        }
        if let failed { throw inputs.count > 1 ? NianbaoExit.someFailed : failed }
        if strict && identityFailures { throw ExitCode(1) }
    }

    private func write(_ reports: [Report]) {
        switch format {
        case .json:
            if !reports.isEmpty { Console.writeBytes(Self.json(reports) + [0x0A]) }
        case .jsonl:
            for report in reports {
                Console.writeBytes(ReportJSON.encode(report) + [0x0A])
            }
        case .csv:
            Console.write("table,row,column,value\n")
            for report in reports { Console.write(Self.csv(report)) }
        }
    }

    /// Many inputs: parallel windows, ordered output (stdout or one file per input), one error record per failure,
    /// a summary at the end.
    private func runBatch(_ inputs: [BatchInputs.Input]) throws {
        var summary = BatchSummary()
        let progress = Progress(total: inputs.count, quiet: batch.quiet)
        let stems = BatchInputs.outputStems(inputs)
        let pipeline = self.pipeline
        let canonical = self.canonical
        if batch.output == nil && format == .json { Console.write("[\n") }
        if batch.output == nil && format == .csv { Console.write("table,row,column,value\n") }
        var first = true
        let format = self.format
        // Each input's output is encoded where it is parsed (in parallel with the others); the emitter only writes.
        BatchRunner(jobs: batch.jobs).run(count: inputs.count, work: { k -> Result<Encoded, ReportPipeline.Failure> in
            Result { () throws(ReportPipeline.Failure) -> Encoded in
                let reports = try pipeline.run(InputSource(argument: inputs[k].path), canonical: canonical)
                // An input that holds several reports gives an array (json) or several lines (jsonl).
                let record = switch format {
                case .csv: Array(reports.map(Self.csv).joined().utf8)
                case .jsonl: Array(reports.map(ReportJSON.encode).joined(separator: [0x0A]))
                case .json: Self.json(reports)
                }
                return Encoded(
                    reports: reports.count,
                    identityFailures: reports.filter { $0.identities.contains { $0.status == .fail } }.count, record: record)
            }
        }, emit: { k, result in
            summary.files += 1
            let input = inputs[k]
            var record: [UInt8]
            switch result {
            case .success(let encoded):
                summary.parsed += encoded.reports
                summary.identityFailures? += encoded.identityFailures
                record = encoded.record
            case .failure(let failure):
                summary.errors += 1
                Console.error(failure.message.split(separator: "\n").first.map(String.init) ?? failure.message)
                let error = ["source": input.path, "error": failure.message]
                record = Array((try? JSONSerialization.data(withJSONObject: error, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data())
            }
            if let output = batch.output {
                let isError = if case .failure = result { true } else { false }
                let stem = stems[k]
                let ext = isError ? "error.json" : (format == .csv ? "csv" : "json")
                let url = URL(fileURLWithPath: output).appendingPathComponent(stem + "." + ext)
                if !OutputFile.write(record + [0x0A], to: url.path) {
                    Console.error("nianbao: error: cannot write \(url.path)")
                    summary.errors += 1
                }
            } else {
                if format == .json && !first { Console.write(",\n") }
                if format == .csv, case .success = result {
                    Console.writeBytes(record)
                } else if format != .csv {
                    Console.writeBytes(record + (format == .jsonl ? [0x0A] : []))
                }
                first = false
            }
            progress.update(done: k + 1)
        })
        if batch.output == nil && format == .json { Console.write("\n]\n") }
        if !batch.quiet { Console.error(summary.line) }
        if summary.errors > 0 { throw NianbaoExit.someFailed }
        if strict && (summary.identityFailures ?? 0) > 0 { throw ExitCode(1) }
    }

    /// One input's output in a batch: its reports, how many fail an identity, and the bytes written for them.
    private struct Encoded: Sendable {
        var reports: Int
        var identityFailures: Int
        var record: [UInt8]
    }

    /// One input's reports as indented JSON: the report itself when it holds one, an array of them otherwise.
    private static func json(_ reports: [Report]) -> [UInt8] {
        reports.count == 1 ? ReportJSON.encodePretty(reports[0]) : ReportJSON.encodePretty(reports)
    }

    /// A report's cells as CSV lines (`table,row,column,value`, the header apart).
    private static func csv(_ report: Report) -> String {
        report.cells.map {
            [$0.table.rawValue, $0.row, $0.column].map(Self.csvField).joined(separator: ",") + "," + ReportRenderer.format($0.value) + "\n"
        }.joined()
    }

    static func csvField(_ s: String) -> String {
        s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
