/// One replacement a pass made: input bytes `inputRange` became output bytes `outputRange`, under `rule`.
struct Splice: Sendable, Hashable {
    var inputRange: Range<Int>
    var outputRange: Range<Int>
    var rule: String
}

/// Collects a pass's replacements, given in increasing, non-overlapping input order.
///
/// The pass only records what changes (ranges and their replacement bytes); the normaliser writes the new text
/// (`PassEdits.applied(to:)`), so a pass that changes nothing costs only its scan.
struct SpliceBuilder {
    let input: UnsafeBufferPointer<UInt8>
    private var edits: [PassEdits.Edit] = []
    private var replacements: [UInt8] = []
    private var cursor = 0

    init(input: UnsafeBufferPointer<UInt8>) {
        self.input = input
    }

    /// Replaces `range` of the input (at or after everything replaced so far) with `replacement`.
    mutating func replace(_ range: Range<Int>, with replacement: some Collection<UInt8>, rule: String) {
        precondition(range.lowerBound >= cursor, "splices must be in input order")
        replacements.append(contentsOf: replacement)
        edits.append(PassEdits.Edit(inputRange: range, replacementEnd: replacements.count, rule: rule))
        cursor = range.upperBound
    }

    /// The pass's edits, or nil when it changed nothing (the caller keeps its input).
    func finish() -> PassEdits? {
        edits.isEmpty ? nil : PassEdits(edits: edits, replacements: replacements)
    }
}

/// The replacements one pass made, ready to be written out.
struct PassEdits {
    struct Edit {
        var inputRange: Range<Int>
        /// Where this edit's replacement ends in `replacements` (it starts where the previous one ends).
        var replacementEnd: Int
        var rule: String
    }

    var edits: [Edit]
    var replacements: [UInt8]

    /// `input` with the edits applied, and the splices that locate each edit in both texts.
    func applied(to input: UnsafeBufferPointer<UInt8>) -> (output: [UInt8], splices: [Splice]) {
        var output: [UInt8] = []
        let splices = write(input, into: &output)
        return (output, splices)
    }

    /// Writes `input` with the edits applied into `output` (overwriting what it held, reusing its storage), and
    /// returns the splices that locate each edit in both texts. The new text is copied piece by piece from the
    /// input and the replacements into the buffer, sized once: a text with many edits makes many small copies, and a
    /// buffer reused from pass to pass is not faulted in page by page again (on a 16 MB text a fresh buffer per pass
    /// cost about a tenth of the normaliser's time).
    func write(_ input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> [Splice] {
        var total = input.count + replacements.count
        for edit in edits { total -= edit.inputRange.count }
        // Sized once and then filled with memcpy (appending each piece cost a uniqueness and a capacity check per
        // piece). Every byte is written below, so what the buffer held stays where it is; only a buffer shorter
        // than the new text grows (by a zero fill).
        if output.capacity < total {
            // A fresh buffer (zeroed with memset), with room for the text to grow by a sixteenth: punctuation
            // grows it (`,` → `，`), and a buffer of the exact size would be made again at the next pass.
            output = [UInt8](repeating: 0, count: total + total / 16)
        }
        if output.count > total {
            output.removeSubrange(total...)
        } else if output.count < total {
            output.append(contentsOf: repeatElement(0, count: total - output.count))
        }
        var splices: [Splice] = []
        splices.reserveCapacity(edits.count)
        replacements.withUnsafeBufferPointer { replacementBytes in
            output.withUnsafeMutableBufferPointer { output in
                var written = 0
                func copy(_ from: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
                    guard !range.isEmpty else { return }
                    (output.baseAddress! + written).update(from: from.baseAddress! + range.lowerBound, count: range.count)
                    written += range.count
                }
                var cursor = 0
                var replacementStart = 0
                for edit in edits {
                    copy(input, cursor..<edit.inputRange.lowerBound)
                    let outStart = written
                    copy(replacementBytes, replacementStart..<edit.replacementEnd)
                    splices.append(Splice(inputRange: edit.inputRange, outputRange: outStart..<written, rule: edit.rule))
                    cursor = edit.inputRange.upperBound
                    replacementStart = edit.replacementEnd
                }
                copy(input, cursor..<input.count)
                precondition(written == total, "the edited text has the size its edits give")
            }
        }
        return splices
    }
}
