import Foundation
import Testing
import TextNormalization
import _TestSupport

/// Guarantees of the whole normaliser, over every seed and fixture.
@Suite struct NormalizationPropertyTests {
    static let inputs: [URL] = Fixtures.seedCases.map { $0.appendingPathComponent("input.txt") }
        + ["canonical-labels.txt", "clean-prose.txt"].map {
            Fixtures.directory.appendingPathComponent("normalization").appendingPathComponent($0)
        }

    @Test func thereAreInputs() {
        #expect(Self.inputs.count >= 7)
    }

    @Test(arguments: inputs)
    func normalizingTwiceChangesNothing(_ url: URL) throws {
        let once = try TextNormalizer().normalize(bytes: Array(Data(contentsOf: url)))
        let twice = TextNormalizer().normalize(once.text)
        #expect(twice.text == once.text)
        #expect(twice.edits.isEmpty, "second run edits: \(twice.edits.prefix(3))")
    }

    @Test(arguments: [PunctuationPolicy.canonical, .ascii])
    func idempotentUnderBothPolicies(_ policy: PunctuationPolicy) throws {
        let normalizer = TextNormalizer(configuration: .init(punctuationPolicy: policy))
        for url in Self.inputs {
            let once = try normalizer.normalize(bytes: Array(Data(contentsOf: url)))
            #expect(normalizer.normalize(once.text).edits.isEmpty, "\(url.lastPathComponent)")
        }
    }

    @Test func canonicalLabelsGetZeroEdits() throws {
        let labels = try Fixtures.text("normalization/canonical-labels.txt")
        let result = TextNormalizer().normalize(labels)
        #expect(result.edits.isEmpty, "\(result.edits.prefix(5))")
    }

    @Test func cleanProseGetsZeroEdits() throws {
        let prose = try Fixtures.text("normalization/clean-prose.txt")
        let result = TextNormalizer().normalize(prose)
        #expect(result.edits.isEmpty, "\(result.edits.prefix(5))")
    }

    @Test(arguments: inputs)
    func everyOffsetMapsBackIntoTheSource(_ url: URL) throws {
        let source = Array(try Data(contentsOf: url))
        let result = try TextNormalizer().normalize(bytes: source)
        let output = Array(result.text.utf8)
        var previous = 0
        var i = 0
        while i <= output.count {
            let mapped = result.offsetMap.sourceOffset(forOutputOffset: i)
            #expect(mapped >= previous && mapped <= source.count, "offset \(i) maps to \(mapped)")
            previous = mapped
            // An output Han character that no edit produced stands at its mapped place in the source.
            if i + 3 <= output.count, output[i] >= 0xE4, output[i] <= 0xE9 {
                let coveredByEdit = result.edits.contains { $0.sourceRange.contains(mapped) }
                if !coveredByEdit {
                    #expect(Array(source[mapped..<min(mapped + 3, source.count)]) == Array(output[i..<(i + 3)]))
                }
            }
            i += 1
        }
    }

    @Test(arguments: inputs)
    func editsAreInSourceOrderAndInsideTheSource(_ url: URL) throws {
        let source = Array(try Data(contentsOf: url))
        let result = try TextNormalizer().normalize(bytes: source)
        var last = 0
        for edit in result.edits {
            #expect(edit.sourceRange.lowerBound >= last)
            #expect(edit.sourceRange.upperBound <= source.count)
            #expect(edit.line >= 1 && edit.column >= 1)
            last = edit.sourceRange.lowerBound
        }
    }

    @Test func editLocationsPointAtWhatTheyReplaced() {
        let text = "第一行\n规章\t０\t(一) 予以公开"
        let result = TextNormalizer().normalize(text)
        let digit = result.edits.first { $0.rule == "fullwidth-digit" }
        #expect(digit?.line == 2)
        #expect(digit?.column == 4)
        #expect(digit.map { String(decoding: Array(text.utf8)[$0.sourceRange], as: UTF8.self) } == "０")
        let paren = result.edits.first { $0.before == "(" }
        #expect(paren?.line == 2 && paren?.column == 6)
    }

    @Test func disabledPassesDoNotRun() {
        var configuration = NormalizationConfiguration.default
        configuration.disable(.widthFolding)
        #expect(TextNormalizer(configuration: configuration).normalize("２０１９").text == "２０１９")
        #expect(TextNormalizer().normalize("２０１９").text == "2019")
    }

    /// Random mixes of report fragments and noise: the output is stable and the map stays in range.
    @Test func randomDamageIsStable() {
        var rng = SeededGenerator(seed: 20191001)
        let pieces = [
            "社 会", "公益", "(一)", "（二）", "１２", "0", "\t", "\n", " ", ",", "，", "。", "\u{200B}", "\u{3000}",
            "**", "# ", "- ", "O", "l", "|", "1,234", "\"", "⻄", "⼀", "㈠", "\r\n", "\n\n", "第 3 页", "《中", "华",
        ]
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 1...40, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }
                .joined()
            let once = TextNormalizer().normalize(text)
            let twice = TextNormalizer().normalize(once.text)
            #expect(twice.text == once.text, "not idempotent on \(text.debugDescription): \(once.text.debugDescription) then \(twice.edits)")
            let n = once.text.utf8.count
            #expect(once.offsetMap.sourceOffset(forOutputOffset: n) <= text.utf8.count)
        }
    }
}
