/// One step of the normaliser. Each pass lives in its own file, whose doc comment says what it fixes, what it
/// produces and what it never touches.
protocol NormalizationPass: Sendable {
    /// The name used in edits, `--disable` and the configuration.
    var name: NormalizationPassName { get }
    /// Reads valid UTF-8 `input`; returns the replacements it makes, or nil when nothing changes. `cache` holds the
    /// lines of `input` once a pass has split it, for the passes after it that read the same text.
    func apply(to input: UnsafeBufferPointer<UInt8>, lines cache: inout LineCache, configuration: NormalizationConfiguration)
        -> PassEdits?
}

/// The lines of the text the passes read, split at most once for each version of the text: the passes that read
/// lines (markdown, table delimiters, page artifacts, split lines) share one split until one of them changes the text.
struct LineCache {
    private var lines: [Range<Int>]?

    /// The lines of `input` (`lineRanges`), split on the first call.
    mutating func ranges(of input: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        if let lines, lines.last?.upperBound == input.count { return lines }
        let split = lineRanges(input)
        lines = split
        return split
    }
}
