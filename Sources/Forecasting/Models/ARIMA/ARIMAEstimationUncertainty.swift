import Foundation

/// The forecast variance that comes from estimating the linear coefficients of an ARIMA model — its mean or
/// drift, and a regression's β — rather than knowing them. Given φ and θ, these coefficients are generalised
/// least-squares estimates with covariance `σ²(X̃ᵀX̃)⁻¹` (X̃ the regressors whitened by the Kalman filter), and
/// the h-step forecast is linear in them, so the variance adds `gₕᵀ Cov(ĉ) gₕ`, `gₕ` the forecast's derivatives.
/// The AR and MA coefficients are taken as known. R's `Arima` and statsforecast leave this term out altogether,
/// which makes a drift model's intervals narrower than the drift method's own (Hyndman & Athanasopoulos, FPP3
/// §5.5), more so the further ahead and the shorter the series.
extension ARIMA {
    /// The forecast variance, per unit σ², that comes from estimating the mean (d = 0) or drift (d = 1) rather
    /// than knowing it: `g²ₕ/s₁₁`, where `s₁₁ = Σ v₁ₜ²/Fₜ` is the whitened sum of squares of a column of ones
    /// (so `σ²/s₁₁` is the variance of the generalised least-squares estimate, given φ and θ) and `gₕ` is the
    /// derivative of the h-step forecast with respect to the constant — `1 − ẑₕ` on the differences, with `ẑₕ`
    /// the model's forecast of the column of ones from its own past, integrated d times. For the random walk
    /// with drift this is `h²/m` over m differences, the drift method's `σ²h(1 + h/m)` (Hyndman &
    /// Athanasopoulos, FPP3 §5.5); for the mean of white noise `1/n`. `nil` for a non-stationary model.
    static func constantUncertainty(of model: ARMAStateSpace, differences w: [Double], order: ARIMAOrder, horizon: Int) -> [Double]? {
        guard let p1 = model.stationaryCovariance() else { return nil }
        let ones = model.filter(w.map { $0.isNaN ? .nan : 1 }, p1: p1)
        var s11 = 0.0
        for (v, f) in zip(ones.v, ones.f) where !v.isNaN { s11 += v * v / f }
        guard s11 > 0 else { return nil }
        var sensitivity = model.forecast(from: ones.state, horizon: horizon).map { 1 - $0 }
        for _ in 0..<order.d {
            var running = 0.0
            sensitivity = sensitivity.map { running += $0; return running }
        }
        return sensitivity.map { $0 * $0 / s11 }
    }

    /// The derivative of each h-step forecast of a regression with ARIMA errors with respect to the coefficient
    /// of one regressor: `xₙ₊ₕ − x̂ₙ₊ₕ`, the regressor's future value less the error model's forecast of the
    /// regressor from its own past. (The errors are `η = y − Σβⱼxⱼ`, and their forecast is linear in the data, so
    /// `ŷ = η̂(y) + Σβⱼ(xⱼ,ₙ₊ₕ − x̂ⱼ,ₙ₊ₕ)`.) `column` holds the regressor's values where the errors are known
    /// (nil elsewhere, as the errors' series has them), `gap` the periods forecast through before the horizon.
    static func regressorSensitivity(errors: ARIMAFit, column: TimeSeries, future: [Double], gap: Int) -> [Double] {
        let own = forecast(errors, series: column, start: column.end, horizon: future.count + gap, levels: [])
        return future.indices.map { h in future[h] - own.mean[gap + h] }
    }
}
