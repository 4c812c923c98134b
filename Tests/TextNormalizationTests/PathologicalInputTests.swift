import Testing
import TextNormalization

/// Long runs of one mark in one line. Two passes once rescanned the rest of the line for every mark — the
/// punctuation pass looking for the nearest letter beside each of a run of commas, the markdown pass looking for
/// the `)` of every `](` — so a few megabytes took hours. These inputs (100 KB) would take minutes that way; each
/// result is checked, and a rerun changes nothing.
@Suite struct PathologicalInputTests {
    @Test(arguments: [
        ("commas", String(repeating: ",", count: 100_000)),
        ("unclosed links", String(repeating: "[a](", count: 25_000)),
        ("commas after Han", "社" + String(repeating: ",", count: 100_000)),
        ("open brackets", String(repeating: "[", count: 50_000) + String(repeating: "](x)", count: 10_000)),
        // Each `<br>` removed makes the next: 16 s for 20,000 levels while each level was a rescan of the line.
        ("nested line breaks", "a" + String(repeating: "<br", count: 20_000) + String(repeating: "/>", count: 20_000)),
        ("nested comments", "a" + String(repeating: "<!<!--", count: 10_000) + String(repeating: "-->--x-->", count: 10_000) + "b"),
    ])
    func runsNormaliseAndStayStable(_ name: String, _ text: String) {
        let once = TextNormalizer().normalize(text)
        #expect(!once.text.isEmpty, "\(name)")
        #expect(TextNormalizer().normalize(once.text).text == once.text, "\(name)")
    }

    @Test func nestedHTMLFragmentsSettleInOneRun() {
        #expect(TextNormalizer().normalize("a<br<br>/>b\n").text == "a b\n")
        #expect(TextNormalizer().normalize("x<!<!--1-->--2-->y\n").text == "xy\n")
        #expect(TextNormalizer().normalize("|规章<br>0|35|\n|---|---|\n").text.hasPrefix("规章 0\t35"))
    }

    @Test func commasBesideHanBecomeChineseCommas() {
        // The nearest letter, digit or Han decides each comma: Han before a run of commas makes every one Chinese.
        let result = TextNormalizer().normalize("社" + String(repeating: ",", count: 1000) + "会")
        #expect(result.text == "社" + String(repeating: "，", count: 1000) + "会")
    }
}
