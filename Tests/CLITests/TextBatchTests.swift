import Foundation
import Testing
import _TestSupport

/// `nianbao normalize` and `nianbao align` over folders: mirrored outputs, error records, ordered stdout, summary.
@Suite struct TextBatchTests {
    /// A folder with two good reports (one in a subfolder), a binary file, a file without tables and a file the
    /// glob leaves out.
    static func mixedFolder() throws -> URL {
        let input = try CommandRunner.temporaryDirectory()
        try FileManager.default.createDirectory(at: input.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Fixtures.seedCases[0].appendingPathComponent("input.txt"), to: input.appendingPathComponent("a.txt"))
        try FileManager.default.copyItem(at: Fixtures.seedCases[1].appendingPathComponent("input.txt"), to: input.appendingPathComponent("sub/b.txt"))
        try Data([0x00, 0xFF, 0x00]).write(to: input.appendingPathComponent("binary.txt"))
        try "本机关全年未收到申请。".write(to: input.appendingPathComponent("prose.txt"), atomically: true, encoding: .utf8)
        try "ignored".write(to: input.appendingPathComponent("notes.md"), atomically: true, encoding: .utf8)
        return input
    }

    @Test func normalizeMirrorsAFolderAndEachOutputIsTheSingleFileOutput() throws {
        let input = try Self.mixedFolder()
        let output = try CommandRunner.temporaryDirectory()
        let result = try CommandRunner.run(["normalize", input.path, "--output", output.path, "--jobs", "2"])
        #expect(result.status == 1, "binary.txt fails, so the batch reports a failure")
        let single = try CommandRunner.run(["normalize", input.appendingPathComponent("sub/b.txt").path]).stdout
        #expect(try String(contentsOf: output.appendingPathComponent("sub/b.txt"), encoding: .utf8) == single)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("a.txt").path))
        // Prose without tables is fine text for the normaliser; the binary file is not.
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("prose.txt").path))
        let error = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("binary.error.json"))) as? [String: Any]
        #expect((error?["source"] as? String)?.hasSuffix("binary.txt") == true)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("notes.txt").path))
        #expect(result.stderr.contains("nianbao: 4 file(s), 3 report(s) normalized, 1 error(s)"))
        #expect(result.stderr.split(separator: "\n").filter { $0.hasPrefix("nianbao: error:") && $0.contains("binary.txt") }.count == 1)
    }

    @Test func normalizeExplainInBatchWritesExplainFiles() throws {
        let output = try CommandRunner.temporaryDirectory()
        let result = try CommandRunner.run(["normalize", Fixtures.directory.appendingPathComponent("seeds").path, "--glob", "input.txt",
                                            "--explain", "--output", output.path, "--quiet"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty, "--quiet silences the summary")
        let seed = Fixtures.seedCases[2]
        let written = try String(contentsOf: output.appendingPathComponent(seed.lastPathComponent + "/input.explain.txt"), encoding: .utf8)
        let single = try CommandRunner.run(["normalize", "--explain", seed.appendingPathComponent("input.txt").path]).stdout
        #expect(written == single)
        #expect(!written.isEmpty)
    }

    @Test func alignMirrorsAFolderAndCountsIdentityFailures() throws {
        let input = try Self.mixedFolder()
        let output = try CommandRunner.temporaryDirectory()
        let result = try CommandRunner.run(["align", input.path, "--output", output.path, "--jobs", "2"])
        #expect(result.status == 1)
        let single = try CommandRunner.run(["align", input.appendingPathComponent("a.txt").path]).stdout
        #expect(try String(contentsOf: output.appendingPathComponent("a.canonical.txt"), encoding: .utf8) == single)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("sub/b.canonical.txt").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("binary.error.json").path))
        let prose = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("prose.error.json"))) as? [String: Any]
        #expect((prose?["error"] as? String)?.contains("prose.txt") == true)
        #expect(result.stderr.contains("nianbao: 4 file(s), 2 report(s) aligned, 0 with identity failures, 2 error(s)"))
    }

    @Test func alignWithoutOutputWritesResultsInInputOrder() throws {
        let seeds = Fixtures.seedCases.prefix(3).map { $0.appendingPathComponent("input.txt").path }
        let result = try CommandRunner.run(["align", "--format", "cells", "--jobs", "2", "--quiet"] + seeds)
        #expect(result.status == 0)
        let headers = result.stdout.split(separator: "\n").filter { $0.hasPrefix("==> ") }.map(String.init)
        #expect(headers == seeds.map { "==> \($0) <==" })
        // Each block is the single-file output.
        let blocks = result.stdout.components(separatedBy: "==> ").dropFirst()
        for (block, path) in zip(blocks, seeds) {
            let body = block.drop { $0 != "\n" }.dropFirst()
            let single = try CommandRunner.run(["align", "--format", "cells", path]).stdout
            #expect(String(body).trimmingCharacters(in: .newlines) == single.trimmingCharacters(in: .newlines))
        }
    }
}
