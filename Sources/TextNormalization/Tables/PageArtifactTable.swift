/// Line shapes that are page furniture, not report text.
///
/// A candidate line (short, no tab) is reduced to a shape: each run of digits (ASCII or full-width) becomes `D`,
/// dashes of every width become `-`, slashes `/`, spaces vanish, Latin letters are lower-cased. A line whose shape is
/// listed here is removed by the page-artifacts pass. Each entry names where the shape comes from.
enum PageArtifactTable {
    static let shapes: [String: String] = [
        "-D-": "page-number",  // `- 3 -`, `— 3 —`, `－３－`: Word's default footer
        "--D--": "page-number",  // `—— 3 ——`
        "第D页": "page-number",  // `第 3 页`
        "第D页共D页": "page-of-pages",  // `第 3 页 共 5 页`
        "第D页,共D页": "page-of-pages",  // `第3页,共5页`
        "第D页，共D页": "page-of-pages",  // `第3页，共5页`
        "第D页/共D页": "page-of-pages",  // `第3页/共5页`
        "共D页第D页": "page-of-pages",  // `共 5 页 第 3 页`
        "D/D": "page-of-pages",  // `3/5` alone on a line (checked: first ≤ second)
        "pageD": "page-number",  // `Page 3`
        "pageDofD": "page-of-pages",  // `Page 3 of 5`
        "-D/D-": "page-of-pages",  // `- 3/5 -`
    ]

    /// The longest line (in bytes) that can be page furniture.
    static let maximumLineBytes = 48

    /// The shape of `scalars` and the numbers in it, or nil when the line has a character no shape uses.
    static func shape(of scalars: some Sequence<UInt32>) -> (shape: String, numbers: [Int])? {
        var shape = ""
        var numbers: [Int] = []
        var current: Int? = nil
        func flush() {
            if let value = current {
                numbers.append(value)
                shape += "D"
                current = nil
            }
        }
        for c in scalars {
            let digit: UInt32? =
                (0x30...0x39).contains(c) ? c - 0x30 : (0xFF10...0xFF19).contains(c) ? c - 0xFF10 : nil
            if let digit {
                current = min((current ?? 0) * 10 + Int(digit), 1_000_000)
                continue
            }
            flush()
            switch c {
            case 0x20, 0x09: continue
            case 0x2D, 0x2010...0x2015, 0x2212, 0xFE63, 0xFF0D, 0x2500, 0x2501: shape += "-"
            case 0x2F, 0xFF0F: shape += "/"
            case 0x41...0x5A: shape.unicodeScalars.append(Unicode.Scalar(c + 0x20)!)
            case 0x61...0x7A, 0x7B2C, 0x9875, 0x5171, 0x2C, 0xFF0C:  // letters 第 页 共 , ，
                shape.unicodeScalars.append(Unicode.Scalar(c)!)
            default: return nil
            }
        }
        flush()
        return (shape, numbers)
    }
}
