/// How ``LeastSquares/solve(_:_:options:)`` decides rank and refines its answer.
public struct LeastSquaresOptions: Sendable {
    /// Relative rank threshold on the pivoted `|Rⱼⱼ|/|R₁₁|` of the column-equilibrated matrix, applied in
    /// the precision of the factorization that decides: `max(m, n)·2⁻⁵²` in binary64 and
    /// `max(m, n)·1e-30` (about `2⁻⁹⁹`) in double-double when `nil`.
    public var rankTolerance: Double?
    /// Most refinement steps per right-hand side (Björck's augmented-system refinement).
    public var maximumRefinementSteps: Int
    /// Largest `m·n²` for which the double-double factorization is tried when binary64 is not enough.
    public var extendedPrecisionWorkLimit: Int
    /// Whether to compute `(XᵀX)⁻¹` (needed for standard errors).
    public var computeCovariance: Bool
    /// Whether to compute the influence rows `Z = X(XᵀX)⁻¹` and the leverages (needed for robust
    /// covariances); costs `O(m·n²)`, as much as the factorization.
    public var computeInfluence: Bool

    /// Options with the defaults: rank tolerance by precision (`nil`), at most 12 refinement steps, double-double
    /// tried up to `m·n²` = 2·10⁷, covariance computed, influence rows not.
    public init(rankTolerance: Double? = nil, maximumRefinementSteps: Int = 12,
                extendedPrecisionWorkLimit: Int = 20_000_000, computeCovariance: Bool = true,
                computeInfluence: Bool = false) {
        self.rankTolerance = rankTolerance
        self.maximumRefinementSteps = maximumRefinementSteps
        self.extendedPrecisionWorkLimit = extendedPrecisionWorkLimit
        self.computeCovariance = computeCovariance
        self.computeInfluence = computeInfluence
    }
}

/// Which factorization produced a least-squares solution.
public enum LeastSquaresMethod: String, Sendable, Codable {
    /// LAPACK `dgeqp3` on the equilibrated matrix, then iterative refinement with residuals in double-double.
    case refinedBinary64QR = "pivoted QR (binary64) with extra-precise refinement"
    /// LAPACK `dgeqrf` (no pivoting) on a large equilibrated matrix whose factor's condition number proves
    /// full rank, then the same refinement.
    case refinedHouseholderQR = "Householder QR (binary64, full rank proven by condition) with extra-precise refinement"
    /// Householder QR with column pivoting in double-double, for designs beyond binary64's reach.
    case doubleDoubleQR = "pivoted QR in double-double precision"
}

/// The solution of `min ‖A·x − b‖₂`, with the facts needed for inference.
public struct LeastSquaresSolution: Sendable {
    /// One entry per column of `A`; aliased columns hold 0 (the basic solution) and are listed in `aliased`.
    public let coefficients: [Double]
    /// `b − A·x`, evaluated in double-double and rounded.
    public let residuals: [Double]
    /// `Σ rᵢ²`, accumulated in double-double.
    public let residualSumOfSquares: Double
    /// Numerical rank of `A`.
    public let rank: Int
    /// 0-based columns found linearly dependent on the others (ascending); their coefficients are not estimable.
    public let aliased: [Int]
    /// 0-based columns that were estimated (ascending); `covarianceFactor` follows this order.
    public let included: [Int]
    /// Powers of two dividing each included column before factorization (same order as `included`).
    public let columnScales: [Double]
    /// `(AₛᵀAₛ)⁻¹` of the equilibrated included columns `Aₛ`; `nil` when not requested.
    public let scaledCovarianceFactor: Matrix?
    /// `Zₛ = Aₛ(AₛᵀAₛ)⁻¹` (m × k, equilibrated included columns), computed as `Q₁R⁻ᵀ` so that it keeps the
    /// accuracy of the factorization instead of squaring the condition number; `nil` unless requested.
    /// Sandwich covariances are `ZₛᵀΩZₛ`.
    public let scaledInfluence: Matrix?
    /// Diagonal of the hat matrix, `hᵢ = ‖Q₁ᵀeᵢ‖²`; `nil` unless requested.
    public let leverages: [Double]?
    /// `κ₁(Rₛ) = ‖Rₛ‖₁‖Rₛ⁻¹‖₁` of the triangular factor of the equilibrated included columns: within a
    /// factor `n` of their 2-norm condition number, and the figure that decides how hard the problem is.
    public let scaledConditionNumber: Double
    /// The same for the raw (unscaled) included columns, `κ₁(Rₛ·D)` with `D` the column scales: what
    /// plain, unscaled methods face.
    public let conditionNumber: Double
    /// The factorization used.
    public let method: LeastSquaresMethod
    /// Refinement steps taken on the coefficients.
    public let refinementSteps: Int

    /// `(AᵀA)⁻¹` over the included columns, on the original scale.
    public var covarianceFactor: Matrix? {
        guard var c = scaledCovarianceFactor else { return nil }
        for j in 0..<c.columns { for i in 0..<c.rows { c[i, j] /= columnScales[i] * columnScales[j] } }
        return c
    }
}

/// Linear least squares that economists can trust on ill-conditioned designs.
///
/// The method (Björck, *Numerical Methods for Least Squares Problems*, 1996, §1.4 and §2.9; Demmel et al.,
/// "Extra-precise iterative refinement for overdetermined least squares problems", ACM TOMS 35(4), 2009):
/// 1. equilibrate the columns by exact powers of two (``ColumnEquilibration``);
/// 2. factor with column pivoting (LAPACK `dgeqp3`) and decide the numerical rank on the equilibrated `R`
///    (for large problems, `m·n²` above `extendedPrecisionWorkLimit`, the blocked unpivoted `dgeqrf` is tried
///    first and kept when its factor's condition number proves full rank);
/// 3. solve, then refine `x` and the residual `r` together on the augmented system
///    `[I A; Aᵀ 0]·[r; x] = [b; 0]`, with its residuals evaluated in double-double, until the correction
///    stops shrinking;
/// 4. where binary64 declares rank deficiency or the refinement does not converge, repeat the factorization
///    in double-double, so that a merely ill-conditioned design is fitted and only a truly dependent one
///    has aliased columns — the later columns of each dependency, as R's `lm` chooses them
///    (``keptInOrder(_:rank:pivoted:rankOf:)``), not whichever the pivoting happened to leave last.
/// `(AᵀA)⁻¹` is refined column by column in the same way when the condition estimate exceeds 100.
public enum LeastSquares {
    /// Solves `min ‖A·x − b‖₂`.
    /// - Throws: `.dimensionMismatch` when `b.count != a.rows`; `.emptyMatrix`; `.nonFiniteValue` naming the
    ///   first NaN or infinity (column `a.columns` means `b`).
    public static func solve(_ a: Matrix, _ b: [Double], options: LeastSquaresOptions = .init()) throws(LinearAlgebraError) -> LeastSquaresSolution {
        guard a.rows == b.count else {
            throw .dimensionMismatch("design has \(a.rows) rows, response has \(b.count) values")
        }
        guard a.rows > 0, a.columns > 0 else { throw .emptyMatrix(operation: "least squares") }
        try a.requireFinite()
        if let bad = b.firstIndex(where: { !$0.isFinite }) { throw .nonFiniteValue(row: bad, column: a.columns) }
        return try solveValidated(a, b, options: options)
    }

    static func solveValidated(_ a: Matrix, _ b: [Double], options: LeastSquaresOptions) throws(LinearAlgebraError) -> LeastSquaresSolution {
        let m = a.rows, n = a.columns
        let scales = ColumnEquilibration.scales(of: a)
        let extendedAffordable = m * n * n <= options.extendedPrecisionWorkLimit
        let binaryTolerance = options.rankTolerance ?? Double(max(m, n)) * Double.ulpOfOne

        if !extendedAffordable, m > n, let (qr, qtb) = try fullRankWithoutPivoting(a, scales: scales, b: b) {
            // Large problems: blocked QR without pivoting of [Aₛ b], kept only when its factor is so well
            // conditioned (κ₁ < 1e8, far below the 1/τ ≥ 1e11 at which rank could drop) that pivoting
            // cannot matter; the trailing column delivers Qᵀb with the factorization.
            let refined = try RefinedBinary64Solver(qr: qr, a: a, scales: scales, b: b, qtb: qtb,
                                                    method: .refinedHouseholderQR, options: options)
            return try refined.solution(options: options)
        }
        let qr = try PivotedQR.factorPivoted(overwriting: ColumnEquilibration.scaledCopy(a, scales: scales))
        let binaryRank = qr.rank(relativeTolerance: binaryTolerance)
        if binaryRank == n {
            let refined = try RefinedBinary64Solver(qr: qr, a: a, scales: scales, b: b, options: options)
            if refined.converged || !extendedAffordable {
                return try refined.solution(options: options)
            }
        }
        if extendedAffordable {
            let scaled = ColumnEquilibration.scaledCopy(a, scales: scales)
            let extended = ExtendedPrecisionQR(scaled)
            let tolerance = options.rankTolerance ?? Double(max(m, n)) * 1e-30
            let rank = extended.rank(relativeTolerance: tolerance)
            if rank == n {
                return extendedSolution(extended, scaled: scaled, scales: scales, b: b, options: options)
            }
            let kept = try keptInOrder(scaled, rank: rank, pivoted: Array(extended.permutation.prefix(rank))) { subset in
                ExtendedPrecisionQR(subset).rank(relativeTolerance: tolerance)
            }
            return try reduced(a, b, keeping: kept, options: options)
        }
        let scaled = ColumnEquilibration.scaledCopy(a, scales: scales)
        let kept = try keptInOrder(scaled, rank: binaryRank, pivoted: Array(qr.permutation.prefix(binaryRank))) { subset throws(LinearAlgebraError) in
            try PivotedQR.factorPivoted(overwriting: subset).rank(relativeTolerance: binaryTolerance)
        }
        return try reduced(a, b, keeping: kept, options: options)
    }

    /// The unpivoted QR of `[Aₛ b]` and `(Qᵀb)[0..<n]` when the factor of `Aₛ` has a condition estimate
    /// below 1e8; `nil` otherwise.
    static func fullRankWithoutPivoting(_ a: Matrix, scales: [Double], b: [Double]) throws(LinearAlgebraError) -> (PivotedQR, [Double])? {
        let n = a.columns
        let qr = try PivotedQR.factorUnpivoted(overwriting: ColumnEquilibration.scaledCopy(a, scales: scales, appending: [b]),
                                               columns: n)
        let rcond = try qr.r(size: n).triangularReciprocalCondition(.upper)
        guard rcond > 1e-8 else { return nil }
        return (qr, (0..<n).map { qr.factors[$0, n] })
    }

    /// Solves with the `keeping` columns only and reports the others as aliased.
    static func reduced(_ a: Matrix, _ b: [Double], keeping: [Int], options: LeastSquaresOptions) throws(LinearAlgebraError) -> LeastSquaresSolution {
        let n = a.columns
        let kept = keeping.sorted()
        guard !kept.isEmpty else {
            // Every column is zero: nothing is estimable and the residual is the response.
            let rss = b.reduce(DoubleDouble.zero) { $0 + DoubleDouble.twoProduct($1, $1) }.doubleValue
            return LeastSquaresSolution(coefficients: .init(repeating: 0, count: n), residuals: b,
                                        residualSumOfSquares: rss, rank: 0, aliased: Array(0..<n), included: [],
                                        columnScales: [], scaledCovarianceFactor: options.computeCovariance ? Matrix(rows: 0, columns: 0) : nil,
                                        scaledInfluence: options.computeInfluence ? Matrix(rows: b.count, columns: 0) : nil,
                                        leverages: options.computeInfluence ? .init(repeating: 0, count: b.count) : nil,
                                        scaledConditionNumber: .infinity, conditionNumber: .infinity, method: .refinedBinary64QR, refinementSteps: 0)
        }
        let inner = try solveValidated(a.selectingColumns(kept), b, options: options)
        var coefficients = [Double](repeating: 0, count: n)
        for (position, column) in kept.enumerated() { coefficients[column] = inner.coefficients[position] }
        let keptSet = Set(kept)
        return LeastSquaresSolution(coefficients: coefficients, residuals: inner.residuals,
                                    residualSumOfSquares: inner.residualSumOfSquares, rank: inner.rank,
                                    aliased: (0..<n).filter { !keptSet.contains($0) }, included: kept,
                                    columnScales: inner.columnScales, scaledCovarianceFactor: inner.scaledCovarianceFactor,
                                    scaledInfluence: inner.scaledInfluence, leverages: inner.leverages,
                                    scaledConditionNumber: inner.scaledConditionNumber, conditionNumber: inner.conditionNumber, method: inner.method,
                                    refinementSteps: inner.refinementSteps)
    }

    static func extendedSolution(_ qr: ExtendedPrecisionQR, scaled: Matrix, scales: [Double], b: [Double],
                                 options: LeastSquaresOptions) -> LeastSquaresSolution {
        let m = qr.rows, n = qr.columns
        let qtb = qr.applyQTransposed(b.map(DoubleDouble.init), reflectors: n)
        let xPivoted = qr.solveR(qtb, size: n)
        var x = [DoubleDouble](repeating: .zero, count: n)
        for (position, column) in qr.permutation.enumerated() { x[column] = xPivoted[position] }
        var residuals = b.map(DoubleDouble.init)
        for j in 0..<n {
            let xj = x[j]
            for i in 0..<m { residuals[i] -= xj * scaled[i, j] }
        }
        let rss = residuals.reduce(DoubleDouble.zero) { $0 + $1 * $1 }
        let rInverse = qr.inverseR(size: n)
        var r = Matrix(rows: n, columns: n), inverse = Matrix(rows: n, columns: n)
        for j in 0..<n {
            for i in 0...j {
                r[i, j] = qr.factors[i + j * m].doubleValue
                inverse[i, j] = rInverse[i + j * n].doubleValue
            }
        }
        let pivotedScales = qr.permutation.map { scales[$0] }
        let conditions = TriangularConditioning(r: r, inverse: inverse, columnScales: pivotedScales)
        var covariance: Matrix?
        if options.computeCovariance {
            // (AᵀA)⁻¹ = P·R⁻¹·R⁻ᵀ·Pᵀ, accumulated in double-double.
            var c = Matrix(rows: n, columns: n)
            for i in 0..<n {
                for j in i..<n {
                    var s = DoubleDouble.zero
                    for k in j..<n { s += rInverse[i + k * n] * rInverse[j + k * n] }
                    let (pi, pj) = (qr.permutation[i], qr.permutation[j])
                    c[pi, pj] = s.doubleValue
                    c[pj, pi] = s.doubleValue
                }
            }
            covariance = c
        }
        var influence: Matrix?, leverages: [Double]?
        if options.computeInfluence {
            // zᵢ = P·R⁻¹R⁻ᵀ·Pᵀxᵢ and hᵢ = ‖R⁻ᵀPᵀxᵢ‖², by two triangular solves per row in double-double.
            var z = Matrix(rows: m, columns: n)
            var h = [Double](repeating: 0, count: m)
            for i in 0..<m {
                let row = qr.permutation.map { DoubleDouble(scaled[i, $0]) }
                let w = qr.solveRTransposed(row, size: n)
                h[i] = w.reduce(DoubleDouble.zero) { $0 + $1 * $1 }.doubleValue
                let zi = qr.solveR(w, size: n)
                for (position, column) in qr.permutation.enumerated() { z[i, column] = zi[position].doubleValue }
            }
            influence = z
            leverages = h
        }
        return LeastSquaresSolution(coefficients: (0..<n).map { x[$0].doubleValue / scales[$0] },
                                    residuals: residuals.map(\.doubleValue), residualSumOfSquares: rss.doubleValue,
                                    rank: n, aliased: [], included: Array(0..<n), columnScales: scales,
                                    scaledCovarianceFactor: covariance, scaledInfluence: influence, leverages: leverages,
                                    scaledConditionNumber: conditions.scaled,
                                    conditionNumber: conditions.raw,
                                    method: .doubleDoubleQR, refinementSteps: 0)
    }
}
