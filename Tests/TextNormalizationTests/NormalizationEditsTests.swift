import Testing
import TextNormalization

/// The edit log keeps its edits compact and makes each one when read: what it gives back must be what was made.
@Suite struct NormalizationEditsTests {
    @Test func eachEditReadsBackItsPassPlaceAndTexts() {
        let edits = TextNormalizer().normalize("第一行\n（一）予以公开\t０\n依申请,公开").edits
        #expect(edits.count == 2)
        #expect(edits[0].description == "2:9  width  '０' → '0'")
        #expect(edits[1].pass == .punctuation)
        #expect(edits[1].before == ",")
        #expect(edits[1].after == "，")
        #expect(edits[1].line == 3 && edits[1].column == 4)
    }

    @Test func countsByPassMatchTheEditsThemselves() {
        let text = "２０１９年,共 计 受 理\u{200B}申请\n- 3 -\n"
        let edits = TextNormalizer().normalize(text).edits
        var expected: [NormalizationPassName: Int] = [:]
        for edit in edits { expected[edit.pass, default: 0] += 1 }
        #expect(!expected.isEmpty)
        #expect(edits.countsByPass == expected)
    }

    @Test func aLogBuiltFromEditsGivesThemBackInOrder() {
        let made = Array(TextNormalizer().normalize("（1）ａ，ｂ\u{00A0}c,公开\r\n").edits)
        #expect(made.count >= 3)
        let rebuilt = NormalizationEdits(made)
        #expect(Array(rebuilt) == made)
        #expect(rebuilt == TextNormalizer().normalize("（1）ａ，ｂ\u{00A0}c,公开\r\n").edits)
        #expect(NormalizationEdits(made.dropLast()) != rebuilt)
        #expect(NormalizationEdits().isEmpty)
    }

    @Test func sourceOffsetsOfARuleAreWhereItsEditsStart() {
        let edits = TextNormalizer().normalize("甲\u{0C}乙\u{0C}丙\n").edits
        #expect(edits.sourceOffsets(ofRule: "form-feed") == edits.filter { $0.rule == "form-feed" }.map(\.sourceRange.lowerBound))
        #expect(edits.sourceOffsets(ofRule: "form-feed") == [3, 7])
    }
}
