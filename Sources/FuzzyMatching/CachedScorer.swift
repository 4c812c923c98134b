/// One query scored against many candidates, with the query's bit masks built once.
///
/// ```swift
/// let scorer = CachedScorer("三、本年度办理结果")
/// scorer.distance(to: "E、本年度办理 结果")                 // 2
/// scorer.normalizedSimilarity(to: "E、本年度办理结果")       // 0.888…
/// ```
public struct CachedScorer: Sendable {
    public let metric: Metric
    let query: [UInt32]
    let masks: PatternMasks

    public init(_ query: some StringProtocol, metric: Metric = .levenshtein) {
        self.init(scalars: scalars(query), metric: metric)
    }

    init(scalars query: [UInt32], metric: Metric) {
        self.metric = metric
        self.query = query
        self.masks = PatternMasks(query)
    }

    /// The distance, or `scoreCutoff + 1` as soon as it is known to exceed `scoreCutoff`.
    public func distance(to candidate: some StringProtocol, scoreCutoff: Int? = nil) -> Int {
        distance(scalars(candidate), scoreCutoff: scoreCutoff)
    }

    func distance(_ text: [UInt32], scoreCutoff: Int?) -> Int {
        // Lower bound: the length difference. Past the cutoff, no need to run the core.
        let lower = abs(query.count - text.count)
        if let cutoff = scoreCutoff, lower > cutoff { return cutoff + 1 }
        let d: Int
        switch metric {
        case .levenshtein:
            d = BitParallel.levenshtein(masks, text)
        case .indel:
            d = query.count + text.count - 2 * BitParallel.longestCommonSubsequence(masks, text)
        }
        if let cutoff = scoreCutoff, d > cutoff { return cutoff + 1 }
        return d
    }

    /// `maximum − distance`, or 0 when below `scoreCutoff`.
    public func similarity(to candidate: some StringProtocol, scoreCutoff: Int? = nil) -> Int {
        let text = scalars(candidate)
        let maximum = metric.maximum(query.count, text.count)
        let s = maximum - distance(text, scoreCutoff: scoreCutoff.map { max(0, maximum - $0) })
        if let cutoff = scoreCutoff, s < cutoff { return 0 }
        return max(0, s)
    }

    /// `distance / maximum` in 0…1, or 1 when above `scoreCutoff`.
    public func normalizedDistance(to candidate: some StringProtocol, scoreCutoff: Double? = nil) -> Double {
        normalizedDistance(scalars(candidate), scoreCutoff: scoreCutoff)
    }

    func normalizedDistance(_ text: [UInt32], scoreCutoff: Double?) -> Double {
        let maximum = metric.maximum(query.count, text.count)
        if maximum == 0 { return 0 }
        let cutoff = scoreCutoff.map { Int(($0 * Double(maximum)).rounded(.up)) }
        let d = Double(distance(text, scoreCutoff: cutoff)) / Double(maximum)
        if let scoreCutoff, d > scoreCutoff { return 1 }
        return min(d, 1)
    }

    /// `1 − normalizedDistance` in 0…1, or 0 when below `scoreCutoff`.
    public func normalizedSimilarity(to candidate: some StringProtocol, scoreCutoff: Double? = nil) -> Double {
        normalizedSimilarity(scalars(candidate), scoreCutoff: scoreCutoff)
    }

    func normalizedSimilarity(_ text: [UInt32], scoreCutoff: Double?) -> Double {
        let s = 1 - normalizedDistance(text, scoreCutoff: scoreCutoff.map { 1 - $0 })
        if let scoreCutoff, s < scoreCutoff { return 0 }
        return s
    }
}
