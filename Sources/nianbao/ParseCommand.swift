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

            Exit codes: 0 ok; 1 identity failures with --strict, or some of several files failed; 2 usage; \
            65 input not usable (no tables found, not canonical with --canonical, invalid text); 66 file missing.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, jsonl, csv }

    @Argument(help: "Report text files ('-' or none for standard input).") var files: [String] = []
    @Flag(help: "The input is canonical text: parse it strictly (errors instead of repairs).") var canonical = false
    @Option(help: "Output: json (one object, or an array for several files), jsonl (one line per report) or csv (table,row,column,value).")
    var format: Format = .json
    @Flag(help: "Exit with code 1 when an identity fails.") var strict = false
    @Option(help: "Force the table edition instead of detecting it (2019 or 2021).") var edition: Edition?

    func run() throws {
        let inputs = (files.isEmpty ? ["-"] : files).map(InputSource.init(argument:))
        var reports: [Report] = []
        var failed: ExitCode? = nil
        for input in inputs {
            do {
                reports.append(try ReportPipeline(edition: edition).run(input, canonical: canonical))
            } catch {
                Console.error(error.message)
                failed = failed ?? error.exitCode
            }
        }
        write(reports, several: inputs.count > 1)
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

    private func write(_ reports: [Report], several: Bool) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        switch format {
        case .json:
            encoder.outputFormatting.insert(.prettyPrinted)
            let data: Data? = several ? try? encoder.encode(reports) : reports.first.flatMap { try? encoder.encode($0) }
            if let data { Console.writeBytes(Array(data) + [0x0A]) }
        case .jsonl:
            for report in reports {
                if let data = try? encoder.encode(report) { Console.writeBytes(Array(data) + [0x0A]) }
            }
        case .csv:
            Console.write("table,row,column,value\n")
            for report in reports {
                for cell in report.cells {
                    Console.write([cell.table.rawValue, cell.row, cell.column].map(Self.csvField).joined(separator: ",")
                                  + "," + ReportRenderer.format(cell.value) + "\n")
                }
            }
        }
    }

    static func csvField(_ s: String) -> String {
        s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
