import FuzzyMatching

/// Character error rate between a reference text and a hypothesis: the edit distance over Unicode scalars divided
/// by the reference length. Used by `nianbao score --text` to score normalisation.
public enum CharacterErrorRate {
    /// Levenshtein distance over Unicode scalars (`FuzzyMatching`: bit-parallel, so whole reports are cheap).
    public static func distance(_ a: String, _ b: String) -> Int {
        Levenshtein.distance(a, b)
    }

    /// `distance / reference length` (0 for two empty texts).
    public static func rate(reference: String, hypothesis: String) -> Double {
        let length = reference.unicodeScalars.count
        let d = distance(reference, hypothesis)
        return length == 0 ? (d == 0 ? 0 : 1) : Double(d) / Double(length)
    }
}
