import Foundation
import Testing
import _TestSupport

/// `nianbao parse` over folders and JSON Lines streams.
@Suite struct BatchAndStreamTests {
    @Test func aFolderIsWalkedAndMirroredUnderOutput() throws {
        let output = try CommandRunner.temporaryDirectory()
        // Each seed folder also holds normalized.txt; --glob picks the inputs.
        let result = try CommandRunner.run(["parse", Fixtures.directory.appendingPathComponent("seeds").path, "--output", output.path, "--jobs", "2", "--glob", "input.txt"])
        #expect(result.status == 0, "\(result.stderr)")
        for seed in Fixtures.seedCases {
            let url = output.appendingPathComponent(seed.lastPathComponent).appendingPathComponent("input.json")
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
            #expect((json?["cells"] as? [Any])?.count ?? 0 >= 198)
        }
        #expect(result.stderr.contains("nianbao: 5 file(s), 5 report(s) parsed, 0 with identity failures, 0 error(s)"))
    }

    @Test func batchFilesHoldWhatParseWritesForOneFile() throws {
        // The batch encodes each report where it parses it; the bytes must be those of `parse FILE` (indented JSON).
        let output = try CommandRunner.temporaryDirectory()
        let seed = Fixtures.seedCases[1].appendingPathComponent("input.txt")
        let input = try CommandRunner.temporaryDirectory()
        try FileManager.default.copyItem(at: seed, to: input.appendingPathComponent("one.txt"))
        let batch = try CommandRunner.run(["parse", input.path, "--output", output.path, "--quiet"])
        #expect(batch.status == 0, "\(batch.stderr)")
        let single = try CommandRunner.run(["parse", input.appendingPathComponent("one.txt").path])
        let written = try String(contentsOf: output.appendingPathComponent("one.json"), encoding: .utf8)
        #expect(written == single.stdout)
        #expect(written.hasPrefix("{\n  \"agency\" : \"") && written.contains("\n  \"cells\" : [\n    {\n      \"column\" : "))
    }

    @Test func anOutputFolderThatCannotBeMadeFailsEachFileAndTheRunEnds() throws {
        // The output folder would be under a regular file: every write fails, each is named, the exit code says so.
        let blocker = try CommandRunner.temporaryDirectory().appendingPathComponent("a-file")
        try Data("x".utf8).write(to: blocker)
        let result = try CommandRunner.run(
            ["parse", Fixtures.directory.appendingPathComponent("seeds").path, "--glob", "input.txt", "--output",
             blocker.appendingPathComponent("out").path, "--quiet"])
        #expect(result.status == 1)
        #expect(result.stderr.split(separator: "\n").filter { $0.contains("cannot write") }.count == Fixtures.seedCases.count)
    }

    @Test func oneBadFileGivesOneErrorRecordAndTheRestAreProcessed() throws {
        let input = try CommandRunner.temporaryDirectory()
        let output = try CommandRunner.temporaryDirectory()
        try FileManager.default.copyItem(at: Fixtures.seedCases[0].appendingPathComponent("input.txt"), to: input.appendingPathComponent("good.txt"))
        try Data([0x00, 0x01, 0x02]).write(to: input.appendingPathComponent("binary.txt"))
        try "没有表格。".write(to: input.appendingPathComponent("prose.txt"), atomically: true, encoding: .utf8)
        try "ignored".write(to: input.appendingPathComponent("notes.md"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["parse", input.path, "--output", output.path, "--glob", "*.txt"])
        #expect(result.status == 1)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("good.json").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("binary.error.json").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("prose.error.json").path))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("notes.json").path))
        #expect(result.stderr.split(separator: "\n").filter { $0.hasPrefix("nianbao: error:") }.count == 2)
        #expect(result.stderr.contains("3 file(s), 1 report(s) parsed"))
    }

    @Test func jsonLinesStreamKeepsOrderIdsAndBadLines() throws {
        let seed = try String(contentsOf: Fixtures.seedCases[3].appendingPathComponent("input.txt"), encoding: .utf8)
        var lines: [String] = []
        for k in 0..<40 {
            switch k % 4 {
            case 0: lines.append(String(decoding: try JSONSerialization.data(withJSONObject: ["id": "r\(k)", "text": seed, "site": "x"]), as: UTF8.self))
            case 1: lines.append("{broken")
            case 2: lines.append(String(decoding: try JSONSerialization.data(withJSONObject: ["id": k]), as: UTF8.self))
            default: lines.append(String(decoding: try JSONSerialization.data(withJSONObject: ["id": "p\(k)", "text": "无表格"]), as: UTF8.self))
            }
        }
        let result = try CommandRunner.run(["parse", "--jsonl", "--jobs", "2"], stdin: Data((lines.joined(separator: "\n") + "\n").utf8))
        #expect(result.status == 0)
        let out = result.stdout.split(separator: "\n").map { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] }
        #expect(out.count == 40)
        for (k, object) in out.enumerated() {
            switch k % 4 {
            case 0:
                #expect(object?["id"] as? String == "r\(k)")
                #expect(object?["site"] as? String == "x")
                #expect(object?["report"] != nil)
                #expect(object?["text"] == nil)
            case 1: #expect((object?["error"] as? String)?.contains("line \(k + 1): not a JSON object") == true)
            case 2: #expect((object?["error"] as? String)?.contains("no \"text\"") == true)
            default: #expect((object?["error"] as? String)?.contains("no report tables found") == true)
            }
        }
    }
}

@Suite struct GlobPatternTests {
    /// Several comma-separated patterns: a folder of text and HTML reports read in one run.
    @Test func severalPatternsPickSeveralKinds() throws {
        let input = try CommandRunner.temporaryDirectory()
        try FileManager.default.copyItem(at: Fixtures.directory.appendingPathComponent("seeds/000_e6abb03ef6048be4/input.txt"),
                                         to: input.appendingPathComponent("a.txt"))
        try FileManager.default.copyItem(at: Fixtures.directory.appendingPathComponent("html/d_zhen_2019/page.html"),
                                         to: input.appendingPathComponent("b.html"))
        try Data("not a report".utf8).write(to: input.appendingPathComponent("c.md"))
        let output = try CommandRunner.temporaryDirectory()
        let result = try CommandRunner.run(["parse", input.path, "--output", output.path, "--glob", "*.txt, *.html", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let written = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        #expect(written == ["a.json", "b.json"])
    }

    /// `a.txt` and `a.html` in one folder: neither output overwrites the other.
    @Test func inputsThatShareAStemKeepTheirWholeNames() throws {
        let input = try CommandRunner.temporaryDirectory()
        try FileManager.default.copyItem(at: Fixtures.directory.appendingPathComponent("seeds/000_e6abb03ef6048be4/input.txt"),
                                         to: input.appendingPathComponent("a.txt"))
        try FileManager.default.copyItem(at: Fixtures.directory.appendingPathComponent("html/d_zhen_2019/page.html"),
                                         to: input.appendingPathComponent("a.html"))
        let output = try CommandRunner.temporaryDirectory()
        let result = try CommandRunner.run(["parse", input.path, "--output", output.path, "--glob", "*.txt,*.html", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).sorted() == ["a.html.json", "a.txt.json"])
    }
}
