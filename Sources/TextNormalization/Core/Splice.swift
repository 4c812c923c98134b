/// One replacement a pass made: input bytes `inputRange` became output bytes `outputRange`, under `rule`.
struct Splice: Sendable, Hashable {
    var inputRange: Range<Int>
    var outputRange: Range<Int>
    var rule: String
}

/// Builds a pass's output from its input plus replacements given in increasing, non-overlapping input order.
///
/// Unchanged stretches are copied in bulk, so a pass that changes little costs little more than a scan.
struct SpliceBuilder {
    let input: UnsafeBufferPointer<UInt8>
    private(set) var output: [UInt8] = []
    private(set) var splices: [Splice] = []
    private var cursor = 0

    init(input: UnsafeBufferPointer<UInt8>) {
        self.input = input
    }

    /// Replaces `range` of the input (at or after everything replaced so far) with `replacement`.
    mutating func replace(_ range: Range<Int>, with replacement: some Collection<UInt8>, rule: String) {
        precondition(range.lowerBound >= cursor, "splices must be in input order")
        if output.isEmpty { output.reserveCapacity(input.count + 16) }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: input[cursor..<range.lowerBound]))
        let outStart = output.count
        output.append(contentsOf: replacement)
        splices.append(Splice(inputRange: range, outputRange: outStart..<output.count, rule: rule))
        cursor = range.upperBound
    }

    /// The pass's result, or nil when it changed nothing (the caller keeps its input).
    mutating func finish() -> (output: [UInt8], splices: [Splice])? {
        guard !splices.isEmpty else { return nil }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: input[cursor..<input.count]))
        return (output, splices)
    }
}
