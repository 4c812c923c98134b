// swift-tools-version: 6.1
// The benchmark suite: a nested package so the main package never depends on the benchmark harness.
// Run: cd Benchmarks && swift package benchmark
import PackageDescription

let package = Package(
    name: "nianbao-benchmarks",
    platforms: [.macOS(.v13)],
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
        )
    ]
)
