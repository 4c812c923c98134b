/// Best-match search over candidates: the façade of `FuzzyMatching`.
///
/// ```swift
/// let match = FuzzyMatcher.bestMatch(for: "社会组织", in: ["自然人", "社会公益组织", "法律服务机构"], scoreCutoff: 0.5)
/// match?.index   // 1
/// match?.score   // 0.666…
/// ```
public enum FuzzyMatcher {
    /// The candidate with the highest normalised similarity to `query`, if one reaches `scoreCutoff`. The cutoff
    /// rises to the best score found so far, so later candidates can stop early. Ties keep the first.
    public static func bestMatch(
        for query: some StringProtocol, in candidates: [String], metric: Metric = .levenshtein, scoreCutoff: Double = 0
    ) -> (index: Int, score: Double)? {
        let scorer = CachedScorer(query, metric: metric)
        var best: (index: Int, score: Double)? = nil
        var cutoff = scoreCutoff
        for (index, candidate) in candidates.enumerated() {
            let score = scorer.normalizedSimilarity(scalars(candidate), scoreCutoff: cutoff)
            if score >= cutoff, score > (best?.score ?? -1) {
                best = (index, score)
                cutoff = score
            }
        }
        return best
    }
}
