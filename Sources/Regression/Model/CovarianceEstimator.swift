import LinearAlgebra

/// Sandwich covariance estimators computed in equilibrated coordinates, where the bread `(XₛᵀXₛ)⁻¹` is
/// well scaled whatever the units of the raw columns.
struct CovarianceEstimator {
    /// Whitened, equilibrated design over the included columns.
    let design: Matrix
    /// `(XₛᵀXₛ)⁻¹`.
    let factor: Matrix
    /// Whitened residuals.
    let residuals: [Double]
    let sigma2: Double
    let residualDegreesOfFreedom: Int

    func covariance(_ type: CovarianceType) -> Matrix {
        let n = design.rows, k = design.columns
        switch type {
        case .classical:
            var c = factor
            for j in 0..<k { for i in 0..<k { c[i, j] *= sigma2 } }
            return c
        case .hc0, .hc1, .hc2, .hc3:
            let leverage = leverages()
            var omega = [Double](repeating: 0, count: n)
            for i in 0..<n {
                let e2 = residuals[i] * residuals[i]
                switch type {
                case .hc2: omega[i] = e2 / (1 - leverage[i])
                case .hc3: omega[i] = e2 / ((1 - leverage[i]) * (1 - leverage[i]))
                default: omega[i] = e2
                }
            }
            var meat = Matrix(rows: k, columns: k)
            for a in 0..<k {
                for b in a..<k {
                    var s = 0.0
                    for i in 0..<n { s += design[i, a] * omega[i] * design[i, b] }
                    meat[a, b] = s
                    meat[b, a] = s
                }
            }
            let factorOfCorrection = type == .hc1 ? Double(n) / Double(residualDegreesOfFreedom) : 1
            return sandwich(meat, times: factorOfCorrection)
        case .neweyWest(let lag):
            var meat = Matrix(rows: k, columns: k)
            for a in 0..<k {
                for b in 0..<k {
                    var s = 0.0
                    for i in 0..<n { s += design[i, a] * residuals[i] * residuals[i] * design[i, b] }
                    if lag > 0 {
                        for l in 1...lag where l < n {
                            let weight = 1 - Double(l) / Double(lag + 1)
                            var cross = 0.0
                            for i in l..<n {
                                let u = residuals[i] * residuals[i - l]
                                cross += u * (design[i, a] * design[i - l, b] + design[i - l, a] * design[i, b])
                            }
                            s += weight * cross
                        }
                    }
                    meat[a, b] = s
                }
            }
            return sandwich(meat, times: Double(n) / Double(residualDegreesOfFreedom))
        }
    }

    /// `hᵢ = xᵢᵀ(XᵀX)⁻¹xᵢ`, the diagonal of the hat matrix.
    func leverages() -> [Double] {
        let k = design.columns
        return (0..<design.rows).map { i in
            var h = 0.0
            for a in 0..<k {
                var s = 0.0
                for b in 0..<k { s += factor[a, b] * design[i, b] }
                h += design[i, a] * s
            }
            return h
        }
    }

    private func sandwich(_ meat: Matrix, times scale: Double) -> Matrix {
        let k = factor.rows
        var result = Matrix(rows: k, columns: k)
        // (F·M)·F with F symmetric.
        var fm = Matrix(rows: k, columns: k)
        for i in 0..<k { for j in 0..<k { var s = 0.0; for l in 0..<k { s += factor[i, l] * meat[l, j] }; fm[i, j] = s } }
        for i in 0..<k { for j in 0..<k { var s = 0.0; for l in 0..<k { s += fm[i, l] * factor[l, j] }; result[i, j] = s * scale } }
        return result
    }
}
