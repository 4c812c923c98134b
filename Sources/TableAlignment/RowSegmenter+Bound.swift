/// The bound that keeps the row segmenter's search to the states that can still be on a best path.
extension RowSegmenter {
    /// How far below the most a table could gain the searches' floors are set, tightest first: a table with a
    /// damaged row or two loses a few points against that most (a partial row about 1.5, a skipped token 1; the
    /// seeds' 表三 lose 2–5), so the best path clears the first floor and the search keeps near it; a table that
    /// loses more is searched again with the next, and at last in full.
    static let searchFloorMargins: [Double] = [8, 32]

    /// Whether `segment()` bounds its search (tests turn it off to check that the bound changes no placement: the
    /// full search is the reference).
    @TaskLocal static var boundsSearch = true

    /// The most row `i` can add to a path's score by any move of the search (`segment()`): at least what each move
    /// gains at best, so that no path gains more from row `i` on than the sum from `i` on.
    func mostGain(_ i: Int) -> Double {
        let row = rows[i]
        let w = Double(row.width)
        let sums = row.hasSumIdentity
        // The interval bonus at best: 2 inside the row's label interval, 0 without intervals.
        let bonus = useIntervals && i < intervals.count && intervals[i] != nil ? 2.0 : 0
        let gains: [Double] = [
            1.5,  // absent, over an empty interval
            w * 0.1 + (sums ? 3 : 1) + (isLineStructured ? 1 : 0) + bonus,  // full
            w * 0.1 + (sums ? 3 : 1) + 0.4,  // first value last; a first-column block, per row
            w * 0.1 + 2.6 + bonus,  // two tokens joined
            (w - 1) * 0.1 + (sums ? 2.5 : 0.8) + bonus,  // partial, at a line's start
            (w - 1) * 0.1 + (sums ? 2.5 : 0.8) + 2,  // partial, the values of the row's interval
            2.0 + bonus,  // values run together
            w * 0.1 + 3.5 + bonus,  // a line split apart
            w * 0.05 + 1.2,  // the first value missing
        ]
        // A little over, so that rounding never makes the bound fall short.
        return gains.max()! + 0.01
    }
}
