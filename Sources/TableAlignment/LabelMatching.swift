import FuzzyMatching

/// Label comparison helpers shared by the aligner's steps.
enum LabelMatching {
    /// The matching key of a label: letters, digits and Han only, full-width folded (`（一） 予以公开` → `一予以公开`).
    static func key(_ s: some StringProtocol) -> String {
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            var v = scalar.value
            if (0xFF10...0xFF5A).contains(v) { v -= 0xFEE0 }
            guard let folded = Unicode.Scalar(v) else { continue }
            // Fast paths for the scalars labels are made of; Unicode properties for everything else.
            if v < 0x80 {
                if (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) { out.append(folded) }
            } else if (0x4E00...0x9FFF).contains(v) {
                out.append(folded)  // CJK Unified Ideographs: all alphabetic
            } else if folded.properties.isAlphabetic || folded.properties.numericType != nil {
                out.append(folded)
            }
        }
        return String(out)
    }

    /// The matching key of every line, computed once per text and shared by the aligner's steps; lines too long
    /// to be a heading or a label (prose dumps) get an empty key.
    static func keys(of lines: [Substring]) -> [String] {
        lines.map { line in
            line.utf8.count > 4 * TableAligner.maximumLabelLineLength
                || (line.utf8.count > TableAligner.maximumLabelLineLength && line.unicodeScalars.count > TableAligner.maximumLabelLineLength)
                ? "" : key(line)
        }
    }
}
