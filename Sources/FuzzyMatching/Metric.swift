/// An unweighted edit distance.
public enum Metric: String, Sendable, CaseIterable, Codable {
    /// Insertions, deletions and substitutions, each cost 1. Normalised by the longer length.
    case levenshtein
    /// Insertions and deletions only (a substitution costs 2). Normalised by the sum of the lengths.
    case indel

    /// The largest possible distance between strings of these lengths.
    @inline(__always)
    func maximum(_ a: Int, _ b: Int) -> Int { self == .levenshtein ? max(a, b) : a + b }
}

/// Unicode scalars of a string: every distance here counts scalars, so one Chinese character is one unit.
@inline(__always)
func scalars(_ s: some StringProtocol) -> [UInt32] { s.unicodeScalars.map(\.value) }
