import Foundation
import ReportParsing
import TableAlignment
import Testing
import TextNormalization
import _TestSupport

/// Inputs the aligner's fuzz harness failed on (Fixtures/fuzz/aligner), checked as the harness checks them: the
/// aligner never crashes, and its canonical text always parses.
@Suite struct FuzzRegressionTests {
    static let inputs: [URL] = Fixtures.files(in: "fuzz/aligner")

    @Test func thereAreInputs() { #expect(!Self.inputs.isEmpty) }

    @Test(arguments: inputs)
    func canonicalTextAlwaysParses(_ url: URL) throws {
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        let normalized = TextNormalizer().normalize(text).text
        guard let aligned = try? TableAligner().align(normalized) else { return }
        #expect(throws: Never.self) {
            _ = try ReportParser().parse(aligned.canonicalText, source: url.lastPathComponent)
        }
        // Every table has its block, once.
        for table in ["active", "requests", "review"] {
            #expect(aligned.canonicalText.components(separatedBy: "#table \(table) ").count == 2, "\(table)")
        }
    }
}
