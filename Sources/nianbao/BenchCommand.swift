import ArgumentParser
import Foundation
import ReportModel
import TextNormalization

/// `nianbao bench`: throughput of the normaliser beside its baselines, measured side by side in one run.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure normaliser throughput beside ICU NFKC and Foundation NFKC, or the whole pipeline, in one run.",
        discussion: """
            Builds an input of about --megabytes MB by repeating the given report files (default: the seeds in \
            Fixtures/seeds), then times each method --rounds times on one core and reports the best round in MB/s \
            of UTF-8 input, with the ratio to ICU NFKC. The normaliser is timed twice: over the whole input as one \
            text, and one call per report file (the pipeline's way: small texts, buffers that stay in cache). Build \
            with -c release for meaningful numbers.

            --pipeline instead runs the whole pipeline (normalise → align → parse → report JSON) over --reports \
            reports made of the given files, on one core and with --jobs, and reports reports/s and the speed-up.
            """
    )

    @Argument(help: "Report text files to repeat (default: Fixtures/seeds/*/input.txt).")
    var files: [String] = []

    @Option(help: "Approximate input size in MB.")
    var megabytes = 32

    @Option(help: "Timed rounds per method (the best is reported).")
    var rounds = 5

    @Flag(help: "Also time each pass alone (decoding plus that pass).")
    var perPass = false

    @Flag(help: "Time the whole pipeline (reports/s) instead of the normaliser.")
    var pipeline = false

    @Option(help: "With --pipeline: how many reports to run.")
    var reports = 1000

    @Option(help: "With --pipeline: the parallel run's job count.")
    var jobs = 2

    func run() throws {
        let paths = files.isEmpty ? Self.seedInputs() : files
        guard !paths.isEmpty else { throw ValidationError("no input files (run from the repository root, or name files)") }
        if pipeline { return try runPipeline(paths) }
        let files = try paths.map { try InputSource(argument: $0).read() + [0x0A] }
        let unit = Array(files.joined())
        var input: [UInt8] = []
        input.reserveCapacity(megabytes << 20 + unit.count)
        while input.count < megabytes << 20 { input += unit }
        let megabytesExact = Double(input.count) / 1_048_576
        Console.write("input: \(paths.count) file(s) repeated to \(String(format: "%.1f", megabytesExact)) MB; best of \(rounds)\n")

        let normalizer = TextNormalizer()
        let text = String(decoding: input, as: UTF8.self)
        var results: [(String, Double)] = []
        results.append(("nianbao normalize (all passes, canonical)", best { _ = try? normalizer.normalize(bytes: input) }))
        let icu = best { _ = TextNormalizer.icuNFKC(input) }
        results.append(("ICU NFKC (Normalizer2::normalizeUTF8)", icu))
        results.append(("Foundation NFKC (precomposedStringWithCompatibilityMapping)", best {
            _ = text.precomposedStringWithCompatibilityMapping.utf8.count
        }))
        // The same bytes as the pipeline reads them: one call per report file, as many as make up the input (timed
        // after the baselines, so that they run in the process state the earlier releases measured them in).
        let repeats = input.count / unit.count
        results.append(("nianbao normalize, one call per report file", best {
            for _ in 0..<repeats { for file in files { _ = try? normalizer.normalize(bytes: file) } }
        }))
        if perPass {
            for pass in NormalizationPassName.allCases where pass != .decoding {
                let others = Set(NormalizationPassName.allCases).subtracting([pass, .decoding])
                let alone = TextNormalizer(configuration: .init(disabledPasses: others))
                results.append(("  pass \(pass.rawValue) alone", best { _ = try? alone.normalize(bytes: input) }))
            }
            let none = TextNormalizer(configuration: .init(disabledPasses: Set(NormalizationPassName.allCases)))
            results.append(("  decoding only", best { _ = try? none.normalize(bytes: input) }))
        }
        Console.write("| method | MB/s | ratio to ICU NFKC |\n|---|---:|---:|\n")
        for (name, seconds) in results {
            let rate = megabytesExact / seconds
            Console.write("| \(name) | \(String(format: "%.0f", rate)) | \(String(format: "%.2f", icu / seconds)) |\n")
        }
    }

    /// The whole pipeline over `reports` inputs, one core and then `jobs`, best of `rounds`.
    private func runPipeline(_ paths: [String]) throws {
        let inputs = try paths.map { try InputSource(argument: $0).read() }
        let count = max(reports, 1)
        let pipeline = ReportPipeline(edition: nil)
        Console.write("input: \(count) reports made of \(paths.count) file(s); best of \(rounds)\n")
        func time(jobs: Int) -> Double {
            best {
                BatchRunner(jobs: jobs).run(count: count, work: { k -> Int in
                    let reports = (try? pipeline.run(bytes: inputs[k % inputs.count], name: "bench", canonical: false)) ?? []
                    return reports.reduce(0) { $0 + ReportJSON.encode($1).count }
                }, emit: { _, _ in })
            }
        }
        let one = time(jobs: 1)
        let many = time(jobs: max(jobs, 1))
        Console.write("| run | reports/s | speed-up |\n|---|---:|---:|\n")
        Console.write("| one core | \(String(format: "%.0f", Double(count) / one)) | 1.00 |\n")
        Console.write("| --jobs \(jobs) | \(String(format: "%.0f", Double(count) / many)) | \(String(format: "%.2f", one / many)) |\n")
    }

    private func best(_ body: () -> Void) -> Double {
        var bestTime = Double.infinity
        for _ in 0..<max(rounds, 1) {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            bestTime = min(bestTime, seconds)
        }
        return bestTime
    }

    private static func seedInputs() -> [String] {
        let directory = "Fixtures/seeds"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.sorted().map { "\(directory)/\($0)/input.txt" }.filter { FileManager.default.fileExists(atPath: $0) }
    }
}
