import Foundation
import ReportModel
import ReportParsing
import ReportTemplates
import Testing
import _TestSupport

/// A report built from a seed's gold cells, every cell read.
func goldReport(_ seed: Int = 3) throws -> Report {
    let url = Fixtures.seedCases[seed].appendingPathComponent("gold.json")
    let gold = try JSONDecoder().decode(CellFile.self, from: Data(contentsOf: url))
    let cells = gold.cells.map { ReportCell(cell: $0, provenance: Provenance(line: 0, origin: .read)) }
    return Report(source: "report.txt", edition: gold.edition, year: gold.year, agency: gold.agency, cells: cells,
                  identities: [], flags: [])
}

/// The canonical text of a seed's gold, with line `n` (1-based) replaced by `replace(line)`.
func canonical(replacingLine n: Int? = nil, _ replace: (String) -> String = { $0 }) throws -> String {
    var lines = ReportRenderer.render(try goldReport()).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if let n { lines[n - 1] = replace(lines[n - 1]) }
    return lines.joined(separator: "\n")
}

func lineNumber(of prefix: String, in text: String) -> Int {
    text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix(prefix) }! + 1
}

@Suite struct ReportParserTests {
    @Test func parsesEveryCellOfTheRenderedGold() throws {
        let report = try ReportParser().parse(try canonical(), source: "report.txt")
        #expect(report.cells.count == 198)
        #expect(report.edition == .edition2019)
        #expect(report.agency == "田湖镇")
        #expect(report.year == 2020)
        #expect(report.cells.first { $0.column == "采购总金额" }?.value == 0.6579)
        #expect(report.identities.count == ReportTemplate.for(.edition2019).identities.count)
        #expect(report.identities.allSatisfy { $0.status == .pass })
    }

    @Test func wrongValueCountIsALocatedError() throws {
        let text = try canonical()
        let n = lineNumber(of: "三、本年度办理结果 / （七）总计", in: text)
        let broken = try canonical(replacingLine: n) { String($0.dropLast(2)) }
        #expect {
            try ReportParser().parse(broken, source: "report.txt")
        } throws: { error in
            (error as? ParseError)?.description == """
                error: expected 7 values in row '（七）总计', found 6
                  --> report.txt:\(n):1
                \(n) | 三、本年度办理结果 / （七）总计\t0\t0\t0\t0\t0\t0
                   | ^
                """
        }
    }

    @Test func aBadNumberPointsAtItsCell() throws {
        let text = try canonical()
        let n = lineNumber(of: "一、本年新收", in: text)
        let broken = try canonical(replacingLine: n) { $0.replacingOccurrences(of: "数量\t0", with: "数量\tO") }
        #expect {
            try ReportParser().parse(broken, source: "r.txt")
        } throws: { error in
            guard let e = error as? ParseError else { return false }
            return e.message == "expected a number in column '自然人' of row '一、本年新收政府信息公开申请数量', found 'O'"
                && e.line == n && e.column == 18
                && e.description.hasSuffix("   | " + String(repeating: "  ", count: 16) + "\t^")
        }
    }

    @Test func anUnexpectedRowLabelIsNamed() throws {
        let text = try canonical()
        let n = lineNumber(of: "四、结转下年度继续办理", in: text)
        let broken = try canonical(replacingLine: n) { $0.replacingOccurrences(of: "四、结转下年度继续办理", with: "四、结转下一年") }
        #expect {
            try ReportParser().parse(broken, source: "r.txt")
        } throws: { error in
            (error as? ParseError)?.message == "expected row '四、结转下年度继续办理', found '四、结转下一年'"
                && (error as? ParseError)?.line == n
        }
    }

    @Test func wrongColumnsAndStructureAreErrors() throws {
        let text = try canonical()
        let columns = lineNumber(of: "#columns\t自然人", in: text)
        let renamed = try canonical(replacingLine: columns) { $0.replacingOccurrences(of: "社会公益组织", with: "社会组织") }
        #expect(throws: ParseError.self) { try ReportParser().parse(renamed, source: "r.txt") }
        do {
            _ = try ReportParser().parse(renamed, source: "r.txt")
        } catch {
            #expect(error.message == "expected column '社会公益组织' of table 'requests', found '社会组织'")
            #expect(error.column == 24)  // `#columns` 8, tab, 自然人 3, tab, 商业企业 4, tab, 科研机构 4, tab
        }
        let unknown = try canonical(replacingLine: lineNumber(of: "#table review", in: text)) { _ in "#table appeals edition=2019" }
        do {
            _ = try ReportParser().parse(unknown, source: "r.txt")
            Issue.record("an unknown table parsed")
        } catch {
            #expect(error.message == "unknown table 'appeals' (expected active, requests or review)")
        }
        let unclosed = text.replacingOccurrences(of: "#end\n#table requests", with: "#table requests")
        do {
            _ = try ReportParser().parse(unclosed, source: "r.txt")
            Issue.record("an unclosed table parsed")
        } catch {
            #expect(error.message == "expected '#end' after the last row of table 'active'")
        }
        do {
            _ = try ReportParser().parse("一、总体情况\n没有表格。\n", source: "r.txt")
            Issue.record("text without tables parsed")
        } catch {
            #expect(error.message == "no '#table' block: expected the canonical tables (run 'nianbao align' first)")
        }
    }

    @Test func identityFailuresAreReportedWithTheirNumbers() throws {
        let text = try canonical()
        let n = lineNumber(of: "三、本年度办理结果 / （一）予以公开", in: text)
        let broken = try canonical(replacingLine: n) { _ in "三、本年度办理结果 / （一）予以公开\t2\t0\t0\t0\t0\t0\t3" }
        let report = try ReportParser().parse(broken, source: "r.txt")
        let failing = report.identities.filter { $0.status == .fail }
        #expect(failing.count == 3)  // the row sum, and the 自然人 and 总计 columns of （七）总计
        let row = failing.first { $0.identity.hasPrefix("（一）予以公开") }
        #expect(row?.expected == 3)
        #expect(row?.actual == 2)
        #expect(row?.cells.count == 7)
    }
}

@Suite struct TitleTests {
    @Test(arguments: [
        ("某某县石桥镇人民政府2020年政府信息公开工作年度报告", "某某县石桥镇人民政府", 2020),
        ("           某某县石桥镇人民政府 2020 年政府信息公开工作年度报告", "某某县石桥镇人民政府", 2020),
        ("# 贺兰县习岗镇 2020 年政府信息公开工作 年度报告", nil, nil),  // a markdown heading is not normalised text
    ] as [(String, String?, Int?)])
    func agencyAndYearComeFromTheTitle(_ title: String, _ agency: String?, _ year: Int?) throws {
        let report = try ReportParser().parse(title + "\n\n" + ReportRenderer.render(try goldReport()).split(separator: "\n").dropFirst(1).joined(separator: "\n"), source: "x")
        #expect(report.agency == agency)
        #expect(report.year == year)
    }
}
