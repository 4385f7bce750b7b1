import LinearAlgebra

/// Covariance estimators computed in equilibrated coordinates. Sandwiches are formed from the influence
/// rows `zᵢ = (XₛᵀXₛ)⁻¹xₛᵢ` (computed from the QR factors, not by multiplying with an inverse) as
/// `V = Σᵢⱼ ωᵢⱼ zᵢzⱼᵀ`, which keeps the accuracy of the factorization: forming `C·M·C` directly would
/// square the condition number (Longley loses 8 digits that way).
struct CovarianceEstimator {
    /// `(XₛᵀXₛ)⁻¹`.
    let factor: Matrix
    /// Rows `zᵢ`; needed by every estimator but the classical one.
    let influence: Matrix?
    let leverages: [Double]?
    /// Whitened residuals.
    let residuals: [Double]
    let sigma2: Double
    let residualDegreesOfFreedom: Int

    func covariance(_ type: CovarianceType) -> Matrix {
        let k = factor.rows
        switch type {
        case .classical:
            var c = factor
            for j in 0..<k { for i in 0..<k { c[i, j] *= sigma2 } }
            return c
        case .hc0, .hc1, .hc2, .hc3:
            let z = influence!, h = leverages!
            let n = z.rows
            var omega = [Double](repeating: 0, count: n)
            for i in 0..<n {
                let e2 = residuals[i] * residuals[i]
                switch type {
                case .hc1: omega[i] = e2 * Double(n) / Double(residualDegreesOfFreedom)
                case .hc2: omega[i] = e2 / (1 - h[i])
                case .hc3: omega[i] = e2 / ((1 - h[i]) * (1 - h[i]))
                default: omega[i] = e2
                }
            }
            var v = Matrix(rows: k, columns: k)
            for a in 0..<k {
                for b in a..<k {
                    var s = 0.0
                    for i in 0..<n { s += z[i, a] * omega[i] * z[i, b] }
                    v[a, b] = s
                    v[b, a] = s
                }
            }
            return v
        case .neweyWest(let lag):
            return Self.bartlettSandwich(influence!, residuals: residuals, lag: lag)
        }
    }

    /// The Newey–West sandwich `Σᵢ uᵢuᵢᵀ + Σₗ wₗ Σᵢ (uᵢuᵢ₋ₗᵀ + uᵢ₋ₗuᵢᵀ)`, `uᵢ = eᵢzᵢ`, Bartlett weights
    /// `wₗ = 1 − l/(L+1)`, in O((n + L)k²) whatever the lag.
    ///
    /// The Bartlett kernel is the autocorrelation of a box of width `W = L + 1`: a pair `(i, i′)` lies together
    /// in exactly `W − |i − i′|` of the windows `[j, j + L] ∩ [0, n)` with `j = −L … n−1`. So the sum equals
    /// `(1/W) Σⱼ SⱼSⱼᵀ` with `Sⱼ` the sum of the `uᵢ` in window `j` — the same number, not an approximation,
    /// and positive semi-definite by construction. Window sums are differences of prefix sums kept in
    /// double-double, so the differencing loses nothing to the prefix sums' larger size.
    static func bartlettSandwich(_ z: Matrix, residuals: [Double], lag: Int) -> Matrix {
        let n = z.rows, k = z.columns
        let width = Double(lag) + 1
        // prefix[i * k + a] = Σ_{t<i} e_t z_{t,a}.
        var prefix = [DoubleDouble](repeating: .zero, count: (n + 1) * k)
        for i in 0..<n {
            for a in 0..<k { prefix[(i + 1) * k + a] = prefix[i * k + a] + residuals[i] * z[i, a] }
        }
        var sums = [Double](repeating: 0, count: k * k)
        var window = [Double](repeating: 0, count: k)
        func add(from lower: Int, to upper: Int) {
            for a in 0..<k { window[a] = (prefix[upper * k + a] - prefix[lower * k + a]).doubleValue }
            for a in 0..<k {
                for b in a..<k { sums[a * k + b] += window[a] * window[b] }
            }
        }
        // Windows starting at j = −L … n−1, clipped to [0, n): n + L of them (the regression refuses L ≥ n).
        for j in -lag..<n { add(from: max(0, j), to: min(n, j + lag + 1)) }
        var v = Matrix(rows: k, columns: k)
        for a in 0..<k {
            for b in a..<k {
                v[a, b] = sums[a * k + b] / width
                v[b, a] = v[a, b]
            }
        }
        return v
    }
}
