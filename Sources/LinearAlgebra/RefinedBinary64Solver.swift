/// Full-rank least squares on the equilibrated matrix: the binary64 QR solution, refined on the augmented
/// system `[I Aₛ; Aₛᵀ 0]·[r; xₛ] = [t; u]` with its residuals evaluated in twice the working precision
/// (Björck 1967; Demmel et al. 2009).
///
/// The factorization is of `Aₛ = A·D⁻¹` (`D` the power-of-two column scales), but residuals are evaluated on
/// the caller's `A` with `x = D⁻¹xₛ`: both scalings are exact, so no scaled copy of `A` is kept.
/// Unknowns are held in the pivoted column order of the factorization.
struct RefinedBinary64Solver {
    let qr: PivotedQR
    let a: Matrix
    /// Column scales, pivoted order.
    let scales: [Double]
    let r: Matrix
    let b: [Double]
    /// `κ₁(R)` from the explicit inverse: predicts how fast refinement converges.
    let conditionEstimate: Double
    /// `R⁻¹` (LAPACK `dtrtri`), reused for the covariance factor.
    let rInverse: Matrix
    let conditions: TriangularConditioning
    let method: LeastSquaresMethod
    /// `qr.permutation` as C indices, for the residual kernels.
    let columnIndices: [CLong]
    /// Coefficients of the equilibrated problem, pivoted order.
    private(set) var x: [Double]
    private(set) var steps: Int
    private(set) var converged: Bool

    /// The normwise relative size of a correction below which refinement has converged.
    static let convergedCorrection = 1e-13

    /// - Parameters:
    ///   - qr: factorization of the equilibrated columns.
    ///   - scales: every column's scale, original order.
    ///   - qtb: `(Qᵀb)[0..<n]` when the factorization already produced it.
    init(qr: PivotedQR, a: Matrix, scales: [Double], b: [Double], qtb: [Double]? = nil,
         method: LeastSquaresMethod = .refinedBinary64QR, options: LeastSquaresOptions) throws(LinearAlgebraError) {
        let n = qr.permutation.count
        self.method = method
        columnIndices = qr.permutation.map { CLong($0) }
        self.qr = qr
        self.a = a
        self.scales = qr.permutation.map { scales[$0] }
        self.b = b
        r = qr.r(size: n)
        rInverse = try r.triangularInverse(.upper)
        conditions = TriangularConditioning(r: r, inverse: rInverse, columnScales: self.scales)
        conditionEstimate = conditions.scaled
        var head = qtb ?? []
        if qtb == nil {
            var c = Matrix(unchecked: b.count, 1, b)
            try qr.applyQTransposed(to: &c, reflectors: n)
            head = Array(c.elements.prefix(n))
        }
        var x0 = head
        Self.solveUpper(r, &x0)
        x = x0
        steps = 0
        converged = false
        let outcome = try refine(x: x0, top: b, bottom: .init(repeating: 0, count: n), maximumSteps: options.maximumRefinementSteps)
        x = outcome.x
        steps = outcome.steps
        converged = outcome.converged
    }

    func solution(options: LeastSquaresOptions) throws(LinearAlgebraError) -> LeastSquaresSolution {
        let n = x.count
        var residuals = [Double](repeating: 0, count: a.rows)
        ExtraPreciseKernels.residual(a, columns: columnIndices, x: unscaled(x), t: b, into: &residuals)
        let rss = residuals.reduce(DoubleDouble.zero) { $0 + DoubleDouble.twoProduct($1, $1) }
        var coefficients = [Double](repeating: 0, count: n)
        for (position, column) in qr.permutation.enumerated() { coefficients[column] = x[position] / scales[position] }
        var covariance: Matrix?
        if options.computeCovariance {
            covariance = try scaledCovariance(rInverse: rInverse, condition: conditions.scaled, options: options)
        }
        var influence: Matrix?, leverages: [Double]?
        if options.computeInfluence {
            (influence, leverages) = try influenceRows()
        }
        var originalScales = [Double](repeating: 1, count: n)
        for (position, column) in qr.permutation.enumerated() { originalScales[column] = scales[position] }
        return LeastSquaresSolution(coefficients: coefficients, residuals: residuals,
                                    residualSumOfSquares: rss.doubleValue, rank: n, aliased: [], included: Array(0..<n),
                                    columnScales: originalScales, scaledCovarianceFactor: covariance,
                                    scaledInfluence: influence, leverages: leverages,
                                    scaledConditionNumber: conditions.scaled,
                                    conditionNumber: conditions.raw, method: method, refinementSteps: steps)
    }

    /// `D⁻¹xₛ`: coefficients of the caller's columns (pivoted order), exact since scales are powers of two.
    private func unscaled(_ xs: [Double]) -> [Double] {
        (0..<xs.count).map { xs[$0] / scales[$0] }
    }

    /// `Z = Q₁R⁻ᵀPᵀ` (rows `zᵢ = (AₛᵀAₛ)⁻¹aₛᵢ`) and the leverages `‖Q₁ᵀeᵢ‖²`.
    private func influenceRows() throws(LinearAlgebraError) -> (Matrix, [Double]) {
        let n = x.count, m = a.rows
        var q1 = Matrix(rows: m, columns: n)
        for j in 0..<n { q1[j, j] = 1 }
        try qr.applyQ(to: &q1, reflectors: n)
        var leverages = [Double](repeating: 0, count: m)
        for j in 0..<n { for i in 0..<m { leverages[i] += q1[i, j] * q1[i, j] } }
        let zt = try r.solveTriangular(.upper, q1.transposed)        // R·Zᵀ = Q₁ᵀ
        var z = Matrix(rows: m, columns: n)
        for (position, column) in qr.permutation.enumerated() {
            for i in 0..<m { z[i, column] = zt[position, i] }
        }
        return (z, leverages)
    }

    /// `(AₛᵀAₛ)⁻¹` in the original column order: from `R⁻¹R⁻ᵀ` when the condition estimate is at most 100;
    /// from the double-double Gram matrix up to 1e7 (``ExtendedGramInverse``); beyond, each column of
    /// `R⁻¹R⁻ᵀ` refined on the augmented system.
    private func scaledCovariance(rInverse: Matrix, condition: Double, options: LeastSquaresOptions) throws(LinearAlgebraError) -> Matrix {
        let n = x.count, m = a.rows
        let affordable = m * n * n <= options.extendedPrecisionWorkLimit
        if condition > 100 && affordable && condition <= ExtendedGramInverse.conditionLimit,
           let exact = ExtendedGramInverse.inverse(of: a, columns: qr.permutation, scales: scales) {
            var c = Matrix(rows: n, columns: n)
            for j in 0..<n { for i in 0..<n { c[qr.permutation[i], qr.permutation[j]] = exact[i, j] } }
            return c
        }
        var pivoted = try Matrix.product(rInverse, rInverse.transposed)
        if condition > 100 && affordable {
            for j in 0..<n {
                var bottom = [Double](repeating: 0, count: n)
                bottom[j] = -1
                let outcome = try refine(x: pivoted.column(j), top: [Double](repeating: 0, count: m), bottom: bottom,
                                         maximumSteps: options.maximumRefinementSteps)
                for i in 0..<n { pivoted[i, j] = outcome.x[i] }
            }
            for j in 0..<n { for i in 0..<j { let v = (pivoted[i, j] + pivoted[j, i]) / 2; pivoted[i, j] = v; pivoted[j, i] = v } }
        }
        var c = Matrix(rows: n, columns: n)
        for j in 0..<n { for i in 0..<n { c[qr.permutation[i], qr.permutation[j]] = pivoted[i, j] } }
        return c
    }

    struct Outcome {
        var x: [Double]
        var steps: Int
        var converged: Bool
    }

    /// Björck's refinement of `(r, xₛ)` for `[I Aₛ; Aₛᵀ 0]·[r; xₛ] = [top; bottom]`, from `xₛ = start`.
    ///
    /// Stops when the relative correction reaches rounding level, stops shrinking by half, or predicts a
    /// next correction below half an ulp: corrections shrink by about `κ·ε` per step (Björck 1967), so
    /// `‖dxₖ‖·max(κε, ‖dxₖ‖/‖dxₖ₋₁‖) ≤ ε/2` means another step cannot change the rounded answer. The
    /// residual update `dr = Q·[h; d₂]` is skipped on the last step, whose residual is not used again.
    func refine(x start: [Double], top: [Double], bottom: [Double], maximumSteps: Int) throws(LinearAlgebraError) -> Outcome {
        let n = start.count, m = a.rows
        var x = start
        // g is evaluated on A (not Aₛ): Aₛᵀr = D⁻¹Aᵀr, so the bottom block enters multiplied by D.
        let scaledBottom = (0..<n).map { bottom[$0] * scales[$0] }
        // Starting from r = 0 costs nothing: the first step's f = t − A·x is then the residual itself and
        // g = u, and the correction it yields also supplies r. Buffers are reused across steps.
        var residual = [Double](repeating: 0, count: m)
        var haveResidual = false
        var f = [Double](repeating: 0, count: m), g = [Double](repeating: 0, count: n)
        var carry = [Double](repeating: 0, count: n), h = [Double](repeating: 0, count: n)
        var xUnscaled = [Double](repeating: 0, count: n)
        var previous = Double.infinity
        var outcome = Outcome(x: x, steps: 0, converged: false)
        for step in 1...max(maximumSteps, 1) {
            for j in 0..<n { xUnscaled[j] = x[j] / scales[j] }
            if haveResidual {
                ExtraPreciseKernels.augmentedResidual(a, columns: columnIndices, x: xUnscaled, r: residual, t: top,
                                                      u: scaledBottom, f: &f, g: &g, carry: &carry)
                for j in 0..<n { g[j] /= scales[j] }
            } else {
                ExtraPreciseKernels.residual(a, columns: columnIndices, x: xUnscaled, t: top, into: &f)
                for j in 0..<n { g[j] = bottom[j] }
            }
            // Correction from the factorization: h = R⁻ᵀg, d = Qᵀf, dx = R⁻¹(d₁ − h), dr = Q·[h; d₂].
            for j in 0..<n { h[j] = g[j] }
            solveUpperTransposed(&h)
            var d = f
            qr.applyReflectorsToVector(&d, transpose: true, count: n)
            var dx = (0..<n).map { d[$0] - h[$0] }
            solveUpper(&dx)
            let xNorm = x.reduce(0) { max($0, abs($1)) }
            var relative = 0.0, normwise = 0.0
            for j in 0..<n {
                x[j] += dx[j]
                relative = max(relative, abs(dx[j]) / max(abs(x[j]), Double.ulpOfOne * xNorm, .leastNormalMagnitude))
                normwise = max(normwise, abs(dx[j]) / max(xNorm, .leastNormalMagnitude))
            }
            let ratio = step > 1 ? relative / previous : min(1, conditionEstimate * Double.ulpOfOne)
            var predicted = relative * max(ratio, conditionEstimate * Double.ulpOfOne)
            if step == 1 {
                // The first step started from r = 0, so it corrected x alone; its error keeps the
                // κ²ε‖r‖/(‖Aₛ‖‖xₛ‖) term of the semi-normal equations until r is refined too (‖Aₛ‖ ≥ 1).
                let rNorm = f.reduce(0) { $0 + $1 * $1 }.squareRoot()
                let xNorm2 = x.reduce(0) { $0 + $1 * $1 }.squareRoot()
                predicted += conditionEstimate * conditionEstimate * Double.ulpOfOne * rNorm / max(xNorm2, .leastNormalMagnitude)
            }
            let settled = relative <= Double.ulpOfOne || predicted <= Double.ulpOfOne / 2
            // Componentwise corrections drive the iteration; a small coefficient next to large ones that cancel
            // cannot settle below ε·‖x‖/|xⱼ|, so acceptance is normwise.
            outcome = Outcome(x: x, steps: step, converged: settled || normwise <= Self.convergedCorrection)
            if settled || (step > 1 && ratio > 0.5) || step == maximumSteps { break }
            for i in 0..<n { d[i] = h[i] }
            qr.applyReflectorsToVector(&d, transpose: false, count: n)
            for i in 0..<m { residual[i] += d[i] }
            haveResidual = true
            previous = relative
        }
        return outcome
    }

    /// Solves `R·v = w` in place (back substitution).
    private func solveUpper(_ v: inout [Double]) { Self.solveUpper(r, &v) }

    /// Solves `R·v = w` in place for an upper-triangular `r`.
    static func solveUpper(_ r: Matrix, _ v: inout [Double]) {
        let n = v.count
        r.elements.withUnsafeBufferPointer { rr in
            for i in stride(from: n - 1, through: 0, by: -1) {
                var s = v[i]
                for j in (i + 1)..<n { s -= rr[i + j * n] * v[j] }
                v[i] = s / rr[i + i * n]
            }
        }
    }

    /// Solves `Rᵀ·v = w` in place (forward substitution).
    private func solveUpperTransposed(_ v: inout [Double]) {
        let n = v.count
        r.elements.withUnsafeBufferPointer { rr in
            for i in 0..<n {
                var s = v[i]
                for j in 0..<i { s -= rr[j + i * n] * v[j] }
                v[i] = s / rr[i + i * n]
            }
        }
    }
}
