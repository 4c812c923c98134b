import ExtractionScoring
import Foundation
import ReportModel
import TableAlignment
import Testing
import TextNormalization
import _TestSupport

/// Texts that hold several reports are cut into one range per report; anything else stays whole.
@Suite struct ReportSegmentsTests {
    static let handwritten = Fixtures.directory.appendingPathComponent("handwritten")

    static func lines(_ text: String) -> [Substring] {
        TextNormalizer().normalize(text).text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    @Test func twoReportsConcatenatedAreCutAndEachReadsAsItsGold() throws {
        // Every ordered pair of the hand-written reports (different agencies, editions and styles).
        let names = ["a_jiaoyuju_2021", "b_shichangjianguan_2019", "c_jiedao_2021", "d_zhen_2019", "e_xianzhengfu_2021"]
        for first in names {
            for second in names where second != first {
                let a = try Fixtures.text("handwritten/\(first)/input.txt")
                let b = try Fixtures.text("handwritten/\(second)/input.txt")
                let lines = Self.lines(a + "\n" + b)
                let segments = ReportSegments.find(lines)
                #expect(segments.count == 2, "\(first) + \(second)")
                guard segments.count == 2 else { continue }
                #expect(segments[0].lowerBound == 0 && segments[1].upperBound == lines.count)
                #expect(segments[0].upperBound == segments[1].lowerBound)
                for (segment, name) in zip(segments, [first, second]) {
                    let report = try TableAligner().align(lines[segment].joined(separator: "\n"))
                    let gold = try loadGold(Self.handwritten.appendingPathComponent(name).appendingPathComponent("gold.json"))
                    let score = ExtractionScorer().score(gold: gold, prediction: report.cellFile(), name: name)
                    #expect(score.total.cellAccuracy == 1, "\(first) + \(second): \(name)")
                }
            }
        }
    }

    @Test func oneReportStaysWhole() throws {
        for seed in Fixtures.seedCases {
            let lines = Self.lines(try String(contentsOf: seed.appendingPathComponent("input.txt"), encoding: .utf8))
            #expect(ReportSegments.find(lines) == [0..<lines.count])
        }
    }

    @Test func aTableOfContentsIsNotASecondReport() throws {
        let contents = """
            目录
            一、总体情况
            二、主动公开政府信息情况
            三、收到和处理政府信息公开申请情况
            四、政府信息公开行政复议、行政诉讼情况
            五、存在的主要问题及改进情况
            六、其他需要报告的事项

            """
        let report = try Fixtures.text("handwritten/a_jiaoyuju_2021/input.txt")
        let lines = Self.lines(contents + report)
        #expect(ReportSegments.find(lines).count == 1)
    }

    @Test func shiftedMovesEveryLineAndRegion() throws {
        let report = try TableAligner().align(TextNormalizer().normalize(try Fixtures.text("handwritten/d_zhen_2019/input.txt")).text)
        let moved = report.shifted(by: 100)
        for (a, b) in zip(report.cells, moved.cells) { #expect(b.line == (a.line > 0 ? a.line + 100 : a.line)) }
        for (table, range) in report.regions { #expect(moved.regions[table] == (range.lowerBound + 100)..<(range.upperBound + 100)) }
        #expect(report.regions.count == 3)
    }
}
