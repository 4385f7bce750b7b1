import Foundation

/// The Theta method and its state-space family (Fiorucci, Pellegrini, Louzada, Petropoulos & Koehler,
/// "Models for optimising the theta method and their relationship to state space models", IJF 32, 2016):
///
/// ```
/// μₜ = ℓₜ₋₁ + (1 − 1/θ)·[Aₜ₋₁(1 − α)^(t−1) + Bₜ₋₁(1 − (1 − α)^t)/α]
/// ℓₜ = αyₜ + (1 − α)ℓₜ₋₁
/// ```
/// `A` and `B` are the intercept and slope of the least-squares line through `y₁…yₙ` (standard and optimised
/// models, STM/OTM) or through `y₁…yₜ` at each `t` (dynamic models, DSTM/DOTM, with `A₁ = y₁`, `B₁ = 0`).
/// θ = 2 for the standard models (the classic Theta method of Assimakopoulos & Nikolopoulos, 2000); the
/// optimised ones estimate θ ≥ 1. `α ∈ [0.1, 0.99]` (and θ) minimise the in-sample one-step squared error.
/// All four condition on the first observation rather than estimate `ℓ₀`: the standard and optimised models
/// take the level that makes `μ₁ = y₁` and score the errors from the second observation on; the dynamic
/// models, whose `μ₁ = y₁` by construction, take `ℓ₀ = y₁/θ`, which makes `μ₂ = y₁` (the forecast from one
/// observation is that observation) whatever α, and score the errors from the fourth on, while their line
/// settles. Estimating `ℓ₀` is degenerate: with the first errors left out, the objective barely depends on
/// it, and the search drifts to the edge of any box it is given (statsforecast's `ℓ₀` reaches ±10⁹ on M3
/// series), dragging α with it; conditioning was more accurate on the M3 and Tourism yearly series for all
/// four models, and on M1 for all but the dynamic optimised one (ACCURACY.md).
/// Forecasts continue the recursions with `y` replaced by `μ`, and so do gaps in the sample: a missing value is
/// its one-step forecast, contributing no error (as in the state space form).
/// Intervals are normal with the SES growth of the level's uncertainty, `σ²(1 + (h − 1)α²)`, `σ²` the
/// one-step error variance — an analytic approximation (statsforecast simulates).
public struct Theta: ForecastModel {
    /// The four models of Fiorucci et al. (2016): standard (STM, θ = 2), optimised (OTM), dynamic standard (DSTM)
    /// and dynamic optimised (DOTM).
    public enum Variant: String, Sendable, CaseIterable {
        /// STM: θ = 2 and the line through the whole sample (the classic Theta method).
        case standard
        /// OTM: θ estimated, the line through the whole sample.
        case optimized
        /// DSTM: θ = 2, the line refitted through y₁…yₜ at each t.
        case dynamic
        /// DOTM: θ estimated, the line refitted at each t.
        case dynamicOptimized

        var isDynamic: Bool { self == .dynamic || self == .dynamicOptimized }
        var optimizesTheta: Bool { self == .optimized || self == .dynamicOptimized }
        var label: String {
            switch self {
            case .standard: return "Theta"
            case .optimized: return "Optimised Theta"
            case .dynamic: return "Dynamic Standard Theta"
            case .dynamicOptimized: return "Dynamic Optimised Theta"
            }
        }
    }

    /// Which of the four models.
    public let variant: Variant

    /// The model `variant`; by default the classic Theta method.
    public init(_ variant: Variant = .standard) { self.variant = variant }

    /// `theta`, `otheta`, `dstheta` or `dotheta`.
    public var name: String {
        switch variant {
        case .standard: return "theta"
        case .optimized: return "otheta"
        case .dynamic: return "dstheta"
        case .dynamicOptimized: return "dotheta"
        }
    }

    /// Fits and forecasts `horizon` periods with normal intervals at `levels` (percent).
    /// - Throws: ``ForecastingError`` for a bad horizon or level, or fewer than five observations.
    public func forecast(_ series: TimeSeries, horizon: Int, levels: [Double]) throws(ForecastingError) -> Forecast {
        try Self.check(series, horizon: horizon, levels: levels)
        let trimmed = series.trimmed()
        guard trimmed.observedCount >= 5 else { throw .tooShort(model: variant.label, observed: trimmed.observedCount, minimum: 5) }
        let y = trimmed.values
        let observed = trimmed.observed
        let scale = observed.reduce(0) { $0 + abs($1) } / Double(observed.count)
        let line = Self.line(y)
        let variant = self.variant
        let first = observed[0]
        // Parameters: α and, for the optimised models, θ; ℓ₀ is derived from y₁.
        var lower = [0.1], upper = [0.99], start = [0.5]
        if variant.optimizesTheta { lower.append(1); upper.append(1000); start.append(2) }
        let firstError = variant.isDynamic ? 4 : 2
        func theta(_ p: [Double]) -> Double { variant.optimizesTheta ? p[1] : 2 }
        // Dynamic: ℓ₀ = y₁/θ, so μ₂ = αy₁ + (1 − α)y₁/θ + (1 − 1/θ)(1 − α)y₁ = y₁. Otherwise ℓ₀ such that
        // μ₁ = ℓ₀ + (1 − 1/θ)(A + B) = y₁.
        func level0(_ p: [Double]) -> Double { variant.isDynamic ? first / theta(p) : first - (1 - 1 / theta(p)) * (line.a + line.b) }
        func objective(_ p: [Double]) -> Double {
            let path = Self.run(y, level0: level0(p), alpha: p[0], theta: theta(p), variant: variant, line: line, firstError: firstError)
            return path.sse / max(scale, .leastNormalMagnitude)
        }
        let optimizer = NelderMead(lower: lower, upper: upper, tolerance: 1e-10, maximumEvaluations: 2000)
        var best = optimizer.minimize(objective, from: start)
        let again = optimizer.minimize(objective, from: best.point)
        if again.value < best.value { best = again }
        let theta = theta(best.point), alpha = best.point[0], l0 = level0(best.point)
        let path = Self.run(y, level0: l0, alpha: alpha, theta: theta, variant: variant, line: line, horizon: horizon, firstError: firstError)
        let sigma2 = path.sse / Double(max(path.count - 1, 1))
        let sd = (1...horizon).map { h in (sigma2 * (1 + Double(h - 1) * alpha * alpha)).squareRoot() }
        let label = variant.optimizesTheta ? String(format: "%@ (theta = %.3f)", variant.label, theta) : variant.label
        var forecast = Forecast(model: label, start: series.end, mean: path.forecasts, standardDeviation: sd, levels: levels)
        forecast.parameters = ["alpha": alpha, "theta": theta, "l0": l0, "sigma2": sigma2]
        forecast.inSample = .init(series: trimmed, fitted: path.fitted)
        if !best.converged { forecast.notes.append(Forecast.unconverged(label)) }
        return forecast
    }

    /// The recursions over the sample (and `horizon` steps beyond); the squared one-step errors from
    /// t = `firstError`.
    static func run(_ y: [Double?], level0: Double, alpha: Double, theta: Double, variant: Variant,
                    line: (a: Double, b: Double), horizon: Int = 0, firstError: Int = 4) -> (sse: Double, count: Int, forecasts: [Double], fitted: [Double]) {
        let n = y.count
        var level = level0
        var sums = (y: 0.0, iy: 0.0)                 // Σyᵢ and Σi·yᵢ over i = 1…t, for the dynamic line
        var a = variant.isDynamic ? (y[0] ?? 0) : line.a, b = variant.isDynamic ? 0.0 : line.b
        var sse = 0.0, count = 0
        var forecasts: [Double] = [], fitted: [Double] = []
        let weight = 1 - 1 / theta
        var decay = 1.0                               // (1 − α)^(t−1)
        for t in 1...(n + horizon) {
            let mu: Double
            if variant.isDynamic && t == 1 {
                mu = y[0] ?? line.a + line.b
            } else {
                mu = level + weight * (a * decay + b * (1 - decay * (1 - alpha)) / alpha)
            }
            let observedValue = t <= n ? y[t - 1] : nil
            let value = observedValue ?? mu              // beyond the sample, and at gaps, the forecast itself
            if t <= n {
                if horizon > 0 { fitted.append(mu) }
                if t >= firstError, observedValue != nil { sse += (value - mu) * (value - mu); count += 1 }
            } else {
                forecasts.append(mu)
            }
            level = alpha * value + (1 - alpha) * level
            decay *= 1 - alpha
            if variant.isDynamic {
                sums.y += value
                sums.iy += Double(t) * value
                let tt = Double(t)
                if t >= 2 {
                    b = (tt * sums.iy - tt * (tt + 1) / 2 * sums.y) / (tt * tt * (tt * tt - 1) / 12)
                    a = sums.y / tt - b * (tt + 1) / 2
                } else {
                    a = value
                    b = 0
                }
            }
        }
        return (sse, count, forecasts, fitted)
    }

    /// Least-squares intercept and slope of `yₜ` on `t = 1…n`, over the observed points.
    static func line(_ y: [Double?]) -> (a: Double, b: Double) {
        let points = y.enumerated().compactMap { i, v in v.map { (Double(i + 1), $0) } }
        let n = Double(points.count)
        let mt = points.reduce(0) { $0 + $1.0 } / n
        let my = points.reduce(0) { $0 + $1.1 } / n
        var sxy = 0.0, sxx = 0.0
        for (t, v) in points {
            let d = t - mt
            sxy += d * (v - my)
            sxx += d * d
        }
        let b = sxx > 0 ? sxy / sxx : 0
        return (my - b * mt, b)
    }
}
