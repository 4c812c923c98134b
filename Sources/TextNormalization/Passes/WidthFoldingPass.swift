import ReportModel

/// Pass 7, width and compatibility: one code point for each character a reader sees.
///
/// - Fixes: full-width Latin letters and digits (`２０１９` → `2019`, `Ｅ` → `E`); Kangxi radicals and compatibility
///   ideographs (`⼀` → `一`, via `CompatibilityIdeographTable`); CJK Radicals Supplement forms (`⻄` → `西`, via
///   `RadicalSupplementTable`); enclosed numbers per policy (`㈠` → `（一）`, `⑴` → `（1）`, see
///   `EnclosedNumberTable`).
/// - Produces: text in which every letter, digit and ideograph has its unified, half-width code point.
/// - Never touches: full-width punctuation (the punctuation pass decides), units and symbols that NFKC would
///   flatten (㎡ ² ℃ ‰ Ⅳ), half-width katakana.
struct WidthFoldingPass: NormalizationPass {
    let name = NormalizationPassName.widthFolding

    func apply(to input: UnsafeBufferPointer<UInt8>, lines cache: inout LineCache, configuration: NormalizationConfiguration)
        -> PassEdits?
    {
        var builder = SpliceBuilder(input: input)
        let skipping = ByteKernel.isSkipping
        let n = input.count
        var i = 0
        var scratch: [UInt8] = []
        var limit = 0  // where to ask the kernel again (past the character it found)
        while i < n {
            if i >= limit {
                i = input.nextCandidate(from: i, .width, skipping: skipping)
                limit = i + 1
                if i >= n { break }
            }
            let b = input[i]
            // Only E2 (U+2000–2FFF), E3 (U+3000–3FFF), EF (U+F000–FFFF) and F0 (U+10000–3FFFF) can start a
            // character this pass rewrites; everything else is skipped a byte at a time.
            guard b == 0xE2 || b == 0xE3 || b == 0xEF || b == 0xF0 else {
                i += 1
                continue
            }
            let (c, length) = decodeScalar(input, at: i)
            let range = i..<(i + length)
            i += length
            switch c {
            case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A:
                builder.replace(range, with: CollectionOfOne(UInt8(c - 0xFEE0)),
                                rule: c <= 0xFF19 ? "fullwidth-digit" : "fullwidth-letter")
            case 0x2E80...0x2EFF:
                if let unified = RadicalSupplementTable.equivalents[c] {
                    scratch.removeAll(keepingCapacity: true)
                    appendScalar(unified, to: &scratch)
                    builder.replace(range, with: scratch, rule: "radical-supplement")
                }
            case 0x2F00...0x2FD5, 0xF900...0xFAFF, 0x2F800...0x2FA1F:
                if let unified = CompatibilityIdeographTable.mapping[c] {
                    scratch.removeAll(keepingCapacity: true)
                    appendScalar(unified, to: &scratch)
                    builder.replace(range, with: scratch, rule: CompatibilityIdeographTable.rule(for: c))
                }
            case 0x2460...0x249B, 0x3220...0x3229:
                if let (text, rule) = EnclosedNumberTable.replacement(for: c, policy: configuration.punctuationPolicy) {
                    builder.replace(range, with: text.utf8, rule: rule)
                }
            default:
                break
            }
        }
        return builder.finish()
    }
}
