import Foundation
import Testing
import _TestSupport

@testable import TextNormalization

/// The passes skip the blocks of text their kernels (`CByteScan`) pass over. Skipping must change nothing: the
/// byte-by-byte loops alone are the reference.
@Suite struct BlockSkippingTests {
    /// Pieces random texts are made of: the characters each kernel looks for, next to the Han text, digits and
    /// separators they hide among.
    static let pieces: [String] = [
        "社会", "公益", "一", "（一）", "(二)", "（", "）", "＂", "属于", "国家秘密", "。", "，", "、", "：", "；", "？", "！", "“", "”",
        "0", "1", "12", "305", "1,234", "O", "o", "l", "I", "|", "〇", "−", "－", "﹣", "‐",
        "２０", "Ｅ", "ｅ", "⼀", "⻄", "兀", "①", "㈠", "．", "／", "～", "＂", "\"", "(", ")", ",", ";", ":", "?", "!",
        "http://x", " ", "  ", "\t", "\n", "\n\n", "\r\n", "\u{3000}", "\u{00A0}", "\u{200B}", "\u{FEFF}", "\u{00AD}",
        "# ", "## ", "**", "- ", "* ", "> ", "[链接](mailto:a@b)", "<br>", "[", "](", ")", "<b", "r>", "__", "---", "| ", " | ", "|---|---|", "=",
        "第 3 页 共 5 页", "- 3 -", "a", "Z", "2019-10-01", "0.65", "㎡", "\u{4DC0}", "𠀀", "│", "┌──┬──┐", "—", "…",
    ]

    /// Pieces that hold no candidate of any kernel by themselves, with the few that are candidates only in some
    /// company (a parenthesis beside Han or not, `，` beside a digit): texts of these reach the edges of the
    /// predicates, where most pieces of `pieces` would make every cell a candidate anyway.
    static let quietPieces: [String] = ["（", "）", "一", "社会", "、", "。", "〇", "a", "12", "\t", "\n", "，", "：", "》", "é"]

    static func randomText(_ generator: inout SeededGenerator, pieces count: Int, from pieces: [String] = pieces) -> String {
        var text = ""
        for _ in 0..<count { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
        return text
    }

    @Test func skippingChangesNothingOnRandomText() {
        var generator = SeededGenerator(seed: 20261130)
        for round in 0..<800 {
            let text = Self.randomText(&generator, pieces: 20 + round % 200, from: round.isMultiple(of: 2) ? Self.pieces : Self.quietPieces)
            for policy in [PunctuationPolicy.canonical, .ascii] {
                let normalizer = TextNormalizer(configuration: .init(punctuationPolicy: policy))
                let skipped = normalizer.normalize(text)
                let reference = ByteKernel.$isSkipping.withValue(false) { normalizer.normalize(text) }
                #expect(skipped.text == reference.text, "text \(round) (\(policy)): \(text.debugDescription)")
                #expect(skipped.edits == reference.edits, "text \(round) (\(policy))")
                // And the shortcuts the passes take on such text keep the normaliser idempotent.
                #expect(normalizer.normalize(skipped.text).text == skipped.text, "text \(round) (\(policy)) twice")
            }
        }
    }

    @Test func skippingChangesNothingOnTheFixtures() throws {
        let inputs = Fixtures.seedCases.map { $0.appendingPathComponent("input.txt") }
            + Fixtures.files(in: "corpus").flatMap { ["pdftotext.txt", "layout.txt", "ocr150.txt"].map($0.appendingPathComponent) }
        #expect(inputs.count > 20)
        for url in inputs where FileManager.default.fileExists(atPath: url.path) {
            let bytes = Array(try Data(contentsOf: url))
            let skipped = try TextNormalizer().normalize(bytes: bytes)
            let reference = try ByteKernel.$isSkipping.withValue(false) { try TextNormalizer().normalize(bytes: bytes) }
            #expect(skipped.text == reference.text, "\(url.path)")
            #expect(skipped.edits == reference.edits, "\(url.path)")
        }
    }

    /// The vector forms of each kernel (the widest the processor has, AVX2 on most x86 machines, and SSE2) flag the
    /// same blocks as its scalar form (the predicate as written), on random bytes of every value and on random
    /// report-like text.
    @Test(arguments: [ByteKernel.invisible, .width, .numeric, .punctuation, .markup])
    func vectorAndScalarKernelsAgree(_ kernel: ByteKernel) {
        var generator = SeededGenerator(seed: 7 + UInt64(kernel.rawValue))
        for round in 0..<300 {
            let bytes: [UInt8] =
                round.isMultiple(of: 2)
                ? (0..<(40 + round)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
                : Array(Self.randomText(&generator, pieces: 10 + round / 2).utf8)
            bytes.withUnsafeBufferPointer { input in
                var i = 0
                while i < input.count {
                    let vector = input.nextCandidate(from: i, kernel, vector: true)
                    let sse2 = input.nextCandidate(from: i, kernel, vector: true, widest: false)
                    let scalar = input.nextCandidate(from: i, kernel, vector: false)
                    #expect(vector == scalar, "kernel \(kernel) from \(i) of \(bytes)")
                    #expect(sse2 == scalar, "kernel \(kernel) (SSE2) from \(i) of \(bytes)")
                    i = max(i + 1, vector + 1)
                }
            }
        }
    }

    /// The offsets of a byte found 32 and 16 bytes a step are every offset where it stands, in order — also when
    /// there are more than the first guess of room for them (one every 24 bytes).
    @Test func offsetsOfAByteAreAllOfThem() {
        var generator = SeededGenerator(seed: 24)
        for round in 0..<200 {
            let dense = round.isMultiple(of: 3)
            let bytes: [UInt8] = (0..<(round * 7)).map { _ in
                let value = UInt8(truncatingIfNeeded: generator.next())
                return dense ? (value < 128 ? 0x0A : value) : value
            }
            let expected = bytes.indices.filter { bytes[$0] == 0x0A }
            bytes.withUnsafeBufferPointer { input in
                #expect(offsets(of: 0x0A, in: input) == expected, "round \(round)")
                #expect(lineRanges(input).count == expected.count + 1)
            }
        }
    }

    /// Every character the passes' tables rewrite is flagged by its pass's kernel, in the company it is rewritten
    /// in: a rule added to a table that the kernel would pass over fails here.
    @Test func kernelsFlagEveryCharacterOfTheTables() {
        func sample(_ range: ClosedRange<UInt32>) -> [UInt32] { Array(Set([range.lowerBound, range.upperBound, (range.lowerBound + range.upperBound) / 2])) }
        func scalars(_ values: [UInt32]) -> [String] { values.compactMap { Unicode.Scalar($0).map { String(Character($0)) } } }
        // The character between Han text (padding puts it where the vector loop reads it), with what stands
        // before and after it in the company it is rewritten in.
        func expectFlagged(_ kernel: ByteKernel, _ character: String, before: String = "", after: String = "") {
            let padding = String(repeating: "社", count: 12)
            let text = padding + before + character + after + padding
            let position = (padding + before).utf8.count
            Array(text.utf8).withUnsafeBufferPointer { input in
                let found = input.nextCandidate(from: 3, kernel)
                #expect(found <= position, "\(kernel) passes over \(character.unicodeScalars.map { String($0.value, radix: 16) }) in '\(before)\(character)\(after)'")
            }
        }
        // Invisible characters, CR.
        for rule in InvisibleCharacterTable.rules {
            for c in scalars(sample(rule.range)) { expectFlagged(.invisible, c) }
        }
        expectFlagged(.invisible, "\r")
        // Width: full-width letters and digits, compatibility and radical forms, enclosed numbers.
        for c in scalars(sample(0xFF10...0xFF19) + sample(0xFF21...0xFF3A) + sample(0xFF41...0xFF5A)) { expectFlagged(.width, c) }
        for c in scalars(Array(CompatibilityIdeographTable.mapping.keys) + Array(RadicalSupplementTable.equivalents.keys)) {
            expectFlagged(.width, c)
        }
        for entry in EnclosedNumberTable.entries {
            for c in scalars(sample(entry.range)) { expectFlagged(.width, c) }
        }
        // Numeric: a confusable after a digit, a minus sign before one, a comma inside a number.
        for c in scalars(Array(DigitConfusionTable.digitFor.keys)) { expectFlagged(.numeric, c, before: "1", after: "1") }
        for c in scalars(Array(DigitConfusionTable.minusSigns.keys)) { expectFlagged(.numeric, c, after: "5") }
        expectFlagged(.numeric, ",", before: "1", after: "234")
        // Punctuation: ASCII marks in Chinese text; every full-width form between ASCII letters (where even the
        // contextual ones change); parentheses and quotes apart from Han.
        for c in scalars(PunctuationTable.asciiToChinese.keys.map { $0 }) { expectFlagged(.punctuation, c) }
        for c in scalars(Array(PunctuationTable.fullWidth.keys).filter { $0 >= 0xFF00 }) {
            expectFlagged(.punctuation, c, before: "a", after: "a")
        }
        for c in scalars(PunctuationTable.openParentheses + PunctuationTable.closeParentheses + PunctuationTable.straightQuotes) {
            expectFlagged(.punctuation, c, before: "a", after: "a")
        }
        // Markup: the bytes markdown is made of.
        for c in ["#", "*", "_", "-", "=", ">", "+", "[", "<", "|"] { expectFlagged(.markup, c) }
    }

    /// A box-drawing character (`E2 94 xx`, `E2 95 xx`) in `range`, looked for byte by byte: the reference.
    static func hasBoxDrawingByteByByte(_ range: Range<Int>, _ input: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = range.lowerBound
        while i + 1 < range.upperBound {
            if input[i] == 0xE2, input[i + 1] == 0x94 || input[i + 1] == 0x95 { return true }
            i += 1
        }
        return false
    }

    @Test func boxDrawingIsFoundAsByteByByte() {
        var generator = SeededGenerator(seed: 5)
        for round in 0..<500 {
            let bytes = Array(Self.randomText(&generator, pieces: 1 + round % 30).utf8)
            bytes.withUnsafeBufferPointer { input in
                for start in stride(from: 0, to: input.count, by: 7) {
                    let range = start..<input.count
                    #expect(
                        TableDelimitersPass.hasBoxDrawing(range, input)
                            == Self.hasBoxDrawingByteByByte(range, input), "\(bytes) from \(start)")
                }
            }
        }
    }

    /// Line feeds found sixteen bytes a step (`nb_offsets_of_byte`) are the ones a byte-by-byte loop finds, in
    /// texts of every length (tails shorter than a step) and with more lines than the first guess holds.
    @Test func lineFeedsAreFoundAsByteByByte() {
        var generator = SeededGenerator(seed: 1201)
        for round in 0..<600 {
            var bytes = Array(Self.randomText(&generator, pieces: round % 90, from: Self.quietPieces + ["\n", "\n\n"]).utf8)
            if round % 7 == 0 { bytes = [UInt8](repeating: 0x0A, count: round) }  // a line feed a byte
            let reference = bytes.indices.filter { bytes[$0] == 0x0A }
            let found = bytes.withUnsafeBufferPointer { offsets(of: 0x0A, in: $0) }
            #expect(found == reference, "\(bytes)")
            let ranges = bytes.withUnsafeBufferPointer(lineRanges)
            #expect(ranges.count == reference.count + 1)
            #expect(ranges.map { String(decoding: bytes[$0], as: UTF8.self) } == String(decoding: bytes, as: UTF8.self)
                .split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        }
    }

    @Test func theValidatorAgreesWithTheSequenceRules() {
        var generator = SeededGenerator(seed: 99)
        for round in 0..<2000 {
            // Mostly valid text with a damaged byte now and then, and pure noise.
            var bytes = Array(Self.randomText(&generator, pieces: 5 + round % 40).utf8)
            if round % 3 != 0, !bytes.isEmpty {
                bytes[Int(generator.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: generator.next())
            }
            if round % 5 == 0 { bytes = (0..<(round % 64)).map { _ in UInt8(truncatingIfNeeded: generator.next()) } }
            let fast = bytes.withUnsafeBufferPointer { DecodingPass.firstInvalidUTF8(in: $0, from: 0) }
            let reference = Self.firstInvalidByRules(bytes)
            #expect(fast == reference, "\(bytes)")
            #expect((fast == nil) == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
        }
    }

    /// The first invalid byte, by the sequence rules one character after another.
    static func firstInvalidByRules(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { b in
            var i = 0
            while i < b.count {
                let length = DecodingPass.validSequenceLength(b, at: i)
                if length == 0 { return i }
                i += length
            }
            return nil
        }
    }

    /// The validator checks long text 32 bytes a step (AVX2) and finds the exact offset byte by byte from a little
    /// before the first block that fails: every kind of damage, at every position around the block edges, gives
    /// the offset the sequence rules give.
    @Test func theVectorValidatorFindsTheExactOffsetAtEveryPosition() {
        let text = Array(String(repeating: "政府信息公开，依申请2020年；①Ａ𠀀é", count: 6).utf8)  // 1–4-byte characters
        // Damage: a stray continuation, a lead without continuations, overlong, surrogate, too large, F5–FF, C0.
        let damages: [[UInt8]] = [[0x80], [0xBF], [0xE4], [0xF0, 0x9F], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80],
                                  [0xF4, 0x90, 0x80, 0x80], [0xF5], [0xFF], [0xC0, 0xAF], [0xC2]]
        for damage in damages {
            for position in stride(from: 0, through: text.count, by: 1) where position % 3 == 0 || position > text.count - 40 {
                var bytes = text
                bytes.insert(contentsOf: damage, at: position)
                let fast = bytes.withUnsafeBufferPointer { DecodingPass.firstInvalidUTF8(in: $0, from: 0) }
                #expect(fast == Self.firstInvalidByRules(bytes), "\(damage) at \(position)")
                #expect(fast != nil, "\(damage) at \(position) is damage")
            }
        }
        // Cut short at every length: an incomplete last character.
        for count in 60...text.count {
            let bytes = Array(text.prefix(count))
            let fast = bytes.withUnsafeBufferPointer { DecodingPass.firstInvalidUTF8(in: $0, from: 0) }
            #expect(fast == Self.firstInvalidByRules(bytes), "cut at \(count)")
        }
        // Long noise: many errors, the first one found.
        var generator = SeededGenerator(seed: 4)
        for round in 0..<300 {
            var bytes = text
            for _ in 0..<(round % 4 + 1) {
                bytes[Int(generator.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: generator.next())
            }
            let fast = bytes.withUnsafeBufferPointer { DecodingPass.firstInvalidUTF8(in: $0, from: 0) }
            #expect(fast == Self.firstInvalidByRules(bytes), "\(bytes)")
        }
    }
}
