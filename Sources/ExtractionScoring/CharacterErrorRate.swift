/// Character error rate between a reference text and a hypothesis: the edit distance over Unicode scalars divided
/// by the reference length. Used by `nianbao score --text` to score normalisation.
public enum CharacterErrorRate {
    /// Levenshtein distance over Unicode scalars (two rows; O(n·m) time, O(m) memory).
    ///
    /// - Complexity: O(n·m). The bit-parallel matcher of `FuzzyMatching` will replace this for long texts.
    public static func distance(_ a: String, _ b: String) -> Int {
        let s = Array(a.unicodeScalars)
        let t = Array(b.unicodeScalars)
        if s.isEmpty { return t.count }
        if t.isEmpty { return s.count }
        var previous = Array(0...t.count)
        var current = [Int](repeating: 0, count: t.count + 1)
        for i in 1...s.count {
            current[0] = i
            let si = s[i - 1]
            for j in 1...t.count {
                let substitution = previous[j - 1] + (si == t[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[t.count]
    }

    /// `distance / reference length` (0 for two empty texts).
    public static func rate(reference: String, hypothesis: String) -> Double {
        let length = reference.unicodeScalars.count
        let d = distance(reference, hypothesis)
        return length == 0 ? (d == 0 ? 0 : 1) : Double(d) / Double(length)
    }
}
