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
        if c.columns == 1 && c.rows * count <= 1_000_000 {
            applyReflectorsToVector(&c.elements, transpose: transpose, count: count)
            return
        }
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

extension PivotedQR {
    /// `Qᵀ·c` or `Q·c` for one vector, reflector by reflector: `Hᵢ = I − τᵢvᵢvᵢᵀ`, `vᵢ = (0…0, 1, factors[i+1…, i])`.
    /// For the small systems of annual data this avoids `dormqr`'s workspace query and allocation, which
    /// cost more than the arithmetic; for large ones LAPACK takes over.
    func applyReflectorsToVector(_ c: inout [Double], transpose: Bool, count: Int) {
        let m = factors.rows
        factors.elements.withUnsafeBufferPointer { f in
            c.withUnsafeMutableBufferPointer { c in
                for step in 0..<count {
                    let i = transpose ? step : count - 1 - step
                    let tau = self.tau[i]
                    if tau == 0 { continue }
                    let v = f.baseAddress! + i * m
                    var dot = c[i]
                    for row in (i + 1)..<m { dot += v[row] * c[row] }
                    let scale = tau * dot
                    c[i] -= scale
                    for row in (i + 1)..<m { c[row] -= scale * v[row] }
                }
            }
        }
    }
}

extension Matrix {
    /// Householder QR with column pivoting (LAPACK `dgeqp3`).
    /// - Throws: `LinearAlgebraError.nonFiniteValue` on NaN or infinite entries; `.emptyMatrix`.
    public func pivotedQR() throws(LinearAlgebraError) -> PivotedQR {
        guard rows > 0, columns > 0 else { throw .emptyMatrix(operation: "QR factorization") }
        try requireFinite()
        return try PivotedQR.factorPivoted(overwriting: self)
    }
}

extension Matrix {
    /// Householder QR without pivoting (LAPACK `dgeqrf`, blocked, BLAS-3): much faster than `dgeqp3` on
    /// tall matrices, returned with the identity permutation. It does not reveal rank; use it where the
    /// triangular factor's condition number proves full rank.
    /// - Throws: `.nonFiniteValue`, `.emptyMatrix`.
    public func householderQR() throws(LinearAlgebraError) -> PivotedQR {
        guard rows > 0, columns > 0 else { throw .emptyMatrix(operation: "QR factorization") }
        try requireFinite()
        return try PivotedQR.factorUnpivoted(overwriting: self)
    }
}

extension PivotedQR {
    /// `dgeqp3` in the storage of `a` (no copy when the caller hands over its only reference); no NaN check.
    static func factorPivoted(overwriting a: consuming Matrix) throws(LinearAlgebraError) -> PivotedQR {
        var pivots = [Int32](repeating: 0, count: a.columns)
        var tau = [Double](repeating: 0, count: Swift.min(a.rows, a.columns))
        let m = try LAPACKBoundary.int(a.rows), n = try LAPACKBoundary.int(a.columns)
        // The workspace dgeqp3 documents as optimal, 2n + (n + 1)·nb with block size nb = 64: sized here, so
        // that small problems skip LAPACKE's workspace query and its allocation.
        var work = [Double](repeating: 0, count: 2 * a.columns + (a.columns + 1) * 64)
        let lwork = try LAPACKBoundary.int(work.count)
        let info = LAPACKE_dgeqp3_work(LAPACKBoundary.columnMajor, m, n, &a.elements, m, &pivots, &tau, &work, lwork)
        try LAPACKBoundary.checkArguments(info, routine: "dgeqp3")
        return PivotedQR(factors: a, tau: tau, permutation: pivots.map { Int($0) - 1 })
    }

    /// `dgeqrf` in the storage of `a`; no NaN check. The permutation is the identity over `columns` (which
    /// may be fewer than `a`'s, when right-hand sides ride along as trailing columns).
    static func factorUnpivoted(overwriting a: consuming Matrix, columns: Int? = nil) throws(LinearAlgebraError) -> PivotedQR {
        var tau = [Double](repeating: 0, count: Swift.min(a.rows, a.columns))
        let m = try LAPACKBoundary.int(a.rows), n = try LAPACKBoundary.int(a.columns)
        let info = LAPACKE_dgeqrf(LAPACKBoundary.columnMajor, m, n, &a.elements, m, &tau)
        try LAPACKBoundary.checkArguments(info, routine: "dgeqrf")
        return PivotedQR(factors: a, tau: tau, permutation: Array(0..<(columns ?? a.columns)))
    }
}
