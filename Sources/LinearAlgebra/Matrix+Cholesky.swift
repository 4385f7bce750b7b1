import CLapack

/// Cholesky factor `A = L·Lᵀ` of a symmetric positive definite matrix (LAPACK `dpotrf`).
public struct Cholesky: Sendable {
    /// The lower-triangular factor `L` (upper triangle zero).
    public let lower: Matrix

    /// `A⁻¹` from the factor (LAPACK `dpotri`), both triangles filled.
    /// - Throws: `.singular` when `L` has a zero on its diagonal.
    public func inverse() throws(LinearAlgebraError) -> Matrix {
        var a = lower
        let n = try LAPACKBoundary.int(a.rows)
        let info = LAPACKE_dpotri(LAPACKBoundary.columnMajor, LAPACKBoundary.character("L"), n, &a.elements, n)
        try LAPACKBoundary.checkArguments(info, routine: "dpotri")
        if info > 0 { throw .singular(diagonalIndex: Int(info)) }
        a.symmetrizeFromLower()
        return a
    }

    /// Solves `A·x = b` for each column of `b` (LAPACK `dpotrs`).
    public func solve(_ b: Matrix) throws(LinearAlgebraError) -> Matrix {
        guard b.rows == lower.rows else {
            throw .dimensionMismatch("A is \(lower.rows)×\(lower.rows), b has \(b.rows) rows")
        }
        var x = b
        let n = try LAPACKBoundary.int(lower.rows), nrhs = try LAPACKBoundary.int(b.columns)
        let info = LAPACKE_dpotrs(LAPACKBoundary.columnMajor, LAPACKBoundary.character("L"), n, nrhs,
                                  lower.elements, n, &x.elements, n)
        try LAPACKBoundary.checkArguments(info, routine: "dpotrs")
        return x
    }

    /// Reciprocal condition number in the 1-norm, estimated by LAPACK `dpocon`.
    /// - Parameter norm1: `‖A‖₁` of the factored matrix.
    public func reciprocalCondition(norm1: Double) throws(LinearAlgebraError) -> Double {
        var rcond = 0.0
        let n = try LAPACKBoundary.int(lower.rows)
        let info = LAPACKE_dpocon(LAPACKBoundary.columnMajor, LAPACKBoundary.character("L"), n,
                                  lower.elements, n, norm1, &rcond)
        try LAPACKBoundary.checkArguments(info, routine: "dpocon")
        return rcond
    }
}

extension Matrix {
    /// Cholesky factorization of a symmetric positive definite matrix; only the lower triangle is read.
    /// - Throws: `.notPositiveDefinite(order:)` naming the first leading minor that is not positive,
    ///   `.dimensionMismatch` when not square, `.nonFiniteValue`.
    public func cholesky() throws(LinearAlgebraError) -> Cholesky {
        guard rows == columns else { throw .dimensionMismatch("Cholesky needs a square matrix, got \(rows)×\(columns)") }
        guard rows > 0 else { throw .emptyMatrix(operation: "Cholesky factorization") }
        try requireFinite()
        var a = self
        let n = try LAPACKBoundary.int(rows)
        let info = LAPACKE_dpotrf(LAPACKBoundary.columnMajor, LAPACKBoundary.character("L"), n, &a.elements, n)
        try LAPACKBoundary.checkArguments(info, routine: "dpotrf")
        if info > 0 { throw .notPositiveDefinite(order: Int(info)) }
        for j in 0..<columns { for i in 0..<j { a[i, j] = 0 } }
        return Cholesky(lower: a)
    }

    /// The 1-norm: the largest column sum of absolute values.
    public var norm1: Double {
        (0..<columns).map { j in (0..<rows).reduce(0.0) { $0 + abs(self[$1, j]) } }.max() ?? 0
    }
}
