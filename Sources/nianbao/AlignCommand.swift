import ArgumentParser
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
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case canonical, cells }

    @Argument(help: "A report text file ('-' for standard input).") var file: String = "-"
    @Flag(help: "List the alignment decisions and the inferred values.") var explain = false
    @Option(help: "Force the table edition instead of detecting it (2019 or 2021).") var edition: Edition?
    @Option(help: "Output: canonical (text) or cells (a JSON cell file).") var format: Format = .canonical

    func run() throws {
        let input = InputSource(argument: file)
        var bytes = try input.readOrExit()
        if HTMLExtractor.looksLikeHTML(bytes) {
            do { bytes = Array(try HTMLExtractor().text(from: bytes).utf8) } catch {
                Console.error("nianbao: error: \(input.name): \(error)")
                throw NianbaoExit.dataError
            }
        }
        let normalized: NormalizedText
        do { normalized = try TextNormalizer().normalize(bytes: bytes) } catch {
            Console.error("nianbao: error: \(input.name): \(error)")
            throw NianbaoExit.dataError
        }
        let report: AlignedReport
        do { report = try TableAligner(edition: edition).align(normalized.text) } catch {
            Console.error("nianbao: error: \(input.name): \(error)")
            throw NianbaoExit.dataError
        }
        if explain {
            for decision in report.decisions { Console.write(decision.description + "\n") }
            for cell in report.cells where cell.origin != .read || cell.confidence < 1 {
                let where_ = cell.line > 0 ? "\(cell.line)" : "-"
                Console.write("\(where_)  \(cell.cell.key) = \(CanonicalTable.format(cell.cell.value))  \(cell.origin.rawValue)  \(cell.note ?? "")\n")
            }
            return
        }
        switch format {
        case .canonical: Console.write(report.canonicalText)
        case .cells: Console.write(CellFileJSON.render(report.cellFile()))
        }
    }
}

extension Edition: ExpressibleByArgument {}
