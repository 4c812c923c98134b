// swift-tools-version: 6.1
// The benchmark suite: a nested package so the main package never depends on the benchmark harness.
// Run: cd Benchmarks && swift package benchmark
import PackageDescription

let package = Package(
    name: "nianbao-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "nianbao", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "NormalizationBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "TextNormalization", package: "nianbao"),
            ],
            path: "NormalizationBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "MatchingBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "FuzzyMatching", package: "nianbao"),
            ],
            path: "MatchingBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "PipelineBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "TextNormalization", package: "nianbao"),
                .product(name: "TableAlignment", package: "nianbao"),
                .product(name: "ReportParsing", package: "nianbao"),
            ],
            path: "PipelineBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
