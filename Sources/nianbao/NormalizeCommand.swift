import ArgumentParser
import Foundation
import TextNormalization

/// `nianbao normalize`: normalised text, or the list of edits, for files or standard input.
struct NormalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract: "Normalise report text: widths, radicals, punctuation, invisible characters, artifacts, split lines.",
        discussion: """
            Reads each FILE (standard input when none is given or FILE is '-') and writes the normalised text to \
            standard output. With several files, each output is preceded by a '==> FILE <==' line. A file that \
            cannot be read is reported on stderr and the others are still processed.

            Folders are walked (--glob picks the files); with --output DIR each result is written under DIR, \
            mirroring the input tree (NAME.txt, or NAME.explain.txt / NAME.json), a failed input as \
            NAME.error.json, and a summary ends the run on stderr. Inputs are processed --jobs at a time.

            Passes: \(NormalizationPassName.allCases.map(\.rawValue).joined(separator: ", ")).
            """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "Report text files; '-' or none for standard input.")
    var files: [String] = []

    @Flag(help: "Write one line per edit ('LINE:COL  PASS  'before' → 'after'') instead of the text.")
    var explain = false

    @Option(help: "Output format: text or json ({\"text\", \"edits\": [...], \"pageStarts\": [...]}).")
    var format: OutputFormat = .text

    @Option(help: "Punctuation policy: canonical (as the national templates print) or ascii (matching keys).")
    var policy: PunctuationPolicy = .canonical

    @Option(name: .customLong("disable"), help: "Turn a pass off (repeatable).")
    var disabled: [NormalizationPassName] = []

    @Option(help: "Read the input in this encoding (GB18030, Big5, UTF-16LE, …) instead of detecting it.")
    var encoding: String?

    @Flag(help: "Replace invalid UTF-8 with U+FFFD (each replacement logged as an edit) instead of failing.")
    var lossy = false

    @OptionGroup var batch: BatchOptions

    func validate() throws {
        try batch.validate()
        if disabled.contains(.decoding) {
            throw ValidationError("the decoding pass cannot be disabled: the text must become UTF-8 (see --lossy)")
        }
    }

    func run() throws {
        let configuration = NormalizationConfiguration(
            punctuationPolicy: policy, disabledPasses: Set(disabled), isLossy: lossy, forcedEncoding: encoding)
        let normalizer = TextNormalizer(configuration: configuration)
        if batch.output != nil || files.contains(where: { FileManager.default.isDirectory($0) }) {
            let (format, explain) = (self.format, self.explain)
            let runner = TextBatch(jobs: batch.jobs, quiet: batch.quiet, output: batch.output,
                                  outputExtension: format == .json ? "json" : explain ? "explain.txt" : "txt", verb: "normalized")
            return try runner.run(BatchInputs.expand(files, glob: batch.glob), countsIdentities: false) { input in
                let source = InputSource(argument: input.path)
                do {
                    let result = try normalizer.normalize(bytes: try source.read())
                    return .success((Self.render(result, format: format, explain: explain), false))
                } catch let error as InputSource.ReadError {
                    return .failure(.init(message: "nianbao: error: \(error)", exitCode: NianbaoExit.noInput))
                } catch {
                    return .failure(.init(message: "nianbao: error: \(source.name): \(error)", exitCode: NianbaoExit.dataError))
                }
            }
        }
        let inputs = (files.isEmpty ? ["-"] : files).map(InputSource.init(argument:))
        var worst: ExitCode? = nil
        for input in inputs {
            if inputs.count > 1 && format == .text { Console.write("==> \(input.name) <==\n") }
            do {
                let bytes = try input.read()
                let result = try normalizer.normalize(bytes: bytes)
                Console.writeBytes(Self.render(result, format: format, explain: explain))
            } catch let error as InputSource.ReadError {
                Console.error("nianbao: error: \(error)")
                worst = worst ?? NianbaoExit.noInput
            } catch let error as NormalizationError {
                Console.error("nianbao: error: \(input.name): \(error)")
                worst = worst ?? NianbaoExit.dataError
            }
        }
        if let worst { throw inputs.count > 1 ? NianbaoExit.someFailed : worst }
    }

    /// The output for one input, as UTF-8 (the normalised text is written as the bytes the normaliser made).
    static func render(_ result: NormalizedText, format: OutputFormat, explain: Bool) -> [UInt8] {
        switch (format, explain) {
        case (.json, _):
            return Array((NormalizedTextJSON.render(result) + "\n").utf8)
        case (.text, true):
            return Array(result.edits.map { $0.description + "\n" }.joined().utf8)
        case (.text, false):
            return result.utf8
        }
    }
}

extension PunctuationPolicy: ExpressibleByArgument {}
extension NormalizationPassName: ExpressibleByArgument {}
