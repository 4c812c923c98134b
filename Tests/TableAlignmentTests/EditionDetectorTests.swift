import ReportModel
import Testing
import _TestSupport

@testable import TableAlignment

/// The edition detector's byte search, against a search written the obvious way, and the detector on line keys.
@Suite struct EditionDetectorTests {
    /// The first offset where `needle` occurs in `haystack`, trying every offset.
    static func naiveOffset(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        return (0...(haystack.count - needle.count)).first { Array(haystack[$0..<($0 + needle.count)]) == needle }
    }

    @Test func firstOffsetIsTheFirstOccurrence() {
        // Few distinct bytes, so that needles occur, occur twice, and almost occur.
        let alphabet: [UInt8] = Array("本年新制作数".utf8) + [0x20, 0x41]
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<3000 {
            let haystack = (0..<Int(generator.next() % 40)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            let needle: [UInt8] =
                if generator.next() % 2 == 0, !haystack.isEmpty {
                    // A piece of the haystack: found at least there.
                    { let a = Int(generator.next() % UInt64(haystack.count))
                      return Array(haystack[a..<min(haystack.count, a + 1 + Int(generator.next() % 6))]) }()
                } else {
                    (0..<(1 + Int(generator.next() % 5))).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
                }
            let found = haystack.withUnsafeBytes { h in needle.withUnsafeBytes { n in EditionDetector.firstOffset(of: n, in: h) } }
            #expect(found == Self.naiveOffset(needle, in: haystack), "\(needle) in \(haystack)")
        }
    }

    @Test func markersSplitOverTwoLinesAreFound() throws {
        let keys = ["二主动公开政府信息情况", "信息内容", "本年", "制发件数", "本年废止件数", "其他"].map { LabelMatching.key($0) }
        let (edition, decision) = try #require(EditionDetector.detect(keys: keys))
        #expect(edition == .edition2021)
        #expect(decision.raw == "0 markers of 2019, 2 of 2021")
        #expect(decision.line == 3, "the first marker starts on the third line")
        #expect(EditionDetector.detect(keys: ["本年新", "收政府信息公开申请数量"]) == nil)
    }
}
