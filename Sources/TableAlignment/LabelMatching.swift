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
            if folded.properties.isAlphabetic || folded.properties.numericType != nil { out.append(folded) }
        }
        return String(out)
    }
}
