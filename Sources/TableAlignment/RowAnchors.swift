
/// Where each template row's label begins in a table region, found in template order.
///
/// In line-structured text (`pdftotext -layout`, tab-separated cells) a row's values stand on or after the line
/// where its label begins and before the next row's label begins; the segmenter uses these intervals to place
/// rows whose cells are all blank and lines whose values could fit several rows.
enum RowAnchors {
    /// The number of leading label characters compared (labels wrap after 5–12 characters in narrow columns).
    static let prefixLength = 5

    /// For each label (in template order), the line its beginning was found on, or nil.
    static func find(labels: [String], keys lineKeys: [String], in region: Range<Int>) -> [Int?] {
        let keys = region.map { Array(lineKeys[$0].unicodeScalars) }
        var anchors: [Int?] = []
        var from = 0
        for label in labels {
            let prefix = Array(LabelMatching.key(label).unicodeScalars.prefix(prefixLength))
            guard prefix.count >= 2 else {
                anchors.append(nil)
                continue
            }
            // The first line from the previous anchor on that holds the prefix exactly; else, with one OCR slip
            // (windows have the prefix's length, so an edit distance of at most 1 is at most one substitution).
            // Exactly first: neighbouring labels share four characters (`7.属于行政执法案卷`, `8.属于行政查询事项`),
            // and the slip allowed one label would find its neighbour's line.
            func holdsPrefix(_ key: [Unicode.Scalar], allowed: Int) -> Bool {
                guard key.count >= prefix.count else { return false }
                for start in 0...(key.count - prefix.count) {
                    var mismatches = 0
                    for j in 0..<prefix.count where key[start + j] != prefix[j] {
                        mismatches += 1
                        if mismatches > allowed { break }
                    }
                    if mismatches <= allowed { return true }
                }
                return false
            }
            var found = (from..<keys.count).first { holdsPrefix(keys[$0], allowed: 0) }
            if found == nil, prefix.count >= 5 { found = (from..<keys.count).first { holdsPrefix(keys[$0], allowed: 1) } }
            if let found {
                anchors.append(region.lowerBound + found)
                from = found  // the next label may begin on the same line (`三、本（一）予以公开`)
            } else {
                anchors.append(nil)
            }
        }
        return anchors
    }

    /// The line interval of each row: from its anchor to the next anchored row's anchor (exclusive); nil when the
    /// row has no anchor.
    static func intervals(_ anchors: [Int?], regionEnd: Int) -> [Range<Int>?] {
        anchors.indices.map { i in
            guard let start = anchors[i] else { return nil }
            let next = anchors[(i + 1)...].compactMap { $0 }.first { $0 > start } ?? regionEnd
            return start..<max(start + 1, next)
        }
    }
}
