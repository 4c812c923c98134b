import Benchmark
import Foundation
import TextNormalization

/// The seeds (real extracted reports), each with a line feed after it.
func seedFiles() -> [[UInt8]] {
    let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/seeds")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: seeds.path))?.sorted() ?? []
    let files = names.compactMap { name in
        (try? Data(contentsOf: seeds.appendingPathComponent(name).appendingPathComponent("input.txt"))).map { Array($0) + [0x0A] }
    }
    precondition(!files.isEmpty, "no seeds found under \(seeds.path)")
    return files
}

/// The seeds repeated to `size` bytes: the normaliser's realistic input.
func seedCorpus(size: Int) -> [UInt8] {
    let unit = Array(seedFiles().joined())
    var corpus: [UInt8] = []
    while corpus.count < size { corpus += unit }
    return corpus
}

let benchmarks: @Sendable () -> Void = {
    let corpus = seedCorpus(size: 8 << 20)
    let text = String(decoding: corpus, as: UTF8.self)
    let megabytes = Double(corpus.count) / 1_048_576

    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .peakMemoryResident, .mallocCountTotal],
        maxDuration: .seconds(5), maxIterations: 20)

    // Each iteration processes the whole corpus: MB/s = megabytes × throughput (iterations/s).
    Benchmark("normalize all passes (\(String(format: "%.1f", megabytes)) MB)") { benchmark in
        let normalizer = TextNormalizer()
        for _ in benchmark.scaledIterations {
            blackHole(try? normalizer.normalize(bytes: corpus))
        }
    }

    // The same bytes the way the pipeline reads them: one call per report (seed-sized texts).
    Benchmark("normalize all passes, one call per report (\(String(format: "%.1f", megabytes)) MB)") { benchmark in
        let normalizer = TextNormalizer()
        let files = seedFiles()
        let repeats = corpus.count / files.reduce(0) { $0 + $1.count }
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            for _ in 0..<repeats {
                for file in files { blackHole(try? normalizer.normalize(bytes: file)) }
            }
        }
    }

    Benchmark("ICU NFKC normalizeUTF8 (\(String(format: "%.1f", megabytes)) MB)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(TextNormalizer.icuNFKC(corpus))
        }
    }

    Benchmark("Foundation NFKC (\(String(format: "%.1f", megabytes)) MB)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(text.precomposedStringWithCompatibilityMapping.utf8.count)
        }
    }

    Benchmark("normalize clean canonical text (\(String(format: "%.1f", megabytes)) MB)") { benchmark in
        let normalizer = TextNormalizer()
        let clean = Array(normalizer.normalize(text).text.utf8)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try? normalizer.normalize(bytes: clean))
        }
    }
}
