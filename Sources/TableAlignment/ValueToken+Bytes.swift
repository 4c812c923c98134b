/// Byte-level tests the value tokenizer runs on every line and cell before any string work.
extension ValueTokenizer {
    /// Whether the line holds a digit or a byte of a blank marker (`-` `/`, the last byte of `无` `—` `／`): read
    /// over the line's bytes in place rather than through the UTF-8 view's iterator.
    static func mayHoldToken(_ line: Substring) -> Bool {
        func opens(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x2F || b == 0xA0 || b == 0x94 || b == 0x8F }
        return line.utf8.withContiguousStorageIfAvailable { bytes in bytes.contains(where: opens) } ?? line.utf8.contains(where: opens)
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        // Most cells have no space at either end: decided on the bytes, without walking characters.
        if utf8.first != 0x20 && utf8.last != 0x20 { return self }
        var s = self
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return s
    }
}
