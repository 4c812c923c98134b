import Testing
import TextNormalization
import _TestSupport

/// `NormalizedText.pageStartLines`: the lines after the source's form feeds (`pdftotext`'s page breaks), which the
/// normaliser turns into line breaks, found again in the normalised text through its edits.
@Suite struct PageStartLinesTests {
    @Test func theLineAfterAFormFeedStartsAPage() {
        let result = TextNormalizer().normalize("a\n\u{0C}b\nc\u{0C}d\n")
        #expect(result.pageStartLines == [2, 4])
        let lines = result.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[2] == "b")
        #expect(lines[4] == "d")
        #expect(TextNormalizer().normalize("no pages\n").pageStartLines.isEmpty)
    }

    /// Edits before the feed (spaces between Han removed, a full-width digit folded, a footer and a running title
    /// taken out) move the page's start; it is still the line the second page's text begins on.
    @Test func editsAroundThePageBreakKeepItsLine() {
        let text = "第一页 的 最后 一行，共１２件。\n\n- 1 -\n\u{0C}某县2020年政府信息公开工作年度报告\n第二页的第一行\n内容\n"
        let result = TextNormalizer().normalize("某县2020年政府信息公开工作年度报告\n" + text)
        let lines = result.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try! #require(result.pageStartLines.first)
        #expect(result.pageStartLines.count == 1)
        #expect(lines[..<start].joined().contains("共12件") && !lines[..<start].joined().contains("第二页"))
        #expect(lines[start...].joined().hasPrefix("第二页的第一行"), "\(lines) from \(start)")
    }

    /// On random text with feeds anywhere: the line a page starts on comes from after its feed, and the line
    /// before it starts before the feed.
    @Test func pageStartsFollowTheirFeedsOnRandomText() {
        var generator = SeededGenerator(seed: 2026_12_01)
        let pieces = BlockSkippingTests.pieces + ["\u{0C}", "\u{0C}", "\n", "\n\n", "- 3 -\n", "\t"]
        for round in 0..<400 {
            let text = BlockSkippingTests.randomText(&generator, pieces: 10 + round % 120, from: pieces)
            let result = TextNormalizer().normalize(text)
            let feeds = result.edits.filter { $0.rule == "form-feed" }.map(\.sourceRange.lowerBound)
            #expect(result.pageStartLines.count <= feeds.count)
            var starts = [0]
            for (k, byte) in result.text.utf8.enumerated() where byte == 0x0A { starts.append(k + 1) }
            #expect(result.pageStartLines == result.pageStartLines.sorted() && Set(result.pageStartLines).count == result.pageStartLines.count)
            for line in result.pageStartLines {
                #expect(line >= 1 && line < starts.count, "round \(round): line \(line) of \(starts.count)")
                guard line >= 1, line < starts.count else { continue }
                let after = result.offsetMap.sourceOffset(forOutputOffset: starts[line])
                let before = result.offsetMap.sourceOffset(forOutputOffset: starts[line - 1])
                // Some feed lies between where the two lines come from.
                #expect(feeds.contains { before <= $0 && $0 < after }, "round \(round): \(text.debugDescription)")
            }
        }
    }

    /// `NormalizedText.lineStarts()`: where each line of the normalised text starts, in UTF-8 bytes.
    @Test func lineStartsAreTheBytesAfterEachLineFeed() {
        for text in ["a\nbc\n", "", "规章\t0\n\n表三", "no feed"] {
            let result = TextNormalizer().normalize(text)
            let bytes = Array(result.text.utf8)
            let expected = [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }
            #expect(result.lineStarts() == expected, "\(text.debugDescription)")
        }
        #expect(TextNormalizer().normalize("a\nbc\n").lineStarts() == [0, 2, 5])
    }
}
