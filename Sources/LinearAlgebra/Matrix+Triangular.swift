import CLapack

/// Which triangle of a matrix holds a triangular operand.
public enum Triangle: Sendable {
    /// The upper (on and above the diagonal) or the lower (on and below it) triangle.
    case upper, lower

    var lapack: CChar { LAPACKBoundary.character(self == .upper ? "U" : "L") }
}

extension Matrix {
    /// Solves `T·X = B` (or `Tᵀ·X = B` when `transposed`) with `T` the given triangle of `self`
    /// (LAPACK `dtrtrs`).
    /// - Throws: `.singular(diagonalIndex:)` for an exact zero on the diagonal; `.dimensionMismatch`.
    public func solveTriangular(_ triangle: Triangle, _ b: Matrix, transposed: Bool = false) throws(LinearAlgebraError) -> Matrix {
        guard rows == columns, b.rows == rows else {
            throw .dimensionMismatch("triangular system \(rows)×\(columns) with right-hand side \(b.rows)×\(b.columns)")
        }
        if rows == 0 || b.columns == 0 { return b }
        var x = b
        let n = try LAPACKBoundary.int(rows), nrhs = try LAPACKBoundary.int(b.columns)
        let info = LAPACKE_dtrtrs(LAPACKBoundary.columnMajor, triangle.lapack,
                                  LAPACKBoundary.character(transposed ? "T" : "N"), LAPACKBoundary.character("N"),
                                  n, nrhs, elements, n, &x.elements, n)
        try LAPACKBoundary.checkArguments(info, routine: "dtrtrs")
        if info > 0 { throw .singular(diagonalIndex: Int(info)) }
        return x
    }

    /// Vector form of ``solveTriangular(_:_:transposed:)``.
    public func solveTriangular(_ triangle: Triangle, _ b: [Double], transposed: Bool = false) throws(LinearAlgebraError) -> [Double] {
        try solveTriangular(triangle, Matrix(unchecked: b.count, 1, b), transposed: transposed).elements
    }

    /// The inverse of the given triangle of `self` (LAPACK `dtrtri`); the other triangle is zero.
    public func triangularInverse(_ triangle: Triangle) throws(LinearAlgebraError) -> Matrix {
        guard rows == columns else { throw .dimensionMismatch("triangular inverse of a \(rows)×\(columns) matrix") }
        var a = self
        for j in 0..<columns {
            for i in 0..<rows where (triangle == .upper ? i > j : i < j) { a[i, j] = 0 }
        }
        if rows == 0 { return a }
        let n = try LAPACKBoundary.int(rows)
        let info = LAPACKE_dtrtri(LAPACKBoundary.columnMajor, triangle.lapack, LAPACKBoundary.character("N"),
                                  n, &a.elements, n)
        try LAPACKBoundary.checkArguments(info, routine: "dtrtri")
        if info > 0 { throw .singular(diagonalIndex: Int(info)) }
        return a
    }

    /// Reciprocal 1-norm condition estimate of the given triangle (LAPACK `dtrcon`); 0 when singular.
    public func triangularReciprocalCondition(_ triangle: Triangle) throws(LinearAlgebraError) -> Double {
        guard rows == columns, rows > 0 else { throw .dimensionMismatch("condition of a \(rows)×\(columns) triangle") }
        var rcond = 0.0
        let n = try LAPACKBoundary.int(rows)
        let info = LAPACKE_dtrcon(LAPACKBoundary.columnMajor, LAPACKBoundary.character("1"), triangle.lapack,
                                  LAPACKBoundary.character("N"), n, elements, n, &rcond)
        try LAPACKBoundary.checkArguments(info, routine: "dtrcon")
        return rcond
    }
}
