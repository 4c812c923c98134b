import ReportModel

/// Pass 2, invisible characters: the characters nobody can see but every matcher trips on.
///
/// - Fixes: zero-width characters, soft hyphens, bidi marks and BOMs inside the text (removed); NBSP, typographic
///   and ideographic spaces (to a space; an ideographic-space paragraph indent at the start of a line is removed);
///   controls (removed); CRLF, CR, form feed, vertical tab and LS/PS (to LF). See `InvisibleCharacterTable`.
/// - Produces: text whose only whitespace is space, tab and LF.
/// - Never touches: tabs (they separate table cells), ordinary spaces, U+FFFD.
struct InvisibleCharactersPass: NormalizationPass {
    let name = NormalizationPassName.invisibleCharacters

    func apply(to input: UnsafeBufferPointer<UInt8>, lines cache: inout LineCache, configuration: NormalizationConfiguration)
        -> PassEdits?
    {
        var builder = SpliceBuilder(input: input)
        let skipping = ByteKernel.isSkipping
        let n = input.count
        var i = 0
        var atLineStart = true
        var limit = 0  // where to ask the kernel again (past the character it found)
        while i < n {
            if i >= limit {
                let next = input.nextCandidate(from: i, .invisible, skipping: skipping)
                if next > i { atLineStart = input[next - 1] == 0x0A }
                i = next
                limit = next + 1
                if i >= n { break }
            }
            let b = input[i]
            // Fast path: printable ASCII and the Han block's lead bytes (E4–E9) are never invisible.
            if (b >= 0x20 && b < 0x7F) || (b >= 0xE4 && b <= 0xE9) {
                atLineStart = false
                i = min(n, i + sequenceLength(b))  // a Han character in one step (measured faster than a byte loop here)
                continue
            }
            if b == 0x0A || b == 0x09 {
                atLineStart = b == 0x0A
                i += 1
                continue
            }
            if b == 0x0D {
                let end = i + 1 < n && input[i + 1] == 0x0A ? i + 2 : i + 1
                builder.replace(i..<end, with: [0x0A], rule: end == i + 2 ? "crlf" : "cr")
                atLineStart = true
                i = end
                continue
            }
            let (c, length) = decodeScalar(input, at: i)
            guard let rule = InvisibleCharacterTable.rule(for: c) else {
                atLineStart = false
                i += length
                continue
            }
            switch rule.action {
            case .remove:
                builder.replace(i..<(i + length), with: [], rule: rule.rule)
            case .newline:
                builder.replace(i..<(i + length), with: [0x0A], rule: rule.rule)
                atLineStart = true
            case .space:
                if c == 0x3000 && atLineStart {
                    // A paragraph indent of ideographic spaces: drop it whole.
                    var end = i + length
                    while end + 2 < n, input[end] == 0xE3, input[end + 1] == 0x80, input[end + 2] == 0x80 { end += 3 }
                    builder.replace(i..<end, with: [], rule: "ideographic-indent")
                    i = end
                    continue
                }
                builder.replace(i..<(i + length), with: [0x20], rule: rule.rule)
            }
            i += length
        }
        return builder.finish()
    }
}
