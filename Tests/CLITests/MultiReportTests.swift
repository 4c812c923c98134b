import Foundation
import Testing
import _TestSupport

/// Inputs that hold several reports, and HTML pages with tables that are not the report's.
@Suite struct MultiReportTests {
    static func twoReportPage() throws -> URL {
        // Page d (two unrelated tables before its report) with page c's report appended after a rule.
        let d = try Fixtures.text("html/d_zhen_2019/page.html")
        let c = try Fixtures.text("html/c_jiedao_2021/page.html")
        guard let open = c.range(of: "<body"), let start = c[open.upperBound...].firstIndex(of: ">"), let end = c.range(of: "</body>")
        else { throw CocoaError(.fileReadCorruptFile) }
        let page = d.replacingOccurrences(of: "</body>", with: "<hr/>" + c[c.index(after: start)..<end.lowerBound] + "</body>")
        let url = try CommandRunner.temporaryDirectory().appendingPathComponent("two.html")
        try page.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// Cells of one report object as (table|row|column → value).
    static func cells(_ report: [String: Any]) -> [String: Double] {
        var out: [String: Double] = [:]
        for cell in report["cells"] as? [[String: Any]] ?? [] {
            guard let value = (cell["value"] as? NSNumber)?.doubleValue else { continue }
            out["\(cell["table"]!)|\(cell["row"]!)|\(cell["column"]!)"] = value
        }
        return out
    }

    /// `nianbao parse FILE` succeeds, and every cell of the gold at `goldPath` (under Fixtures/) is in its report
    /// with the gold's value.
    static func expectParseReadsGold(_ file: URL, goldPath: String) throws {
        let result = try CommandRunner.run(["parse", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
        let read = cells(report)
        let gold = try gold(goldPath)
        #expect(!gold.isEmpty)
        #expect(gold.filter { read[$0.key] != $0.value }.isEmpty, "\(gold.filter { read[$0.key] != $0.value }.prefix(4))")
    }

    static func gold(_ path: String) throws -> [String: Double] {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: Fixtures.directory.appendingPathComponent(path))) as? [String: Any]
        return cells(object ?? [:])
    }

    @Test func aPageWithTwoReportsGivesBoth() throws {
        let page = try Self.twoReportPage()
        let result = try CommandRunner.run(["parse", page.path])
        #expect(result.status == 0, "\(result.stderr)")
        let reports = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(reports.count == 2)
        guard reports.count == 2 else { return }
        #expect(reports.map { $0["source"] as? String } == [page.path + "#1", page.path + "#2"])
        #expect(Self.cells(reports[0]).count == 198 && Self.cells(reports[1]).count == 200)
        #expect(Self.cells(reports[0]) == (try Self.gold("html/d_zhen_2019/gold.json")))
        #expect(Self.cells(reports[1]) == (try Self.gold("html/c_jiedao_2021/gold.json")))
        let flag = (reports[1]["flags"] as? [[String: Any]])?.first?["message"] as? String
        #expect(flag?.hasPrefix("report 2 of 2 in this input") == true)
    }

    @Test func explainListsEveryHTMLTableAndWhatWasReadFromIt() throws {
        let result = try CommandRunner.run(["align", "--explain", try Self.twoReportPage().path])
        #expect(result.status == 0)
        let tables = result.stdout.split(separator: "\n").filter { $0.hasPrefix("HTML table ") }
        #expect(tables.count == 8)
        guard tables.count == 8 else { return }
        #expect(tables[0].hasSuffix("ignored, not one of the report's tables"))
        #expect(tables[1].hasSuffix("ignored, not one of the report's tables"))
        #expect(tables[2].hasSuffix("read as table active of report 1"))
        #expect(tables[4].hasSuffix("read as table review of report 1"))
        #expect(tables[6].hasSuffix("read as table requests of report 2"))
        #expect(result.stdout.contains("# report 2 of 2: lines "))
    }

    @Test func aStreamLineWithTwoReportsGivesAReportsArray() throws {
        let a = try Fixtures.text("handwritten/a_jiaoyuju_2021/input.txt")
        let b = try Fixtures.text("handwritten/b_shichangjianguan_2019/input.txt")
        let lines = try [["id": "two", "text": a + "\n" + b], ["id": "one", "text": a]].map {
            String(decoding: try JSONSerialization.data(withJSONObject: $0), as: UTF8.self)
        }
        let result = try CommandRunner.run(["parse", "--jsonl", "--jobs", "1"], stdin: Data((lines.joined(separator: "\n") + "\n").utf8))
        let out = result.stdout.split(separator: "\n").map { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] }
        #expect(out.count == 2)
        let two = out.first??["reports"] as? [[String: Any]]
        #expect(two?.count == 2)
        #expect(out.first??["report"] == nil)
        #expect(Self.cells(two?[1] ?? [:]) == (try Self.gold("handwritten/b_shichangjianguan_2019/gold.json")))
        #expect(out.last??["report"] != nil && out.last??["reports"] == nil)
    }
}

/// Markdown with each table left as an HTML fragment (MinerU-style output): the page's prose stripped of its tags,
/// its `<table>` elements kept verbatim. Every hand-written page reads as its gold.
@Suite struct EmbeddedHTMLTableTests {
    static func markdownWithTables(_ page: String) -> String {
        var out = ""
        var rest = Substring(page)
        if let body = rest.range(of: "<body") { rest = rest[body.lowerBound...] }
        while !rest.isEmpty {
            let next = rest.range(of: "<table")
            let prose = next.map { rest[..<$0.lowerBound] } ?? rest
            // Prose: tags dropped, each block end a line break.
            out += prose.replacing(/<\/(p|div|h\d|li|tr)>|<br\s*\/?>/, with: "\n").replacing(/<[^>]*>/, with: "")
                .replacingOccurrences(of: "&nbsp;", with: " ")
            guard let next, let end = rest[next.lowerBound...].range(of: "</table>") else { break }
            out += "\n" + rest[next.lowerBound..<end.upperBound].replacingOccurrences(of: "\n", with: "") + "\n"
            rest = rest[end.upperBound...]
        }
        return out
    }

    @Test(arguments: ["a_jiaoyuju_2021", "b_shichangjianguan_2019", "c_jiedao_2021", "d_zhen_2019", "e_xianzhengfu_2021"])
    func everyCellIsRight(_ name: String) throws {
        let markdown = Self.markdownWithTables(try Fixtures.text("html/\(name)/page.html"))
        #expect(markdown.contains("<table") && !markdown.hasPrefix("<"))
        let url = try CommandRunner.temporaryDirectory().appendingPathComponent("\(name).md")
        try markdown.write(to: url, atomically: true, encoding: .utf8)
        try MultiReportTests.expectParseReadsGold(url, goldPath: "html/\(name)/gold.json")
    }
}

/// A GBK page that declares no charset (many government sites serve GB2312 and rely on the browser's guess):
/// libxml2 alone would read it as Latin-1; the charset ICU detects is used instead.
@Suite struct UndeclaredCharsetPageTests {
    /// Without a meta charset, and with one that still says utf-8 after the server transcoded the page to GBK.
    @Test(arguments: [false, true])
    func aGB18030PageReadsEveryCell(keepsUTF8Meta: Bool) throws {
        let original = try Fixtures.text("html/d_zhen_2019/page.html")
        let page = keepsUTF8Meta ? original : original.replacing(/<meta charset="?utf-8"?>/.ignoresCase(), with: "")
        #expect(page.lowercased().contains("charset=\"utf-8\"") == keepsUTF8Meta)
        // GB18030 bytes by iconv (Debian's libc-bin), so the test does not trust the code it checks.
        let directory = try CommandRunner.temporaryDirectory()
        let utf8 = directory.appendingPathComponent("page-utf8.html")
        let gbk = directory.appendingPathComponent("page.html")
        try page.write(to: utf8, atomically: true, encoding: .utf8)
        let iconv = Process()
        iconv.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        iconv.arguments = ["-f", "UTF-8", "-t", "GB18030", "-o", gbk.path, utf8.path]
        try iconv.run()
        iconv.waitUntilExit()
        #expect(iconv.terminationStatus == 0)
        #expect(String(data: try Data(contentsOf: gbk), encoding: .utf8) == nil)
        try MultiReportTests.expectParseReadsGold(gbk, goldPath: "html/d_zhen_2019/gold.json")
    }
}

/// Word documents (.docx), as agencies attach them: the hand-written pages written as Word files by
/// Scripts/write-docx.py (python-docx: merged cells as gridSpan / vMerge) read every cell.
@Suite struct WordDocumentTests {
    /// The last is one report set inside a one-cell layout table: its inner tables are read as tables.
    @Test(arguments: ["a_jiaoyuju_2021", "b_shichangjianguan_2019", "c_jiedao_2021", "d_zhen_2019", "e_xianzhengfu_2021",
                      "d_zhen_2019_in_layout_table"])
    func everyCellIsRight(_ name: String) throws {
        let file = Fixtures.directory.appendingPathComponent("docx/\(name)/report.docx")
        try MultiReportTests.expectParseReadsGold(file, goldPath: "docx/\(name)/gold.json")
    }

    @Test func aZipThatIsNoWordDocumentIsAClearError() throws {
        let url = try CommandRunner.temporaryDirectory().appendingPathComponent("sheet.xlsx")
        try Data([0x50, 0x4B, 0x03, 0x04] + Array("not a document".utf8)).write(to: url)
        let result = try CommandRunner.run(["parse", url.path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("\(url.path): a zip archive without a readable word/document.xml"))
    }

    @Test func aWord97FileNamesTheConversion() throws {
        let url = try CommandRunner.temporaryDirectory().appendingPathComponent("report.doc")
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0]).write(to: url)
        let result = try CommandRunner.run(["parse", url.path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("Word 97-2003") && result.stderr.contains("--convert-to docx"))
    }
}
