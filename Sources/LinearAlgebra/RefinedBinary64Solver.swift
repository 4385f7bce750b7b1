/// Full-rank least squares on the equilibrated matrix: the binary64 pivoted QR solution, refined on the
/// augmented system `[I A; Aᵀ 0]·[r; x] = [t; u]` with its residuals accumulated in double-double
/// (Björck 1967; Demmel et al. 2009). Unknowns are kept in the pivoted column order of the factorization.
struct RefinedBinary64Solver {
    let qr: PivotedQR
    let scaled: Matrix
    let r: Matrix
    let b: [Double]
    /// Coefficients of the equilibrated problem, pivoted order.
    private(set) var x: [Double]
    private(set) var steps: Int
    private(set) var converged: Bool

    /// The relative size of a correction below which refinement has converged.
    static let convergedCorrection = 1e-13

    init(qr: PivotedQR, scaled: Matrix, b: [Double], options: LeastSquaresOptions) throws(LinearAlgebraError) {
        self.qr = qr
        self.scaled = scaled
        self.b = b
        let n = scaled.columns
        r = qr.r(size: n)
        var qtb = Matrix(unchecked: b.count, 1, b)
        try qr.applyQTransposed(to: &qtb, reflectors: n)
        let x0 = try r.solveTriangular(.upper, Array(qtb.elements.prefix(n)))
        let r0 = Self.accurateResidual(scaled, qr.permutation, x0, top: b)
        let outcome = try Self.refine(qr: qr, scaled: scaled, r: r, x: x0, residual: r0, top: b,
                                      bottom: .init(repeating: 0, count: n), maximumSteps: options.maximumRefinementSteps)
        x = outcome.x
        steps = outcome.steps
        converged = outcome.converged
    }

    func solution(scales: [Double], options: LeastSquaresOptions) throws(LinearAlgebraError) -> LeastSquaresSolution {
        let n = scaled.columns, m = scaled.rows
        var residualDD = [DoubleDouble](repeating: .zero, count: m)
        Self.accumulateResidual(scaled, qr.permutation, x, top: b, into: &residualDD)
        let rss = residualDD.reduce(DoubleDouble.zero) { $0 + $1 * $1 }
        var coefficients = [Double](repeating: 0, count: n)
        for (position, column) in qr.permutation.enumerated() { coefficients[column] = x[position] / scales[column] }
        let rInverse = try r.triangularInverse(.upper)
        let conditions = TriangularConditioning(r: r, inverse: rInverse,
                                                columnScales: qr.permutation.map { scales[$0] })
        var covariance: Matrix?
        if options.computeCovariance {
            covariance = try scaledCovariance(rInverse: rInverse, condition: conditions.scaled, options: options)
        }
        var influence: Matrix?, leverages: [Double]?
        if options.computeInfluence {
            (influence, leverages) = try influenceRows()
        }
        return LeastSquaresSolution(coefficients: coefficients, residuals: residualDD.map(\.doubleValue),
                                    residualSumOfSquares: rss.doubleValue, rank: n, aliased: [], included: Array(0..<n),
                                    columnScales: scales, scaledCovarianceFactor: covariance,
                                    scaledInfluence: influence, leverages: leverages,
                                    scaledConditionNumber: conditions.scaled,
                                    conditionNumber: conditions.raw, method: .refinedBinary64QR, refinementSteps: steps)
    }

    /// `Z = Q₁R⁻ᵀPᵀ` (rows `zᵢ = (AₛᵀAₛ)⁻¹aᵢ`) and the leverages `‖Q₁ᵀeᵢ‖²`.
    private func influenceRows() throws(LinearAlgebraError) -> (Matrix, [Double]) {
        let n = scaled.columns, m = scaled.rows
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

    /// `(AₛᵀAₛ)⁻¹` in the original column order; each column refined when the condition estimate is above 100.
    private func scaledCovariance(rInverse: Matrix, condition: Double, options: LeastSquaresOptions) throws(LinearAlgebraError) -> Matrix {
        let n = scaled.columns, m = scaled.rows
        var pivoted = try Matrix.product(rInverse, rInverse.transposed)
        if condition > 100 && m * n * n <= options.extendedPrecisionWorkLimit {
            for j in 0..<n {
                var bottom = [Double](repeating: 0, count: n)
                bottom[j] = -1
                let start = pivoted.column(j)
                let top = [Double](repeating: 0, count: m)
                let r0 = Self.accurateResidual(scaled, qr.permutation, start, top: top)
                let outcome = try Self.refine(qr: qr, scaled: scaled, r: r, x: start, residual: r0, top: top,
                                              bottom: bottom, maximumSteps: options.maximumRefinementSteps)
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

    /// Björck's refinement of `(r, x)` for `[I A; Aᵀ 0]·[r; x] = [top; bottom]`.
    static func refine(qr: PivotedQR, scaled: Matrix, r: Matrix, x start: [Double], residual: [Double],
                       top: [Double], bottom: [Double], maximumSteps: Int) throws(LinearAlgebraError) -> Outcome {
        let n = scaled.columns, m = scaled.rows
        var x = start, res = residual
        var previous = Double.infinity
        var outcome = Outcome(x: x, steps: 0, converged: false)
        for step in 1...max(maximumSteps, 1) {
            // f = top − r − A·x and g = bottom − Aᵀ·r, accumulated in double-double.
            var fDD = (0..<m).map { DoubleDouble.twoSum(top[$0], -res[$0]) }
            accumulateResidual(scaled, qr.permutation, x, top: nil, into: &fDD)
            let f = fDD.map(\.doubleValue)
            var g = [Double](repeating: 0, count: n)
            for j in 0..<n {
                let column = qr.permutation[j]
                var s = DoubleDouble(bottom[j])
                for i in 0..<m { s = s + DoubleDouble.twoProduct(-scaled[i, column], res[i]) }
                g[j] = s.doubleValue
            }
            // Correction from the factorization: h = R⁻ᵀg, d = Qᵀf, dx = R⁻¹(d₁ − h), dr = Q·[h; d₂].
            let h = try r.solveTriangular(.upper, g, transposed: true)
            var d = Matrix(unchecked: m, 1, f)
            try qr.applyQTransposed(to: &d, reflectors: n)
            let dx = try r.solveTriangular(.upper, (0..<n).map { d.elements[$0] - h[$0] })
            var dr = d
            for i in 0..<n { dr.elements[i] = h[i] }
            try qr.applyQ(to: &dr, reflectors: n)
            let xNorm = x.reduce(0) { max($0, abs($1)) }
            var relative = 0.0
            for j in 0..<n {
                x[j] += dx[j]
                relative = max(relative, abs(dx[j]) / max(abs(x[j]), Double.ulpOfOne * xNorm, .leastNormalMagnitude))
            }
            for i in 0..<m { res[i] += dr.elements[i] }
            outcome = Outcome(x: x, steps: step, converged: relative <= convergedCorrection)
            if relative <= Double.ulpOfOne || (step > 1 && relative > 0.5 * previous) { break }
            previous = relative
        }
        return outcome
    }

    /// `top − A·x` in double-double, rounded.
    static func accurateResidual(_ a: Matrix, _ permutation: [Int], _ x: [Double], top: [Double]) -> [Double] {
        var acc = top.map(DoubleDouble.init)
        accumulateResidual(a, permutation, x, top: nil, into: &acc)
        return acc.map(\.doubleValue)
    }

    /// `acc −= A·x` in double-double, `x` in pivoted order (or `acc = b − A·x` when `top` is given).
    static func accumulateResidual(_ a: Matrix, _ permutation: [Int], _ x: [Double], top: [Double]?, into acc: inout [DoubleDouble]) {
        let m = a.rows
        if let top { for i in 0..<m { acc[i] = DoubleDouble(top[i]) } }
        a.elements.withUnsafeBufferPointer { elements in
            acc.withUnsafeMutableBufferPointer { out in
                for (position, column) in permutation.enumerated() {
                    let xj = x[position]
                    if xj == 0 { continue }
                    let base = column * m
                    for i in 0..<m { out[i] = out[i] + DoubleDouble.twoProduct(-elements[base + i], xj) }
                }
            }
        }
    }
}
