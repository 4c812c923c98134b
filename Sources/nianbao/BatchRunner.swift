import Dispatch
import Foundation
import ReportModel
import ReportParsing

/// Runs the pipeline over many inputs: in windows processed `jobs` at a time by child tasks of a task group,
/// results written in input order, so output is deterministic and memory stays flat however many inputs there are.
struct BatchRunner {
    var jobs: Int
    var windowSize: Int { max(jobs * 8, 32) }

    /// Processes `count` items: `work(i)` runs in parallel within a window; `emit(i, result)` runs in order.
    func run<R: Sendable>(count: Int, work: @Sendable @escaping (Int) -> R, emit: (Int, R) -> Void) {
        var start = 0
        while start < count {
            let end = min(count, start + windowSize)
            let results = Results<R>(count: end - start)
            let offset = start
            let n = end - start
            let lanes = max(1, min(jobs, n))
            if lanes == 1 {
                for k in 0..<n { results.set(k, work(offset + k)) }
            } else {
                // `lanes` child tasks (Swift concurrency), each taking the next unclaimed item (items differ in cost:
                // no lane idles while another still has a queue): at most `jobs` items run at once. The commands are
                // synchronous, so the calling thread (never one of the pool's) waits for the window.
                let done = DispatchSemaphore(value: 0)
                Task.detached {
                    await withTaskGroup(of: Void.self) { group in
                        for _ in 0..<lanes {
                            group.addTask { while let k = results.claim() { results.set(k, work(offset + k)) } }
                        }
                    }
                    done.signal()
                }
                done.wait()
            }
            for k in 0..<(end - start) { emit(start + k, results.get(k)) }
            start = end
        }
    }

    /// Slots written concurrently, each by one iteration, and read after all of them finished.
    final class Results<R>: @unchecked Sendable {
        private var slots: [R?]
        private let lock = NSLock()
        private var nextUnclaimed = 0
        init(count: Int) { slots = Array(repeating: nil, count: count) }
        /// The next item no worker has taken, or nil when all are taken.
        func claim() -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard nextUnclaimed < slots.count else { return nil }
            nextUnclaimed += 1
            return nextUnclaimed - 1
        }
        func set(_ k: Int, _ value: R) { lock.lock(); slots[k] = value; lock.unlock() }
        func get(_ k: Int) -> R { lock.lock(); defer { lock.unlock() }; return slots[k]! }
    }
}

/// Counts for the summary line at the end of a batch.
struct BatchSummary {
    /// What a successful input became: `parsed`, `normalized`, `aligned`.
    var verb = "parsed"
    var files = 0
    var parsed = 0
    /// Counted only where identities are checked (parse, align).
    var identityFailures: Int? = 0
    var errors = 0
    let start = Date()

    var line: String {
        let seconds = Date().timeIntervalSince(start)
        let identities = identityFailures.map { "\($0) with identity failures, " } ?? ""
        return "nianbao: \(files) file(s), \(parsed) report(s) \(verb), \(identities)"
            + "\(errors) error(s), \(String(format: "%.1f", seconds)) s"
    }
}

/// Batch mode of the text commands (`normalize`, `align`): every input processed in parallel windows, each result
/// written under `output` mirroring the input tree (or to stdout in input order, each after a `==> name <==` line),
/// a failed input reported on stderr and as `<name>.error.json`, a summary at the end. One bad file never stops the
/// others; the exit code is 1 when some failed.
struct TextBatch {
    var jobs: Int
    var quiet: Bool
    var output: String?
    /// The extension of each output file (`txt`, `canonical.txt`, `json`, `explain.txt`).
    var outputExtension: String
    var verb: String

    /// One input's result: its output bytes and whether an identity fails, or a failure.
    typealias Outcome = Result<(bytes: [UInt8], identityFails: Bool), ReportPipeline.Failure>

    func run(_ inputs: [BatchInputs.Input], countsIdentities: Bool, work: @Sendable @escaping (BatchInputs.Input) -> Outcome) throws {
        var summary = BatchSummary(verb: verb, identityFailures: countsIdentities ? 0 : nil)
        let progress = Progress(total: inputs.count, quiet: quiet)
        let stems = BatchInputs.outputStems(inputs)
        BatchRunner(jobs: jobs).run(count: inputs.count, work: { k in work(inputs[k]) }, emit: { k, outcome in
            summary.files += 1
            let input = inputs[k]
            let stem = stems[k]
            switch outcome {
            case .success(let result):
                summary.parsed += 1
                if result.identityFails { summary.identityFailures? += 1 }
                if let output {
                    write(result.bytes, to: output, stem + "." + outputExtension, &summary)
                } else {
                    Console.write("==> \(input.path) <==\n")
                    Console.writeBytes(result.bytes)
                    if result.bytes.last != 0x0A { Console.write("\n") }
                }
            case .failure(let failure):
                summary.errors += 1
                Console.error(failure.message.split(separator: "\n").first.map(String.init) ?? failure.message)
                if let output {
                    let record = ["source": input.path, "error": failure.message]
                    let bytes = Array((try? JSONSerialization.data(withJSONObject: record, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data())
                    write(bytes + [0x0A], to: output, stem + ".error.json", &summary)
                }
            }
            progress.update(done: k + 1)
        })
        if !quiet { Console.error(summary.line) }
        if summary.errors > 0 { throw NianbaoExit.someFailed }
    }

    private func write(_ bytes: [UInt8], to folder: String, _ relative: String, _ summary: inout BatchSummary) {
        let url = URL(fileURLWithPath: folder).appendingPathComponent(relative)
        if !OutputFile.write(bytes, to: url.path) {
            Console.error("nianbao: error: cannot write \(url.path)")
            summary.errors += 1
        }
    }
}
