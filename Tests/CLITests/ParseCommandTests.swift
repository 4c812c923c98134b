import Foundation
import Testing
import _TestSupport

@Suite struct ParseCommandTests {
    static var schema: [String: Any] {
        let url = Fixtures.directory.appendingPathComponent("schema/report.schema.json")
        return (try? JSONSerialization.jsonObject(with: Data(contentsOf: url))) as? [String: Any] ?? [:]
    }

    @Test(arguments: Fixtures.seedCases)
    func seedReportsValidateAgainstTheSchema(_ directory: URL) throws {
        let result = try CommandRunner.run(["parse", directory.appendingPathComponent("input.txt").path])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: result.stdoutBytes)
        #expect(!Self.schema.isEmpty)
        let errors = JSONSchemaValidator.validate(json, against: Self.schema)
        #expect(errors.isEmpty, "\(errors.prefix(5))")
        let object = json as? [String: Any]
        let cells = object?["cells"] as? [[String: Any]] ?? []
        #expect(cells.count == 198 || cells.count == 200)
    }

    @Test func theSchemaValidatorCatchesViolations() {
        let bad: [String: Any] = ["schemaVersion": 1, "source": "x", "edition": "2018", "cells": [["table": "x"]],
                                  "identities": [], "flags": [], "extra": true]
        let errors = JSONSchemaValidator.validate(bad, against: Self.schema)
        #expect(errors.contains { $0.contains("2018") })
        #expect(errors.contains { $0.contains("'extra' is not allowed") })
        #expect(errors.contains { $0.contains("missing required 'row'") })
    }

    /// pandoc's GitHub markdown of a page opens with the page's navigation `<div>`: it is read as markdown (its pipe
    /// tables), not as an HTML page (where the tables would be paragraphs of text and no table would be found).
    @Test func markdownOpeningWithADivIsReadAsMarkdown() throws {
        let reading = Fixtures.directory.appendingPathComponent("html/c_jiedao_2021/readings/pandoc-gfm.txt").path
        #expect(try String(contentsOfFile: reading, encoding: .utf8).hasPrefix("<div"))
        let result = try CommandRunner.run(["parse", "--format", "csv", reading])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 201)
        #expect(lines.contains("requests,一、本年新收政府信息公开申请数量,自然人,3"))
    }

    /// Word boxes saved as a file (`pdftotext -tsv`, Fixtures/tsv) are laid out and read like `-layout` text.
    @Test(arguments: ["c001_2019", "c018_2021", "c030_2021"])
    func wordBoxFilesAreLaidOut(_ report: String) throws {
        let tsv = Fixtures.directory.appendingPathComponent("tsv/\(report).pdftotext.tsv").path
        let result = try CommandRunner.run(["parse", tsv])
        #expect(result.status == 0 || result.status == 1, "\(result.stderr)")
        let gold = try JSONSerialization.jsonObject(with: Data(contentsOf: Fixtures.directory.appendingPathComponent("corpus/\(report)/gold.json")))
        let predicted = try JSONSerialization.jsonObject(with: result.stdoutBytes)
        func cells(_ object: Any) -> [String: Double] {
            var out: [String: Double] = [:]
            for cell in (object as? [String: Any])?["cells"] as? [[String: Any]] ?? [] {
                let row = (cell["row"] as? String) ?? ((cell["row"] as? [String])?.joined(separator: " / ") ?? "")
                out["\(cell["table"] ?? "")|\(row)|\(cell["column"] ?? "")"] = (cell["value"] as? NSNumber)?.doubleValue
            }
            return out
        }
        let expected = cells(gold)
        let read = cells(predicted)
        #expect(expected.count >= 198)
        let right = expected.filter { read[$0.key] == $0.value }.count
        #expect(right >= expected.count - 1, "\(right) of \(expected.count)")
    }

    @Test func csvAndJsonlFormats() throws {
        let input = Fixtures.seedCases[3].appendingPathComponent("input.txt").path
        let csv = try CommandRunner.run(["parse", "--format", "csv", input])
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first == "table,row,column,value")
        #expect(lines.count == 199)
        #expect(lines.contains("active,第二十条第（九）项 / 政府集中采购,采购总金额,0.6579"))
        let jsonl = try CommandRunner.run(["parse", "--format", "jsonl", input, input])
        #expect(jsonl.stdout.split(separator: "\n").count == 2)
    }

    @Test func canonicalModeIsStrict() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let input = Fixtures.seedCases[0].appendingPathComponent("input.txt").path
        let aligned = try CommandRunner.run(["align", input])
        let canonical = directory.appendingPathComponent("canonical.txt")
        try aligned.stdout.write(to: canonical, atomically: true, encoding: .utf8)
        let ok = try CommandRunner.run(["parse", "--canonical", canonical.path])
        #expect(ok.status == 0)
        // The raw seed is not canonical: strict mode refuses it with a located error.
        let strict = try CommandRunner.run(["parse", "--canonical", input])
        #expect(strict.status == 65)
        #expect(strict.stderr.hasPrefix("error: "))
        #expect(strict.stderr.contains(" --> \(input):"))
    }

    @Test func identityFailuresAndStrictExitCode() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let input = Fixtures.seedCases[0].appendingPathComponent("input.txt").path
        let aligned = try CommandRunner.run(["align", input]).stdout
        let broken = aligned.replacingOccurrences(of: "三、本年度办理结果 / （一）予以公开\t0\t0\t0\t0\t0\t0\t0",
                                                  with: "三、本年度办理结果 / （一）予以公开\t1\t0\t0\t0\t0\t0\t0")
        #expect(broken != aligned)
        let file = directory.appendingPathComponent("broken.txt")
        try broken.write(to: file, atomically: true, encoding: .utf8)
        let lenient = try CommandRunner.run(["parse", "--canonical", file.path])
        #expect(lenient.status == 0)
        #expect(lenient.stderr.contains("identities fail"))
        let strict = try CommandRunner.run(["parse", "--canonical", "--strict", file.path])
        #expect(strict.status == 1)
    }

    /// `7.属于行政执法案卷 1 3 1 2 8 2 1` (c025, OCR): the total 17 the identities prove, flagged as inferred; with
    /// `--no-identity-fixes` the 1 as read, its identity failing. `align` takes the flag too.
    @Test func identityFixesCanBeTurnedOff() throws {
        let input = Fixtures.directory.appendingPathComponent("corpus/c025_2019/ocr150-psm6.txt").path
        func total(_ arguments: [String]) throws -> (value: Double?, origin: String?, stderr: String) {
            let result = try CommandRunner.run(["parse"] + arguments + [input])
            let cells = (try JSONSerialization.jsonObject(with: result.stdoutBytes) as? [String: Any])?["cells"] as? [[String: Any]] ?? []
            let cell = cells.first { ($0["row"] as? String ?? "").hasSuffix("7.属于行政执法案卷") && $0["column"] as? String == "总计" }
            return (cell?["value"] as? Double, (cell?["provenance"] as? [String: Any])?["origin"] as? String, result.stderr)
        }
        let fixed = try total([])
        #expect(fixed.value == 17)
        #expect(fixed.origin == "inferred")
        let asRead = try total(["--no-identity-fixes"])
        #expect(asRead.value == 1)
        #expect(asRead.origin != "inferred")
        // `nianbao: FILE: 8 of 40 identities fail; …`
        let failing = { (stderr: String) -> Int in
            let words = stderr.split(separator: " ")
            guard let of = words.firstIndex(of: "of"), of > 0 else { return -1 }
            return Int(words[of - 1]) ?? -1
        }
        #expect(failing(asRead.stderr) > failing(fixed.stderr), "\(fixed.stderr) / \(asRead.stderr)")
        let canonical = try CommandRunner.run(["align", "--no-identity-fixes", input]).stdout
        #expect(canonical.contains("三、本年度办理结果 / （三）不予公开 / 7.属于行政执法案卷\t1\t3\t1\t2\t8\t2\t1"))
    }

    @Test func unusableInputExitCodes() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let prose = directory.appendingPathComponent("prose.txt")
        try "一、总体情况\n本年度，我镇认真贯彻落实条例。\n".write(to: prose, atomically: true, encoding: .utf8)
        let noTables = try CommandRunner.run(["parse", prose.path])
        #expect(noTables.status == 65)
        #expect(noTables.stderr == "nianbao: error: \(prose.path): no report tables found (none of 表二, 表三, 表四 of either edition)\n")
        let missing = try CommandRunner.run(["parse", "/no/such/file.txt"])
        #expect(missing.status == 66)
        let mixed = try CommandRunner.run(["parse", "--format", "jsonl", prose.path, Fixtures.seedCases[1].appendingPathComponent("input.txt").path])
        #expect(mixed.status == 1)
        // Several inputs: the failed one leaves an error record in the stream, in its place, beside the report.
        let records = mixed.stdout.split(separator: "\n")
        #expect(records.count == 2)
        #expect(records.first?.contains("\"error\"") == true)
        #expect(records.last?.contains("\"cells\"") == true)
    }
}
