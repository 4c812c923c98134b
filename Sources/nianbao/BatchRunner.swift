import Dispatch
import Foundation
import ReportModel
import ReportParsing

/// Runs the pipeline over many inputs: in windows processed `jobs` at a time, results written in input order, so
/// output is deterministic and memory stays flat however many inputs there are.
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
                // `lanes` workers, each taking every lanes-th item: at most `jobs` items run at once.
                DispatchQueue.concurrentPerform(iterations: lanes) { lane in
                    for k in stride(from: lane, to: n, by: lanes) { results.set(k, work(offset + k)) }
                }
            }
            for k in 0..<(end - start) { emit(start + k, results.get(k)) }
            start = end
        }
    }

    /// Slots written concurrently, each by one iteration, and read after all of them finished.
    final class Results<R>: @unchecked Sendable {
        private var slots: [R?]
        private let lock = NSLock()
        init(count: Int) { slots = Array(repeating: nil, count: count) }
        func set(_ k: Int, _ value: R) { lock.lock(); slots[k] = value; lock.unlock() }
        func get(_ k: Int) -> R { lock.lock(); defer { lock.unlock() }; return slots[k]! }
    }
}

/// Counts for the summary line at the end of a batch.
struct BatchSummary {
    var files = 0
    var parsed = 0
    var identityFailures = 0
    var errors = 0
    let start = Date()

    var line: String {
        let seconds = Date().timeIntervalSince(start)
        return "nianbao: \(files) file(s), \(parsed) report(s) parsed, \(identityFailures) with identity failures, "
            + "\(errors) error(s), \(String(format: "%.1f", seconds)) s"
    }
}
