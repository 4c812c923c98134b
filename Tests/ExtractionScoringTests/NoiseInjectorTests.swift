import ExtractionScoring
import Testing
import _TestSupport

@Suite struct NoiseInjectorTests {
    static let table = """
        三、本年度办理结果\t（一）予以公开\t0\t0\t0\t0\t0\t0\t0
        \t（三）不予公开\t1.属于国家秘密\t0\t1\t0\t0\t0\t0\t1
        \t\t7.属于行政执法案卷\t0\t0\t0\t0\t0\t0\t0
        四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0
        二、主动公开政府信息情况
        """

    @Test func sameSeedSameDamage() {
        let a = NoiseInjector(seed: 11, rate: 0.3).damage(Self.table)
        let b = NoiseInjector(seed: 11, rate: 0.3).damage(Self.table)
        #expect(a.text == b.text)
        #expect(a.events == b.events)
        #expect(a.text != Self.table)
        let c = NoiseInjector(seed: 12, rate: 0.3).damage(Self.table)
        #expect(c.text != a.text)
    }

    @Test func rateZeroChangesNothing() {
        #expect(NoiseInjector(seed: 1, rate: 0).damage(Self.table).text == Self.table)
    }

    @Test(arguments: NoiseInjector.Kind.allCases)
    func everyKindDoesSomething(_ kind: NoiseInjector.Kind) {
        // Rate 1 on one kind: it must fire on this table, and only that kind fires.
        let result = NoiseInjector(seed: 3, rate: 1, kinds: [kind]).damage(Self.table)
        #expect(!result.events.isEmpty)
        #expect(result.events.allSatisfy { $0.kind == kind })
        #expect(result.text != Self.table)
    }

    @Test func ocrConfusionsComeFromTheTable() {
        let result = NoiseInjector(seed: 5, rate: 1, kinds: [.ocrConfusion]).damage("三、本年度办理结果\t0")
        #expect(["E、本年度办理结果\t0", "Ξ、本年度办理结果\t0", "=、本年度办理结果\t0"].contains(result.text))
    }
}
