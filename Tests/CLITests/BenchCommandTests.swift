import Foundation
import Testing
import _TestSupport

/// `nianbao bench` runs and reports in its documented shape (speed itself is measured by hand, never asserted).
@Suite struct BenchCommandTests {
    static func seeds() -> [String] { Fixtures.seedCases.map { $0.appendingPathComponent("input.txt").path } }

    @Test func normaliserBenchListsEveryMethod() throws {
        let result = try CommandRunner.run(["bench", "--megabytes", "1", "--rounds", "1"] + Self.seeds())
        #expect(result.status == 0, "\(result.stderr)")
        for method in ["nianbao normalize", "ICU NFKC", "Foundation NFKC"] { #expect(result.stdout.contains("| \(method)")) }
    }

    @Test func pipelineBenchReportsBothRuns() throws {
        let result = try CommandRunner.run(["bench", "--pipeline", "--reports", "6", "--rounds", "1", "--jobs", "2"] + Self.seeds())
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("input: 6 reports made of 5 file(s)"))
        let rows = result.stdout.split(separator: "\n").filter { $0.hasPrefix("| one core |") || $0.hasPrefix("| --jobs 2 |") }
        #expect(rows.count == 2)
    }
}
