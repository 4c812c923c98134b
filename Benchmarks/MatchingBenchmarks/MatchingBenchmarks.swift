import Benchmark
import FuzzyMatching

/// The textbook O(n·m) Levenshtein: the naive baseline the bit-parallel core is measured against.
func naiveLevenshtein(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in stride(from: 1, through: b.count, by: 1) {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}

/// Labels as the aligner meets them: canonical labels and damaged extractions of them.
let labels = [
    "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "三、本年度办理结果", "（一）予以公开",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "1.属于国家秘密", "2.其他法律行政法规禁止公开",
    "3.危及“三安全一稳定”", "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷",
    "8.属于行政查询事项", "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确",
    "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息",
    "（六）其他处理", "（七）总计", "四、结转下年度继续办理", "社会公益组织", "法律服务机构", "自然人", "商业企业", "科研机构",
]
let damaged = ["E、本年度办理 结果", "西、结转下年度继续办理", "工属于国家秘密", "社会组织", "（二) 部分公开(区分处理的,只计这一情形",
               "5.要求行政机关确认或重新出具已获取信息", "了.属于行政执法案卷", "法律服务"]

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput], maxDuration: .seconds(3), maxIterations: 200)
    let pairs = damaged.flatMap { d in labels.map { (Array(d.unicodeScalars), Array($0.unicodeScalars), d, $0) } }

    Benchmark("levenshtein bit-parallel, \(pairs.count) label pairs") { benchmark in
        for _ in benchmark.scaledIterations {
            for (_, _, a, b) in pairs { blackHole(Levenshtein.distance(a, b)) }
        }
    }
    Benchmark("levenshtein naive DP, \(pairs.count) label pairs") { benchmark in
        for _ in benchmark.scaledIterations {
            // From strings, as the library API is called: the conversion is part of the cost.
            for (_, _, a, b) in pairs { blackHole(naiveLevenshtein(Array(a.unicodeScalars), Array(b.unicodeScalars))) }
        }
    }
    Benchmark("cached scorer: \(damaged.count) queries × \(labels.count) labels") { benchmark in
        for _ in benchmark.scaledIterations {
            for d in damaged {
                let scorer = CachedScorer(d)
                for label in labels { blackHole(scorer.normalizedSimilarity(to: label)) }
            }
        }
    }
    Benchmark("uncached: \(damaged.count) queries × \(labels.count) labels") { benchmark in
        for _ in benchmark.scaledIterations {
            for d in damaged {
                for label in labels { blackHole(Levenshtein.normalizedSimilarity(d, label)) }
            }
        }
    }
    let long = Array(String(repeating: labels.joined(), count: 8).unicodeScalars)
    var edited = long
    for k in stride(from: 0, to: edited.count, by: 37) { edited[k] = "E" }
    let longText = String(String.UnicodeScalarView(long))
    let editedText = String(String.UnicodeScalarView(edited))
    Benchmark("long text (\(long.count) scalars) bit-parallel") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(Levenshtein.distance(longText, editedText)) }
    }
    Benchmark("long text (\(long.count) scalars) naive DP") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(naiveLevenshtein(long, edited)) }
    }
}
