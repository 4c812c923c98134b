/// The match masks of a pattern for the bit-parallel algorithms: for each distinct scalar, one bit per pattern
/// position (64 positions per word), in `words` words.
///
/// Short patterns (one word, the labels the aligner compares) keep their distinct scalars in two small arrays
/// searched linearly: building them costs no hashing and no 1 KB table, which otherwise dominates label-sized
/// comparisons. Longer patterns use a table for ASCII and a dictionary for the rest.
struct PatternMasks: Sendable {
    let length: Int
    let words: Int
    /// One word: the distinct scalars and their masks.
    private var keys: [UInt32] = []
    private var keyMasks: [UInt64] = []
    /// Several words: masks of ASCII scalars, flat (`ascii[scalar * words + word]`), and of the others.
    private var ascii: [UInt64] = []
    private var other: [UInt32: [UInt64]] = [:]

    init(_ pattern: [UInt32]) {
        length = pattern.count
        words = max(1, (pattern.count + 63) / 64)
        if words == 1 {
            for (position, scalar) in pattern.enumerated() {
                let bit = UInt64(1) << UInt64(position)
                if let k = keys.firstIndex(of: scalar) {
                    keyMasks[k] |= bit
                } else {
                    keys.append(scalar)
                    keyMasks.append(bit)
                }
            }
            return
        }
        ascii = [UInt64](repeating: 0, count: 128 * words)
        for (position, scalar) in pattern.enumerated() {
            let word = position / 64
            let bit = UInt64(1) << UInt64(position % 64)
            if scalar < 128 {
                ascii[Int(scalar) * words + word] |= bit
            } else {
                other[scalar, default: [UInt64](repeating: 0, count: words)][word] |= bit
            }
        }
    }

    /// The mask of `scalar` in `word`.
    @inline(__always)
    func mask(_ scalar: UInt32, word: Int) -> UInt64 {
        if words == 1 {
            for k in keys.indices where keys[k] == scalar { return keyMasks[k] }
            return 0
        }
        if scalar < 128 { return ascii[Int(scalar) * words + word] }
        guard let masks = other[scalar] else { return 0 }
        return masks[word]
    }
}
