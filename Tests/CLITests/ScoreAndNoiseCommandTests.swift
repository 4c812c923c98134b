import Foundation
import Testing
import _TestSupport

@Suite struct ScoreAndNoiseCommandTests {
    @Test func goldScoredAgainstItselfIsPerfect() throws {
        let gold = Fixtures.seedCases[0].appendingPathComponent("gold.json").path
        let result = try CommandRunner.run(["score", "--gold", gold, "--pred", gold])
        #expect(result.status == 0)
        #expect(result.stdout.contains("cell accuracy 100.00%, label accuracy 100.00%"))
    }

    @Test func aDamagedPredictionScoresLower() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let goldURL = Fixtures.seedCases[3].appendingPathComponent("gold.json")
        let damaged = try String(contentsOf: goldURL, encoding: .utf8).replacingOccurrences(of: "1128", with: "1123")
            .replacingOccurrences(of: "\"value\": 285", with: "\"value\": 0")
        try damaged.write(to: directory.appendingPathComponent("003_b24edaa19e85be6d.json"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.run([
            "score", "--gold-dir", Fixtures.directory.appendingPathComponent("seeds").path, "--pred-dir", directory.path,
            "--format", "json",
        ])
        #expect(result.status == 0)
        let json = try JSONSerialization.jsonObject(with: result.stdoutBytes) as? [String: Any]
        let total = json?["total"] as? [String: Any]
        #expect(total?["gold"] as? Int == 994)
        #expect(total?["correct"] as? Int == 197)  // one report predicted, one of its cells wrong
        #expect(total?["wrong"] as? Int == 1)
        #expect(total?["missing"] as? Int == 796)  // four reports without prediction
    }

    @Test func textModeGivesTheCharacterErrorRate() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let a = directory.appendingPathComponent("a.txt")
        let b = directory.appendingPathComponent("b.txt")
        try "三、本年度办理结果".write(to: a, atomically: true, encoding: .utf8)
        try "E、本年度办理 结果".write(to: b, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["score", "--text", a.path, b.path])
        #expect(result.stdout == "CER 0.2222 (2 edits over 9 characters)\n")
    }

    @Test func anUnreadablePredictionInACorpusIsCountedMissingAndNamed() throws {
        // Two reports: one prediction is the gold itself, the other an empty file (an extractor that crashed).
        let gold = try CommandRunner.temporaryDirectory()
        let predictions = try CommandRunner.temporaryDirectory()
        let seeds = Array(Fixtures.seedCases.prefix(2))
        for seed in seeds {
            let name = seed.lastPathComponent
            try FileManager.default.copyItem(at: seed.appendingPathComponent("gold.json"), to: gold.appendingPathComponent("\(name).json"))
        }
        try FileManager.default.copyItem(at: seeds[0].appendingPathComponent("gold.json"),
                                         to: predictions.appendingPathComponent("\(seeds[0].lastPathComponent).json"))
        try Data().write(to: predictions.appendingPathComponent("\(seeds[1].lastPathComponent).json"))
        let result = try CommandRunner.run(["score", "--gold-dir", gold.path, "--pred-dir", predictions.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(seeds[1].lastPathComponent).json: not a cell file"))
        #expect(result.stderr.contains("counted as every cell missing"))
        // The readable one is still scored: its row is perfect, the other's cells all missing.
        let rows = result.stdout.split(separator: "\n")
        #expect(rows.contains { $0.hasPrefix(seeds[0].lastPathComponent) && $0.hasSuffix("100.00%") })
        #expect(rows.contains { $0.hasPrefix(seeds[1].lastPathComponent) && $0.hasSuffix("0.00%") })
    }

    @Test func badGoldFileIsNamed() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let bad = directory.appendingPathComponent("bad.json")
        try "{\"cells\": []}".write(to: bad, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["score", "--gold", bad.path])
        #expect(result.status == 64 || result.status == 2)
        #expect(result.stderr.contains("\(bad.path): not a cell file"))
        #expect(result.stderr.contains("edition"))
    }

    @Test func noiseIsReproducible() throws {
        let input = Fixtures.seedCases[1].appendingPathComponent("input.txt").path
        let a = try CommandRunner.run(["noise", "--seed", "9", "--rate", "0.2", input])
        let b = try CommandRunner.run(["noise", "--seed", "9", "--rate", "0.2", input])
        #expect(a.status == 0)
        #expect(a.stdout == b.stdout)
        #expect(a.stdout != (try String(contentsOfFile: input, encoding: .utf8)))
        let unknown = try CommandRunner.run(["noise", "--seed", "1", "--kinds", "nope", input])
        #expect(unknown.status == 64 || unknown.status == 2)
        #expect(unknown.stderr.contains("unknown kind 'nope'"))
    }
}
