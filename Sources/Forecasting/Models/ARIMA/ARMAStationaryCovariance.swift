import Foundation

/// The stationary state covariance of ``ARMAStateSpace``: where its Kalman filter starts.
extension ARMAStateSpace {
    /// `P₁`, the stationary state covariance per unit innovation variance, solving `P = TPTᵀ + RRᵀ`; `nil` when
    /// there is no stationary solution (a root on or inside the unit circle).
    func stationaryCovariance() -> [Double]? {
        let r = self.r
        var p = [Double](repeating: 0, count: r * r)
        let solved = p.withUnsafeMutableBufferPointer { result in
            withUnsafeTemporaryAllocation(of: Double.self, capacity: r * r + 3 * r) { scratch in
                stationaryCovariance(into: result.baseAddress!, scratch: scratch.baseAddress!)
            }
        }
        return solved ? p : nil
    }

    /// ``stationaryCovariance()`` written to `p` (`r × r`, column-major), with `r² + 3r` doubles of `scratch`:
    /// no allocation, for the likelihood's inner loop. False when there is no stationary solution.
    ///
    /// With the companion `T`, `(TPTᵀ)ᵢⱼ = φᵢφⱼP₀₀ + φᵢP₀,ⱼ₊₁ + φⱼP₀,ᵢ₊₁ + Pᵢ₊₁,ⱼ₊₁` (indices ≥ r give 0), so
    /// every entry unrolls down its diagonal into `Q = RRᵀ` and the first row `x = P₀,·`. The r equations of
    /// the first row are a dense r × r system `(I − C)x = b`, solved by Gaussian elimination with partial
    /// pivoting; the rest of P then follows from the bottom-right corner up: O(r³) instead of the doubling
    /// algorithm's O(r³ log(1/(1 − ρ))) for spectral radius ρ.
    func stationaryCovariance(into p: UnsafeMutablePointer<Double>, scratch: UnsafeMutablePointer<Double>) -> Bool {
        let r = self.r
        // The linear system has a (non-covariance) solution for most explosive AR parts too: test stationarity
        // first, by the step-down recursion (every partial autocorrelation inside (−1, 1)), in the scratch space.
        for i in 0..<ar.count { scratch[i] = ar[i] }
        guard ARIMA.stepDown(scratch, count: ar.count, scratch: scratch + r) == 0 else { return false }
        let system = scratch, b = scratch + r * r, phi = b + r, rv = phi + r
        for i in 0..<r {
            phi[i] = i < ar.count ? ar[i] : 0
            rv[i] = i == 0 ? 1 : (i - 1 < ma.count ? ma[i - 1] : 0)
        }
        // Row j of the first-row system: xⱼ = Σₛ (Qₛ,ⱼ₊ₛ + φₛφⱼ₊ₛx₀ + φₛxⱼ₊ₛ₊₁ + φⱼ₊ₛxₛ₊₁). Stored row-major.
        system.initialize(repeating: 0, count: r * r)
        for j in 0..<r {
            system[j * r + j] = 1
            b[j] = 0
            for s in 0..<(r - j) {
                b[j] += rv[s] * rv[j + s]
                system[j * r] -= phi[s] * phi[j + s]
                if j + s + 1 < r { system[j * r + j + s + 1] -= phi[s] }
                if s + 1 < r { system[j * r + s + 1] -= phi[j + s] }
            }
        }
        for column in 0..<r {
            var pivot = column
            for row in (column + 1)..<max(r, column + 1) where abs(system[row * r + column]) > abs(system[pivot * r + column]) {
                pivot = row
            }
            guard abs(system[pivot * r + column]) > 1e-13 else { return false }
            if pivot != column {
                for k in 0..<r { let t = system[column * r + k]; system[column * r + k] = system[pivot * r + k]; system[pivot * r + k] = t }
                let t = b[column]; b[column] = b[pivot]; b[pivot] = t
            }
            for row in (column + 1)..<max(r, column + 1) {
                let factor = system[row * r + column] / system[column * r + column]
                if factor == 0 { continue }
                for k in column..<r { system[row * r + k] -= factor * system[column * r + k] }
                b[row] -= factor * b[column]
            }
        }
        for row in stride(from: r - 1, through: 0, by: -1) {
            var value = b[row]
            for k in (row + 1)..<max(r, row + 1) { value -= system[row * r + k] * b[k] }
            b[row] = value / system[row * r + row]
        }
        // b now holds x = P₀,·. Fill P from the bottom-right corner (Pᵢ₊₁,ⱼ₊₁ is needed first).
        for i in stride(from: r - 1, through: 0, by: -1) {
            for j in stride(from: r - 1, through: i, by: -1) {
                var value = rv[i] * rv[j] + phi[i] * phi[j] * b[0]
                if j + 1 < r { value += phi[i] * b[j + 1] + p[(i + 1) + (j + 1) * r] }
                if i + 1 < r { value += phi[j] * b[i + 1] }
                p[i + j * r] = value
                p[j + i * r] = value
            }
        }
        // A variance below zero (or P₀₀ below the innovation's own 1) means the AR part is not stationary.
        guard p[0] >= 1 - 1e-9 else { return false }
        for i in 0..<r where !(p[i + i * r] >= 0 && p[i + i * r].isFinite) { return false }
        return true
    }
}
