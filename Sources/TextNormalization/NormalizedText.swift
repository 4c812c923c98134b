import Synchronization

/// The normaliser's result: the text, every edit that made it, and the way back to source offsets.
public struct NormalizedText: Sendable {
    /// The normalised text as UTF-8 bytes (always valid UTF-8): the buffer the last pass wrote, without a copy.
    public var utf8: [UInt8] { storage.bytes }
    /// The normalised text, made from `utf8` on its first read and kept. (Making a `String` checks the UTF-8 again,
    /// about a tenth of the normaliser's time on report text: readers of the bytes, such as `nianbao normalize`,
    /// never pay it.)
    public var text: String { storage.string }
    private let storage: TextStorage
    /// Every change, in source order (each edit's strings are made when it is read).
    public var edits: NormalizationEdits
    /// Output offsets → source offsets (UTF-8 bytes).
    public var offsetMap: OffsetMap
    /// The encoding the input was read in (`UTF-8`, `UTF-16LE`, `GB18030`, …).
    public var sourceEncoding: String
    init(utf8: [UInt8], edits: NormalizationEdits, offsetMap: OffsetMap, sourceEncoding: String) {
        storage = TextStorage(bytes: utf8)
        self.edits = edits
        self.offsetMap = offsetMap
        self.sourceEncoding = sourceEncoding
    }

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
        utf8.withUnsafeBufferPointer(TextNormalization.lineStarts)
    }

    /// The source offset of an index of `text`.
    public func sourceOffset(of index: String.Index) -> Int {
        offsetMap.sourceOffset(forOutputOffset: text.utf8.distance(from: text.utf8.startIndex, to: index))
    }
}

/// The normalised bytes and the `String` made from them on first read, shared by the copies of a `NormalizedText`.
private final class TextStorage: Sendable {
    let bytes: [UInt8]
    private let made = Mutex<String?>(nil)

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    var string: String {
        made.withLock { made in
            if let made { return made }
            let string = String(decoding: bytes, as: UTF8.self)
            made = string
            return string
        }
    }
}
