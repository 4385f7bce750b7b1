import CLapack

/// Householder QR factorization with column pivoting, `A·P = Q·R`, computed by LAPACK `dgeqp3`.
///
/// The pivoting puts the column of largest remaining norm first at each step, so `|R₁₁| ≥ |R₂₂| ≥ …`
/// and the diagonal of `R` reveals the numerical rank (Golub & Van Loan, *Matrix Computations*, §5.4.2).
/// `Q` is kept implicitly as Householder reflectors; apply it with ``applyQTransposed(to:reflectors:)``
/// and ``applyQ(to:reflectors:)``.
public struct PivotedQR: Sendable {
    /// LAPACK's compact output: `R` on and above the diagonal, the reflectors below it.
    public let factors: Matrix
    /// The scalar factors of the elementary reflectors.
    public let tau: [Double]
    /// `permutation[j]` is the 0-based column of `A` that became column `j` of `A·P`.
    public let permutation: [Int]

    /// The magnitudes `|Rⱼⱼ|`, non-increasing.
    public var diagonal: [Double] {
        (0..<Swift.min(factors.rows, factors.columns)).map { abs(factors[$0, $0]) }
    }

    /// Numerical rank: the number of `|Rⱼⱼ| > tolerance · |R₁₁|`.
    ///
    /// - Parameter tolerance: Relative threshold; `max(m, n) · ε` (ε = 2⁻⁵²) when `nil`, the rule used
    ///   by MATLAB's `rank` and NumPy's `matrix_rank`.
    public func rank(relativeTolerance tolerance: Double? = nil) -> Int {
        let d = diagonal
        guard let first = d.first, first > 0 else { return 0 }
        let tau = tolerance ?? Double(Swift.max(factors.rows, factors.columns)) * Double.ulpOfOne
        return d.prefix { $0 > tau * first }.count
    }

    /// The leading `k × k` upper triangle of `R`.
    public func r(size k: Int) -> Matrix {
        var result = Matrix(rows: k, columns: k)
        for j in 0..<k { for i in 0...j { result[i, j] = factors[i, j] } }
        return result
    }

    /// Overwrites the columns of `c` (m × nrhs) with `Qᵀ·c`, using the first `reflectors` reflectors.
    public func applyQTransposed(to c: inout Matrix, reflectors: Int? = nil) throws(LinearAlgebraError) {
        try applyReflectors(to: &c, transpose: true, count: reflectors ?? tau.count)
    }

    /// Overwrites the columns of `c` (m × nrhs) with `Q·c`, using the first `reflectors` reflectors.
    public func applyQ(to c: inout Matrix, reflectors: Int? = nil) throws(LinearAlgebraError) {
        try applyReflectors(to: &c, transpose: false, count: reflectors ?? tau.count)
    }

    private func applyReflectors(to c: inout Matrix, transpose: Bool, count: Int) throws(LinearAlgebraError) {
        guard c.rows == factors.rows else {
            throw .dimensionMismatch("Q is \(factors.rows)×\(factors.rows), the right-hand side has \(c.rows) rows")
        }
        if count == 0 || c.columns == 0 { return }
        let m = try LAPACKBoundary.int(c.rows), nrhs = try LAPACKBoundary.int(c.columns)
        let k = try LAPACKBoundary.int(count), lda = try LAPACKBoundary.int(factors.rows)
        let trans = LAPACKBoundary.character(transpose ? "T" : "N")
        let info = factors.elements.withUnsafeBufferPointer { pa in
            tau.withUnsafeBufferPointer { pt in
                c.elements.withUnsafeMutableBufferPointer { pc in
                    LAPACKE_dormqr(LAPACKBoundary.columnMajor, LAPACKBoundary.character("L"), trans,
                                   m, nrhs, k, pa.baseAddress, lda, pt.baseAddress, pc.baseAddress, m)
                }
            }
        }
        try LAPACKBoundary.checkArguments(info, routine: "dormqr")
    }
}

extension Matrix {
    /// Householder QR with column pivoting (LAPACK `dgeqp3`).
    /// - Throws: `LinearAlgebraError.nonFiniteValue` on NaN or infinite entries; `.emptyMatrix`.
    public func pivotedQR() throws(LinearAlgebraError) -> PivotedQR {
        guard rows > 0, columns > 0 else { throw .emptyMatrix(operation: "QR factorization") }
        try requireFinite()
        var a = elements
        var pivots = [Int32](repeating: 0, count: columns)
        var tau = [Double](repeating: 0, count: Swift.min(rows, columns))
        let m = try LAPACKBoundary.int(rows), n = try LAPACKBoundary.int(columns)
        let info = LAPACKE_dgeqp3(LAPACKBoundary.columnMajor, m, n, &a, m, &pivots, &tau)
        try LAPACKBoundary.checkArguments(info, routine: "dgeqp3")
        return PivotedQR(factors: Matrix(unchecked: rows, columns, a), tau: tau,
                         permutation: pivots.map { Int($0) - 1 })
    }
}
