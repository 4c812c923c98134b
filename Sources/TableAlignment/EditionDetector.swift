import CByteScan
import ReportModel

/// Tells the edition from the labels and columns a report prints, never from its year.
enum EditionDetector {
    /// Labels printed only by one edition, each with why it tells.
    static let markers: [(text: String, edition: Edition, note: String)] = [
        ("本年新制作数量", .edition2019, "2019 表二（一） column"),
        ("本年新公开数量", .edition2019, "2019 表二（一） column"),
        ("对外公开总数量", .edition2019, "2019 表二（一） column"),
        ("上一年项目数量", .edition2019, "2019 表二（五）（六）（八） column"),
        ("其他对外管理服务事项", .edition2019, "2019 表二（五） row"),
        ("采购项目数量", .edition2019, "2019 表二（九） column"),
        ("政府集中采购", .edition2019, "2019 表二（九） row"),
        ("本年制发件数", .edition2021, "2021 表二（一） column"),
        ("本年废止件数", .edition2021, "2021 表二（一） column"),
        ("现行有效件数", .edition2021, "2021 表二（一） column"),
        ("本年处理决定数量", .edition2021, "2021 表二（五）（六） column"),
        ("本年收费金额", .edition2021, "2021 表二（八） column"),
        ("逾期不补正", .edition2021, "2021 表三（六） sub-row"),
        ("逾期未按收费通知要求缴纳费用", .edition2021, "2021 表三（六） sub-row"),
    ]

    /// The matching keys of `markers`, as UTF-8.
    static let markerKeys = markers.map { Array(LabelMatching.key($0.text).utf8) }

    /// Whether `needle` occurs in `haystack` (UTF-8 bytes; a match of whole scalars, since UTF-8 is self-synchronising).
    static func bytes(_ haystack: [UInt8], contain needle: [UInt8]) -> Bool {
        haystack.withUnsafeBytes { h in needle.withUnsafeBytes { n in firstOffset(of: n, in: h) != nil } }
    }

    /// The offset of the first occurrence of `needle` in `haystack`, found by the C library's `memmem` (the keys
    /// are Han text: a first-byte search with memchr stops at nearly every character).
    static func firstOffset(of needle: UnsafeRawBufferPointer, in haystack: UnsafeRawBufferPointer) -> Int? {
        guard !needle.isEmpty else { return 0 }
        guard needle.count <= haystack.count, let base = haystack.baseAddress, let nbase = needle.baseAddress else { return nil }
        let offset = nb_find(base.assumingMemoryBound(to: UInt8.self), haystack.count, nbase.assumingMemoryBound(to: UInt8.self), needle.count)
        return (0...(haystack.count - needle.count)).contains(offset) ? offset : nil  // SIZE_MAX reads as -1
    }

    /// The edition with more markers in `text`, and a decision that says why (nil when no marker is present).
    static func detect(keys lineKeys: [String]) -> (Edition, AlignmentDecision)? {
        // All line keys in one buffer, back to back: a marker split over two lines (`上一年` / `项目数量`, a label
        // wrapped in its cell) is found too.
        var haystack: [UInt8] = []
        var lineEnds: [Int] = []
        lineEnds.reserveCapacity(lineKeys.count)
        for key in lineKeys {
            haystack.append(contentsOf: key.utf8)
            lineEnds.append(haystack.count)
        }
        var counts: [Edition: Int] = [:]
        var firstLine: [Edition: Int] = [:]
        haystack.withUnsafeBytes { h in
            for (marker, key) in zip(markers, markerKeys) {
                guard let offset = key.withUnsafeBytes({ n in firstOffset(of: n, in: h) }) else { continue }
                // The line whose end is the first one past the match (binary search).
                var low = 0
                var high = lineEnds.count - 1
                while low < high {
                    let mid = (low + high) / 2
                    if lineEnds[mid] > offset { high = mid } else { low = mid + 1 }
                }
                counts[marker.edition, default: 0] += 1
                firstLine[marker.edition] = min(firstLine[marker.edition] ?? low, low)
            }
        }
        let c2019 = counts[.edition2019] ?? 0
        let c2021 = counts[.edition2021] ?? 0
        guard c2019 + c2021 > 0 else { return nil }
        let edition: Edition = c2021 > c2019 ? .edition2021 : .edition2019
        let score = Double(max(c2019, c2021)) / Double(c2019 + c2021)
        let decision = AlignmentDecision(
            line: (firstLine[edition] ?? 0) + 1, raw: "\(c2019) markers of 2019, \(c2021) of 2021",
            chosen: "edition \(edition.rawValue)", score: score, reason: "labels and columns only one edition prints")
        return (edition, decision)
    }
}
