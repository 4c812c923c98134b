import Benchmark
import Foundation
import ReportParsing
import TableAlignment
import TextNormalization

/// The seeds and the corpus's layout texts: seed-sized reports for the whole pipeline.
func reports() -> [[UInt8]] {
    let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures")
    var out: [[UInt8]] = []
    for (folder, file) in [("seeds", "input.txt"), ("corpus", "layout.txt")] {
        let root = fixtures.appendingPathComponent(folder)
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).sorted() {
            if let data = try? Data(contentsOf: root.appendingPathComponent(name).appendingPathComponent(file)) {
                out.append(Array(data))
            }
        }
    }
    precondition(!out.isEmpty, "no fixtures found")
    return out
}

let benchmarks: @Sendable () -> Void = {
    let inputs = reports()
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput, .peakMemoryResident], maxDuration: .seconds(5), maxIterations: 50)
    // One iteration = every report through normalise → align → parse; reports/s = throughput × \(inputs.count).
    Benchmark("pipeline: \(inputs.count) reports normalise → align → parse") { benchmark in
        for _ in benchmark.scaledIterations {
            for input in inputs {
                guard let normalized = try? TextNormalizer().normalize(bytes: input),
                    let aligned = try? TableAligner().align(normalized.text)
                else { continue }
                blackHole(try? ReportParser().parse(aligned.canonicalText, source: "x"))
            }
        }
    }
}
