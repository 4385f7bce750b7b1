import Foundation
import LinearAlgebra

/// The exact Gaussian likelihood of a stationary ARMA(p, q) with mean μ, by the Kalman filter on Harvey's state
/// space form (Harvey, *Forecasting, Structural Time Series Models and the Kalman Filter*, 1989, §3.3;
/// Durbin & Koopman, *Time Series Analysis by State Space Methods*, 2012, §3.4):
///
/// ```
/// wₜ − μ = Z·αₜ,   αₜ₊₁ = T·αₜ + R·εₜ₊₁,   r = max(p, q + 1)
/// T = [φ | I; 0],  R = (1, θ₁, …, θᵣ₋₁)ᵀ,  Z = (1, 0, …, 0)
/// ```
/// started from the stationary distribution (`P₁` solves `P = TPTᵀ + RRᵀ`). σ² and μ are concentrated out:
/// the innovations are affine in μ, so μ̂ is a weighted least-squares estimate. Missing values skip the update.
struct ARMAStateSpace {
    let ar: [Double]
    let ma: [Double]
    let r: Int

    init(ar: [Double], ma: [Double]) {
        self.ar = ar
        self.ma = ma
        r = max(ar.count, ma.count + 1)
    }

    /// Innovations vₜ and their variances Fₜ (per unit σ²) of the data `w` (NaN at gaps) with mean 0, and the
    /// predicted state after the last observation. Works in place on preallocated buffers, using the companion
    /// structure of T (`(TP)[i,j] = φᵢP[0,j] + P[i+1,j]`).
    func filter(_ w: [Double], p1: [Double]) -> (v: [Double], f: [Double], state: [Double]) {
        let r = self.r
        var a = [Double](repeating: 0, count: r), next = [Double](repeating: 0, count: r)
        var p = p1
        var tp = [Double](repeating: 0, count: r * r)
        let phi = (0..<r).map { $0 < ar.count ? ar[$0] : 0 }
        let rv = [1] + (0..<(r - 1)).map { $0 < ma.count ? ma[$0] : 0 }
        var v = [Double](repeating: .nan, count: w.count), f = [Double](repeating: .nan, count: w.count)
        for (t, value) in w.enumerated() {
            if !value.isNaN {
                let ft = p[0]
                let vt = value - a[0]
                v[t] = vt
                f[t] = ft
                // Update: a += P·Zᵀ·v/F, P −= P·Zᵀ·Z·P/F (P·Zᵀ is P's first column).
                let column = Array(p[0..<r])
                for i in 0..<r { a[i] += column[i] * vt / ft }
                for j in 0..<r { for i in 0..<r { p[i + j * r] -= column[i] * column[j] / ft } }
            }
            // Predict: a ← T·a, P ← T·P·Tᵀ + R·Rᵀ.
            for i in 0..<r { next[i] = phi[i] * a[0] + (i + 1 < r ? a[i + 1] : 0) }
            swap(&a, &next)
            for j in 0..<r { for i in 0..<r { tp[i + j * r] = phi[i] * p[j * r] + (i + 1 < r ? p[i + 1 + j * r] : 0) } }
            for j in 0..<r { for i in 0..<r {
                p[i + j * r] = phi[j] * tp[i] + (j + 1 < r ? tp[i + (j + 1) * r] : 0) + rv[i] * rv[j]
            } }
        }
        return (v, f, a)
    }

    /// Forecasts of `w − μ` for `h` steps from the predicted state after the sample.
    func forecast(from state: [Double], horizon h: Int) -> [Double] {
        var a = state
        var out: [Double] = []
        for _ in 0..<h {
            out.append(a[0])
            a = (0..<r).map { i in (i < ar.count ? ar[i] * a[0] : 0) + (i + 1 < r ? a[i + 1] : 0) }
        }
        return out
    }

    /// Exact log-likelihood of `w` (NaN at gaps) at a given mean and innovation variance (no concentration):
    /// `−½Σ(log 2πσ²Fₜ + vₜ²/(σ²Fₜ))`.
    func logLikelihood(_ w: [Double], mean: Double, sigma2: Double) -> Double? {
        guard sigma2 > 0, let sums = innovationSums(w, mean: mean) else { return nil }
        return -0.5 * (Double(sums.n) * log(2 * Double.pi * sigma2) + sums.logF + sums.squares / sigma2)
    }

    /// Exact log-likelihood of `w − mean` (NaN at gaps) with σ² at its maximum, `σ̂² = Σvₜ²/Fₜ / n`:
    /// `−½n(log 2πσ̂² + 1) − ½Σ log Fₜ`; `nil` for a non-stationary AR part or a degenerate fit. The same value as
    /// `logLikelihood(w − mean, withMean: false)`, computed by the plain filter without its steady-state
    /// shortcut, so that numerical derivatives see every term exactly.
    func profileLogLikelihood(_ w: [Double], mean: Double) -> Double? {
        guard let sums = innovationSums(w, mean: mean), sums.n > 0, sums.squares > 0 else { return nil }
        let sigma2 = sums.squares / Double(sums.n)
        return -0.5 * Double(sums.n) * (log(2 * Double.pi * sigma2) + 1) - 0.5 * sums.logF
    }

    /// `Σvₜ²/Fₜ`, `Σ log Fₜ` and the number of observations of the plain filter on `w − mean`, from the stationary
    /// distribution; `nil` for a non-stationary AR part or a non-positive `Fₜ`.
    private func innovationSums(_ w: [Double], mean: Double) -> (squares: Double, logF: Double, n: Int)? {
        guard let p1 = stationaryCovariance() else { return nil }
        let data = filter(w.map { $0 - mean }, p1: p1)
        var squares = 0.0, logF = 0.0, n = 0
        for t in w.indices where !data.v[t].isNaN {
            guard data.f[t] > 0 else { return nil }
            squares += data.v[t] * data.v[t] / data.f[t]
            logF += log(data.f[t])
            n += 1
        }
        return (squares, logF, n)
    }

    /// Exact log-likelihood of `w − Xβ` concentrated in β and σ² (regression with ARMA errors): the filter is
    /// linear in the data, so filtering `w` and each column of `X` gives the innovations of `w` and of the
    /// regressors, and β̂ is the weighted least-squares fit of the former on the latter (weights `1/Fₜ`) —
    /// exact generalised least squares for the ARMA covariance (Harvey 1989, §3.4.1). Rows with a missing
    /// response or regressor are skipped. With `covariance`, also `(X̃ᵀX̃)⁻¹` of the whitened regressors, the
    /// covariance of β̂ per unit σ². `nil` for a non-stationary AR part or a rank-deficient design.
    func logLikelihood(_ w: [Double], regressors: [[Double]], covariance: Bool = false)
        -> (logLikelihood: Double, beta: [Double], sigma2: Double, n: Int, covarianceFactor: Matrix?)? {
        guard let p1 = stationaryCovariance() else { return nil }
        let usable = w.indices.map { t in !w[t].isNaN && regressors.allSatisfy { !$0[t].isNaN } }
        let masked = { (x: [Double]) in x.indices.map { usable[$0] ? x[$0] : .nan } }
        let response = filter(masked(w), p1: p1)
        let columns = regressors.map { filter(masked($0), p1: p1).v }
        let rows = w.indices.filter { usable[$0] }
        guard rows.count > regressors.count else { return nil }
        var beta: [Double] = []
        var covarianceFactor: Matrix?
        var residual = rows.map { response.v[$0] / response.f[$0].squareRoot() }
        if !regressors.isEmpty {
            let design = columns.map { column in rows.map { column[$0] / response.f[$0].squareRoot() } }
            guard let matrix = try? Matrix(columns: design),
                  let solution = try? LeastSquares.solve(matrix, residual, options: .init(computeCovariance: covariance)),
                  solution.aliased.isEmpty else { return nil }
            beta = solution.coefficients
            covarianceFactor = solution.covarianceFactor
            residual = solution.residuals
        }
        let sum = residual.reduce(0) { $0 + $1 * $1 }
        let logF = rows.reduce(0) { $0 + log(response.f[$1]) }
        guard sum > 0 else { return nil }
        let n = rows.count
        let sigma2 = sum / Double(n)
        return (-0.5 * Double(n) * (log(2 * Double.pi * sigma2) + 1) - 0.5 * logF, beta, sigma2, n, covarianceFactor)
    }

    /// Exact concentrated log-likelihood of `w` (NaN at gaps) with μ estimated when `withMean`; returns
    /// `(logLikelihood, μ, σ², n, state)` or `nil` for a non-stationary AR part.
    ///
    /// One pass: the innovations of the data and of a column of ones share the Kalman gains and variances,
    /// so both are filtered together and only their weighted sums are kept (no arrays of length n). The data
    /// are centred on their sample mean first, so that the sums of squares expanded around μ lose no accuracy.
    /// The optimiser calls this thousands of times per series, so its matrices live in one temporary
    /// allocation on the stack rather than in arrays.
    func logLikelihood(_ w: [Double], withMean: Bool) -> (logLikelihood: Double, mean: Double, sigma2: Double, n: Int, state: [Double])? {
        let r = self.r, stride = r + 1
        var state = [Double](repeating: 0, count: r)
        // P (upper triangle used) with a zero row and column r, and vectors with a zero entry r, so that the
        // shifts of the companion form need no bounds tests.
        let capacity = stride * stride + 2 * r * r + 3 * r + 7 * stride
        let result: (Double, Double, Double, Int)? = withUnsafeTemporaryAllocation(of: Double.self, capacity: capacity) { buffer in
            let base = buffer.baseAddress!
            base.initialize(repeating: 0, count: capacity)
            let p = base, solved = base + stride * stride, scratch = solved + r * r
            let vectors = scratch + r * r + 3 * r
            var a = vectors, next = vectors + stride
            var ones = vectors + 2 * stride, nextOnes = vectors + 3 * stride
            let phi = vectors + 4 * stride, rv = vectors + 5 * stride, k = vectors + 6 * stride
            guard stationaryCovariance(into: solved, scratch: scratch) else { return nil }
            for j in 0..<r { for i in 0...j { p[i + j * stride] = solved[i + j * r] } }
            for i in 0..<r {
                phi[i] = i < ar.count ? ar[i] : 0
                rv[i] = i == 0 ? 1 : (i - 1 < ma.count ? ma[i - 1] : 0)
            }
            return w.withUnsafeBufferPointer { w -> (Double, Double, Double, Int)? in
                var centre = 0.0
                if withMean {
                    var sum = 0.0, count = 0
                    for x in w where !x.isNaN { sum += x; count += 1 }
                    centre = count > 0 ? sum / Double(count) : 0
                }
                var svv = 0.0, sv1 = 0.0, s11 = 0.0, logF = 0.0, n = 0
                // Σ log Fₜ as the log of a running product (Fₜ ≥ 1 decreasing to 1), folded every 16 factors or
                // past 1e200: one logarithm per 16 observations instead of one each.
                var productF = 1.0, factors = 0
                // Once the prediction variance has settled (Fₜ within 1e-13 of its limit 1, which an invertible
                // model reaches), the predicted P no longer changes between observations: it is kept, and its
                // update and prediction are skipped until a gap.
                var steady = false
                for value in w {
                    if value.isNaN {
                        // No observation: a ← Ta, P ← TPTᵀ + RRᵀ, with (TPTᵀ)ᵢⱼ = φᵢφⱼP₀₀ + φᵢP₀,ⱼ₊₁ + φⱼP₀,ᵢ₊₁ + Pᵢ₊₁,ⱼ₊₁.
                        steady = false
                        for i in 0..<r { next[i] = p[i * stride] }            // the first row, before it changes
                        let p00 = next[0]
                        for i in 0..<r { for j in i..<r {
                            p[i + j * stride] = phi[i] * phi[j] * p00 + phi[i] * next[j + 1] + phi[j] * next[i + 1]
                                + p[(i + 1) + (j + 1) * stride] + rv[i] * rv[j]
                        } }
                        for i in 0..<r { next[i] = phi[i] * a[0] + a[i + 1] }
                        swap(&a, &next)
                        if withMean {
                            for i in 0..<r { nextOnes[i] = phi[i] * ones[0] + ones[i + 1] }
                            swap(&ones, &nextOnes)
                        }
                        continue
                    }
                    let ft = p[0]
                    guard ft > 0 else { return nil }
                    if abs(ft - 1) < 1e-13 { steady = true }
                    let inverse = 1 / ft
                    let vt = value - centre - a[0], v1 = 1 - ones[0]
                    svv += vt * vt * inverse
                    if !steady {
                        productF *= ft
                        factors += 1
                        if factors == 16 || productF > 1e200 { logF += log(productF); productF = 1; factors = 0 }
                    }
                    n += 1
                    // Update and predict in one: the gain direction is P's first row k, a ← T(a + k·v/F).
                    let gain = vt * inverse
                    for i in 0..<r { next[i] = phi[i] * (a[0] + p[0] * gain) + a[i + 1] + p[(i + 1) * stride] * gain }
                    swap(&a, &next)
                    if withMean {
                        sv1 += vt * v1 * inverse
                        s11 += v1 * v1 * inverse
                        let gainOnes = v1 * inverse
                        for i in 0..<r { nextOnes[i] = phi[i] * (ones[0] + p[0] * gainOnes) + ones[i + 1] + p[(i + 1) * stride] * gainOnes }
                        swap(&ones, &nextOnes)
                    }
                    if steady { continue }
                    // The observed wₜ is known exactly, so the updated P has a zero first row and column, and
                    // the predicted P is Pᵢ₊₁,ⱼ₊₁ − kᵢ₊₁kⱼ₊₁/F + RᵢRⱼ with k = P's first row (copied: row 0 is
                    // overwritten first; rows in increasing order, each reads the next).
                    for i in 0..<r { k[i] = p[(i + 1) * stride] }
                    for i in 0..<r {
                        let ki = k[i] * inverse
                        for j in i..<r {
                            p[i + j * stride] = p[(i + 1) + (j + 1) * stride] - ki * k[j] + rv[i] * rv[j]
                        }
                    }
                }
                var shift = 0.0, sum = svv
                if withMean {
                    guard s11 > 0 else { return nil }
                    shift = sv1 / s11
                    sum = svv - shift * sv1                    // Σ(v − μ′v₁)²/F at its minimum over μ′
                }
                guard n > 0, sum > 0 else { return nil }
                logF += log(productF)
                for i in 0..<r { state[i] = a[i] - shift * ones[i] }
                let sigma2 = sum / Double(n)
                let ll = -0.5 * Double(n) * (log(2 * Double.pi * sigma2) + 1) - 0.5 * logF
                return (ll, centre + shift, sigma2, n)
            }
        }
        guard let (ll, mean, sigma2, n) = result else { return nil }
        return (ll, mean, sigma2, n, state)
    }
}
