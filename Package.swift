// swift-tools-version: 6.1
import PackageDescription

/// Release builds make the small model, template and matching functions the aligner and parser call per cell
/// available to their callers (cross-module optimisation): called across a module boundary, each call retained and
/// released its arguments' strings.
let crossModule: [SwiftSetting] = [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]

let package = Package(
    name: "nianbao",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "TextNormalization", targets: ["TextNormalization"]),
        .library(name: "HTMLExtraction", targets: ["HTMLExtraction"]),
        .library(name: "PDFExtraction", targets: ["PDFExtraction"]),
        .library(name: "FuzzyMatching", targets: ["FuzzyMatching"]),
        .library(name: "ReportModel", targets: ["ReportModel"]),
        .library(name: "TableAlignment", targets: ["TableAlignment"]),
        .library(name: "ReportParsing", targets: ["ReportParsing"]),
        .library(name: "ReportTemplates", targets: ["ReportTemplates"]),
        .library(name: "ExtractionScoring", targets: ["ExtractionScoring"]),
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
        // SSE2 kernels that find the blocks of text a pass has work in (scalar fallback elsewhere).
        .target(name: "CByteScan"),
        .target(name: "TextNormalization", dependencies: ["CICUShim", "CByteScan", "ReportModel"], swiftSettings: crossModule),
        // System libxml2 (libxml2-dev) for HTML pages, behind an libxml2-free C header like ICU.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(
            name: "CHTMLShim",
            dependencies: ["CLibXML2"],
            cSettings: [.unsafeFlags(["-I/usr/include/libxml2"])],
            linkerSettings: [.linkedLibrary("xml2"), .linkedLibrary("z")]
        ),
        .target(name: "HTMLExtraction", dependencies: ["CHTMLShim"]),
        .target(name: "PDFExtraction"),
        .target(name: "FuzzyMatching", swiftSettings: crossModule),
        .target(name: "ReportModel", swiftSettings: crossModule),
        .target(name: "ReportTemplates", dependencies: ["ReportModel"], swiftSettings: crossModule),
        .target(name: "ExtractionScoring", dependencies: ["ReportModel", "ReportTemplates", "FuzzyMatching"]),
        .target(name: "TableAlignment", dependencies: ["ReportModel", "ReportTemplates", "FuzzyMatching", "CByteScan"], swiftSettings: crossModule),
        .target(name: "ReportParsing", dependencies: ["ReportModel", "ReportTemplates"], swiftSettings: crossModule),
        .executableTarget(
            name: "nianbao",
            dependencies: [
                "TextNormalization",
                "HTMLExtraction",
                "PDFExtraction",
                "ReportModel",
                "ReportTemplates",
                "ExtractionScoring",
                "TableAlignment",
                "ReportParsing",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "_TestSupport", path: "Sources/_TestSupport"),
        .testTarget(name: "TextNormalizationTests", dependencies: ["TextNormalization", "_TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["_TestSupport"]),
        .testTarget(name: "HTMLExtractionTests", dependencies: ["HTMLExtraction", "_TestSupport"]),
        .testTarget(name: "PDFExtractionTests", dependencies: ["PDFExtraction", "_TestSupport"]),
        .testTarget(name: "FuzzyMatchingTests", dependencies: ["FuzzyMatching", "_TestSupport"]),
        .testTarget(
            name: "TableAlignmentTests",
            dependencies: [
                "TableAlignment", "TextNormalization", "HTMLExtraction", "ExtractionScoring", "ReportModel", "ReportTemplates",
                "ReportParsing", "_TestSupport",
            ]),
        .testTarget(name: "ReportParsingTests", dependencies: ["ReportParsing", "ReportModel", "ReportTemplates", "_TestSupport"]),
        .testTarget(name: "ReportTemplatesTests", dependencies: ["ReportTemplates", "ReportModel", "_TestSupport"]),
        .testTarget(
            name: "ExtractionScoringTests", dependencies: ["ExtractionScoring", "ReportModel", "ReportTemplates", "_TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
