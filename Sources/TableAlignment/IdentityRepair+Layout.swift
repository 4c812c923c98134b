import ReportModel
import ReportTemplates

extension IdentityRepair {
    /// Per edition: for each cell position, the identities that hold it (and on which side), and the rows.
    struct Layout: Sendable {
        /// Per cell position: (identity number, +1 on the left side or −1 on the right).
        var memberships: [[(identity: Int, sign: Double)]]
        /// 表三 and 表四 rows that have a sum identity of their own: the row's cell positions and that identity.
        var rows: [(cells: [Int], identity: Int)]
        /// The numbers of the row-sum identities.
        var rowIdentities: Set<Int>
        /// Per cell position: what a non-zero value costs there when placements tie (`ColumnTemplate.rarity`, else
        /// the column's place in its row: the columns from the left first).
        var placementCost: [Int]

        static func of(_ template: ReportTemplate) -> Layout { cache[template.edition] ?? build(template) }

        private static let cache: [Edition: Layout] = Dictionary(
            uniqueKeysWithValues: Edition.allCases.map { ($0, build(ReportTemplate.for($0))) })

        private static func build(_ template: ReportTemplate) -> Layout {
            var memberships = [[(identity: Int, sign: Double)]](repeating: [], count: template.cellKeys().count)
            for (n, identity) in template.identities.enumerated() {
                for k in identity.leftIndices { memberships[k].append((n, 1)) }
                for k in identity.rightIndices { memberships[k].append((n, -1)) }
            }
            let (_, rowCells) = IdentityReorder.rows(of: template)
            // A row's own identity: the one that holds all its cells and nothing else; or, for a row of several sums
            // (表四: three groups of five, each with its 总计), one row per group, when the groups' identities share
            // no cell and together hold the whole row.
            let rows = rowCells.flatMap { cells -> [(cells: [Int], identity: Int)] in
                let set = Set(cells)
                if let n = template.identities.firstIndex(where: { Set($0.leftIndices + $0.rightIndices) == set }) {
                    return [(cells, n)]
                }
                let groups = template.identities.indices.filter { n in
                    let held = template.identities[n].leftIndices + template.identities[n].rightIndices
                    return !held.isEmpty && held.allSatisfy(set.contains)
                }
                let held = groups.map { template.identities[$0].leftIndices + template.identities[$0].rightIndices }
                guard held.joined().count == set.count, Set(held.joined()) == set else { return [] }
                return zip(held, groups).map { cells, n in (cells.sorted(), n) }
            }
            let rarity = Dictionary(template.requestColumns.compactMap { column in column.rarity.map { (column.label, $0) } },
                                    uniquingKeysWith: { first, _ in first })
            var placementCost = [Int](repeating: 0, count: memberships.count)
            let keys = template.cellKeys()
            for (row, _) in rows {
                for (at, cell) in row.enumerated() {
                    placementCost[cell] = keys[cell].table == .requests ? rarity[keys[cell].column] ?? at : at
                }
            }
            return Layout(memberships: memberships, rows: rows, rowIdentities: Set(rows.map(\.identity)), placementCost: placementCost)
        }
    }
}
