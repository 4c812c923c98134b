/// Pass 9, numeric context: repairs inside numbers, and only there.
///
/// - Fixes: letters OCR reads for digits when digits stand on both sides (`1O5` → `105`, `2|0` → `210`: see
///   `DigitConfusionTable`); thousands separators (`1,234,567` → `1234567`, only for well-formed groups of three);
///   minus signs before a digit (`−18` → `-18`).
/// - Produces: numbers in plain ASCII digits that the parser can read.
/// - Never touches: letters in words (`Oct`, `IIS`), a confusable at a number's edge (`10l` stays), decimals,
///   comma lists that are not thousands groups (`1,2,3`), years and document numbers.
struct NumericContextPass: NormalizationPass {
    let name = NormalizationPassName.numericContext

    func apply(to input: UnsafeBufferPointer<UInt8>, configuration: NormalizationConfiguration)
        -> (output: [UInt8], splices: [Splice])?
    {
        var builder = SpliceBuilder(input: input)
        let n = input.count
        var i = 0
        while i < n {
            let b = input[i]
            if b >= 0x30 && b <= 0x39 {
                i = number(startingAt: i, input, &builder)
                continue
            }
            if b == 0xE2 || b == 0xEF {
                let (c, length) = decodeScalar(input, at: i)
                if let rule = DigitConfusionTable.minusSigns[c], i + length < n,
                    (0x30...0x39).contains(input[i + length])
                {
                    builder.replace(i..<(i + length), with: [0x2D], rule: rule)
                }
                i += length
                continue
            }
            i += 1
        }
        return builder.finish()
    }

    /// Scans the number that starts with the digit at `start`; returns where scanning goes on.
    private func number(startingAt start: Int, _ input: UnsafeBufferPointer<UInt8>, _ builder: inout SpliceBuilder)
        -> Int
    {
        let n = input.count
        // Is this digit glued to a letter or a decimal point before it (a word, a version, a decimal tail)?
        let gluedBefore =
            start > 0
            && (CharacterClass.isASCIILetter(UInt32(input[start - 1])) || input[start - 1] == 0x2E
                || input[start - 1] == 0x2C)
        // Token: digits and confusables, ending with a digit.
        var end = start
        var confusables: [(Range<Int>, UInt8)] = []
        var lastDigitEnd = start
        while end < n {
            let b = input[end]
            if b >= 0x30 && b <= 0x39 {
                end += 1
                lastDigitEnd = end
                continue
            }
            let (c, length) = b < 0x80 ? (UInt32(b), 1) : decodeScalar(input, at: end)
            guard let digit = DigitConfusionTable.digitFor[c] else { break }
            confusables.append((end..<(end + length), digit))
            end += length
        }
        // Only confusables with a real digit after them (inside the token) are inside the number.
        let inside = confusables.filter { $0.0.upperBound < lastDigitEnd }
        let followedByLetter = lastDigitEnd < n && CharacterClass.isASCIILetter(UInt32(input[lastDigitEnd]))
        if !inside.isEmpty && !gluedBefore && !followedByLetter {
            for (range, digit) in inside {
                builder.replace(range, with: CollectionOfOne(digit), rule: "digit-confusion")
            }
        }
        var i = lastDigitEnd
        if !gluedBefore, inside.isEmpty || !followedByLetter {
            i = thousands(groupStart: start, firstGroupEnd: lastDigitEnd, input, &builder)
        }
        return i
    }

    /// `1,234,567`: removes the commas when every group after the first has exactly three digits, the first has
    /// one to three, and no digit or comma-digit follows.
    private func thousands(groupStart: Int, firstGroupEnd: Int, _ input: UnsafeBufferPointer<UInt8>,
                           _ builder: inout SpliceBuilder) -> Int
    {
        let n = input.count
        let firstLength = firstGroupEnd - groupStart
        guard firstLength <= 3, firstGroupEnd < n, input[firstGroupEnd] == 0x2C else { return firstGroupEnd }
        var commas: [Int] = []
        var k = firstGroupEnd
        while k + 3 < n, input[k] == 0x2C, (k + 1...k + 3).allSatisfy({ (0x30...0x39).contains(input[$0]) }) {
            commas.append(k)
            k += 4
        }
        guard !commas.isEmpty, k >= n || !(0x30...0x39).contains(input[k]) else { return firstGroupEnd }
        for comma in commas { builder.replace(comma..<(comma + 1), with: [], rule: "thousands-separator") }
        return k
    }
}
