import ReportModel
import Testing
import _TestSupport

/// The byte-level text helpers of `ReportModel` that the parser and the pipeline read titles and lines with.
@Suite struct TextPiecesTests {
    @Test(arguments: [
        ("某镇2020年政府信息公开工作年度报告", "年度报告", true),
        ("年度报告", "年度报告", true),
        ("年度报", "年度报告", false),
        ("年度 报告", "年度报告", false),
        ("", "年度报告", false),
        ("anything", "", true),
        ("年年度报告", "年度报告", true),  // a false start just before the match
    ])
    func containsUTF8FindsByteSequences(_ text: String, _ needle: String, _ expected: Bool) {
        #expect(text.containsUTF8(needle) == expected)
        // The same answer on a substring that does not start at the string's start.
        let padded = "前缀" + text
        #expect(padded.dropFirst(2).containsUTF8(needle) == expected)
    }

    @Test func containsUTF8AgreesWithContainsOnRandomHanText() {
        var rng = SeededGenerator(seed: 11)
        let alphabet = Array("年度报告政府信息公开")
        for _ in 0..<500 {
            let text = String((0..<Int.random(in: 0...12, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
            let needle = String((0..<Int.random(in: 1...3, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
            #expect(text.containsUTF8(needle) == text.contains(needle), "\(text) / \(needle)")
        }
    }

    @Test func piecesKeepEmptyPieces() {
        #expect("规章\t0\t\t3".pieces(separatedBy: 0x09) == ["规章", "0", "", "3"])
        #expect("".pieces(separatedBy: 0x0A) == [""])
        #expect("a\n".pieces(separatedBy: 0x0A) == ["a", ""])
    }

    /// Pieces equal `split(separator:omittingEmptySubsequences: false)`, on strings and on substrings that start and
    /// end inside a larger text, and each piece is a slice of that text at the same place.
    @Test func piecesAgreeWithSplitOnRandomText() {
        var rng = SeededGenerator(seed: 23)
        let alphabet: [Character] = ["\t", "\t", "年", "度", "a", "1", " ", "😀", "é", "\n"]
        for _ in 0..<500 {
            let text = String((0..<Int.random(in: 0...16, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
            for separator in [UInt8(0x09), 0x0A] {
                let expected = text.split(separator: Character(Unicode.Scalar(separator)), omittingEmptySubsequences: false)
                #expect(text.pieces(separatedBy: separator) == expected, "\(text.debugDescription)")
                let framed = "前" + text + "后"
                let inner = framed.dropFirst().dropLast()
                let pieces = inner.pieces(separatedBy: separator)
                #expect(pieces == expected, "\(text.debugDescription)")
                for piece in pieces { #expect(framed[piece.startIndex..<piece.endIndex] == piece) }
            }
        }
    }
}
