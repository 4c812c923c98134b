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
