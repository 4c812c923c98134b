import ArgumentParser
import ExtractionScoring
import Foundation
import ReportModel

/// `nianbao score`: extraction quality against gold cells, or character error rate between two texts.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score extracted cells against gold cells (one report or a corpus), or two texts by CER.",
        discussion: """
            One report:  nianbao score --gold gold.json --pred prediction.json
            A corpus:    nianbao score --gold-dir Fixtures/corpus --pred-dir out/
                         Each report is a gold file <gold-dir>/<name>/gold.json or <gold-dir>/<name>.json; its \
            prediction is <pred-dir>/<name>.json. A missing prediction counts as every cell missing; so does an
            unreadable one, named on stderr, and the exit code is then 1.
            Texts:       nianbao score --text reference.txt hypothesis.txt   (character error rate)

            A cell is right when the prediction has the same (table, row, column) — labels compared after NFKC, \
            keeping only letters, digits and Han — with the same value.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: "Gold cell file of one report.") var gold: String?
    @Option(help: "Predicted cell file of one report.") var pred: String?
    @Option(help: "Folder of gold files (a corpus).") var goldDir: String?
    @Option(help: "Folder of predicted files, <name>.json each.") var predDir: String?
    @Flag(help: "Character error rate between two text files instead of cells.") var text = false
    @Argument(help: "With --text: the reference and the hypothesis text files.") var texts: [String] = []
    @Option(help: "Output: text (a table for people) or json.") var format: Format = .text
    @Flag(help: "List every wrong, missing and extra cell.") var details = false

    func validate() throws {
        if text {
            guard texts.count == 2 else { throw ValidationError("--text takes two files: reference and hypothesis") }
        } else if gold == nil && goldDir == nil {
            throw ValidationError("give --gold and --pred for one report, or --gold-dir and --pred-dir for a corpus")
        } else if gold != nil && goldDir != nil {
            throw ValidationError("--gold and --gold-dir cannot be used together")
        }
    }

    func run() throws {
        if text { return try scoreTexts() }
        let scorer = ExtractionScorer()
        if let gold {
            let goldFile = try Self.load(gold)
            let prediction = try pred.map(Self.load)
            let score = scorer.score(gold: goldFile, prediction: prediction, name: gold)
            let corpus = scorer.score(corpus: [(gold, goldFile, prediction)])
            _ = score
            try write(corpus)
        } else if let goldDir {
            let entries = try Self.goldFiles(in: goldDir)
            guard !entries.isEmpty else {
                throw CleanExit.message("nianbao: error: \(goldDir): no gold files (<name>/gold.json or <name>.json)")
            }
            var corpus: [(name: String, gold: CellFile, prediction: CellFile?)] = []
            var unreadable = 0
            for (name, path) in entries {
                var prediction: CellFile? = nil
                if let predictionPath = predDir.map({ "\($0)/\(name).json" }), FileManager.default.fileExists(atPath: predictionPath) {
                    // One unreadable prediction (an extractor that crashed and left an empty file) is counted as every
                    // cell missing and named on stderr; the rest of the corpus is still scored.
                    do {
                        prediction = try Self.load(predictionPath)
                    } catch {
                        unreadable += 1
                        // A read error was named on stderr as it happened.
                        let reason = error is ExitCode ? predictionPath : Self.message(error)
                        Console.error("nianbao: warning: \(reason); counted as every cell missing")
                    }
                }
                corpus.append((name, try Self.load(path), prediction))
            }
            try write(scorer.score(corpus: corpus))
            if unreadable > 0 {
                Console.error("nianbao: \(unreadable) of \(entries.count) prediction(s) unreadable")
                throw NianbaoExit.someFailed
            }
        }
    }

    private func write(_ score: CorpusScore) throws {
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            var data = try encoder.encode(score)
            data.append(0x0A)
            Console.writeBytes(Array(data))
        case .text:
            Console.write(ScoreTable.render(score, details: details))
        }
    }

    private func scoreTexts() throws {
        let reference = try Self.readText(texts[0])
        let hypothesis = try Self.readText(texts[1])
        let distance = CharacterErrorRate.distance(reference, hypothesis)
        let rate = CharacterErrorRate.rate(reference: reference, hypothesis: hypothesis)
        switch format {
        case .json:
            Console.write("{\"distance\":\(distance),\"referenceLength\":\(reference.unicodeScalars.count),\"cer\":\(rate)}\n")
        case .text:
            Console.write("CER \(String(format: "%.4f", rate)) (\(distance) edits over \(reference.unicodeScalars.count) characters)\n")
        }
    }

    /// Reads a text file, or exits 66 with a message naming it.
    static func readText(_ path: String) throws -> String {
        String(decoding: try InputSource(argument: path).readOrExit(), as: UTF8.self)
    }

    /// Reads a cell file, with an error that names the file.
    static func load(_ path: String) throws -> CellFile {
        let bytes = try InputSource(argument: path).readOrExit()
        do {
            return try JSONDecoder().decode(CellFile.self, from: Data(bytes))
        } catch {
            throw ValidationError("\(path): not a cell file ({\"edition\", \"cells\": [{\"table\",\"row\",\"column\",\"value\"}]}): \(Self.describe(error))")
        }
    }

    /// The message of an error `load` throws.
    static func message(_ error: Error) -> String {
        (error as? ValidationError)?.message ?? "\(error)"
    }

    static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context): return context.debugDescription
        case DecodingError.keyNotFound(let key, let context):
            return "missing \"\(key.stringValue)\" at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "\(context.debugDescription) at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        default: return "\(error)"
        }
    }

    /// `<dir>/<name>/gold.json` or `<dir>/<name>.json`, sorted by name.
    static func goldFiles(in directory: String) throws -> [(String, String)] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("\(directory): not a folder")
        }
        var found: [(String, String)] = []
        for entry in try FileManager.default.contentsOfDirectory(atPath: directory).sorted() {
            let path = "\(directory)/\(entry)"
            if entry.hasSuffix(".json") {
                found.append((String(entry.dropLast(5)), path))
            } else if FileManager.default.fileExists(atPath: "\(path)/gold.json") {
                found.append((entry, "\(path)/gold.json"))
            }
        }
        return found
    }
}
