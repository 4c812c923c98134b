import ArgumentParser
import Foundation
import HTMLExtraction
import ReportModel
import TableAlignment
import TextNormalization

/// `nianbao align`: normalised text → canonical text, with every alignment decision available.
struct AlignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "align",
        abstract: "Find the report's tables and put every value in its canonical row and column.",
        discussion: """
            Normalises FILE (standard input for '-' or none), finds the three tables, and writes canonical text: \
            the prose as normalised, each table rewritten as a '#table' block (see the README). --explain lists \
            the decisions instead (LINE  'raw' → 'chosen'  score  reason), then every value that was not simply \
            read. --format cells writes the cells as a prediction file for 'nianbao score'.

            Several files or folders (--glob picks the files in folders) run in batch mode: with --output DIR each \
            result is written under DIR mirroring the input tree (NAME.canonical.txt, NAME.explain.txt or \
            NAME.json), a failed input as NAME.error.json; without it, results go to stdout in input order, each \
            after a '==> FILE <==' line. A summary ends the run on stderr; exit code 1 when some input failed.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case canonical, cells }

    @Argument(help: "Report text or HTML files, or folders ('-' or none for standard input).") var files: [String] = []
    @Flag(help: "List the alignment decisions and the inferred values.") var explain = false
    @Option(help: "Force the table edition instead of detecting it (2019 or 2021).") var edition: Edition?
    @Option(help: "Output: canonical (text) or cells (a JSON cell file).") var format: Format = .canonical
    @Flag(help: "Keep every value as read: put nothing right by the identities (misread digits, values in other columns, rows read in another order). The identities are still checked.")
    var noIdentityFixes = false

    @OptionGroup var batch: BatchOptions

    func validate() throws {
        try batch.validate()
    }

    func run() throws {
        let (explain, format) = (self.explain, self.format)
        let aligner = TableAligner(edition: edition, fixesByIdentities: !noIdentityFixes)
        let isBatch = batch.output != nil || files.count > 1 || files.contains { FileManager.default.isDirectory($0) }
        if isBatch {
            let runner = TextBatch(jobs: batch.jobs, quiet: batch.quiet, output: batch.output,
                                  outputExtension: explain ? "explain.txt" : format == .cells ? "json" : "canonical.txt", verb: "aligned")
            return try runner.run(BatchInputs.expand(files, glob: batch.glob), countsIdentities: true) { input in
                Self.align(InputSource(argument: input.path), aligner: aligner).map { alignment in
                    (Array(Self.render(alignment, explain: explain, format: format).utf8),
                     alignment.reports.contains { $0.hasFailedIdentity })
                }
            }
        }
        switch Self.align(InputSource(argument: files.first ?? "-"), aligner: aligner) {
        case .success(let alignment): Console.write(Self.render(alignment, explain: explain, format: format))
        case .failure(let failure):
            Console.error(failure.message)
            throw failure.exitCode
        }
    }

    /// One input aligned: a report per report it holds, and, for an HTML page, where its tables stand.
    struct Alignment: Sendable {
        var reports: [AlignedReport]
        /// The line range of each report in the normalised text.
        var segments: [Range<Int>]
        var normalized: NormalizedText
        var htmlTables: [HTMLExtractor.Document.Table]?
    }

    /// One input read (HTML by content), normalised, cut into reports and aligned, or why not.
    static func align(_ input: InputSource, aligner: TableAligner) -> Result<Alignment, ReportPipeline.Failure> {
        var bytes: [UInt8]
        do { bytes = try input.read() } catch {
            return .failure(.init(message: "nianbao: error: \(error)", exitCode: NianbaoExit.noInput))
        }
        func failure(_ error: any Error, _ name: String = input.name) -> Result<Alignment, ReportPipeline.Failure> {
            .failure(.init(message: "nianbao: error: \(name): \(error)", exitCode: NianbaoExit.dataError))
        }
        var htmlTables: [HTMLExtractor.Document.Table]? = nil
        do {
            if let document = try PageInput.document(bytes) {
                bytes = Array(document.text.utf8)
                htmlTables = document.tables
            } else {
                bytes = try PageInput.text(bytes)
            }
        } catch { return failure(error) }
        let normalized: NormalizedText
        do { normalized = try TextNormalizer().normalize(bytes: bytes) } catch { return failure(error) }
        let lines = normalized.text.pieces(separatedBy: 0x0A)
        let segments = ReportSegments.find(lines)
        var reports: [AlignedReport] = []
        for (k, range) in segments.enumerated() {
            let text = segments.count == 1 ? normalized.text : lines[range].joined(separator: "\n")
            do { reports.append(try aligner.align(text, pageStartLines: normalized.pageStartLines(in: range)).shifted(by: range.lowerBound)) } catch {
                return failure(error, segments.count == 1 ? input.name : "\(input.name)#\(k + 1)")
            }
        }
        return .success(Alignment(reports: reports, segments: segments, normalized: normalized, htmlTables: htmlTables))
    }

    /// Canonical text, the decisions (`--explain`), or the cells as JSON; one after another for several reports.
    static func render(_ alignment: Alignment, explain: Bool, format: Format) -> String {
        let several = alignment.reports.count > 1
        if explain {
            var out = ""
            for (k, report) in alignment.reports.enumerated() {
                if several {
                    let range = alignment.segments[k]
                    out += "# report \(k + 1) of \(alignment.reports.count): lines \(range.lowerBound + 1)–\(range.upperBound)\n"
                }
                out += report.decisions.map { $0.description + "\n" }.joined()
                for cell in report.cells where cell.origin != .read || cell.confidence < 1 {
                    let where_ = cell.line > 0 ? "\(cell.line)" : "-"
                    out += "\(where_)  \(cell.cell.key) = \(CanonicalTable.format(cell.cell.value))  \(cell.origin.rawValue)  \(cell.note ?? "")\n"
                }
            }
            if let tables = alignment.htmlTables { out += htmlTableLines(tables, alignment) }
            return out
        }
        switch format {
        case .canonical:
            return alignment.reports.map(\.canonicalText).joined(separator: "\n")
        case .cells:
            let files = alignment.reports.map { CellFileJSON.render($0.cellFile()) }
            return several ? "[\n" + files.map { $0.trimmingCharacters(in: .newlines) }.joined(separator: ",\n") + "\n]\n" : files[0]
        }
    }

    /// For an HTML page: each `<table>` with the report table read from it, or why it was ignored.
    static func htmlTableLines(_ tables: [HTMLExtractor.Document.Table], _ alignment: Alignment) -> String {
        let sourceLines = SourceLines(alignment.normalized)
        // Each report table's lines in the page text (1-based, inclusive).
        var read: [(report: Int, table: TableKind, lines: ClosedRange<Int>)] = []
        for (k, report) in alignment.reports.enumerated() {
            for (table, range) in report.regions where !range.isEmpty {
                let first = sourceLines.line(ofNormalizedLine: range.lowerBound + 1)
                let last = sourceLines.line(ofNormalizedLine: range.upperBound)
                read.append((k + 1, table, first...max(first, last)))
            }
        }
        var out = ""
        for (k, table) in tables.enumerated() {
            let lines = (table.lines.lowerBound + 1)...max(table.lines.lowerBound + 1, table.lines.upperBound)
            let what = "HTML table \(k + 1) (lines \(lines.lowerBound)–\(lines.upperBound), \(table.rows)×\(table.columns))"
            let used = read.filter { $0.lines.overlaps(lines) }.sorted { ($0.report, $0.table) < ($1.report, $1.table) }
            if used.isEmpty {
                out += "\(what): ignored, not one of the report's tables\n"
            } else {
                let names = used.map { alignment.reports.count > 1 ? "\($0.table.rawValue) of report \($0.report)" : $0.table.rawValue }
                out += "\(what): read as table \(names.joined(separator: ", "))\n"
            }
        }
        return out
    }
}

extension Edition: ExpressibleByArgument {}
