import FuzzyMatching
import Testing
import _TestSupport

/// Every entry point agrees with the naive reference on thousands of random CJK/ASCII pairs.
@Suite struct DifferentialTests {
    /// Pairs of lengths 0–80 (one word of bit masks) and, from a second seed, 60–300 (several words).
    static func pairs(seed: UInt64, count: Int, lengths: ClosedRange<Int>) -> [(String, String)] {
        var rng = SeededGenerator(seed: seed)
        return (0..<count).map { _ in
            let a = ReferenceDistances.randomString(length: Int.random(in: lengths, using: &rng), using: &rng)
            // Half the pairs are edits of each other (close), half unrelated (far).
            var b = ReferenceDistances.randomString(length: Int.random(in: lengths, using: &rng), using: &rng)
            if Bool.random(using: &rng) {
                var chars = Array(a)
                for _ in 0..<Int.random(in: 0...5, using: &rng) where !chars.isEmpty {
                    let k = Int.random(in: 0..<chars.count, using: &rng)
                    switch Int.random(in: 0..<3, using: &rng) {
                    case 0: chars.remove(at: k)
                    case 1: chars[k] = "E"
                    default: chars.insert("三", at: k)
                    }
                }
                b = String(chars)
            }
            return (a, b)
        }
    }

    @Test func levenshteinAgreesWithTheReference() {
        for (a, b) in Self.pairs(seed: 1, count: 3000, lengths: 0...80) + Self.pairs(seed: 2, count: 300, lengths: 60...300) {
            let expected = ReferenceDistances.levenshtein(a, b)
            #expect(Levenshtein.distance(a, b) == expected, "\(a) | \(b)")
            #expect(Levenshtein.distance(b, a) == expected)
            #expect(CachedScorer(a).distance(to: b) == expected)
        }
    }

    @Test func indelAgreesWithTheReference() {
        for (a, b) in Self.pairs(seed: 3, count: 3000, lengths: 0...80) + Self.pairs(seed: 4, count: 300, lengths: 60...300) {
            let expected = ReferenceDistances.indel(a, b)
            #expect(Indel.distance(a, b) == expected, "\(a) | \(b)")
            #expect(CachedScorer(b, metric: .indel).distance(to: a) == expected)
        }
    }

    @Test func cutoffsAndNormalisationFollowTheDefinitions() {
        for (a, b) in Self.pairs(seed: 5, count: 2000, lengths: 0...40) {
            let d = ReferenceDistances.levenshtein(a, b)
            let maximum = max(a.unicodeScalars.count, b.unicodeScalars.count)
            for cutoff in [0, 2, 5, 20] {
                #expect(Levenshtein.distance(a, b, scoreCutoff: cutoff) == (d <= cutoff ? d : cutoff + 1))
            }
            #expect(Levenshtein.similarity(a, b) == maximum - d)
            let normalized = maximum == 0 ? 0 : Double(d) / Double(maximum)
            #expect(abs(Levenshtein.normalizedDistance(a, b) - normalized) < 1e-12)
            #expect(abs(Levenshtein.normalizedSimilarity(a, b) - (1 - normalized)) < 1e-12)
            let s = 1 - normalized
            #expect(Levenshtein.normalizedSimilarity(a, b, scoreCutoff: 0.6) == (s >= 0.6 ? s : 0))
            #expect(Levenshtein.normalizedDistance(a, b, scoreCutoff: 0.3) == (normalized <= 0.3 ? normalized : 1))
            let indel = ReferenceDistances.indel(a, b)
            let indelMaximum = a.unicodeScalars.count + b.unicodeScalars.count
            let indelNormalized = indelMaximum == 0 ? 0 : Double(indel) / Double(indelMaximum)
            #expect(abs(Indel.normalizedSimilarity(a, b) - (1 - indelNormalized)) < 1e-12)
            #expect(Indel.similarity(a, b, scoreCutoff: 3) == (indelMaximum - indel >= 3 ? indelMaximum - indel : 0))
        }
    }

    @Test func bestMatchIsTheArgmaxOfTheReference() {
        var rng = SeededGenerator(seed: 6)
        for _ in 0..<300 {
            let query = ReferenceDistances.randomString(length: Int.random(in: 1...12, using: &rng), using: &rng)
            let candidates = (0..<8).map { _ in
                ReferenceDistances.randomString(length: Int.random(in: 1...12, using: &rng), using: &rng)
            }
            let scores = candidates.map { c -> Double in
                let m = max(query.unicodeScalars.count, c.unicodeScalars.count)
                return 1 - Double(ReferenceDistances.levenshtein(query, c)) / Double(m)
            }
            let best = scores.max()!
            let match = FuzzyMatcher.bestMatch(for: query, in: candidates)
            #expect(match?.index == scores.firstIndex(of: best))
            #expect(abs((match?.score ?? -1) - best) < 1e-12)
            #expect(FuzzyMatcher.bestMatch(for: query, in: candidates, scoreCutoff: best + 0.01) == nil)
        }
    }
}
