import ReportModel
import ReportTemplates
import Testing

@Suite struct ReportTemplateTests {
    /// 表二 22 + 表三 23 rows × 7 + 表四 15 (2019); 表二 10 + 表三 25 rows × 7 + 表四 15 (2021): counted by hand
    /// from ../shared/templates.md.
    @Test func cellCountsPerEdition() {
        let t2019 = ReportTemplate.for(.edition2019)
        #expect(t2019.cellKeys(of: .active).count == 22)
        #expect(t2019.cellKeys(of: .requests).count == 161)
        #expect(t2019.cellKeys(of: .review).count == 15)
        #expect(t2019.cellKeys().count == 198)
        let t2021 = ReportTemplate.for(.edition2021)
        #expect(t2021.cellKeys(of: .active).count == 10)
        #expect(t2021.cellKeys(of: .requests).count == 175)
        #expect(t2021.cellKeys().count == 200)
    }

    @Test func cellKeysAreUnique() {
        for edition in Edition.allCases {
            let keys = ReportTemplate.for(edition).cellKeys()
            #expect(Set(keys).count == keys.count)
        }
    }

    @Test func rowPathsFollowTheContract() {
        let keys = ReportTemplate.for(.edition2021).cellKeys()
        #expect(keys.contains(CellKey(table: .active, row: "第二十条第（一）项 / 规章", column: "本年制发件数")))
        #expect(keys.contains(CellKey(table: .requests, row: "三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密", column: "自然人")))
        #expect(keys.contains(CellKey(table: .requests, row: "三、本年度办理结果 / （七）总计", column: "总计")))
        #expect(keys.contains(CellKey(table: .review, row: "", column: "行政诉讼 / 复议后起诉 / 总计")))
        let keys2019 = ReportTemplate.for(.edition2019).cellKeys()
        #expect(keys2019.contains(CellKey(table: .active, row: "第二十条第（九）项 / 政府集中采购", column: "采购总金额")))
        #expect(keys2019.contains(CellKey(table: .requests, row: "三、本年度办理结果 / （六）其他处理", column: "总计")))
    }

    @Test func identitiesHoldOnAConsistentTableAndCatchABrokenOne() {
        let template = ReportTemplate.for(.edition2019)
        // Every request cell 1 except the totals, which are then forced by the identities.
        var values: [CellKey: Double] = [:]
        for key in template.cellKeys() { values[key] = 0 }
        let row = "三、本年度办理结果 / （一）予以公开"
        for column in ["自然人", "商业企业"] { values[CellKey(table: .requests, row: row, column: column)] = 2 }
        values[CellKey(table: .requests, row: row, column: "总计")] = 4
        for column in ["自然人", "商业企业"] {
            values[CellKey(table: .requests, row: "三、本年度办理结果 / （七）总计", column: column)] = 2
            values[CellKey(table: .requests, row: "一、本年新收政府信息公开申请数量", column: column)] = 2
        }
        for row in ["三、本年度办理结果 / （七）总计", "一、本年新收政府信息公开申请数量"] {
            values[CellKey(table: .requests, row: row, column: "总计")] = 4
        }
        let failing = template.identities.filter { ($0.difference(in: values) ?? 1) != 0 }
        #expect(failing.isEmpty, "\(failing.map(\.name))")
        values[CellKey(table: .requests, row: row, column: "总计")] = 5
        let broken = template.identities.filter { ($0.difference(in: values) ?? 1) != 0 }
        #expect(broken.count == 2)  // the row sum and the （七）总计 column sum
    }

    @Test(arguments: Edition.allCases)
    func identityPositionsPointAtTheirCells(_ edition: Edition) {
        let template = ReportTemplate.for(edition)
        let keys = template.cellKeys()
        for identity in template.identities {
            #expect(identity.leftIndices.map { keys[$0] } == identity.left, "\(identity.name)")
            #expect(identity.rightIndices.map { keys[$0] } == identity.right, "\(identity.name)")
            #expect(identity.cellNames == (identity.left + identity.right).map(\.description))
        }
        for (k, key) in keys.enumerated() { #expect(template.cellIndex[key] == k) }
        // Values in template order pass through; shuffled ones are put back in order.
        let values = keys.indices.map(Double.init)
        #expect(template.valuesInOrder(keys: keys, values: values) == values.map { Optional($0) })
        let reversed = template.valuesInOrder(keys: keys.reversed(), values: values.reversed())
        #expect(reversed == values.map { Optional($0) })
        #expect(template.valuesInOrder(keys: Array(keys.dropFirst()), values: Array(values.dropFirst())).first == .some(nil))
    }
}
