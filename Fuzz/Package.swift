// swift-tools-version: 6.1
// libFuzzer harnesses: a nested package so that ordinary builds never need the fuzzer runtime.
// Build and run: Fuzz/run.sh normalizer|aligner|parser|html [libFuzzer options…]   (see README, "Fuzzing")
import PackageDescription

let package = Package(
    name: "nianbao-fuzz",
    dependencies: [.package(name: "nianbao", path: "..")],
    targets: [
        .target(name: "FuzzSupport"),
        .executableTarget(name: "FuzzNormalizer", dependencies: ["FuzzSupport", .product(name: "TextNormalization", package: "nianbao")]),
        .executableTarget(
            name: "FuzzAligner",
            dependencies: [
                "FuzzSupport", .product(name: "TextNormalization", package: "nianbao"), .product(name: "TableAlignment", package: "nianbao"),
                .product(name: "ReportParsing", package: "nianbao"),
            ]),
        .executableTarget(name: "FuzzParser", dependencies: ["FuzzSupport", .product(name: "ReportParsing", package: "nianbao")]),
        .executableTarget(name: "FuzzHTML", dependencies: ["FuzzSupport", .product(name: "HTMLExtraction", package: "nianbao")]),
    ]
)
