extension LeastSquares {
    /// Which columns of a rank-deficient design to keep: in the design's order, each column that is not (to the
    /// rank test `rankOf`) a combination of the columns kept before it — the choice R's `lm` makes, which aliases
    /// the later of two collinear columns, so the intercept (first) is kept and a constant regressor is dropped.
    ///
    /// Pivoting by norm alone would keep whichever of the two collinear columns happens to be larger after
    /// equilibration, so the aliased column could change with a regressor's units. Returns `pivoted` (the
    /// pivoted factorization's first `rank` columns) if the ordered pass does not find exactly `rank` columns.
    ///
    /// The first dependent column after those kept is found by bisection (whether a prefix is of full rank is
    /// monotone in its length), so the pass costs about (aliased columns + 1)·log₂(columns) rank tests of the
    /// kept columns and a prefix, not one per column.
    /// - Parameters:
    ///   - scaled: the equilibrated design.
    ///   - rank: its numerical rank, as decided on the pivoted factorization.
    ///   - pivoted: the pivoted factorization's choice, the fallback.
    ///   - rankOf: the same rank test, applied to a subset of the columns.
    static func keptInOrder(_ scaled: Matrix, rank: Int, pivoted: [Int],
                            rankOf: (Matrix) throws(LinearAlgebraError) -> Int) throws(LinearAlgebraError) -> [Int] {
        var kept: [Int] = [], remaining = Array(0..<scaled.columns)
        func independent(_ count: Int) throws(LinearAlgebraError) -> Bool {
            let columns = kept + remaining.prefix(count)
            return try rankOf(scaled.selectingColumns(columns)) == columns.count
        }
        while kept.count < rank, !remaining.isEmpty {
            // The longest prefix of `remaining` independent with `kept`: `low` is, `high + 1` is not (or is past the end).
            var low = 0, high = remaining.count
            if try independent(high) { kept += remaining; break }
            high -= 1
            while low < high {
                let middle = (low + high + 1) / 2
                if try independent(middle) { low = middle } else { high = middle - 1 }
            }
            kept += remaining.prefix(low)
            remaining.removeFirst(low + 1)                 // the column after the prefix depends on those before it
        }
        return kept.count == rank ? kept : pivoted
    }
}
