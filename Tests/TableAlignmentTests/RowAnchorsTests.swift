@testable import TableAlignment
import Testing

/// Where each row's label begins (`RowAnchors`): the lines a row's values may stand on.
@Suite struct RowAnchorsTests {
    static func anchors(_ labels: [String], _ lines: [String]) -> [Int?] {
        RowAnchors.find(labels: labels, keys: lines.map { LabelMatching.key($0) }, in: 0..<lines.count)
    }

    /// 表三's `7.属于行政执法案卷` and `8.属于行政查询事项` share four characters: the slip allowed for OCR once let the
    /// second label find the first one's line (PyMuPDF's text of a held-out report: every row after it lost its values).
    @Test func aLabelIsFoundExactlyBeforeWithASlip() {
        let lines = ["7.属于行政执法案卷2", "3", "8", "13", "8.属于行政查询事项", "1", "2", "7"]
        #expect(Self.anchors(["7.属于行政执法案卷", "8.属于行政查询事项"], lines) == [0, 4])
    }

    /// A label that OCR read with one character wrong is still found, where no line holds it exactly.
    @Test func aLabelWithOneOCRSlipIsFound() {
        let lines = ["6.属于四类过程性信息", "0", "7.属于行玫执法案卷", "0", "8.属于行政查询事项", "0"]
        #expect(Self.anchors(["6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"], lines) == [0, 2, 4])
    }

    /// A label wrapped into a narrow column, two characters a line (`w3m -dump` of a page whose label column is
    /// narrow), values on one of its lines: found on its first line by reading on into the next.
    @Test func aLabelWrappedAFewCharactersALineIsFound() {
        let lines = ["1.属", "于国 4      4", "家秘", "密", "2.其", "他法", "律行", "政法     3    3", "规禁", "止公", "开"]
        let labels = ["1.属于国家秘密", "2.其他法律行政法规禁止公开"]
        #expect(Self.anchors(labels, lines) == [0, 4])
        // Not in a table OCR read, whose fragments are found there too.
        #expect(RowAnchors.find(labels: labels, keys: lines.map { LabelMatching.key($0) }, in: 0..<lines.count, readsWrapped: false) == [nil, nil])
    }
}
