
/// Where each template row's label begins in a table region, found in template order.
///
/// In line-structured text (`pdftotext -layout`, tab-separated cells) a row's values stand on or after the line
/// where its label begins and before the next row's label begins; the segmenter uses these intervals to place
/// rows whose cells are all blank and lines whose values could fit several rows.
enum RowAnchors {
    /// The number of leading label characters compared (labels wrap after 5–12 characters in narrow columns).
    static let prefixLength = 5
    /// A label wrapped a few characters a line is read on over at most this many lines, and this many characters
    /// past its prefix (other columns' text interleaves with its lines).
    static let wrapLines = 6
    static let wrapSlack = 8

    /// For each label (in template order), the line its beginning was found on, or nil.
    /// `readsWrapped`: whether a label wrapped a few characters a line is looked for across its lines (not in a table
    /// OCR read: its fragments are found there too, and bind rows to lines whose values OCR split or glued, which
    /// cost the JPEG scans five cells).
    static func find(labels: [String], keys lineKeys: [String], in region: Range<Int>, readsWrapped: Bool = true) -> [Int?] {
        let keys = region.map { LabelMatching.scalars(lineKeys[$0]) }
        var anchors: [Int?] = []
        var from = 0
        for label in labels {
            let prefix = Array(LabelMatching.key(label).unicodeScalars.prefix(prefixLength))
            guard prefix.count >= 2 else {
                anchors.append(nil)
                continue
            }
            // The first line from the previous anchor on that holds the prefix exactly; else, with one OCR slip.
            // Exactly first: neighbouring labels share four characters (`7.属于行政执法案卷`, `8.属于行政查询事项`),
            // and the slip allowed one label would find its neighbour's line.
            var found = (from..<keys.count).first { holds(prefix, in: keys[$0], slips: 0) }
            if found == nil, prefix.count >= 5 { found = (from..<keys.count).first { holds(prefix, in: keys[$0], slips: 1) } }
            // A label wrapped into a narrow column, a few characters a line (`w3m` gives `1.属` / `于国` / `家秘` / `密`):
            // the lines' keys read on into the next lines', the label starting on the first. (Only from a line too
            // short to hold the prefix: a label that merely runs on to the next line starts a line of its own that
            // holds it; OCR's lines lost the cells measured so.)
            if found == nil, readsWrapped {
                found = (from..<keys.count).first { k in
                    guard !keys[k].isEmpty, keys[k].count < prefix.count else { return false }
                    let window = wrappedKey(keys, from: k, length: prefix.count + wrapSlack)
                    return window.count > keys[k].count && holds(prefix, in: window, slips: 0, startingBefore: keys[k].count)
                }
            }
            if let found {
                anchors.append(region.lowerBound + found)
                from = found  // the next label may begin on the same line (`三、本（一）予以公开`)
            } else {
                anchors.append(nil)
            }
        }
        return anchors
    }

    /// Whether `key` holds `prefix` with at most `slips` characters different (windows have the prefix's length, so
    /// an edit distance of at most 1 is at most one substitution), starting before `limit`.
    static func holds(_ prefix: [Unicode.Scalar], in key: [Unicode.Scalar], slips: Int, startingBefore limit: Int = .max) -> Bool {
        guard key.count >= prefix.count, limit >= 1 else { return false }
        for start in 0...min(key.count - prefix.count, limit - 1) {
            var mismatches = 0
            for j in 0..<prefix.count where key[start + j] != prefix[j] {
                mismatches += 1
                if mismatches > slips { break }
            }
            if mismatches <= slips { return true }
        }
        return false
    }

    /// Line `k`'s key read on into the next lines' (at most `wrapLines` lines) until it is `length` long: the
    /// next lines' digits left out, values standing beside the label's fragments.
    static func wrappedKey(_ keys: [[Unicode.Scalar]], from k: Int, length: Int) -> [Unicode.Scalar] {
        var window = keys[k]
        var next = k + 1
        while window.count < length, next < keys.count, next - k < wrapLines {
            window += keys[next].filter { !("0"..."9").contains($0) }
            next += 1
        }
        return window
    }

    /// The line interval of each row: from its anchor to the next anchored row's anchor (exclusive); nil when the
    /// row has no anchor.
    static func intervals(_ anchors: [Int?], regionEnd: Int) -> [Range<Int>?] {
        anchors.indices.map { i in
            guard let start = anchors[i] else { return nil }
            // The first later anchor past this one (searched in place: a compactMap built an array per row).
            var next = regionEnd
            for later in anchors[(i + 1)...] {
                if let later, later > start {
                    next = later
                    break
                }
            }
            return start..<max(start + 1, next)
        }
    }
}
