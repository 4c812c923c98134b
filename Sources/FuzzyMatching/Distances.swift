/// Levenshtein distance on Unicode scalars, in the API of rapidfuzz.
///
/// ```swift
/// Levenshtein.distance("社会公益组织", "社会组织")              // 2
/// Levenshtein.normalizedSimilarity("社会公益组织", "社会组织")  // 0.666…
/// Levenshtein.distance("a long string", "another", scoreCutoff: 2)   // 3 (stopped early)
/// ```
public enum Levenshtein {
    public static func distance(_ a: some StringProtocol, _ b: some StringProtocol, scoreCutoff: Int? = nil) -> Int {
        let sa = scalars(a)
        let sb = scalars(b)
        // Label-sized pairs: the plain two-row DP beats building bit masks (see Benchmarks/MatchingBenchmarks).
        if sa.count * sb.count <= smallPairLimit {
            let d = smallLevenshtein(sa, sb)
            if let cutoff = scoreCutoff, d > cutoff { return cutoff + 1 }
            return d
        }
        return sa.count <= sb.count
            ? CachedScorer(scalars: sa, metric: .levenshtein).distance(sb, scoreCutoff: scoreCutoff)
            : CachedScorer(scalars: sb, metric: .levenshtein).distance(sa, scoreCutoff: scoreCutoff)
    }

    /// Below this product of lengths a one-off distance uses the plain DP.
    static let smallPairLimit = 400

    /// The two-row dynamic program over scalars (for short pairs).
    static func smallLevenshtein(_ s: [UInt32], _ t: [UInt32]) -> Int {
        if s.isEmpty { return t.count }
        if t.isEmpty { return s.count }
        var previous = Array(0...t.count)
        var current = [Int](repeating: 0, count: t.count + 1)
        for i in 1...s.count {
            current[0] = i
            for j in 1...t.count {
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (s[i - 1] == t[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[t.count]
    }

    public static func similarity(_ a: some StringProtocol, _ b: some StringProtocol, scoreCutoff: Int? = nil) -> Int {
        CachedScorer(a, metric: .levenshtein).similarity(to: b, scoreCutoff: scoreCutoff)
    }

    public static func normalizedDistance(_ a: some StringProtocol, _ b: some StringProtocol, scoreCutoff: Double? = nil) -> Double {
        pair(a, b, .levenshtein) { $0.normalizedDistance($1, scoreCutoff: scoreCutoff) }
    }

    public static func normalizedSimilarity(_ a: some StringProtocol, _ b: some StringProtocol, scoreCutoff: Double? = nil) -> Double {
        pair(a, b, .levenshtein) { $0.normalizedSimilarity($1, scoreCutoff: scoreCutoff) }
    }
}

/// Indel distance (insertions and deletions only) on Unicode scalars, in the API of rapidfuzz.
///
/// ```swift
/// Indel.distance("社会公益组织", "社会组织")              // 2
/// Indel.normalizedSimilarity("三、本年度办理结果", "E、本年度办理结果")   // 0.888…
/// ```
public enum Indel {
    public static func distance(_ a: some StringProtocol, _ b: some StringProtocol, scoreCutoff: Int? = nil) -> Int {
        pair(a, b, .indel) { $0.distance($1, scoreCutoff: scoreCutoff) }
    }

    public static func similarity(_ a: some StringProtocol, _ b: some StringProtocol, scoreCutoff: Int? = nil) -> Int {
        CachedScorer(a, metric: .indel).similarity(to: b, scoreCutoff: scoreCutoff)
    }

    public static func normalizedDistance(_ a: some StringProtocol, _ b: some StringProtocol, scoreCutoff: Double? = nil) -> Double {
        pair(a, b, .indel) { $0.normalizedDistance($1, scoreCutoff: scoreCutoff) }
    }

    public static func normalizedSimilarity(_ a: some StringProtocol, _ b: some StringProtocol, scoreCutoff: Double? = nil) -> Double {
        pair(a, b, .indel) { $0.normalizedSimilarity($1, scoreCutoff: scoreCutoff) }
    }
}

/// Runs `body` with the shorter string as the bit-parallel pattern (fewer words) and the longer as the text.
@inline(__always)
private func pair<R>(_ a: some StringProtocol, _ b: some StringProtocol, _ metric: Metric,
                     _ body: (CachedScorer, [UInt32]) -> R) -> R
{
    let sa = scalars(a)
    let sb = scalars(b)
    if sa.count <= sb.count { return body(CachedScorer(scalars: sa, metric: metric), sb) }
    return body(CachedScorer(scalars: sb, metric: metric), sa)
}
