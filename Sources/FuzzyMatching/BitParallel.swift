/// Bit-parallel cores for the unweighted distances.
///
/// - Levenshtein: Myers' bit-vector algorithm (G. Myers, "A fast bit-vector algorithm for approximate string
///   matching based on dynamic programming", J. ACM 46(3), 1999) in Hyyrö's formulation for global edit distance
///   (H. Hyyrö, "Explaining and extending the bit-parallel approximate string matching algorithm of Myers", 2001;
///   "A bit-vector algorithm for computing Levenshtein and Damerau edit distances", 2003), with Myers' blocks of 64
///   pattern positions for longer patterns.
/// - Indel (insertions and deletions only): the bit-parallel longest common subsequence of Allison and Dix
///   ("A bit-string longest-common-subsequence algorithm", IPL 23, 1986) with Hyyrö's carry formulation;
///   indel distance = |a| + |b| − 2·LCS.
///
/// - Complexity: O(⌈m/64⌉ · n) word operations for a pattern of m scalars and a text of n.
enum BitParallel {
    /// Levenshtein distance between the pattern of `masks` and `text`.
    static func levenshtein(_ masks: PatternMasks, _ text: [UInt32]) -> Int {
        let m = masks.length
        if m == 0 { return text.count }
        if masks.words == 1 { return levenshteinOneWord(masks, text) }
        let words = masks.words
        var pv = [UInt64](repeating: ~0, count: words)
        var mv = [UInt64](repeating: 0, count: words)
        var score = m
        let lastBit = UInt64(1) << UInt64((m - 1) % 64)
        for c in text {
            var hin = 1  // the top row grows by one per text scalar: global distance
            for w in 0..<words {
                var eq = masks.mask(c, word: w)
                let pvw = pv[w]
                let mvw = mv[w]
                let xv = eq | mvw
                if hin < 0 { eq |= 1 }
                let xh = (((eq & pvw) &+ pvw) ^ pvw) | eq
                var ph = mvw | ~(xh | pvw)
                var mh = pvw & xh
                let high = w == words - 1 ? lastBit : UInt64(1) << 63
                let hout = ph & high != 0 ? 1 : (mh & high != 0 ? -1 : 0)
                ph <<= 1
                mh <<= 1
                if hin > 0 { ph |= 1 } else if hin < 0 { mh |= 1 }
                pv[w] = mh | ~(xv | ph)
                mv[w] = ph & xv
                hin = hout
            }
            score += hin
        }
        return score
    }

    @inline(__always)
    private static func levenshteinOneWord(_ masks: PatternMasks, _ text: [UInt32]) -> Int {
        var pv: UInt64 = ~0
        var mv: UInt64 = 0
        var score = masks.length
        let lastBit = UInt64(1) << UInt64(masks.length - 1)
        for c in text {
            let eq = masks.mask(c, word: 0)
            let xv = eq | mv
            let xh = (((eq & pv) &+ pv) ^ pv) | eq
            var ph = mv | ~(xh | pv)
            var mh = pv & xh
            if ph & lastBit != 0 { score += 1 } else if mh & lastBit != 0 { score -= 1 }
            ph = (ph << 1) | 1
            mh <<= 1
            pv = mh | ~(xv | ph)
            mv = ph & xv
        }
        return score
    }

    /// Length of the longest common subsequence of the pattern of `masks` and `text`.
    static func longestCommonSubsequence(_ masks: PatternMasks, _ text: [UInt32]) -> Int {
        let m = masks.length
        if m == 0 || text.isEmpty { return 0 }
        let words = masks.words
        var s = [UInt64](repeating: ~0, count: words)
        for c in text {
            var carry: UInt64 = 0
            for w in 0..<words {
                let u = s[w] & masks.mask(c, word: w)
                let (partial, overflow1) = s[w].addingReportingOverflow(u)
                let (sum, overflow2) = partial.addingReportingOverflow(carry)
                carry = (overflow1 || overflow2) ? 1 : 0
                s[w] = sum | (s[w] &- u)
            }
        }
        // LCS = zero bits among the m pattern positions.
        var lcs = 0
        for w in 0..<words {
            let bits = w == words - 1 && m % 64 != 0 ? m % 64 : 64
            let valid: UInt64 = bits == 64 ? ~0 : (UInt64(1) << UInt64(bits)) - 1
            lcs += (~s[w] & valid).nonzeroBitCount
        }
        return lcs
    }
}
