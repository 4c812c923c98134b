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
}
