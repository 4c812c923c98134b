import FuzzyMatching
import Testing
import _TestSupport

@Suite struct WeightedLevenshteinTests {
    let ocr = WeightedLevenshtein.ocr

    @Test func confusionsCostLessThanArbitrarySubstitutions() {
        #expect(ocr.distance("三、本年度办理结果", "E、本年度办理结果") == 0.2)
        #expect(ocr.distance("三、本年度办理结果", "Ξ、本年度办理结果") == 0.2)
        #expect(ocr.distance("四、结转下年度继续办理", "西、结转下年度继续办理") == 0.2)
        #expect(ocr.distance("三、本年度办理结果", "X、本年度办理结果") == 1)
        #expect(ocr.distance("1.属于国家秘密", "工属于国家秘密") == 0.3)  // a two-scalar confusion
        #expect(ocr.distance("（一）予以公开", "(一)予以公开") == 0.2)
    }

    @Test func withoutConfusionsItIsLevenshtein() {
        var rng = SeededGenerator(seed: 8)
        let plain = WeightedLevenshtein(entries: [])
        for _ in 0..<500 {
            let a = ReferenceDistances.randomString(length: Int.random(in: 0...15, using: &rng), using: &rng)
            let b = ReferenceDistances.randomString(length: Int.random(in: 0...15, using: &rng), using: &rng)
            #expect(plain.distance(a, b) == Double(ReferenceDistances.levenshtein(a, b)))
            // Confusions only ever lower the distance.
            #expect(ocr.distance(a, b) <= plain.distance(a, b))
            #expect(abs(ocr.distance(a, b) - ocr.distance(b, a)) < 1e-9)
        }
    }

    @Test func everyTableEntryIsCheaperThanOne() {
        for entry in OCRConfusionTable.entries {
            #expect(entry.cost > 0 && entry.cost < 1, "\(entry.a) ↔ \(entry.b)")
            #expect(abs(ocr.distance(entry.a, entry.b) - entry.cost) < 1e-9, "\(entry.a) ↔ \(entry.b)")
        }
    }
}
