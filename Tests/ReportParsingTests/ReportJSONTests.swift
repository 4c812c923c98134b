import Foundation
import ReportModel
import ReportParsing
import ReportTemplates
import Testing
import _TestSupport

/// The fast report writer must write exactly what `JSONEncoder` writes (sorted keys, no escaped slashes), so that
/// switching writers changes no byte of anyone's output.
@Suite struct ReportJSONTests {
    static func encoderBytes(_ report: Report) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(report))
    }

    /// What `nianbao parse --format json` wrote before it had its own writer: `JSONEncoder`, pretty-printed.
    static func prettyEncoderBytes(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        return Array(try encoder.encode(value))
    }

    /// Strings with everything JSON must escape, and everything it must not.
    static func randomString(_ rng: inout SeededGenerator) -> String {
        let pieces = ["规章", "（七）总计", "\"", "\\", "/", "\n", "\t", "\r", "\u{08}", "\u{0C}", "\u{01}", "\u{1F}", "\u{7F}",
                      "e\u{301}", "😀", "a", " ", "1.属于国家秘密", "\u{2028}", "<>&", "{}", "[]", ",", ":", "\\\""]
        return (0..<Int.random(in: 0...8, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
    }

    static func randomNumber(_ rng: inout SeededGenerator) -> Double {
        switch Int.random(in: 0..<9, using: &rng) {
        case 0: -Double(Int.random(in: 1...50, using: &rng))
        case 1: Double(Int.random(in: 0...99_999, using: &rng)) / 10_000
        case 2: Double(Int.random(in: 0...Int(Int32.max), using: &rng)) * 1e9
        case 3: 1e-7 * Double(Int.random(in: 1...9, using: &rng))
        case 4: 0.1 + 0.2
        case 5: -0.0
        case 6: 1e16
        case 7: Double(Int.random(in: -12...12, using: &rng)) / 10  // tenths, the confidences' kind
        default: Double(Int.random(in: 0...40, using: &rng))
        }
    }

    @Test func randomReportsMatchJSONEncoderByteForByte() throws {
        var rng = SeededGenerator(seed: 7)
        var reports: [Report] = []
        for trial in 0..<200 {
            let edition: Edition = trial % 2 == 0 ? .edition2019 : .edition2021
            let keys = ReportTemplate.for(edition).cellKeys().shuffled(using: &rng).prefix(Int.random(in: 0...40, using: &rng))
            let cells = keys.map { key in
                ReportCell(
                    cell: Cell(table: key.table, row: key.row, column: Self.randomString(&rng), value: Self.randomNumber(&rng)),
                    note: Bool.random(using: &rng) ? Self.randomString(&rng) : nil,
                    provenance: Provenance(
                        line: Int.random(in: 0...500, using: &rng), origin: Provenance.Origin.allCases.randomElement(using: &rng)!,
                        reason: Bool.random(using: &rng) ? Self.randomString(&rng) : nil, confidence: Self.randomNumber(&rng)))
            }
            let identities = (0..<Int.random(in: 0...5, using: &rng)).map { _ in
                IdentityCheck(identity: Self.randomString(&rng), expected: Self.randomNumber(&rng), actual: Self.randomNumber(&rng),
                              cells: (0..<Int.random(in: 0...3, using: &rng)).map { _ in Self.randomString(&rng) },
                              status: Bool.random(using: &rng) ? .pass : .fail)
            }
            let flags = (0..<Int.random(in: 0...4, using: &rng)).map { _ in
                ReportFlag(stage: [.extraction, .normalization, .alignment, .parsing].randomElement(using: &rng)!,
                           line: Int.random(in: 0...99, using: &rng), message: Self.randomString(&rng))
            }
            let report = Report(
                source: Self.randomString(&rng), edition: edition, year: Bool.random(using: &rng) ? 2019 + trial % 7 : nil,
                agency: Bool.random(using: &rng) ? Self.randomString(&rng) : nil, cells: cells, identities: identities, flags: flags)
            let fast = ReportJSON.encode(report)
            let reference = try Self.encoderBytes(report)
            // Compared as text so that a failure shows readable JSON; equal text from valid UTF-8 is equal bytes.
            #expect(String(decoding: fast, as: UTF8.self) == String(decoding: reference, as: UTF8.self), "trial \(trial)")
            #expect(fast.count == reference.count)
            // Indented, as `parse --format json` writes it: strings full of brackets, commas, colons, quotes and
            // backslashes, empty arrays (no identities, no flags) and nested objects.
            #expect(String(decoding: ReportJSON.encodePretty(report), as: UTF8.self)
                    == String(decoding: try Self.prettyEncoderBytes(report), as: UTF8.self), "trial \(trial), indented")
            reports.append(report)
        }
        // Several reports in one array, as a file holding several reports gives; and none.
        for count in [0, 1, 3] {
            let some = Array(reports.prefix(count))
            #expect(String(decoding: ReportJSON.encodePretty(some), as: UTF8.self)
                    == String(decoding: try Self.prettyEncoderBytes(some), as: UTF8.self), "\(count) reports")
        }
    }

    /// The writer scans eight bytes at a time for bytes to escape: each such byte at each offset of a word, and
    /// bytes just above and below the escaped ones, must come out as `JSONEncoder` writes them.
    @Test func everyEscapedByteAtEveryOffsetMatchesJSONEncoder() throws {
        let specials: [UInt8] = Array(0x00..<0x20) + [0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x7F]
        for special in specials {
            for offset in 0..<20 {
                var bytes = Array("规章（七）总计abc".utf8).prefix(offset) + [special]
                bytes += Array("1.属于国家秘密".utf8)
                let text = String(decoding: bytes, as: UTF8.self)
                let report = Report(source: text, edition: .edition2021, year: nil, agency: nil, cells: [], identities: [], flags: [])
                #expect(String(decoding: ReportJSON.encode(report), as: UTF8.self)
                        == String(decoding: try Self.encoderBytes(report), as: UTF8.self), "byte \(special) at \(offset)")
            }
        }
    }

    @Test func parsedSeedReportsMatchJSONEncoderByteForByte() throws {
        // Real reports: the canonical text the renderer writes for each random gold-like table, parsed back.
        var rng = SeededGenerator(seed: 11)
        for edition in Edition.allCases {
            let template = ReportTemplate.for(edition)
            let cells = template.cellKeys().map {
                ReportCell(cell: Cell(table: $0.table, row: $0.row, column: $0.column, value: Double(Int.random(in: 0...30, using: &rng))),
                           provenance: Provenance(line: 0, origin: .read))
            }
            let original = Report(source: "seed.txt", edition: edition, year: 2021, agency: "某某县人民政府", cells: cells,
                                  identities: [], flags: [])
            let parsed = try ReportParser().parse(ReportRenderer.render(original), source: "seed.txt")
            #expect(!parsed.identities.isEmpty)
            #expect(String(decoding: ReportJSON.encode(parsed), as: UTF8.self) == String(decoding: try Self.encoderBytes(parsed), as: UTF8.self))
        }
    }
}
