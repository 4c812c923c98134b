import ReportTemplates

/// The segmenter's sum checks: whether a row's values satisfy its sum groups (表三's 总计, 表四's three 总计), read
/// from an array or in place from the tokens, and whether a row with glyphs in values' places could.
extension RowSegmenter {
    func identityHolds(_ values: [Double], _ row: RowSpec) -> Bool {
        row.sumGroups.allSatisfy { Self.groupHolds($0, in: values) }
    }

    /// Whether the last value of a sum group (`values[group]`) is the sum of the others.
    static func groupHolds(_ group: Range<Int>, in values: [Double]) -> Bool {
        Identity.agree(values[group.dropLast()].reduce(0, +), values[group.last!])
    }

    /// `identityHolds` for the values of tokens `p..<p+width`, without building an array.
    func identityHolds(_ p: Int, _ row: RowSpec) -> Bool {
        row.sumGroups.allSatisfy { group in
            var sum = 0.0
            for c in group.dropLast() { sum += tokens[p + c].value }
            return Identity.agree(sum, tokens[p + group.last!].value)
        }
    }

    /// Whether tokens `p..<p+width` would satisfy the row's identities with a whole number of 0 or more in the place
    /// of each glyph OCR could not read (`ValueToken.isUnreadable`; one per sum group at most), and hold one.
    func identitySolvable(_ p: Int, _ row: RowSpec) -> Bool {
        var any = false
        let solvable = row.sumGroups.allSatisfy { group in
            var sum = 0.0
            var unknown: Int? = nil
            for c in group {
                guard !tokens[p + c].isUnreadable else {
                    if unknown != nil { return false }
                    unknown = c
                    continue
                }
                if c != group.last! { sum += tokens[p + c].value }
            }
            guard let unknown else { return Identity.agree(sum, tokens[p + group.last!].value) }
            any = true
            // The unknown part is the total less the others; an unknown total is their sum.
            return unknown == group.last! || tokens[p + group.last!].value - sum >= 0
        }
        return solvable && any
    }
}
