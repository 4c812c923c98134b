import Foundation
import Testing
import TextNormalization
import _TestSupport

/// The normaliser's output and edit list on every seed, pinned in human-readable golden files next to the seed
/// (`normalized.txt`, `normalize.explain`). Re-record with `NIANBAO_RECORD=1 swift test` after reading the diff.
@Suite struct SeedGoldenTests {
    @Test(arguments: Fixtures.seedCases)
    func seedMatchesItsGoldenFiles(_ directory: URL) throws {
        let input = Array(try Data(contentsOf: directory.appendingPathComponent("input.txt")))
        let result = try TextNormalizer().normalize(bytes: input)
        let explain = result.edits.map { $0.description + "\n" }.joined()
        let text = Golden.check(result.text, against: directory.appendingPathComponent("normalized.txt"))
        let edits = Golden.check(explain, against: directory.appendingPathComponent("normalize.explain"))
        #expect(text == .matches || text == .recorded, "\(text)")
        #expect(edits == .matches || edits == .recorded, "\(edits)")
    }
}
