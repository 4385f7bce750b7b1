import Foundation

/// A fitted ETS model: parameters, states, the fit statistics, and what is needed to forecast.
public struct ETSFit: Sendable {
    public let spec: ETSSpec
    public let alpha: Double
    /// Trend smoothing (0 without trend).
    public let beta: Double
    /// Damping (1 when undamped).
    public let phi: Double
    /// Initial level and trend.
    public let initialLevel: Double
    public let initialTrend: Double
    /// Final states, from which forecasts start.
    public let level: Double
    public let trend: Double
    /// One-step fitted values and residuals (`nil` at gaps); multiplicative residuals are relative errors.
    public let fitted: [Double?]
    public let residuals: [Double?]
    /// Observations used by the likelihood.
    public let observations: Int
    /// `n·log(Σεₜ²)` (+ `2Σlog|ŷₜ|` for multiplicative errors): −2·log-likelihood up to constants.
    public let criterion: Double
    /// Gaussian log-likelihood with the variance concentrated out: `−½·criterion − ½·n·(log(2π/n) + 1)`.
    public let logLikelihood: Double
    /// Parameters counted by the information criteria: smoothing, damping and initial states, plus σ².
    public let parameters: Int
    public let aic: Double
    public let aicc: Double
    public let bic: Double
    /// Innovation variance `Σεₜ²/(n − parameters + 1)`.
    public let sigma2: Double
    public let converged: Bool

    /// The one-step recursion over the series, from `(ℓ₀, b₀)`; returns `nil` for an inadmissible path
    /// (a non-positive one-step forecast under multiplicative errors).
    static func filter(_ y: [Double?], spec: ETSSpec, alpha: Double, beta: Double, phi: Double, l0: Double, b0: Double)
        -> (criterion: Double, fitted: [Double?], residuals: [Double?], level: Double, trend: Double, n: Int, sse: Double)? {
        var l = l0, b = spec.hasTrend ? b0 : 0
        let damping = spec.isDamped ? phi : 1
        var sse = 0.0, logSum = 0.0, n = 0
        var fitted = [Double?](repeating: nil, count: y.count)
        var residuals = [Double?](repeating: nil, count: y.count)
        for (t, value) in y.enumerated() {
            let forecast = l + damping * b
            guard let value else {
                // A gap: the states move on without an innovation, and the likelihood skips the period.
                l = forecast
                b = damping * b
                continue
            }
            fitted[t] = forecast
            switch spec.error {
            case .additive:
                let e = value - forecast
                residuals[t] = e
                sse += e * e
                l = forecast + alpha * e
                b = damping * b + beta * e
            case .multiplicative:
                guard forecast > 0 else { return nil }
                let e = (value - forecast) / forecast
                residuals[t] = e
                sse += e * e
                logSum += log(forecast)
                l = forecast * (1 + alpha * e)
                b = damping * b + beta * forecast * e
            }
            n += 1
        }
        guard n > 0, sse.isFinite else { return nil }
        let criterion = Double(n) * log(max(sse, Double.leastNormalMagnitude)) + (spec.error == .multiplicative ? 2 * logSum : 0)
        return (criterion, fitted, residuals, l, b, n, sse)
    }
}
