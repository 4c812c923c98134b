import ReportModel
import ReportTemplates
import Testing

/// The identity arithmetic every stage shares (the aligner's row sums and reorder, the consensus, the parser's checks).
@Suite struct IdentityTests {
    @Test(arguments: [
        (0.1 + 0.2, 0.3, true),
        (176, 176, true),
        (6_428_232.45 + 1_000_000.10, 7_428_232.55, true),  // money: rounding of a sum of decimals
        (10_000_000, 10_000_001, false),  // a whole unit is never rounding, however large the sums
        (1e13, 1e13 + 1, false),
        (1e13 + 0.1 + 0.2, 1e13 + 0.3, true),  // rounding of large sums is absorbed
        (0, 1e-3, false),
    ] as [(Double, Double, Bool)])
    func agreeAbsorbsRoundingOnly(_ a: Double, _ b: Double, _ expected: Bool) {
        #expect(Identity.agree(a, b) == expected)
        #expect(Identity.agree(b, a) == expected)
    }

    @Test func sidesNeedEveryCell() throws {
        let template = ReportTemplate.for(.edition2021)
        let identity = try #require(template.identities.first { $0.name.hasPrefix("一、本年新收政府信息公开申请数量: 总计") })
        var values = [Double?](repeating: nil, count: template.cellKeys().count)
        #expect(identity.sides(in: values) == nil)
        #expect(identity.holds(in: values) == nil)
        for index in identity.rightIndices { values[index] = 1_666_667 }
        values[identity.leftIndices[0]] = 10_000_002
        #expect(identity.sides(in: values)?.left == 10_000_002)
        #expect(identity.sides(in: values)?.right == 10_000_002)
        #expect(identity.holds(in: values) == true)
        values[identity.leftIndices[0]] = 10_000_003
        #expect(identity.holds(in: values) == false)
        // The same answer from cells given by key.
        let keys = template.cellKeys()
        let byKey = Dictionary(uniqueKeysWithValues: (identity.leftIndices + identity.rightIndices).map { (keys[$0], values[$0]!) })
        let sides = try #require(identity.sides(in: byKey))
        #expect(!Identity.agree(sides.left, sides.right))
    }
}
