import CLapack

/// Thin singular value decomposition `A = U·diag(σ)·Vᵀ`, σ non-increasing.
public struct SingularValueDecomposition: Sendable {
    /// Left singular vectors, `m × min(m, n)`.
    public let u: Matrix
    /// Singular values, non-increasing, `min(m, n)` of them.
    public let singularValues: [Double]
    /// Right singular vectors transposed, `min(m, n) × n`.
    public let vt: Matrix
}

extension Matrix {
    /// Thin SVD by divide and conquer (LAPACK `dgesdd`, `jobz = 'S'`).
    /// - Throws: `.nonFiniteValue`, `.emptyMatrix`, or `.noConvergence` when the bidiagonal QR fails.
    public func singularValueDecomposition() throws(LinearAlgebraError) -> SingularValueDecomposition {
        guard rows > 0, columns > 0 else { throw .emptyMatrix(operation: "SVD") }
        try requireFinite()
        let k = Swift.min(rows, columns)
        var a = elements
        var s = [Double](repeating: 0, count: k)
        var u = [Double](repeating: 0, count: rows * k)
        var vt = [Double](repeating: 0, count: k * columns)
        let m = try LAPACKBoundary.int(rows), n = try LAPACKBoundary.int(columns), kk = try LAPACKBoundary.int(k)
        let info = LAPACKE_dgesdd(LAPACKBoundary.columnMajor, LAPACKBoundary.character("S"), m, n, &a, m,
                                  &s, &u, m, &vt, kk)
        try LAPACKBoundary.checkArguments(info, routine: "dgesdd")
        if info > 0 { throw .noConvergence(routine: "dgesdd", count: Int(info)) }
        return SingularValueDecomposition(u: Matrix(unchecked: rows, k, u), singularValues: s,
                                          vt: Matrix(unchecked: k, columns, vt))
    }

    /// Singular values only (LAPACK `dgesdd`, `jobz = 'N'`), non-increasing.
    public func singularValues() throws(LinearAlgebraError) -> [Double] {
        guard rows > 0, columns > 0 else { throw .emptyMatrix(operation: "SVD") }
        try requireFinite()
        var a = elements
        var s = [Double](repeating: 0, count: Swift.min(rows, columns))
        var unusedU = [Double](repeating: 0, count: 1)
        var unusedVT = [Double](repeating: 0, count: 1)
        let m = try LAPACKBoundary.int(rows), n = try LAPACKBoundary.int(columns)
        let info = LAPACKE_dgesdd(LAPACKBoundary.columnMajor, LAPACKBoundary.character("N"), m, n, &a, m,
                                  &s, &unusedU, 1, &unusedVT, 1)
        try LAPACKBoundary.checkArguments(info, routine: "dgesdd")
        if info > 0 { throw .noConvergence(routine: "dgesdd", count: Int(info)) }
        return s
    }

    /// The 2-norm condition number σ₁/σₙ; `+∞` for a rank-deficient matrix.
    ///
    /// Accurate while it stays below about 1/ε ≈ 4.5e15; beyond that the smallest singular value is
    /// lost in rounding and the result only says "numerically singular".
    public func conditionNumber() throws(LinearAlgebraError) -> Double {
        let s = try singularValues()
        guard let smallest = s.last, smallest > 0 else { return .infinity }
        return s[0] / smallest
    }
}
