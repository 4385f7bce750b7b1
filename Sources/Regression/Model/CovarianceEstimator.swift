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
            // u_i = e_i·z_i; V = Σ u_i u_iᵀ + Σ_l w_l Σ_i (u_i u_{i−l}ᵀ + u_{i−l} u_iᵀ), Bartlett w_l = 1 − l/(L+1).
            let z = influence!
            let n = z.rows
            var v = Matrix(rows: k, columns: k)
            for a in 0..<k {
                for b in 0..<k {
                    var s = 0.0
                    for i in 0..<n { s += z[i, a] * residuals[i] * residuals[i] * z[i, b] }
                    if lag > 0 {
                        for l in 1...lag where l < n {
                            let weight = 1 - Double(l) / Double(lag + 1)
                            var cross = 0.0
                            for i in l..<n {
                                let u = residuals[i] * residuals[i - l]
                                cross += u * (z[i, a] * z[i - l, b] + z[i - l, a] * z[i, b])
                            }
                            s += weight * cross
                        }
                    }
                    v[a, b] = s
                }
            }
            return v
        }
    }
}
