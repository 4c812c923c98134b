#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ReportJSON {
    /// The report as `JSONEncoder` writes it with `[.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]`: the
    /// indented JSON of `nianbao parse --format json`, byte for byte.
    ///
    /// ```swift
    /// let text = ReportJSON.encodePretty(report)   // "{\n  \"cells\" : [\n    {\n      \"column\" : …"
    /// ```
    public static func encodePretty(_ report: Report) -> [UInt8] {
        prettyPrinted(encode(report))
    }

    /// Several reports as one indented JSON array, as `JSONEncoder` writes `[Report]`.
    public static func encodePretty(_ reports: [Report]) -> [UInt8] {
        var compact: [UInt8] = [UInt8(ascii: "[")]
        for (k, report) in reports.enumerated() {
            if k > 0 { compact.append(UInt8(ascii: ",")) }
            compact += encode(report)
        }
        compact.append(UInt8(ascii: "]"))
        return prettyPrinted(compact)
    }

    /// Compact JSON (no whitespace outside strings, as `encode` writes it) indented the way `JSONEncoder`'s
    /// `.prettyPrinted` does: each member and element on a line of its own, two spaces a level, ` : ` after a key,
    /// and an empty array or object as its brackets on two lines with an empty line between.
    ///
    /// Two walks: the first finds the brackets, commas and colons outside strings (strings are passed over with
    /// memchr from quote to quote) and the exact size; the second copies the text between them in one piece each,
    /// through a pointer.
    static func prettyPrinted(_ compact: [UInt8]) -> [UInt8] {
        compact.withUnsafeBufferPointer { input in
            // The structural bytes outside strings, and the output's size: the input's, and what each mark adds.
            var marks: [Int] = []
            marks.reserveCapacity(input.count / 16)
            var size = input.count
            var depth = 0
            var deepest = 0
            var i = 0
            let n = input.count
            while i < n {
                switch input[i] {
                case UInt8(ascii: "\""):
                    i = stringEnd(input, from: i + 1)
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    marks.append(i)
                    if i + 1 < n, input[i + 1] == input[i] &+ 2 {  // `{}` or `[]`: `}` and `]` follow their opener by 2
                        size += 2 + 2 * depth  // two line breaks and the indent between the brackets
                        i += 2
                        continue
                    }
                    depth += 1
                    deepest = max(deepest, depth)
                    size += 1 + 2 * depth
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    marks.append(i)
                    depth -= 1
                    size += 1 + 2 * depth
                case UInt8(ascii: ","):
                    marks.append(i)
                    size += 1 + 2 * depth
                case UInt8(ascii: ":"):
                    marks.append(i)
                    size += 2
                default:
                    break
                }
                i += 1
            }
            // A line break and the spaces of the deepest indent: each line break with its indent is copied from it.
            let breaks = [0x0A] + [UInt8](repeating: 0x20, count: 2 * deepest)
            return breaks.withUnsafeBufferPointer { breaks in
                [UInt8](unsafeUninitializedCapacity: max(size, 1)) { out, count in
                    let source = input.baseAddress!
                    var o = out.baseAddress!
                    var from = 0
                    var depth = 0
                    for mark in marks {
                        // The text since the last mark, in one piece.
                        if mark > from {
                            o.update(from: source + from, count: mark - from)
                            o += mark - from
                        }
                        let b = source[mark]
                        from = mark + 1
                        var lineBreak = true
                        switch b {
                        case UInt8(ascii: "{"), UInt8(ascii: "["):
                            o.pointee = b
                            o += 1
                            if mark + 1 < n, source[mark + 1] == b &+ 2 {
                                // Empty: an empty line, then the closing bracket at this level.
                                o.pointee = 0x0A
                                o += 1
                                o.update(from: breaks.baseAddress!, count: 1 + 2 * depth)
                                o += 1 + 2 * depth
                                o.pointee = b &+ 2
                                o += 1
                                from = mark + 2
                                lineBreak = false
                            } else {
                                depth += 1
                            }
                        case UInt8(ascii: "}"), UInt8(ascii: "]"):
                            depth -= 1
                            o.update(from: breaks.baseAddress!, count: 1 + 2 * depth)
                            o += 1 + 2 * depth
                            o.pointee = b
                            o += 1
                            lineBreak = false
                        case UInt8(ascii: ","):
                            o.pointee = b
                            o += 1
                        default:  // ":"
                            o[0] = 0x20
                            o[1] = b
                            o[2] = 0x20
                            o += 3
                            lineBreak = false
                        }
                        if lineBreak {
                            o.update(from: breaks.baseAddress!, count: 1 + 2 * depth)
                            o += 1 + 2 * depth
                        }
                    }
                    if n > from {
                        o.update(from: source + from, count: n - from)
                        o += n - from
                    }
                    count = out.baseAddress!.distance(to: o)
                    precondition(count == size, "the indented JSON has the size counted for it")
                }
            }
        }
    }

    /// The offset just after the closing quote of the string whose text starts at `start`: the next `"` (memchr)
    /// that an odd number of backslashes does not escape.
    private static func stringEnd(_ input: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        while i < input.count {
            guard let quote = firstQuote(input, from: i) else { return input.count }
            var backslashes = 0
            while quote - backslashes - 1 >= start, input[quote - backslashes - 1] == UInt8(ascii: "\\") { backslashes += 1 }
            if backslashes % 2 == 0 { return quote + 1 }
            i = quote + 1
        }
        return input.count
    }

    private static func firstQuote(_ input: UnsafeBufferPointer<UInt8>, from i: Int) -> Int? {
        guard i < input.count, let base = input.baseAddress,
            let hit = memchr(base + i, Int32(UInt8(ascii: "\"")), input.count - i)
        else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }
}
