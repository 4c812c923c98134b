import ExtractionScoring
import Testing
import _TestSupport

@Suite struct CharacterErrorRateTests {
    @Test func knownDistances() {
        #expect(CharacterErrorRate.distance("kitten", "sitting") == 3)
        #expect(CharacterErrorRate.distance("", "abc") == 3)
        #expect(CharacterErrorRate.distance("三、本年度办理结果", "E、本年度办理 结果") == 2)
        #expect(CharacterErrorRate.rate(reference: "社会公益组织", hypothesis: "社会组织") == 2.0 / 6.0)
    }

    /// Against a plain recursive-definition check on random short strings.
    @Test func agreesWithTheDefinitionOnRandomStrings() {
        var rng = SeededGenerator(seed: 4)
        let alphabet = Array("三E四西01（(")
        func reference(_ a: [Character], _ b: [Character]) -> Int {
            var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
            for i in 0...a.count { d[i][0] = i }
            for j in 0...b.count { d[0][j] = j }
            for i in stride(from: 1, through: a.count, by: 1) {
                for j in stride(from: 1, through: b.count, by: 1) {
                    d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                }
            }
            return d[a.count][b.count]
        }
        for _ in 0..<500 {
            let a = (0..<Int.random(in: 0...8, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            let b = (0..<Int.random(in: 0...8, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            #expect(CharacterErrorRate.distance(String(a), String(b)) == reference(a, b))
        }
    }
}
