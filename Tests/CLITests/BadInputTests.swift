import Foundation
import Testing
import _TestSupport

/// Bad input for every command: a clear message naming the file, a documented exit code, never a crash or a hang.
@Suite struct BadInputTests {
    static func write(_ name: String, _ data: Data) throws -> String {
        let url = try CommandRunner.temporaryDirectory().appendingPathComponent(name)
        try data.write(to: url)
        return url.path
    }

    static let seedText: String = (try? String(contentsOf: Fixtures.seedCases[3].appendingPathComponent("input.txt"), encoding: .utf8)) ?? ""

    /// (name, bytes, expected exit code of `parse`)
    static func cases() throws -> [(String, Data, Int32)] {
        let requests = seedText.components(separatedBy: "三、收到和处理政府信息公开申请情况")
        let cutOff = String(seedText.prefix(seedText.count * 2 / 3))  // ends inside 表三
        let other = (try? String(contentsOf: Fixtures.seedCases[2].appendingPathComponent("input.txt"), encoding: .utf8)) ?? ""
        // Two whole reports of different editions, one after the other: two reports.
        let mixed = seedText + "\n" + other
        // One report whose 表二 is of one edition and 表三, 表四 of the other.
        let heading = "三、收到和处理政府信息公开申请情况"
        let mixedTables = (seedText.components(separatedBy: heading).first ?? "") + heading
            + (other.components(separatedBy: heading).dropFirst().first ?? "")
        let thirtyDigits = seedText.replacingOccurrences(of: "行政许可\t7\t0\t126", with: "行政许可\t7\t0\t" + String(repeating: "9", count: 30))
        return [
            ("empty.txt", Data(), 65),
            ("binary.bin", Data([0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01, 0x02, 0x00]), 65),
            ("invalid.txt", Data(Array("规章\t0".utf8) + [0xFF, 0xFE, 0x80]), 65),
            ("prose.txt", Data("一、总体情况\n本年度我镇认真贯彻落实条例。\n".utf8), 65),
            ("one-table.txt", Data(("三、收到和处理政府信息公开申请情况" + (requests.count > 1 ? requests[1] : "")).utf8), 0),
            ("cut-off.txt", Data(cutOff.utf8), 0),
            ("mixed.txt", Data(mixed.utf8), 0),
            ("mixed-tables.txt", Data(mixedTables.utf8), 0),
            ("thirty-digits.txt", Data(thirtyDigits.utf8), 0),
        ]
    }

    @Test func parseNeverCrashes() throws {
        for (name, data, expected) in try Self.cases() {
            let path = try Self.write(name, data)
            let result = try CommandRunner.run(["parse", path])
            #expect(result.status == expected, "\(name): exit \(result.status), stderr \(result.stderr)")
            if expected != 0 {
                #expect(result.stderr.hasPrefix("nianbao: error: \(path): "), "\(name): \(result.stderr)")
                #expect(result.stderr.split(separator: "\n").count == 1, "\(name): one line")
            } else {
                let json = try JSONSerialization.jsonObject(with: result.stdoutBytes)
                // Two whole reports give an array of two reports (ReportSegments); anything else one report.
                let reports = name == "mixed.txt" ? json as? [[String: Any]] ?? [] : [json as? [String: Any] ?? [:]]
                #expect(reports.count == (name == "mixed.txt" ? 2 : 1), "\(name)")
                for report in reports { #expect((report["cells"] as? [Any])?.isEmpty == false, "\(name)") }
            }
        }
    }

    @Test func alignAndNormalizeNeverCrash() throws {
        for (name, data, _) in try Self.cases() {
            let path = try Self.write(name, data)
            for command in ["align", "normalize"] {
                let result = try CommandRunner.run([command, path])
                #expect([0, 65].contains(result.status), "\(command) \(name): exit \(result.status)")
                if result.status != 0 { #expect(result.stderr.contains(path), "\(command) \(name)") }
            }
        }
    }

    @Test func thirtyDigitNumbersAreNotCellValues() throws {
        let path = try Self.write("big.txt", Data(try Self.cases().first { $0.0 == "thirty-digits.txt" }!.1))
        let result = try CommandRunner.run(["parse", path])
        #expect(result.status == 0, "\(result.stderr)")
        // 30 nines are no count or amount (and not even a Double: keeping 1e30 would invent digits). The cell is 0,
        // inferred, and says why.
        let json = try JSONSerialization.jsonObject(with: result.stdoutBytes) as? [String: Any]
        let cell = (json?["cells"] as? [[String: Any]])?.first {
            $0["row"] as? String == "第二十条第（五）项 / 行政许可" && $0["column"] as? String == "处理决定数量"
        }
        #expect((cell?["value"] as? NSNumber)?.doubleValue == 0)
        let provenance = cell?["provenance"] as? [String: Any]
        #expect(provenance?["origin"] as? String == "inferred")
        #expect((provenance?["reason"] as? String)?.contains("number too large to be a cell (31 digits)") == true)
    }

    @Test func aHugeSingleLineFinishes() throws {
        // 20 MB on one line: numbers and labels run together, no table structure. It must end, with an answer.
        let unit = "一、本年新收政府信息公开申请数量 801000081 行政许可 12 "
        let path = try Self.write("huge.txt", Data(String(repeating: unit, count: 20 << 20 / unit.utf8.count).utf8))
        let result = try CommandRunner.run(["parse", path])
        #expect([0, 65].contains(result.status), "exit \(result.status): \(result.stderr.prefix(300))")
    }
}
