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

    @Option(help: "Write one output per input under this folder, mirroring the input tree.") var output: String?
    @Option(help: "In folders, the files to read.") var glob = "*.txt"
    @Option(help: "Inputs processed in parallel in batch mode (default: the core count); output order stays the input order.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    @Flag(help: "No progress and no summary on stderr.") var quiet = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let (edition, explain, format) = (self.edition, self.explain, self.format)
        let isBatch = output != nil || files.count > 1 || files.contains { FileManager.default.isDirectory($0) }
        if isBatch {
            let batch = TextBatch(jobs: jobs, quiet: quiet, output: output,
                                  outputExtension: explain ? "explain.txt" : format == .cells ? "json" : "canonical.txt", verb: "aligned")
            return try batch.run(BatchInputs.expand(files, glob: glob), countsIdentities: true) { input in
                Self.align(InputSource(argument: input.path), edition: edition).map { report in
                    (Array(Self.render(report, explain: explain, format: format).utf8), report.hasFailedIdentity)
                }
            }
        }
        switch Self.align(InputSource(argument: files.first ?? "-"), edition: edition) {
        case .success(let report): Console.write(Self.render(report, explain: explain, format: format))
        case .failure(let failure):
            Console.error(failure.message)
            throw failure.exitCode
        }
    }

    /// One input read (HTML by content), normalised and aligned, or why not.
    static func align(_ input: InputSource, edition: Edition?) -> Result<AlignedReport, ReportPipeline.Failure> {
        var bytes: [UInt8]
        do { bytes = try input.read() } catch {
            return .failure(.init(message: "nianbao: error: \(error)", exitCode: NianbaoExit.noInput))
        }
        func failure(_ error: any Error) -> Result<AlignedReport, ReportPipeline.Failure> {
            .failure(.init(message: "nianbao: error: \(input.name): \(error)", exitCode: NianbaoExit.dataError))
        }
        if HTMLExtractor.looksLikeHTML(bytes) {
            do { bytes = Array(try HTMLExtractor().text(from: bytes).utf8) } catch { return failure(error) }
        }
        let normalized: NormalizedText
        do { normalized = try TextNormalizer().normalize(bytes: bytes) } catch { return failure(error) }
        do { return .success(try TableAligner(edition: edition).align(normalized.text)) } catch { return failure(error) }
    }

    /// Canonical text, the decisions (`--explain`), or the cells as JSON.
    static func render(_ report: AlignedReport, explain: Bool, format: Format) -> String {
        if explain {
            var out = report.decisions.map { $0.description + "\n" }.joined()
            for cell in report.cells where cell.origin != .read || cell.confidence < 1 {
                let where_ = cell.line > 0 ? "\(cell.line)" : "-"
                out += "\(where_)  \(cell.cell.key) = \(CanonicalTable.format(cell.cell.value))  \(cell.origin.rawValue)  \(cell.note ?? "")\n"
            }
            return out
        }
        switch format {
        case .canonical: return report.canonicalText
        case .cells: return CellFileJSON.render(report.cellFile())
        }
    }
}

extension Edition: ExpressibleByArgument {}
