import CByteScan

/// Skipping the stretches of text a pass has nothing to do in, sixteen bytes at a time.
///
/// Most of a report is Han text and digits that a pass only has to look past. For the passes with a kernel in
/// `CByteScan` (a conservative predicate on bytes: it may flag a byte that turns out to need nothing, never pass over
/// one that needs the pass), `nextCandidate(from:_:)` returns where the pass's own byte-by-byte loop must look next.
///
/// ```swift
/// let skipping = ByteKernel.isSkipping
/// var limit = 0
/// while i < n {
///     if i >= limit { i = input.nextCandidate(from: i, .width, skipping: skipping); limit = i + 1 }
///     …  // the pass's scalar step at i
/// }
/// ```
enum ByteKernel: Int32 {
    case invisible = 0
    case width = 1
    case numeric = 2
    case punctuation = 3
    case markup = 4

    /// Whether the passes skip what the kernels pass over (read once per pass run). Tests turn it off to check that
    /// skipping changes nothing: the byte-by-byte loops alone are the reference.
    @TaskLocal static var isSkipping = true
}

extension UnsafeBufferPointer<UInt8> {
    /// The first byte at or after `i` from which the pass of `kernel` must scan byte by byte: the first byte its
    /// predicate flags (moved back to the start of the character it falls in), or the start of the last bytes,
    /// which are always scanned. `i` when `i` itself may matter.
    @inline(__always)
    ///
    /// `vector` false uses the scalar form of the kernel's predicate, `widest` false its SSE2 form even where the
    /// processor has AVX2 (for the tests that check all forms agree).
    func nextCandidate(from i: Int, _ kernel: ByteKernel, skipping: Bool = true, vector: Bool = true, widest: Bool = true)
        -> Int
    {
        guard skipping, let base = baseAddress, i < count else { return i }
        var next = Int(nb_scan_next(base, count, i, kernel.rawValue, vector ? (widest ? 1 : 2) : 0))
        while next > i && next < count && self[next] & 0xC0 == 0x80 { next -= 1 }
        return next
    }
}
