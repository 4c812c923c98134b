import FuzzyMatching

/// Label comparison helpers shared by the aligner's steps.
enum LabelMatching {
    /// The matching key of a label: letters, digits and Han only, full-width folded (`（一） 予以公开` → `一予以公开`).
    static func key(_ s: some StringProtocol) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        var scalarBytes: [UInt8] = []
        for scalar in s.unicodeScalars {
            var v = scalar.value
            if (0xFF10...0xFF5A).contains(v) { v -= 0xFEE0 }
            // Fast paths for the scalars labels are made of; Unicode properties for everything else.
            if v < 0x80 {
                if (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) { out.append(UInt8(v)) }
                continue
            }
            guard let folded = Unicode.Scalar(v) else { continue }
            if (0x4E00...0x9FFF).contains(v) || folded.properties.isAlphabetic || folded.properties.numericType != nil {
                // CJK Unified Ideographs are all alphabetic; anything else asks its properties.
                scalarBytes.removeAll(keepingCapacity: true)
                UTF8.encode(folded) { scalarBytes.append($0) }
                out += scalarBytes
            }
        }
        return String(decoding: out, as: UTF8.self)
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
