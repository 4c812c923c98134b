/// The match masks of a pattern for the bit-parallel algorithms: for each distinct scalar, one bit per pattern
/// position (64 positions per word), in `words` words.
struct PatternMasks: Sendable {
    let length: Int
    let words: Int
    /// Masks of ASCII scalars, flat: `ascii[scalar * words + word]`.
    private var ascii: [UInt64]
    /// Masks of other scalars (CJK), `words` words each.
    private var other: [UInt32: [UInt64]]
    private static let zeros: [UInt64] = []

    init(_ pattern: [UInt32]) {
        length = pattern.count
        words = max(1, (pattern.count + 63) / 64)
        ascii = [UInt64](repeating: 0, count: 128 * words)
        other = [:]
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
        if scalar < 128 { return ascii[Int(scalar) * words + word] }
        guard let masks = other[scalar] else { return 0 }
        return masks[word]
    }
}
