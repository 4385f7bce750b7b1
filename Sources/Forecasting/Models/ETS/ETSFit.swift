import Foundation

/// A fitted ETS model: parameters, states, the fit statistics, and what is needed to forecast.
public struct ETSFit: Sendable {
    /// The fitted specification, e.g. ETS(A,Ad,N).
    public let spec: ETSSpec
    /// Level smoothing α, in [1e-4, 0.9999].
    public let alpha: Double
    /// Trend smoothing β, in [1e-4, min(α, 0.2)] (0 without trend).
    public let beta: Double
    /// Damping φ, in [0.8, 0.98] (1 when undamped).
    public let phi: Double
    /// Initial level ℓ₀.
    public let initialLevel: Double
    /// Initial trend b₀ (0 without trend).
    public let initialTrend: Double
    /// Final level ℓₙ, from which forecasts start.
    public let level: Double
    /// Final trend bₙ (0 without trend).
    public let trend: Double
    /// One-step fitted values ŷₜ; at gaps, the model's estimate of the missing value.
    public let fitted: [Double?]
    /// One-step residuals εₜ, `nil` at gaps; relative errors for multiplicative errors.
    public let residuals: [Double?]
    /// Observations used by the likelihood.
    public let observations: Int
    /// `n·log(Σεₜ²)` (+ `2Σlog|ŷₜ|` for multiplicative errors): −2·log-likelihood up to constants.
    public let criterion: Double
    /// Gaussian log-likelihood with the variance concentrated out: `−½·criterion − ½·n·(log(2π/n) + 1)`.
    public let logLikelihood: Double
    /// Parameters counted by the information criteria: smoothing, damping and initial states, plus σ².
    public let parameters: Int
    /// `AIC = −2ℓ + 2k`, with k = `parameters`.
    public let aic: Double
    /// `AICc = AIC + 2k(k+1)/(n−k−1)` (+∞ when n ≤ k + 1), the selection criterion.
    public let aicc: Double
    /// `BIC = −2ℓ + k·log n`.
    public let bic: Double
    /// Innovation variance `Σεₜ²/(n − parameters − 1)` (statsforecast's divisor).
    public let sigma2: Double
    /// Whether the Nelder–Mead search converged within its evaluation budget (the best point found is kept
    /// either way).
    public let converged: Bool

    /// The likelihood criterion alone, without building fitted values: the optimiser's objective. `y` holds
    /// NaN at gaps. `.infinity` for an inadmissible path.
    static func criterion(_ y: UnsafeBufferPointer<Double>, spec: ETSSpec, alpha: Double, beta: Double, phi: Double,
                          l0: Double, b0: Double) -> Double {
        var l = l0, b = spec.hasTrend ? b0 : 0
        let damping = spec.isDamped ? phi : 1
        var sse = 0.0, logSum = 0.0, n = 0
        // Σ log ŷₜ as the log of running products, folded every 16 factors or before they leave [1e-200, 1e200]:
        // one logarithm per 16 observations instead of one each.
        var product = 1.0, factors = 0
        let multiplicative = spec.error == .multiplicative
        for value in y {
            let forecast = l + damping * b
            if value.isNaN {
                l = forecast
                b = damping * b
                continue
            }
            if multiplicative {
                if forecast <= 0 { return .infinity }
                // ŷ(1 + αε) = ŷ + α(y − ŷ) and βŷε = β(y − ŷ): the states follow the additive recursion, and the
                // division for the relative error stays off their dependency chain.
                let difference = value - forecast
                let e = difference / forecast
                sse += e * e
                product *= forecast
                factors += 1
                if factors == 16 || product > 1e200 || product < 1e-200 { logSum += log(product); product = 1; factors = 0 }
                l = forecast + alpha * difference
                b = damping * b + beta * difference
            } else {
                let e = value - forecast
                sse += e * e
                l = forecast + alpha * e
                b = damping * b + beta * e
            }
            n += 1
        }
        guard n > 0, sse.isFinite else { return .infinity }
        logSum += log(product)
        guard logSum.isFinite else { return .infinity }
        return Double(n) * log(max(sse, Double.leastNormalMagnitude)) + (multiplicative ? 2 * logSum : 0)
    }

    /// For additive errors the one-step errors are affine in the initial states, `ε = ε⁽⁰⁾ + ℓ₀g₁ + b₀g₂`
    /// (the recursion is linear), so the states minimising `Σεₜ²` for given `α, β, φ` solve a least-squares
    /// problem of one or two unknowns. Returns the criterion there and those states.
    static func concentrated(_ y: UnsafeBufferPointer<Double>, spec: ETSSpec, alpha: Double, beta: Double, phi: Double)
        -> (criterion: Double, l0: Double, b0: Double) {
        let damping = spec.isDamped ? phi : 1
        // Three recursions in lockstep: the data with zero initial states, and zero data from ℓ₀ = 1 and b₀ = 1.
        var l = (0.0, 1.0, 0.0), b = (0.0, 0.0, 1.0)
        var s11 = 0.0, s12 = 0.0, s22 = 0.0, s1e = 0.0, s2e = 0.0, see = 0.0, n = 0
        for value in y {
            let f0 = l.0 + damping * b.0, f1 = l.1 + damping * b.1, f2 = l.2 + damping * b.2
            if value.isNaN {
                l = (f0, f1, f2)
                b = (damping * b.0, damping * b.1, damping * b.2)
                continue
            }
            let e0 = value - f0, g1 = -f1, g2 = -f2
            s11 += g1 * g1; s12 += g1 * g2; s22 += g2 * g2; s1e += g1 * e0; s2e += g2 * e0; see += e0 * e0
            l = (f0 + alpha * e0, f1 + alpha * g1, f2 + alpha * g2)
            b = (damping * b.0 + beta * e0, damping * b.1 + beta * g1, damping * b.2 + beta * g2)
            n += 1
        }
        guard n > 0 else { return (.infinity, 0, 0) }
        var l0 = 0.0, b0 = 0.0, sse = see
        if spec.hasTrend {
            let det = s11 * s22 - s12 * s12
            guard det > 1e-300 * max(s11 * s22, 1) else { return (.infinity, 0, 0) }
            l0 = -(s22 * s1e - s12 * s2e) / det
            b0 = -(s11 * s2e - s12 * s1e) / det
            sse = see + l0 * s1e + b0 * s2e           // the minimum of a quadratic: e₀ᵀe₀ + sᵀGᵀe₀
        } else {
            guard s11 > 0 else { return (.infinity, 0, 0) }
            l0 = -s1e / s11
            sse = see + l0 * s1e
        }
        guard sse.isFinite else { return (.infinity, l0, b0) }
        return (Double(n) * log(max(sse, Double.leastNormalMagnitude)), l0, b0)
    }

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
            fitted[t] = forecast                       // at a gap: the model's estimate of the missing value
            guard let value else {
                // A gap: the states move on without an innovation, and the likelihood skips the period.
                l = forecast
                b = damping * b
                continue
            }
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
                l = forecast + alpha * (value - forecast)        // ŷ(1 + αε), as `criterion` computes it
                b = damping * b + beta * (value - forecast)      // βŷε
            }
            n += 1
        }
        guard n > 0, sse.isFinite else { return nil }
        let criterion = Double(n) * log(max(sse, Double.leastNormalMagnitude)) + (spec.error == .multiplicative ? 2 * logSum : 0)
        return (criterion, fitted, residuals, l, b, n, sse)
    }
}
