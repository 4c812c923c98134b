import Testing
import TextNormalization

@Suite struct PageArtifactsPassTests {
    @Test(arguments: ["- 3 -", "— 12 —", "－３－", "第 3 页 共 5 页", "第3页，共5页", "共 5 页 第 3 页", "3/5", "Page 2 of 9"])
    func pageFurnitureLinesAreRemoved(_ footer: String) {
        let result = only(.pageArtifacts, "第一段。\n\(footer)\n第二段。")
        #expect(result.text == "第一段。\n第二段。")
        #expect(result.edits.count == 1)
    }

    @Test(arguments: ["0", "285", "5/3", "1/1", "规章\t0\t0\t0", "-18", "第二十条第（一）项"])
    func contentLinesStay(_ line: String) {
        #expect(only(.pageArtifacts, "第一段。\n\(line)\n第二段。").edits.isEmpty)
    }

    @Test func repeatedRunningTitleIsRemoved() {
        let title = "某某镇人民政府2020年政府信息公开工作年度报告"
        let text = "\(title)\n一、总体情况\n正文。\n\(title)\n二、主动公开政府信息情况\n"
        let result = only(.pageArtifacts, text)
        #expect(result.text == "\(title)\n一、总体情况\n正文。\n二、主动公开政府信息情况\n")
        #expect(result.edits.map(\.rule) == ["running-title"])
        #expect(result.edits.first?.line == 4)
    }
}
