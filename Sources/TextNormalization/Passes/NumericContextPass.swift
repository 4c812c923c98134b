import ReportModel

/// Pass 10, numeric context: repairs inside numbers, and only there.
///
/// - Fixes: letters OCR reads for digits when digits stand on both sides (`1O5` → `105`, `2|0` → `210`: see
///   `DigitConfusionTable`); thousands separators (`1,234,567` → `1234567`, only for well-formed groups of three);
///   minus signs before a digit (`−18` → `-18`).
/// - Produces: numbers in plain ASCII digits that the parser can read.
/// - Never touches: letters in words (`Oct`, `IIS`), a confusable at a number's edge (`10l` stays), decimals,
///   comma lists that are not thousands groups (`1,2,3`), years and document numbers, bars that separate cells
///   (two or more among a run of digits and right around it: `5|52|4`, `|0|0|`, a markdown table's rows joined).
struct NumericContextPass: NormalizationPass {
    let name = NormalizationPassName.numericContext

    func apply(to input: UnsafeBufferPointer<UInt8>, lines cache: inout LineCache, configuration: NormalizationConfiguration)
        -> PassEdits?
    {
        var builder = SpliceBuilder(input: input)
        let skipping = ByteKernel.isSkipping
        let n = input.count
        var i = 0
        var limit = 0  // where to ask the kernel again (past the character it found)
        while i < n {
            if i >= limit {
                var next = input.nextCandidate(from: i, .numeric, skipping: skipping)
                // A number is read from its first digit: back to the start of the digit run the candidate is in.
                while next > i, (0x30...0x39).contains(input[next - 1]) { next -= 1 }
                i = next
                limit = i + 1
                if i >= n { break }
            }
            let b = input[i]
            if b >= 0x30 && b <= 0x39 {
                // Fast path: a plain run of digits not followed by a comma or a confusable needs nothing.
                var end = i + 1
                while end < n, input[end] >= 0x30, input[end] <= 0x39 { end += 1 }
                if end == n || !Self.mayContinueNumber(input[end]) {
                    i = end
                    continue
                }
                i = number(startingAt: i, input, &builder)
                continue
            }
            if b == 0xE2 || b == 0xEF {
                let (c, length) = decodeScalar(input, at: i)
                // The digit first: most of these characters are full-width punctuation, looked up for nothing.
                if i + length < n, (0x30...0x39).contains(input[i + length]), let rule = DigitConfusionTable.minusSigns[c] {
                    builder.replace(i..<(i + length), with: [0x2D], rule: rule)
                }
                i += length
                continue
            }
            i += 1
        }
        return builder.finish()
    }

    /// Bytes after a digit run that may make it a longer token: `,`, the ASCII confusables, and the lead byte of `〇`.
    @inline(__always)
    static func mayContinueNumber(_ b: UInt8) -> Bool {
        b == 0x2C || b == 0x4F || b == 0x6F || b == 0x6C || b == 0x49 || b == 0x7C || b == 0xE3
    }

    /// One character of a number token: a digit, a confusable standing for a digit, or a comma.
    private struct TokenCharacter {
        var range: Range<Int>
        var digit: UInt8?  // the digit it is or stands for; nil for a comma
        var isConfusable: Bool
    }

    /// How many `|` among and around digits make them cell separators rather than 1s (`2|0` is 210; `5|52|4` and
    /// `|0|0|` are cells).
    static let barsInARow = 2

    /// Scans the number token that starts with the digit at `start` (digits, confusables and commas); fixes the
    /// confusables that stand between real digits and removes well-formed thousands separators. Returns where
    /// scanning goes on.
    private func number(startingAt start: Int, _ input: UnsafeBufferPointer<UInt8>, _ builder: inout SpliceBuilder)
        -> Int
    {
        let n = input.count
        var token: [TokenCharacter] = []
        var end = start
        while end < n {
            let b = input[end]
            if b >= 0x30 && b <= 0x39 {
                token.append(TokenCharacter(range: end..<(end + 1), digit: b, isConfusable: false))
                end += 1
                continue
            }
            if b == 0x2C {
                token.append(TokenCharacter(range: end..<(end + 1), digit: nil, isConfusable: false))
                end += 1
                continue
            }
            let (c, length) = b < 0x80 ? (UInt32(b), 1) : decodeScalar(input, at: end)
            guard let digit = DigitConfusionTable.digitFor[c] else { break }
            token.append(TokenCharacter(range: end..<(end + length), digit: digit, isConfusable: true))
            end += length
        }
        // The token ends at its last real digit; what follows is not part of the number.
        while let last = token.last, last.digit == nil || last.isConfusable { token.removeLast() }
        let tokenEnd = token.last!.range.upperBound
        // A number glued to a word, a decimal point or a list before it, or to a letter after it, is left alone.
        let before = start > 0 ? input[start - 1] : 0x20
        let after = tokenEnd < n ? input[tokenEnd] : 0x20
        if CharacterClass.isASCIILetter(UInt32(before)) || before == 0x2E || before == 0x2C
            || CharacterClass.isASCIILetter(UInt32(after))
        {
            return tokenEnd
        }
        // Two bars or more among the digits and right around them are a row of pipe-separated cells (`5|52|4|46`,
        // `|0|0|`: a markdown table's rows joined into one line, where the markdown pass no longer sees a table),
        // not a number with its 1s misread.
        func isBar(_ k: Int) -> Bool { token[k].isConfusable && input[token[k].range.lowerBound] == 0x7C }
        let bars = token.indices.filter(isBar).count
            + (before == 0x7C ? 1 : 0) + (after == 0x7C ? 1 : 0)
        let barsSeparateCells = bars >= Self.barsInARow
        // Confusables with a real digit before and after them in the same comma-free run.
        var fixes: [Int] = []
        var runStart = 0
        for k in 0...token.count {
            guard k == token.count || token[k].digit == nil else { continue }
            let run = runStart..<k
            if let firstReal = run.first(where: { !token[$0].isConfusable }),
                let lastReal = run.last(where: { !token[$0].isConfusable })
            {
                fixes += run.filter {
                    token[$0].isConfusable && $0 > firstReal && $0 < lastReal && !(barsSeparateCells && isBar($0))
                }
            }
            runStart = k + 1
        }
        // Thousands separators: groups (as fixed) of 1–3 digits, then exactly 3.
        let groups = token.split { $0.digit == nil }
        let fixedSet = Set(fixes)
        let commas = token.indices.filter { token[$0].digit == nil }
        var isThousands = !commas.isEmpty && groups.count == commas.count + 1
        if isThousands {
            for (g, group) in groups.enumerated() {
                let allDigits = group.indices.allSatisfy { !token[$0].isConfusable || fixedSet.contains($0) }
                if !allDigits || (g == 0 ? !(1...3).contains(group.count) : group.count != 3) { isThousands = false }
            }
        }
        var edits: [(Int, String)] = fixes.map { ($0, "digit-confusion") }
        if isThousands { edits += commas.map { ($0, "thousands-separator") } }
        for (k, rule) in edits.sorted(by: { $0.0 < $1.0 }) {
            let replacement: [UInt8] = token[k].digit.map { [$0] } ?? []
            builder.replace(token[k].range, with: replacement, rule: rule)
        }
        return tokenEnd
    }
}
