import Testing
import _TestSupport

@testable import TableAlignment

/// The row segmenter counts tokens per line in an array over their lines, or in a dictionary when the lines are far
/// apart: both against a count written the obvious way.
@Suite struct TokensPerLineTests {
    @Test func countsAgreeWithADictionary() {
        var rng = SeededGenerator(seed: 5)
        for trial in 0..<300 {
            // Lines close together (the array), or some of them far away (the dictionary).
            let spread = trial % 3 == 0 ? 1_000_000 : 40
            let tokens = (0..<Int.random(in: 0...30, using: &rng)).map { _ in
                ValueToken(line: Int.random(in: 0..<spread, using: &rng), x: 0, isCellIndex: false,
                           text: "1", value: 1, isBlankMarker: false)
            }
            var expected: [Int: Int] = [:]
            for t in tokens { expected[t.line, default: 0] += 1 }
            let counted = RowSegmenter.tokensPerLine(tokens)
            #expect(counted.counts.sorted() == expected.values.sorted())
            for line in Set(tokens.map(\.line)).union([-1, 0, 5, spread]) {
                #expect(counted.count(line) == (expected[line] ?? 0), "line \(line)")
            }
        }
    }
}
