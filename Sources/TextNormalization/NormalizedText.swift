/// The normaliser's result: the text, every edit that made it, and the way back to source offsets.
public struct NormalizedText: Sendable {
    /// The normalised text.
    public var text: String
    /// Every change, in source order (each edit's strings are made when it is read).
    public var edits: NormalizationEdits
    /// Output offsets → source offsets (UTF-8 bytes).
    public var offsetMap: OffsetMap
    /// The encoding the input was read in (`UTF-8`, `UTF-16LE`, `GB18030`, …).
    public var sourceEncoding: String
    /// Byte offsets where the source's lines start.
    var sourceLineStarts: [Int] = [0]
    /// The lines of `text` (0-based) that start a page of the source: the line after each form feed (`\f`, which
    /// `pdftotext` writes between pages and the normaliser turns into a line break). Laid-out tables are spaced
    /// page by page, so the aligner reads each page's column positions apart.
    ///
    /// ```swift
    /// TextNormalizer().normalize("a\n\u{0C}b\n").pageStartLines   // [2]
    /// ```
    public var pageStartLines: [Int] = []

    /// `pageStartLines` inside a stretch of lines, counted from its first line (one report of several in a file).
    public func pageStartLines(in lines: Range<Int>) -> [Int] {
        pageStartLines.filter { lines.contains($0) }.map { $0 - lines.lowerBound }
    }

    /// The 1-based source line of an offset (UTF-8 bytes) of `text`.
    public func sourceLine(forOutputOffset offset: Int) -> Int {
        let source = offsetMap.sourceOffset(forOutputOffset: offset)
        var low = 0
        var high = sourceLineStarts.count
        while low < high {
            let mid = (low + high) / 2
            if sourceLineStarts[mid] <= source { low = mid + 1 } else { high = mid }
        }
        return max(1, low)
    }

    /// The offsets (UTF-8 bytes) of `text` where its lines start, the first line's 0 included.
    ///
    /// ```swift
    /// TextNormalizer().normalize("a\nbc\n").lineStarts()   // [0, 2, 5]
    /// ```
    public func lineStarts() -> [Int] {
        var text = text
        return text.withUTF8(TextNormalization.lineStarts)
    }

    /// The source offset of an index of `text`.
    public func sourceOffset(of index: String.Index) -> Int {
        offsetMap.sourceOffset(forOutputOffset: text.utf8.distance(from: text.utf8.startIndex, to: index))
    }
}
