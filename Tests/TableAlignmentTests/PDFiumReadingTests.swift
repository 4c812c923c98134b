import ExtractionScoring
import Foundation
import ReportModel
import TableAlignment
import Testing
import _TestSupport

/// PDFium (pypdfium2's `get_text_range()`) prints each text object on a line of its own: an item number apart from
/// its point (`5` / `.` / `属于三…`) and, now and then, a value's digits as two objects (`1` / `4` for 14).
@Suite struct PDFiumReadingTests {
    /// c009's `5.属于三类内部事务信息` reads `…10` / `5` / `.` / `属于三` / … / `2 3 0 3 3 3` / `1` / `4`: the `5` is the
    /// label's, and `1` / `4` is the total 14 (the only join that makes the row's sum hold).
    @Test func itemNumbersApartAndValuesOnTwoLines() throws {
        let text = try String(contentsOf: Fixtures.directory.appendingPathComponent("corpus/c009_2019/pdfium.txt"), encoding: .utf8)
        #expect(text.contains("\r\n5\r\n.\r\n"))
        let (read, gold, _) = try corpusCells("c009_2019", "pdfium.txt") { $0.row.hasSuffix("5.属于三类内部事务信息") }
        #expect(gold.count == 7)
        #expect(read.map(\.cell) == gold)
        let total = try #require(read.first { $0.cell.column == "总计" })
        #expect(total.cell.value == 14)
        #expect((total.note ?? "").contains("digits on two lines joined (1 / 4)"), "\(total.note ?? "nil")")
        #expect(total.confidence < 1)
    }

    /// Lone digits before a point that stands before a number (`.5`), or a digit with no point after it, stay values.
    @Test func aDigitBeforeADecimalStaysAValue() throws {
        let (read, gold, _) = try corpusCells("c009_2019", "pdfium.txt") { $0.row.hasSuffix("6.属于四类过程性信息") }
        #expect(read.map(\.cell) == gold)
    }
}
