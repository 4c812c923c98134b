import CByteScan
import CICUShim

/// The normaliser: the façade of `TextNormalization`.
///
/// Runs the passes in order (decoding, invisible characters, markdown, table delimiters, page artifacts, split lines, width,
/// punctuation, CJK spacing, numeric context), each switchable in the configuration, and returns the text with
/// every edit located in the source. The passes run again on their own output while it changes (at most
/// `maximumRounds` rounds), so that normalising twice changes nothing.
///
/// ```swift
/// let result = TextNormalizer().normalize("(一) 予以公开\t０\n")
/// result.text                 // "（一）予以公开\t0\n"
/// result.edits.map(\.rule)    // ["chinese-pair", "chinese-pair", "space-between-han", "fullwidth-digit"]
/// ```
///
/// - Complexity: O(n log e) for n bytes and e edits; passes that find nothing to do cost one scan.
public struct TextNormalizer: Sendable {
    /// The switches the normaliser runs with.
    public var configuration: NormalizationConfiguration

    public init(configuration: NormalizationConfiguration = .default) {
        self.configuration = configuration
    }

    /// The most rounds of the passes: the first does the work, a second settles decisions that read what later
    /// passes changed; markup can take more, each round exposing the next (`|# ---` / `---|__`: the pipe table's
    /// delimiter row goes, then the heading mark, then the `__`, leaving `---`, a rule — four rounds). The rounds stop
    /// as soon as one changes nothing, so ordinary text takes one or two; eight is the cap against a cycle.
    static let maximumRounds = 8

    /// The passes after decoding, in order.
    static let passes: [any NormalizationPass] = [
        InvisibleCharactersPass(),
        MarkdownPass(),
        TableDelimitersPass(),
        PageArtifactsPass(),
        SplitLinesPass(),
        WidthFoldingPass(),
        PunctuationPass(),
        CJKSpacingPass(),
        NumericContextPass(),
    ]

    /// Normalises text that is already a Swift string (no decoding step).
    public func normalize(_ text: String) -> NormalizedText {
        run(source: Array(text.utf8), decoding: nil, encoding: "UTF-8")
    }

    /// Decodes raw bytes (UTF-8, UTF-16 with BOM, GB18030/GBK/Big5) and normalises them.
    ///
    /// - Throws: `NormalizationError` for invalid UTF-8 (unless lossy), binary input or an unknown encoding.
    public func normalize(bytes: [UInt8]) throws(NormalizationError) -> NormalizedText {
        let decoded = try DecodingPass().decode(bytes, configuration: configuration)
        if let splices = decoded.splices {
            // UTF-8 input: the raw bytes are the source, decoding is the first layer.
            return run(source: bytes, decoding: (decoded.bytes, splices), encoding: decoded.encoding)
        }
        return run(source: decoded.bytes, decoding: nil, encoding: decoded.encoding)
    }

    /// An edit as a pass made it: its texts are ranges of the log's byte buffer, its place not yet a line and column.
    private struct PendingEdit {
        var pass: NormalizationPassName
        var rule: String
        var sourceRange: Range<Int>
        var before: Range<Int>
        var after: Range<Int>
        var order: Int
    }

    private func run(source: [UInt8], decoding: ([UInt8], [Splice])?, encoding: String) -> NormalizedText {
        var map = OffsetMap(sourceLength: source.count)
        var pending: [PendingEdit] = []
        // The before and after texts of every edit, one after the other (`NormalizationEdits.bytes`).
        var texts: [UInt8] = []
        var current = source
        // The buffer the next pass writes into: the two swap after each pass that changes something. The first
        // swap leaves `spare` sharing the input's storage (the source, or the decoded bytes), which the second
        // write drops rather than copies.
        var spare: [UInt8] = []
        var writes = 0
        if let (bytes, splices) = decoding, !splices.isEmpty {
            for splice in splices {
                let start = texts.count
                texts.append(contentsOf: source[splice.inputRange].map { String(format: $0) }.joined().utf8)
                let middle = texts.count
                texts.append(contentsOf: bytes[splice.outputRange])
                pending.append(
                    PendingEdit(pass: .decoding, rule: splice.rule, sourceRange: splice.inputRange, before: start..<middle,
                                after: middle..<texts.count, order: 0))
            }
            map.append(splices)
            current = bytes
        }
        // Rounds until nothing changes: a pass decides on features that later passes change (spaces cjk-spacing
        // removes, widths the punctuation pass folds), so the passes run again on their own output until it is
        // stable — normalising twice must change nothing. Text that needs no edit costs one round.
        // The lines of `current`, split once for the passes that read lines, until a pass changes it.
        var lines = LineCache()
        for round in 0..<Self.maximumRounds {
            var changed = false
            for (index, pass) in Self.passes.enumerated() where configuration.isEnabled(pass.name) {
                guard let passEdits = current.withUnsafeBufferPointer({
                    pass.apply(to: $0, lines: &lines, configuration: configuration)
                })
                else { continue }
                lines = LineCache()
                if writes == 1 { spare = [] }
                writes += 1
                let splices = current.withUnsafeBufferPointer { passEdits.write($0, into: &spare) }
                changed = true
                var offsets: [Int] = []
                offsets.reserveCapacity(2 * splices.count)
                for splice in splices {
                    offsets.append(splice.inputRange.lowerBound)
                    offsets.append(splice.inputRange.upperBound)
                }
                let bounds = map.sourceOffsets(forSortedOutputOffsets: offsets)
                // The before and after texts of the pass's edits, copied into room made at the log's end in one go.
                var needed = 0
                for splice in splices { needed += splice.inputRange.count + splice.outputRange.count }
                var cursor = texts.count
                texts.append(contentsOf: repeatElement(0, count: needed))
                pending.reserveCapacity(pending.count + splices.count)
                let order = round * (Self.passes.count + 1) + index + 1
                current.withUnsafeBufferPointer { before in
                    spare.withUnsafeBufferPointer { after in
                        texts.withUnsafeMutableBufferPointer { log in
                            func keep(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
                                let start = cursor
                                if !range.isEmpty {
                                    (log.baseAddress! + start).update(from: bytes.baseAddress! + range.lowerBound, count: range.count)
                                }
                                cursor += range.count
                                return start..<cursor
                            }
                            for (k, splice) in splices.enumerated() {
                                let lower = bounds[2 * k]
                                pending.append(
                                    PendingEdit(
                                        pass: pass.name, rule: splice.rule,
                                        sourceRange: lower..<max(lower, bounds[2 * k + 1]),
                                        before: keep(before, splice.inputRange), after: keep(after, splice.outputRange),
                                        order: order))
                            }
                        }
                    }
                }
                map.append(splices)
                swap(&current, &spare)
            }
            if !changed { break }
        }
        let sourceLineStarts = source.withUnsafeBufferPointer(lineStarts)
        let edits = NormalizationEdits(
            records: Self.locate(pending, in: source, lineStarts: sourceLineStarts), bytes: texts)
        var result = NormalizedText(
            utf8: current, edits: edits, offsetMap: map, sourceEncoding: encoding)
        result.sourceLineStarts = sourceLineStarts
        result.pageStartLines = Self.pageStartLines(edits, map: map, text: current)
        return result
    }

    /// The lines of the normalised text that follow a form feed of the source (`NormalizedText.pageStartLines`).
    private static func pageStartLines(_ edits: NormalizationEdits, map: OffsetMap, text: [UInt8]) -> [Int] {
        let feeds = edits.sourceOffsets(ofRule: InvisibleCharacterTable.formFeedRule)
        guard !feeds.isEmpty else { return [] }
        let starts = text.withUnsafeBufferPointer(lineStarts)
        var lines: [Int] = []
        var line = 0
        for offset in map.outputOffsets(forSortedSourceOffsets: feeds) {
            // The line holding the feed's line break (or what it was joined into); the page starts on the next.
            while line + 1 < starts.count, starts[line + 1] <= offset { line += 1 }
            // (A feed at the text's end starts no page.)
            if line + 1 < starts.count, lines.last != line + 1 { lines.append(line + 1) }
        }
        return lines
    }

    /// Sorts edits into source order and gives each its line (from `lineStarts`, the source's) and column.
    private static func locate(_ pending: [PendingEdit], in source: [UInt8], lineStarts: [Int])
        -> [NormalizationEdits.Record]
    {
        // Source order, then pass order; ties keep the order the edits were made in. Each pass's edits are already
        // in source order, so the sort merges runs.
        var keys = pending.indices.map { (pending[$0].sourceRange.lowerBound, pending[$0].order, $0) }
        keys.sort { $0 < $1 }
        var edits: [NormalizationEdits.Record] = []
        edits.reserveCapacity(keys.count)
        source.withUnsafeBufferPointer { bytes in
            var line = 1  // 1-based: the line starting at lineStarts[line - 1]
            var column = 1
            var position = 0
            for (_, _, index) in keys {
                let edit = pending[index]
                let target = min(edit.sourceRange.lowerBound, bytes.count)
                if position < target {
                    // The column counts the scalars since the line's start, or since the last edit on the same line.
                    var columnFrom = position
                    if line < lineStarts.count, lineStarts[line] <= target {
                        while line < lineStarts.count, lineStarts[line] <= target { line += 1 }
                        column = 1
                        columnFrom = lineStarts[line - 1]
                    }
                    column += nb_count_scalars(bytes.baseAddress! + columnFrom, target - columnFrom)
                    position = target
                }
                edits.append(
                    NormalizationEdits.Record(
                        pass: edit.pass, rule: edit.rule, sourceRange: edit.sourceRange, line: line, column: column,
                        before: edit.before, after: edit.after))
            }
        }
        return edits
    }
}

extension String {
    /// `\xNN` for a raw byte in an edit's "before" text.
    fileprivate init(format byte: UInt8) {
        let hex = String(byte, radix: 16, uppercase: true)
        self = "\\x" + (hex.count == 1 ? "0" + hex : hex)
    }
}

extension TextNormalizer {
    /// The Chinese charset (GB18030, GBK, Big5, UTF-16…) ICU's detector names for bytes that are not UTF-8, or nil
    /// when they are UTF-8 or the detector is not confident. For readers that decode on their own (HTML pages
    /// without a declared charset).
    ///
    /// ```swift
    /// TextNormalizer.detectedEncoding(gbkBytes)   // "GB18030"
    /// ```
    public static func detectedEncoding(_ bytes: [UInt8]) -> String? {
        guard String(validating: bytes, as: UTF8.self) == nil, let guess = DecodingPass.detect(bytes),
            DecodingPass.isChineseCharset(guess)
        else { return nil }
        return guess
    }

    /// ICU's NFKC of UTF-8 bytes (C++ `Normalizer2::normalizeUTF8`): the speed baseline the benchmarks compare the
    /// normaliser with. Not part of normalisation: blanket NFKC is lossy for reports (㎡ → m2).
    public static func icuNFKC(_ bytes: [UInt8]) -> [UInt8] {
        var capacity = bytes.count + bytes.count / 4 + 16
        while true {
            var out = [UInt8](repeating: 0, count: capacity)
            let length = bytes.withUnsafeBufferPointer { source in
                out.withUnsafeMutableBufferPointer { destination in
                    source.withMemoryRebound(to: CChar.self) { s in
                        destination.withMemoryRebound(to: CChar.self) { d in
                            nb_nfkc_utf8(s.baseAddress, Int64(s.count), d.baseAddress, Int64(d.count))
                        }
                    }
                }
            }
            if length < 0 { return [] }
            if Int(length) <= capacity {
                out.removeSubrange(Int(length)...)
                return out
            }
            capacity = Int(length)
        }
    }
}
