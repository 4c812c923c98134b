import Testing
import TextNormalization

@Suite struct DecodingTests {
    let normalizer = TextNormalizer()

    @Test func utf8BOMIsDroppedAndLogged() throws {
        let result = try normalizer.normalize(bytes: [0xEF, 0xBB, 0xBF] + Array("规章".utf8))
        #expect(result.text == "规章")
        #expect(result.edits.first?.pass == .decoding)
        #expect(result.edits.first?.rule == "utf8-bom")
        #expect(result.edits.first?.sourceRange == 0..<3)
    }

    @Test func utf16LittleEndianWithBOM() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "总计\t0".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let result = try normalizer.normalize(bytes: bytes)
        #expect(result.text == "总计\t0")
        #expect(result.sourceEncoding == "UTF-16LE")
    }

    @Test func utf16BigEndianWithBOM() throws {
        var bytes: [UInt8] = [0xFE, 0xFF]
        for unit in "行政许可".utf16 { bytes += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        #expect(try normalizer.normalize(bytes: bytes).text == "行政许可")
    }

    /// `政府信息公开工作年度报告` in GBK/GB18030 (check with `printf … | iconv -f GB18030`), repeated so the
    /// detector has enough text.
    static let gbkReportTitle: [UInt8] = [
        0xD5, 0xFE, 0xB8, 0xAE, 0xD0, 0xC5, 0xCF, 0xA2, 0xB9, 0xAB, 0xBF, 0xAA, 0xB9, 0xA4, 0xD7, 0xF7, 0xC4, 0xEA,
        0xB6, 0xC8, 0xB1, 0xA8, 0xB8, 0xE6,
    ]

    @Test func gb18030IsDetectedAndConverted() throws {
        let line = Self.gbkReportTitle + [0x0A]
        let bytes = Array([[UInt8]](repeating: line, count: 20).joined())
        let result = try normalizer.normalize(bytes: bytes)
        #expect(result.sourceEncoding == "GB18030")
        #expect(result.text.hasPrefix("政府信息公开工作年度报告\n"))
    }

    /// GBK whose first pair passes for UTF-8: `某` is `C4 B3` in GBK, a valid two-byte UTF-8 sequence, so the first
    /// bad byte comes after "multibyte UTF-8" (a `pdftotext -layout` page converted to GB18030 was refused as damaged
    /// UTF-8). The share of invalid sequences tells: GBK, detected and converted.
    @Test func gbkThatStartsLikeUTF8IsStillGBK() throws {
        let line = [0x20, 0x20, 0xC4, 0xB3] + Self.gbkReportTitle + [0x0A]  // "  某政府信息公开工作年度报告"
        let bytes = Array([[UInt8]](repeating: line, count: 20).joined())
        let result = try normalizer.normalize(bytes: bytes)
        #expect(result.sourceEncoding == "GB18030")
        #expect(result.text.hasPrefix("  某政府信息公开工作年度报告\n"))
    }

    /// UTF-8 with one damaged byte among many good sequences stays an error naming the byte.
    @Test func utf8WithOneBadByteIsStillAnError() {
        let good = Array(String(repeating: "政府信息公开工作年度报告\n", count: 20).utf8)
        #expect(throws: NormalizationError.self) { try normalizer.normalize(bytes: good + [0xC4, 0x20] + good) }
    }

    @Test func forcedEncodingIsUsed() throws {
        let configuration = NormalizationConfiguration(forcedEncoding: "GB18030")
        let result = try TextNormalizer(configuration: configuration).normalize(bytes: Self.gbkReportTitle)
        #expect(result.text == "政府信息公开工作年度报告")
    }

    @Test func unknownForcedEncodingIsAnError() {
        let normalizer = TextNormalizer(configuration: .init(forcedEncoding: "NO-SUCH-CHARSET"))
        #expect(throws: NormalizationError.unknownEncoding("NO-SUCH-CHARSET")) {
            try normalizer.normalize(bytes: Array("x".utf8))
        }
    }

    @Test func invalidUTF8NamesTheByteLineAndColumn() {
        // "规章\n行" then a lone continuation byte: byte 10, line 2, column 2.
        let bytes = Array("规章\n行".utf8) + [0x80] + Array("政".utf8)
        #expect(throws: NormalizationError.invalidUTF8(byteOffset: 10, line: 2, column: 2)) {
            try normalizer.normalize(bytes: bytes)
        }
    }

    @Test func lossyModeReplacesAndLogsEachBadByte() throws {
        let bytes = Array("规章".utf8) + [0xFF, 0xFE, 0x41]
        let lossy = TextNormalizer(configuration: .init(isLossy: true))
        let result = try lossy.normalize(bytes: bytes)
        #expect(result.text == "规章\u{FFFD}\u{FFFD}A")
        let decoding = result.edits.filter { $0.pass == .decoding }
        #expect(decoding.map(\.before) == ["\\xFF", "\\xFE"])
        #expect(decoding.map(\.sourceRange) == [6..<7, 7..<8])
    }

    @Test func nulBytesMeanBinaryInput() {
        let bytes = Array("规章".utf8) + [0x00, 0x01, 0x02]
        #expect(throws: NormalizationError.binary(byteOffset: 6)) { try normalizer.normalize(bytes: bytes) }
    }

    @Test func emptyInputIsEmptyOutput() throws {
        let result = try normalizer.normalize(bytes: [])
        #expect(result.text == "")
        #expect(result.edits.isEmpty)
    }
}
