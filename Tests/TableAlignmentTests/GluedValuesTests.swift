@testable import TableAlignment
import TextNormalization
import Testing

/// Values a table tool left in their label's cell, a space apart (`行政许可 31 0`: pdfplumber's `extract_tables()`
/// merging a 表二 row's first cells).
@Suite struct GluedValuesTests {
    @Test func severalNumbersAfterALabelAreSplitOff() throws {
        let (label, numbers) = try #require(OCRCellRepairs.gluedValues("行政许可 31 0"))
        #expect(label == "行政许可" && numbers == ["31", "0"])
        #expect(OCRCellRepairs.gluedValues("行政处罚 155 -15")?.numbers == ["155", "-15"])
        #expect(OCRCellRepairs.gluedValues("3.危及“三安全一稳定” 2 1")?.numbers == ["2", "1"])
    }

    @Test func otherCellsAreLeftAlone() {
        #expect(OCRCellRepairs.gluedValues("规章 0") == nil)  // one number: gluedValue's
        #expect(OCRCellRepairs.gluedValues("31 0") == nil)  // no label
        #expect(OCRCellRepairs.gluedValues("第 3 页 共 5 页") == nil)
        #expect(OCRCellRepairs.gluedValues("行政许可 31 0.") == nil)
        #expect(OCRCellRepairs.gluedValues("2019 年 10 1") == nil)  // what ends before the numbers is no label
    }

    /// A tab-separated 表二 whose label cells hold their row's first values: each value in its column.
    @Test func aTableToolsMergedCellsAreRead() throws {
        let text = """
            某县2020年政府信息公开工作年度报告
            二、主动公开政府信息情况
            第二十条第（五）项\t\t\t
            信息内容 上一年项目数量 本\t年增/减\t\t处理决定数量
            行政许可 31 0\t\t\t0
            其他对外管理服务事项 7 2\t\t\t988

            """
        let report = try TableAligner().align(TextNormalizer().normalize(text).text)
        func value(_ row: String, _ column: String) -> Double? {
            report.cells.first { $0.cell.table == .active && $0.cell.row.hasSuffix(row) && $0.cell.column == column }?.cell.value
        }
        #expect(value("行政许可", "上一年项目数量") == 31)
        #expect(value("行政许可", "本年增/减") == 0)
        #expect(value("其他对外管理服务事项", "上一年项目数量") == 7)
        #expect(value("其他对外管理服务事项", "本年增/减") == 2)
        #expect(value("其他对外管理服务事项", "处理决定数量") == 988)
    }
}
