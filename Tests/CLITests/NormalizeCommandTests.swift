import Foundation
import Testing
import _TestSupport

/// `nianbao normalize` as a user runs it: exit codes, messages, formats.
@Suite struct NormalizeCommandTests {
    let seed = Fixtures.seedCases[2]  // 002: the most damaged seed

    @Test func seedOutputMatchesItsGolden() throws {
        let result = try CommandRunner.run(["normalize", seed.appendingPathComponent("input.txt").path])
        #expect(result.status == 0)
        #expect(result.stdout == (try String(contentsOf: seed.appendingPathComponent("normalized.txt"), encoding: .utf8)))
        #expect(result.stderr.isEmpty)
    }

    @Test func explainWritesOneLinePerEdit() throws {
        let result = try CommandRunner.run(["normalize", "--explain", seed.appendingPathComponent("input.txt").path])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count > 20)
        let pattern = /^\d+:\d+  [a-z-]+  '.*' → '.*'$/
        for line in lines { #expect(line.wholeMatch(of: pattern) != nil, "\(line)") }
        #expect(lines.contains { $0.contains("cjk-spacing  ' ' → ''") })
    }

    @Test func jsonHasTextAndLocatedEdits() throws {
        let result = try CommandRunner.run(["normalize", "--format", "json", "-"], stdin: Data("(一) 予以公开\t０\n".utf8))
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: result.stdoutBytes) as? [String: Any]
        #expect(object?["text"] as? String == "（一）予以公开\t0\n")
        let edits = object?["edits"] as? [[String: Any]] ?? []
        #expect(edits.count == 4)
        #expect(edits.first?["pass"] as? String == "punctuation")
        #expect(edits.first?["line"] as? Int == 1)
        #expect(edits.last?["before"] as? String == "０")
        #expect(edits.last?["column"] as? Int == 10)
    }

    /// The lines that start a page of the source (after its form feeds), 1-based in the normalised text.
    @Test func jsonNamesTheLinesThatStartPages() throws {
        let result = try CommandRunner.run(["normalize", "--format", "json", "-"], stdin: Data("第一页\n\u{0C}第二页\n第二页\u{0C}第三页\n".utf8))
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: result.stdoutBytes) as? [String: Any]
        let text = try #require(object?["text"] as? String)
        let starts = try #require(object?["pageStarts"] as? [Int])
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(starts.map { String(lines[$0 - 1]) } == ["第二页", "第三页"], "\(text.debugDescription) \(starts)")
        let none = try CommandRunner.run(["normalize", "--format", "json", "-"], stdin: Data("一页\n".utf8))
        #expect((try JSONSerialization.jsonObject(with: none.stdoutBytes) as? [String: Any])?["pageStarts"] as? [Int] == [])
    }

    @Test func readsStandardInputWhenNoFileIsGiven() throws {
        let result = try CommandRunner.run(["normalize"], stdin: Data("社 会 公 益".utf8))
        #expect(result.stdout == "社会公益")
    }

    @Test func policyAndDisableOptions() throws {
        let ascii = try CommandRunner.run(["normalize", "--policy", "ascii"], stdin: Data("（一）予以公开，是".utf8))
        #expect(ascii.stdout == "(一)予以公开,是")
        let noWidth = try CommandRunner.run(["normalize", "--disable", "width"], stdin: Data("２０１９".utf8))
        #expect(noWidth.stdout == "２０１９")
    }

    @Test func emptyFileGivesEmptyOutput() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let empty = directory.appendingPathComponent("empty.txt")
        try Data().write(to: empty)
        let result = try CommandRunner.run(["normalize", empty.path])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.isEmpty)
    }

    @Test func missingFileAndDirectoryAreNamed() throws {
        let missing = try CommandRunner.run(["normalize", "/no/such/report.txt"])
        #expect(missing.status == 66)
        #expect(missing.stderr == "nianbao: error: /no/such/report.txt: no such file\n")
        // A folder is walked (issue 7); an empty one is named as an input that could not be read.
        let directory = try CommandRunner.temporaryDirectory()
        let dir = try CommandRunner.run(["normalize", directory.path])
        #expect(dir.status == 1)
        #expect(dir.stderr.contains("\(directory.path): is a directory with no file matching --glob"))
        #expect(dir.stderr.contains("1 file(s), 0 report(s) normalized, 1 error(s)"))
    }

    @Test func binaryAndInvalidUTF8AreDataErrors() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let binary = directory.appendingPathComponent("report.bin")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]).write(to: binary)
        let b = try CommandRunner.run(["normalize", binary.path])
        #expect(b.status == 65)
        #expect(b.stderr.contains("\(binary.path): binary input: NUL byte at byte 4"))
        let invalid = directory.appendingPathComponent("bad.txt")
        try Data(Array("总计\n规章".utf8) + [0xC3, 0x28]).write(to: invalid)
        let i = try CommandRunner.run(["normalize", invalid.path])
        #expect(i.status == 65)
        #expect(i.stderr.contains("\(invalid.path): invalid UTF-8 at byte 13 (line 2, column 3)"))
        let lossy = try CommandRunner.run(["normalize", "--lossy", "--explain", invalid.path])
        #expect(lossy.status == 0)
        #expect(lossy.stdout.contains("2:3  decoding  '\\xC3' → '\u{FFFD}'"))
    }

    @Test func oneBadFileDoesNotStopTheOthers() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let good = directory.appendingPathComponent("good.txt")
        try Data("规 章".utf8).write(to: good)
        let result = try CommandRunner.run(["normalize", "/no/such.txt", good.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("==> \(good.path) <==\n规章"))
        #expect(result.stderr.contains("/no/such.txt: no such file"))
    }

    @Test func encodingOptionReadsGB18030() throws {
        let gbk: [UInt8] = [0xD5, 0xFE, 0xB8, 0xAE, 0xD0, 0xC5, 0xCF, 0xA2]  // 政府信息
        let result = try CommandRunner.run(["normalize", "--encoding", "GB18030"], stdin: Data(gbk))
        #expect(result.stdout == "政府信息")
    }

    @Test func aLongSingleLineWorks() throws {
        // 8 MB on one line (the 100 MB case is in Scripts/check-large-input.sh: it is a resource check, not a test).
        let line = String(repeating: "社 会公益组织，１２３（一）", count: 8 << 20 / 40)
        let result = try CommandRunner.run(["normalize"], stdin: Data(line.utf8))
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("社会公益组织，123（一）社会公益组织"))
        // Standard input is read in buffers that grow: every one of them comes through, in order.
        #expect(result.stdout == String(repeating: "社会公益组织，123（一）", count: 8 << 20 / 40))
    }
}
