import ReportModel
import ReportParsing
import Testing

@Suite struct NumberParserTests {
    @Test(arguments: [
        ("12", 12.0, nil), ("-18", -18, nil), ("0.6579", 0.6579, nil), ("1,234,567", 1_234_567, nil),
        ("251000元", 251000, "元"), ("75394432.52元", 75_394_432.52, "元"), ("22（其中修订 16 件）", 22, "其中修订 16 件"),
        ("55(含自然失效29件)", 55, "含自然失效29件"), ("0", 0, nil),
    ] as [(String, Double, String?)])
    func readsNumbers(_ text: String, _ value: Double, _ note: String?) {
        let parsed = NumberParser.parse(Substring(text))
        #expect(parsed?.value == value)
        #expect(parsed?.note == note)
    }

    @Test(arguments: ["", "O", "1.2.3", "1,23", "--1", "1-", "12a", "一", "1.", String(repeating: "9", count: 45)])
    func rejectsWhatIsNotANumber(_ text: String) {
        #expect(NumberParser.parse(Substring(text)) == nil)
    }

    @Test func thirtyDigitNumbersAreRead() {
        #expect(NumberParser.parse(Substring(String(repeating: "9", count: 30)))?.value == 1e30)
    }

    /// The canonical format never writes an exponent (fuzzing found `4.099276460824345e-17` written into canonical
    /// text, which the strict parser refused); what it writes reads back as the same value.
    @Test(arguments: [4.099276460824345e-17, 0.00001, -0.000123, 1.5e-8, 0.6579, 12, 1e15, 123456789.25])
    func canonicalValuesHaveNoExponentAndReadBack(_ value: Double) {
        let text = ValueFormat.canonical(value)
        #expect(!text.contains("e"), "\(text)")
        #expect(NumberParser.parse(Substring(text))?.value == value)
    }

    @Test func smallValuesAreWrittenInDecimals() {
        #expect(ValueFormat.canonical(0.00001) == "0.00001")
        #expect(ValueFormat.canonical(-1.25e-6) == "-0.00000125")
    }
}
