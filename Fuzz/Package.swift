// swift-tools-version: 6.1
// libFuzzer harnesses: a nested package so that ordinary builds never need the fuzzer runtime.
// Build: cd Fuzz && swift build -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
// Run:   .build/debug/FuzzNormalizer -max_total_time=600 Corpus/normalizer   (see README, "Fuzzing")
import PackageDescription

let package = Package(
    name: "nianbao-fuzz",
    dependencies: [.package(name: "nianbao", path: "..")],
    targets: [
        .executableTarget(name: "FuzzNormalizer", dependencies: [.product(name: "TextNormalization", package: "nianbao")]),
        .executableTarget(
            name: "FuzzAligner",
            dependencies: [
                .product(name: "TextNormalization", package: "nianbao"), .product(name: "TableAlignment", package: "nianbao"),
                .product(name: "ReportParsing", package: "nianbao"),
            ]),
        .executableTarget(name: "FuzzParser", dependencies: [.product(name: "ReportParsing", package: "nianbao")]),
        .executableTarget(name: "FuzzHTML", dependencies: [.product(name: "HTMLExtraction", package: "nianbao")]),
    ]
)
