import Foundation

/// Paths of the repository's fixtures, found from this source file (tests run from any working directory).
public enum Fixtures {
    /// The repository root.
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }  // Sources/_TestSupport/Fixtures.swift → root
        return url
    }()

    /// `Fixtures/` at the root.
    public static let directory = root.appendingPathComponent("Fixtures")

    /// The seed cases: `Fixtures/seeds/<name>/`, sorted by name.
    public static var seedCases: [URL] {
        let seeds = directory.appendingPathComponent("seeds")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: seeds.path)) ?? []
        return names.sorted().map { seeds.appendingPathComponent($0) }.filter {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent("input.txt").path)
        }
    }

    /// The text of a fixture file.
    public static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(relativePath), encoding: .utf8)
    }

    /// The regular files of a fixture folder (not README.md), sorted by name; empty when the folder is empty.
    public static func files(in relativePath: String) -> [URL] {
        let folder = directory.appendingPathComponent(relativePath)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0 != "README.md" && !$0.hasPrefix(".") }.sorted().map { folder.appendingPathComponent($0) }
    }
}
