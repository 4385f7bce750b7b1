import CLapack

extension Matrix {
    /// Solves `A·X = B` for square `A` by LU with partial pivoting (LAPACK `dgesv`).
    /// - Throws: `.singular(diagonalIndex:)` when `U` has an exact zero on its diagonal; `.dimensionMismatch`;
    ///   `.nonFiniteValue`.
    public func solve(_ b: Matrix) throws(LinearAlgebraError) -> Matrix {
        guard rows == columns, b.rows == rows else {
            throw .dimensionMismatch("system \(rows)×\(columns) with right-hand side \(b.rows)×\(b.columns)")
        }
        guard rows > 0 else { throw .emptyMatrix(operation: "linear solve") }
        try requireFinite()
        try b.requireFinite()
        var a = elements
        var x = b
        var pivots = [Int32](repeating: 0, count: rows)
        let n = try LAPACKBoundary.int(rows), nrhs = try LAPACKBoundary.int(b.columns)
        let info = LAPACKE_dgesv(LAPACKBoundary.columnMajor, n, nrhs, &a, n, &pivots, &x.elements, n)
        try LAPACKBoundary.checkArguments(info, routine: "dgesv")
        if info > 0 { throw .singular(diagonalIndex: Int(info)) }
        return x
    }
}
