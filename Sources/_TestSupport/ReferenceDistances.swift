/// Naive O(n·m) reference implementations, for differential tests of the fast matchers.
public enum ReferenceDistances {
    /// Textbook Levenshtein dynamic programming over Unicode scalars.
    public static func levenshtein(_ a: String, _ b: String) -> Int {
        let s = Array(a.unicodeScalars)
        let t = Array(b.unicodeScalars)
        var d = [[Int]](repeating: [Int](repeating: 0, count: t.count + 1), count: s.count + 1)
        for i in 0...s.count { d[i][0] = i }
        for j in 0...t.count { d[0][j] = j }
        for i in stride(from: 1, through: s.count, by: 1) {
            for j in stride(from: 1, through: t.count, by: 1) {
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (s[i - 1] == t[j - 1] ? 0 : 1))
            }
        }
        return d[s.count][t.count]
    }

    /// Insertions and deletions only: |a| + |b| − 2·LCS, the LCS by dynamic programming.
    public static func indel(_ a: String, _ b: String) -> Int {
        let s = Array(a.unicodeScalars)
        let t = Array(b.unicodeScalars)
        var l = [[Int]](repeating: [Int](repeating: 0, count: t.count + 1), count: s.count + 1)
        for i in stride(from: 1, through: s.count, by: 1) {
            for j in stride(from: 1, through: t.count, by: 1) {
                l[i][j] = s[i - 1] == t[j - 1] ? l[i - 1][j - 1] + 1 : max(l[i - 1][j], l[i][j - 1])
            }
        }
        return s.count + t.count - 2 * l[s.count][t.count]
    }

    /// A random string over a mixed CJK/ASCII alphabet (with repeats, so matches happen).
    public static func randomString(length: Int, using rng: inout SeededGenerator) -> String {
        let alphabet = Array("三四五一二E西中人入己已ab01（(、")
        let extra: [Character] = ["政", "府", "信", "息", "公", "开", "报", "告", "x", "y", "9"]
        var out = ""
        for _ in 0..<length {
            out.append(Bool.random(using: &rng) ? alphabet.randomElement(using: &rng)! : extra.randomElement(using: &rng)!)
        }
        return out
    }
}
