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
        let offsets: [Int]? = utf8.withContiguousStorageIfAvailable { bytes in
            var found: [Int] = []
            for (k, b) in bytes.enumerated() where b == separator { found.append(k) }
            return found
        }
        var out: [Substring] = []
        var start = startIndex
        if let offsets {
            out.reserveCapacity(offsets.count + 1)
            var previous = 0
            var index = utf8.startIndex
            for offset in offsets {
                index = utf8.index(index, offsetBy: offset - previous)
                out.append(self[start..<index])
                start = utf8.index(after: index)
                previous = offset
            }
        } else {
            var i = utf8.startIndex
            while i < utf8.endIndex {
                if utf8[i] == separator {
                    out.append(self[start..<i])
                    start = utf8.index(after: i)
                }
                i = utf8.index(after: i)
            }
        }
        out.append(self[start..<endIndex])
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
        let pattern = Array(needle.utf8)
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
        return Array(utf8).withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }.containsUTF8(needle)
    }
}
