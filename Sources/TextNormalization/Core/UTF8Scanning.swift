import CByteScan
import ReportModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decoding helpers for the passes, which all work on validated UTF-8 bytes (`decodeScalar` is ReportModel's,
/// shared with the aligner).

/// The length of the UTF-8 sequence lead byte `b` starts (1 for ASCII, and for a continuation byte).
@inline(__always)
func sequenceLength(_ b: UInt8) -> Int {
    b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
}

/// The start of the scalar that ends just before `index` (valid UTF-8: skips continuation bytes backwards).
@inline(__always)
func previousScalarStart(_ bytes: UnsafeBufferPointer<UInt8>, before index: Int) -> Int {
    var i = index - 1
    while i > 0 && bytes[i] & 0xC0 == 0x80 { i -= 1 }
    return i
}

/// Appends the UTF-8 encoding of `value` to `out`.
@inline(__always)
func appendScalar(_ value: UInt32, to out: inout [UInt8]) {
    switch value {
    case 0..<0x80:
        out.append(UInt8(value))
    case 0x80..<0x800:
        out.append(UInt8(0xC0 | (value >> 6)))
        out.append(UInt8(0x80 | (value & 0x3F)))
    case 0x800..<0x10000:
        out.append(UInt8(0xE0 | (value >> 12)))
        out.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (value & 0x3F)))
    default:
        out.append(UInt8(0xF0 | (value >> 18)))
        out.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
        out.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (value & 0x3F)))
    }
}

/// The scalars of valid UTF-8 bytes `range`, decoded as they are read (no array: a reader that stops at the first
/// scalar it cannot use decodes no more).
struct DecodedScalars: Sequence, IteratorProtocol {
    let input: UnsafeBufferPointer<UInt8>
    var position: Int
    let end: Int

    init(_ range: Range<Int>, of input: UnsafeBufferPointer<UInt8>) {
        self.input = input
        self.position = range.lowerBound
        self.end = range.upperBound
    }

    mutating func next() -> UInt32? {
        guard position < end else { return nil }
        let (c, length) = decodeScalar(input, at: position)
        position += length
        return c
    }
}

/// UTF-8 bytes of a string literal, for replacement text.
@inline(__always)
func utf8Bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

/// The offset of the first `byte` in `range` of `bytes` (memchr: vectorised, where `firstIndex(of:)` walks byte by
/// byte), or nil.
@inline(__always)
func offset(of byte: UInt8, in range: Range<Int>, of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    guard let base = bytes.baseAddress, !range.isEmpty,
        let hit = memchr(base + range.lowerBound, Int32(byte), range.count)
    else { return nil }
    return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
}

/// The offset of the last `byte` in `range` of `bytes` (memrchr), or nil.
func lastOffset(of byte: UInt8, in range: Range<Int>, of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    guard let base = bytes.baseAddress, !range.isEmpty else { return nil }
    let hit = nb_find_last(base + range.lowerBound, range.count, byte)
    return hit < 0 ? nil : range.lowerBound + hit  // SIZE_MAX reads as -1
}

/// Whether `range` of `bytes` (all of it by default) holds `byte`.
@inline(__always)
func holds(_ byte: UInt8, in range: Range<Int>? = nil, of bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    offset(of: byte, in: range ?? 0..<bytes.count, of: bytes) != nil
}

/// The offset after each line feed of `bytes`, after a 0 for the first line: where each line starts.
func lineStarts(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
    [0] + offsets(of: 0x0A, in: bytes).map { $0 + 1 }
}

/// The offsets of every `byte` in `bytes`, in order (`nb_offsets_of_byte`: 32 or 16 bytes a step).
func offsets(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return [] }
    // A guess of one line every 24 bytes, and a second call when the text has more.
    var capacity = bytes.count / 24 + 16
    while true {
        var total = 0
        let found = [Int](unsafeUninitializedCapacity: capacity) { out, initialized in
            // size_t and Int have one size and layout here.
            total = out.baseAddress!.withMemoryRebound(to: UInt.self, capacity: capacity) {
                Int(nb_offsets_of_byte(base, bytes.count, byte, $0, capacity))
            }
            initialized = min(total, capacity)
        }
        if total <= capacity { return found }
        capacity = total
    }
}

/// The byte ranges of the lines of `bytes` (without their `\n`).
func lineRanges(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
    // Every line feed found sixteen bytes a step, then the ranges between them: lines are short, and a memchr call
    // per line was most of the cost of a pass that finds nothing to do.
    let feeds = offsets(of: 0x0A, in: bytes)
    var ranges: [Range<Int>] = []
    ranges.reserveCapacity(feeds.count + 1)
    var start = 0
    for feed in feeds {
        ranges.append(start..<feed)
        start = feed + 1
    }
    ranges.append(start..<bytes.count)
    return ranges
}

/// `range` without the spaces at either end.
func trimmed(_ range: Range<Int>, _ input: UnsafeBufferPointer<UInt8>) -> Range<Int> {
    var lower = range.lowerBound
    var upper = range.upperBound
    while lower < upper, input[lower] == 0x20 { lower += 1 }
    while upper > lower, input[upper - 1] == 0x20 { upper -= 1 }
    return lower..<upper
}

/// The edits that turn a table row whose cells are separated by `rules` (the byte ranges of its separator
/// characters: `|`, `│`) into tab-separated cells: a rule that opens the line and one that closes it are removed
/// with the spaces beside them, every other rule and its spaces becomes one tab, and an empty cell (`|  |`) stays an
/// empty cell (its spaces go with the rule before it, so no two edits overlap).
func cellSeparatorEdits(_ line: Range<Int>, rules: [Range<Int>], _ input: UnsafeBufferPointer<UInt8>)
    -> [(range: Range<Int>, replacement: [UInt8])]
{
    func isSpace(_ k: Int) -> Bool { input[k] == 0x20 || input[k] == 0x09 }
    var first = line.lowerBound
    while first < line.upperBound, isSpace(first) { first += 1 }
    var end = line.upperBound
    while end > first, isSpace(end - 1) { end -= 1 }
    var out: [(range: Range<Int>, replacement: [UInt8])] = []
    var cursor = line.lowerBound
    for (n, rule) in rules.enumerated() {
        var lower = rule.lowerBound
        while lower > cursor, isSpace(lower - 1) { lower -= 1 }
        var upper = rule.upperBound
        let next = n + 1 < rules.count ? rules[n + 1].lowerBound : line.upperBound
        while upper < next, isSpace(upper) { upper += 1 }
        cursor = upper
        if n == 0 && rule.lowerBound == first {
            out.append((line.lowerBound..<upper, []))
        } else if n == rules.count - 1 && rule.upperBound == end {
            out.append((lower..<line.upperBound, []))
        } else {
            out.append((lower..<upper, [0x09]))
        }
    }
    return out
}

/// Whether bytes `range` of `input` hold only spaces and tabs (a blank line).
@inline(__always)
func isBlankLine(_ range: Range<Int>, _ input: UnsafeBufferPointer<UInt8>) -> Bool {
    input[range].allSatisfy { $0 == 0x20 || $0 == 0x09 }
}
