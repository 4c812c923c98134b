// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "nianbao",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "TextNormalization", targets: ["TextNormalization"]),
        .executable(name: "nianbao", targets: ["nianbao"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        // System ICU (libicu-dev). Only CICUShim may depend on it: see ../shared/ICU.md.
        .systemLibrary(name: "CICU", pkgConfig: "icu-uc icu-i18n", providers: [.apt(["libicu-dev"])]),
        .target(
            name: "CICUShim",
            dependencies: ["CICU"],
            linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata")]
        ),
        .target(name: "TextNormalization", dependencies: ["CICUShim"]),
        .executableTarget(
            name: "nianbao",
            dependencies: [
                "TextNormalization",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "_TestSupport", path: "Sources/_TestSupport"),
        .testTarget(name: "TextNormalizationTests", dependencies: ["TextNormalization", "_TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["_TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
