#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension StringProtocol where SubSequence == Substring {
    /// The pieces between each occurrence of an ASCII `separator` byte (a line feed, a tab), empty pieces kept:
    /// `split(separator:omittingEmptySubsequences: false)` done on UTF-8, without the grapheme breaking that makes
    /// splitting CJK text by `Character` slow. A `\r\n` pair is split like any other byte pair (the `\r` stays).
    ///
    /// ```swift
    /// "规章\t0\t\t3".pieces(separatedBy: 0x09)   // ["规章", "0", "", "3"]
    /// ```
    public func pieces(separatedBy separator: UInt8) -> [Substring] {
        precondition(separator < 0x80, "the separator must be an ASCII byte")
        // Pieces cut from the UTF-8 view (`Substring(utf8[a..<b])`): cutting the text (`self[a..<b]`) checks both
        // ends for scalar alignment, which a cut beside an ASCII byte always has.
        let whole = self[startIndex..<endIndex]
        let utf8 = whole.utf8
        let found = utf8.withContiguousStorageIfAvailable { bytes -> [Substring] in
            var out: [Substring] = []
            guard let base = bytes.baseAddress else { return [whole] }
            // Counted first (a loop the compiler vectorises), so that the array is allocated once.
            var separators = 0
            for b in bytes { separators &+= b == separator ? 1 : 0 }
            out.reserveCapacity(separators + 1)
            var start = utf8.startIndex
            var from = 0
            // memchr from one separator to the next; the index moved by the distance between them.
            while from < bytes.count, let hit = memchr(base + from, Int32(separator), bytes.count - from) {
                let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                let index = utf8.index(start, offsetBy: offset - from)
                out.append(Substring(utf8[start..<index]))
                start = utf8.index(after: index)
                from = offset + 1
            }
            out.append(Substring(utf8[start...]))
            return out
        }
        if let found { return found }
        var out: [Substring] = []
        var start = utf8.startIndex
        var i = start
        while i < utf8.endIndex {
            if utf8[i] == separator {
                out.append(Substring(utf8[start..<i]))
                start = utf8.index(after: i)
            }
            i = utf8.index(after: i)
        }
        out.append(Substring(utf8[start...]))
        return out
    }
}

extension StringProtocol {
    /// Whether the byte occurs in the text's UTF-8 (memchr over its storage, instead of walking `utf8` through its
    /// iterator).
    ///
    /// ```swift
    /// line.containsByte(0x09)   // a tab-separated row
    /// ```
    @inlinable
    public func containsByte(_ byte: UInt8) -> Bool {
        let found = utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        }
        return found ?? utf8.contains(byte)
    }

    /// Whether the UTF-8 bytes of `needle` occur in the text: a byte search, without the character comparison that
    /// makes `contains(_:)` slow on CJK text (for needles such as `年度报告`, whose characters have one encoding).
    ///
    /// ```swift
    /// "某镇2020年政府信息公开工作年度报告".containsUTF8("年度报告")   // true
    /// ```
    public func containsUTF8(_ needle: some StringProtocol) -> Bool {
        // The needle read in place (a literal or a native string): copying it into an array allocated every call.
        if let found = needle.utf8.withContiguousStorageIfAvailable({ containsUTF8Bytes($0) }) { return found }
        return Array(needle.utf8).withUnsafeBufferPointer { containsUTF8Bytes($0) }
    }

    /// Whether `pattern` occurs in the text's UTF-8.
    private func containsUTF8Bytes(_ pattern: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = pattern.first else { return true }
        let found = utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard pattern.count <= bytes.count else { return false }
            var i = 0
            let last = bytes.count - pattern.count
            while i <= last {
                if bytes[i] == first, bytes[i..<(i + pattern.count)].elementsEqual(pattern) { return true }
                i += 1
            }
            return false
        }
        if let found { return found }
        return Array(utf8).withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }.containsUTF8Bytes(pattern)
    }
}

/// Decodes the scalar that starts at `index` of valid UTF-8 `bytes`; returns its value and its length in bytes
/// (U+FFFD and 1 for a sequence the buffer's end cuts short). The normaliser's passes and the aligner read with it.
@inlinable @inline(__always)
public func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
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
