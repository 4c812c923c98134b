/// Levenshtein distance with OCR-aware costs: a substitution listed in the confusion table (single characters or
/// short sequences, `1.` ↔ `工`) costs its table cost instead of 1.
///
/// ```swift
/// let ocr = WeightedLevenshtein.ocr
/// ocr.distance("三、本年度办理结果", "E、本年度办理结果")   // 0.2
/// ocr.distance("三、本年度办理结果", "X、本年度办理结果")   // 1.0
/// ```
/// - Complexity: O(n·m·k) for k the longest confusion sequence (1–2): meant for labels, not whole texts.
public struct WeightedLevenshtein: Sendable {
    /// (from, to) scalar sequences → cost, both directions.
    private let single: [UInt64: Double]
    private let sequences: [(from: [UInt32], to: [UInt32], cost: Double)]

    /// The table of OCR confusions seen in report text.
    public static let ocr = WeightedLevenshtein(entries: OCRConfusionTable.entries)

    public init(entries: [OCRConfusionTable.Entry]) {
        var single: [UInt64: Double] = [:]
        var sequences: [(from: [UInt32], to: [UInt32], cost: Double)] = []
        for entry in entries {
            let a = scalars(entry.a)
            let b = scalars(entry.b)
            if a.count == 1 && b.count == 1 {
                single[Self.key(a[0], b[0])] = entry.cost
                single[Self.key(b[0], a[0])] = entry.cost
            } else {
                sequences.append((a, b, entry.cost))
                sequences.append((b, a, entry.cost))
            }
        }
        self.single = single
        self.sequences = sequences
    }

    @inline(__always)
    private static func key(_ a: UInt32, _ b: UInt32) -> UInt64 { UInt64(a) << 32 | UInt64(b) }

    /// The cost of substituting `a` by `b`: 0 when equal, the table's cost, or 1.
    public func substitutionCost(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Double {
        a == b ? 0 : single[Self.key(a.value, b.value)] ?? 1
    }

    public func distance(_ a: some StringProtocol, _ b: some StringProtocol) -> Double {
        let s = scalars(a)
        let t = scalars(b)
        let n = s.count
        let m = t.count
        if n == 0 { return Double(m) }
        if m == 0 { return Double(n) }
        var d = [[Double]](repeating: [Double](repeating: 0, count: m + 1), count: n + 1)
        for i in 0...n { d[i][0] = Double(i) }
        for j in 0...m { d[0][j] = Double(j) }
        for i in 1...n {
            for j in 1...m {
                let substitution = s[i - 1] == t[j - 1] ? 0 : single[Self.key(s[i - 1], t[j - 1])] ?? 1
                var best = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + substitution)
                for rule in sequences where rule.from.count <= i && rule.to.count <= j {
                    if s[(i - rule.from.count)..<i].elementsEqual(rule.from), t[(j - rule.to.count)..<j].elementsEqual(rule.to) {
                        best = min(best, d[i - rule.from.count][j - rule.to.count] + rule.cost)
                    }
                }
                d[i][j] = best
            }
        }
        return d[n][m]
    }

    /// `1 − distance / max(|a|, |b|)`, in 0…1.
    public func normalizedSimilarity(_ a: some StringProtocol, _ b: some StringProtocol) -> Double {
        let maximum = max(a.unicodeScalars.count, b.unicodeScalars.count)
        if maximum == 0 { return 1 }
        return max(0, 1 - distance(a, b) / Double(maximum))
    }
}
