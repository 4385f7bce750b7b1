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

    /// `P₁`, the stationary state covariance per unit innovation variance, solving `P = TPTᵀ + RRᵀ` by the
    /// doubling algorithm (`Pₖ₊₁ = Pₖ + AₖPₖAₖᵀ`, `Aₖ₊₁ = Aₖ²`, from `P₀ = RRᵀ`, `A₀ = T`): each step doubles the
    /// number of terms of `Σ TʲRRᵀTʲᵀ`. `nil` if it does not converge (a root on the unit circle).
    func stationaryCovariance() -> [Double]? {
        let r = self.r
        var p = [Double](repeating: 0, count: r * r)
        let converged = p.withUnsafeMutableBufferPointer { result in
            withUnsafeTemporaryAllocation(of: Double.self, capacity: 4 * r * r) { scratch in
                stationaryCovariance(into: result.baseAddress!, scratch: scratch.baseAddress!)
            }
        }
        return converged ? p : nil
    }

    /// The doubling algorithm of ``stationaryCovariance()`` writing the `r × r` result (column-major) to `p`,
    /// with `4r²` doubles of `scratch`: no allocation, for the likelihood's inner loop. False if it does not
    /// converge to a finite covariance.
    func stationaryCovariance(into p: UnsafeMutablePointer<Double>, scratch: UnsafeMutablePointer<Double>) -> Bool {
        let r = self.r, size2 = r * r
        var a = scratch, aa = scratch + size2
        let ap = scratch + 2 * size2, apa = scratch + 3 * size2
        func rv(_ i: Int) -> Double { i == 0 ? 1 : (i - 1 < ma.count ? ma[i - 1] : 0) }
        for j in 0..<r { for i in 0..<r { p[i + j * r] = rv(i) * rv(j) } }
        a.update(repeating: 0, count: size2)
        for i in 0..<r {
            if i < ar.count { a[i] = ar[i] }
            if i + 1 < r { a[i + (i + 1) * r] = 1 }
        }
        for _ in 0..<64 {
            // ap = A·P, apa = A·P·Aᵀ, aa = A·A
            for j in 0..<r { for i in 0..<r {
                var s = 0.0, t = 0.0
                for k in 0..<r { s += a[i + k * r] * p[k + j * r]; t += a[i + k * r] * a[k + j * r] }
                ap[i + j * r] = s
                aa[i + j * r] = t
            } }
            var change = 0.0, size = 0.0
            for j in 0..<r { for i in 0..<r {
                var s = 0.0
                for k in 0..<r { s += ap[i + k * r] * a[j + k * r] }
                apa[i + j * r] = s
                change = max(change, abs(s))
                size = max(size, abs(p[i + j * r]))
            } }
            for idx in 0..<size2 { p[idx] += apa[idx] }
            swap(&a, &aa)
            if change <= 1e-15 * size { break }
            if !size.isFinite { return false }
        }
        for i in 0..<r where !(p[i + i * r] >= 0 && p[i + i * r].isFinite) { return false }
        return true
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
        guard let p1 = stationaryCovariance(), sigma2 > 0 else { return nil }
        let data = filter(w.map { $0 - mean }, p1: p1)
        var total = 0.0
        for t in w.indices where !data.v[t].isNaN {
            total += log(2 * Double.pi * sigma2 * data.f[t]) + data.v[t] * data.v[t] / (sigma2 * data.f[t])
        }
        return -0.5 * total
    }

    /// Exact log-likelihood of `w − Xβ` concentrated in β and σ² (regression with ARMA errors): the filter is
    /// linear in the data, so filtering `w` and each column of `X` gives the innovations of `w` and of the
    /// regressors, and β̂ is the weighted least-squares fit of the former on the latter (weights `1/Fₜ`) —
    /// exact generalised least squares for the ARMA covariance (Harvey 1989, §3.4.1). Rows with a missing
    /// response or regressor are skipped. `nil` for a non-stationary AR part or a rank-deficient design.
    func logLikelihood(_ w: [Double], regressors: [[Double]]) -> (logLikelihood: Double, beta: [Double], sigma2: Double, n: Int)? {
        guard let p1 = stationaryCovariance() else { return nil }
        let usable = w.indices.map { t in !w[t].isNaN && regressors.allSatisfy { !$0[t].isNaN } }
        let masked = { (x: [Double]) in x.indices.map { usable[$0] ? x[$0] : .nan } }
        let response = filter(masked(w), p1: p1)
        let columns = regressors.map { filter(masked($0), p1: p1).v }
        let rows = w.indices.filter { usable[$0] }
        guard rows.count > regressors.count else { return nil }
        var beta: [Double] = []
        var residual = rows.map { response.v[$0] / response.f[$0].squareRoot() }
        if !regressors.isEmpty {
            let design = columns.map { column in rows.map { column[$0] / response.f[$0].squareRoot() } }
            guard let matrix = try? Matrix(columns: design),
                  let solution = try? LeastSquares.solve(matrix, residual, options: .init(computeCovariance: false)),
                  solution.aliased.isEmpty else { return nil }
            beta = solution.coefficients
            residual = solution.residuals
        }
        let sum = residual.reduce(0) { $0 + $1 * $1 }
        let logF = rows.reduce(0) { $0 + log(response.f[$1]) }
        guard sum > 0 else { return nil }
        let n = rows.count
        let sigma2 = sum / Double(n)
        return (-0.5 * Double(n) * (log(2 * Double.pi * sigma2) + 1) - 0.5 * logF, beta, sigma2, n)
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
        let r = self.r, size2 = r * r
        var state = [Double](repeating: 0, count: r)
        let result: (Double, Double, Double, Int)? = withUnsafeTemporaryAllocation(of: Double.self, capacity: 6 * size2 + 5 * r) { buffer in
            let base = buffer.baseAddress!
            let p = base, tp = base + size2, scratch = base + 2 * size2
            let vectors = base + 6 * size2
            var a = vectors, ones = vectors + r, next = vectors + 2 * r
            let phi = vectors + 3 * r, rv = vectors + 4 * r
            guard stationaryCovariance(into: p, scratch: scratch) else { return nil }
            for i in 0..<r {
                phi[i] = i < ar.count ? ar[i] : 0
                rv[i] = i == 0 ? 1 : (i - 1 < ma.count ? ma[i - 1] : 0)
                a[i] = 0
                ones[i] = 0
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
                        steady = false
                    } else {
                        let ft = p[0]
                        guard ft > 0 else { return nil }
                        if abs(ft - 1) < 1e-13 { steady = true }
                        let vt = value - centre - a[0], v1 = 1 - ones[0]
                        svv += vt * vt / ft
                        if !steady {
                            productF *= ft
                            factors += 1
                            if factors == 16 || productF > 1e200 { logF += log(productF); productF = 1; factors = 0 }
                        }
                        n += 1
                        // P's first column is the gain direction: a += P·Zᵀ·v/F.
                        for i in 0..<r { a[i] += p[i] * vt / ft }
                        if withMean {
                            sv1 += vt * v1 / ft
                            s11 += v1 * v1 / ft
                            for i in 0..<r { ones[i] += p[i] * v1 / ft }
                        }
                        if !steady {
                            // P −= P·Zᵀ·Z·P/F, from a copy of the first column (it changes as the update runs).
                            for i in 0..<r { next[i] = p[i] }
                            for j in 0..<r { for i in 0..<r { p[i + j * r] -= next[i] * next[j] / ft } }
                        }
                    }
                    for i in 0..<r { next[i] = phi[i] * a[0] + (i + 1 < r ? a[i + 1] : 0) }
                    swap(&a, &next)
                    if withMean {
                        for i in 0..<r { next[i] = phi[i] * ones[0] + (i + 1 < r ? ones[i + 1] : 0) }
                        swap(&ones, &next)
                    }
                    if steady { continue }
                    for j in 0..<r { for i in 0..<r { tp[i + j * r] = phi[i] * p[j * r] + (i + 1 < r ? p[i + 1 + j * r] : 0) } }
                    for j in 0..<r { for i in 0..<r {
                        p[i + j * r] = phi[j] * tp[i] + (j + 1 < r ? tp[i + (j + 1) * r] : 0) + rv[i] * rv[j]
                    } }
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
