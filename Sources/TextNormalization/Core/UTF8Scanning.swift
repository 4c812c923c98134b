/// Decoding helpers for the passes, which all work on validated UTF-8 bytes.

/// Decodes the scalar that starts at `index` of valid UTF-8 `bytes`; returns its value and its length in bytes.
@inline(__always)
func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
    let b0 = UInt32(bytes[index])
    if b0 < 0x80 { return (b0, 1) }
    if b0 < 0xE0 {
        guard index + 1 < bytes.count else { return (0xFFFD, 1) }
        return (((b0 & 0x1F) << 6) | (UInt32(bytes[index + 1]) & 0x3F), 2)
    }
    if b0 < 0xF0 {
        guard index + 2 < bytes.count else { return (0xFFFD, 1) }
        return (((b0 & 0x0F) << 12) | ((UInt32(bytes[index + 1]) & 0x3F) << 6) | (UInt32(bytes[index + 2]) & 0x3F), 3)
    }
    guard index + 3 < bytes.count else { return (0xFFFD, 1) }
    let value =
        ((b0 & 0x07) << 18) | ((UInt32(bytes[index + 1]) & 0x3F) << 12) | ((UInt32(bytes[index + 2]) & 0x3F) << 6)
        | (UInt32(bytes[index + 3]) & 0x3F)
    return (value, 4)
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

/// UTF-8 bytes of a string literal, for replacement text.
@inline(__always)
func utf8Bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

/// The byte ranges of the lines of `bytes` (without their `\n`).
func lineRanges(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    var start = 0
    var i = 0
    let n = bytes.count
    while i < n {
        if bytes[i] == 0x0A {
            ranges.append(start..<i)
            start = i + 1
        }
        i += 1
    }
    ranges.append(start..<n)
    return ranges
}
