extension LeastSquares {
    /// Which columns of a rank-deficient design to keep: in the design's order, each column that is not (to the
    /// rank test `rank`) a combination of the columns kept before it — the choice R's `lm` makes, which aliases
    /// the later of two collinear columns, so the intercept (first) is kept and a constant regressor is dropped.
    ///
    /// Pivoting by norm alone would keep whichever of the two collinear columns happens to be larger after
    /// equilibration, so the aliased column could change with a regressor's units. Returns `pivoted` (the
    /// pivoted factorization's first `rank` columns) if the ordered pass does not find exactly `rank` columns.
    /// - Parameters:
    ///   - scaled: the equilibrated design.
    ///   - rank: its numerical rank, as decided on the pivoted factorization.
    ///   - pivoted: the pivoted factorization's choice, the fallback.
    ///   - rankOf: the same rank test, applied to a subset of the columns.
    static func keptInOrder(_ scaled: Matrix, rank: Int, pivoted: [Int],
                            rankOf: (Matrix) throws(LinearAlgebraError) -> Int) throws(LinearAlgebraError) -> [Int] {
        var kept: [Int] = []
        for column in 0..<scaled.columns where kept.count < rank {
            let trial = kept + [column]
            if try rankOf(scaled.selectingColumns(trial)) == trial.count { kept = trial }
        }
        return kept.count == rank ? kept : pivoted
    }
}
