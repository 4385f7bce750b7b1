import Foundation

/// The Theta method (Assimakopoulos & Nikolopoulos, 2000) and an optimised variant.
///
/// *Standard*: as shown by Hyndman & Billah (2003), simple exponential smoothing with a drift of half the
/// slope `b` of the least-squares line: `ŷₙ₊ₕ = ℓₙ + (b/2)·(h − 1 + (1 − (1 − α)ⁿ)/α)`, with `α` and `ℓ` from
/// ETS(A,N,N) by maximum likelihood and its intervals.
///
/// *Optimised*: the θ-line `Zₜ = θyₜ + (1 − θ)(a + bt)` is smoothed exponentially and recombined with the
/// least-squares line, `ŷₜ = (1 − 1/θ)(a + bt) + ℓₜ₋₁/θ`; `θ ∈ [1, 10]`, `α` and `ℓ₀` minimise the in-sample
/// one-step squared error (after Fiorucci et al., "Models for optimising the theta method and their
/// relationship to state space models", IJF 32, 2016). θ = 2 gives the standard forecasts. Intervals use
/// the one-step error variance grown as for exponential smoothing, `σ²(1 + (h − 1)(α/θ)²)`.
public struct Theta: ForecastModel {
    public enum Variant: String, Sendable { case standard, optimized }
    public let variant: Variant

    public init(_ variant: Variant = .standard) { self.variant = variant }

    public var name: String { variant == .standard ? "theta" : "otheta" }

    public func forecast(_ series: TimeSeries, horizon: Int, levels: [Double]) throws(ForecastingError) -> Forecast {
        try Self.check(series, horizon: horizon, levels: levels)
        let trimmed = series.trimmed()
        let points = trimmed.values.enumerated().compactMap { i, v in v.map { (Double(i), $0) } }
        guard points.count >= 4 else { throw .tooShort(model: variant == .standard ? "Theta" : "Optimised Theta", observed: points.count, minimum: 4) }
        let (a, b) = Self.line(points)
        let n = Double(trimmed.count)
        switch variant {
        case .standard:
            let ses = try ETS(ETSSpec(error: .additive, trend: .none)).fit(trimmed)
            let base = ses.forecast(start: series.end, horizon: horizon, levels: [])
            let alpha = max(ses.alpha, 1e-10)
            let mean = (0..<horizon).map { h in base.mean[h] + b / 2 * (Double(h) + (1 - pow(1 - alpha, n)) / alpha) }
            return Forecast(model: "Theta", start: series.end, mean: mean, standardDeviation: base.standardDeviation, levels: levels)
        case .optimized:
            let y = trimmed.values
            func run(_ p: [Double]) -> (sse: Double, level: Double, count: Int) {
                let alpha = p[0], theta = p[1]
                var level = p[2], sse = 0.0, count = 0
                for (t, value) in y.enumerated() {
                    let line = a + b * Double(t)
                    let forecast = (1 - 1 / theta) * line + level / theta
                    guard let value else { continue }             // a gap: the level carries over
                    let z = theta * value + (1 - theta) * line
                    sse += (value - forecast) * (value - forecast)
                    count += 1
                    level += alpha * (z - level)
                }
                return (sse, level, count)
            }
            let first = points[0].1
            let spread = max(points.map(\.1).max()! - points.map(\.1).min()!, 1e-8 * max(abs(first), 1))
            let optimizer = NelderMead(lower: [0.01, 1, first - 3 * spread], upper: [0.99, 10, first + 3 * spread], tolerance: 1e-12)
            var best = optimizer.minimize({ run($0).sse }, from: [0.3, 2, first])
            let again = optimizer.minimize({ run($0).sse }, from: best.point)
            if again.value < best.value { best = again }
            let (alpha, theta) = (best.point[0], best.point[1])
            let path = run(best.point)
            let sigma2 = path.sse / Double(max(path.count - 3, 1))
            let mean = (1...horizon).map { h in (1 - 1 / theta) * (a + b * (n - 1 + Double(h))) + path.level / theta }
            let growth = (alpha / theta) * (alpha / theta)
            let sd = (1...horizon).map { h in (sigma2 * (1 + Double(h - 1) * growth)).squareRoot() }
            return Forecast(model: String(format: "Optimised Theta (theta = %.3f)", theta), start: series.end, mean: mean,
                            standardDeviation: sd, levels: levels)
        }
    }

    /// Least-squares intercept and slope of `(t, y)`.
    static func line(_ points: [(Double, Double)]) -> (Double, Double) {
        let count = Double(points.count)
        let mt = points.reduce(0) { $0 + $1.0 } / count
        let my = points.reduce(0) { $0 + $1.1 } / count
        let sxy = points.reduce(0) { $0 + ($1.0 - mt) * ($1.1 - my) }
        let sxx = points.reduce(0) { $0 + ($1.0 - mt) * ($1.0 - mt) }
        let b = sxx > 0 ? sxy / sxx : 0
        return (my - b * mt, b)
    }
}
