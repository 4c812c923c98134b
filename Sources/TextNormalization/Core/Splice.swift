/// One replacement a pass made: input bytes `inputRange` became output bytes `outputRange`, under `rule`.
struct Splice: Sendable, Hashable {
    var inputRange: Range<Int>
    var outputRange: Range<Int>
    var rule: String
}

/// Collects a pass's replacements, given in increasing, non-overlapping input order.
///
/// The pass only records what changes (ranges and their replacement bytes); the normaliser writes the new text
/// into a buffer it reuses from pass to pass (`PassEdits.write(_:into:)`), so a pass that changes little costs
/// little more than its scan, and no pass allocates a copy of the text.
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

    /// Writes `input` with the edits applied into `output` (emptied first, its capacity kept) and returns the
    /// splices that locate each edit in both texts.
    func write(_ input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> [Splice] {
        output.removeAll(keepingCapacity: true)
        output.reserveCapacity(input.count + replacements.count)
        var splices: [Splice] = []
        splices.reserveCapacity(edits.count)
        var cursor = 0
        var replacementStart = 0
        replacements.withUnsafeBufferPointer { replacementBytes in
            for edit in edits {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: input[cursor..<edit.inputRange.lowerBound]))
                let outStart = output.count
                output.append(contentsOf: UnsafeBufferPointer(rebasing: replacementBytes[replacementStart..<edit.replacementEnd]))
                splices.append(Splice(inputRange: edit.inputRange, outputRange: outStart..<output.count, rule: edit.rule))
                cursor = edit.inputRange.upperBound
                replacementStart = edit.replacementEnd
            }
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: input[cursor..<input.count]))
        return splices
    }

    /// The edited text in a new array, with its splices.
    func applied(to input: UnsafeBufferPointer<UInt8>) -> (output: [UInt8], splices: [Splice]) {
        var output: [UInt8] = []
        let splices = write(input, into: &output)
        return (output, splices)
    }
}
