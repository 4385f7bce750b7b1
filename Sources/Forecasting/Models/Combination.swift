import Regression
/// A combination of forecasts: equal weights (Clemen, 1989; the "Comb" benchmark of the M competitions) or
/// weights from validation errors (Bates & Granger, 1969).
///
/// With validation weights, each member forecasts the last `validation` observations from the data before
/// them, once, over that horizon; its weight is proportional to the inverse of its mean squared error there,
/// and members that cannot fit the shortened series get none. The same holdout calibrates the intervals
/// (``validate(_:)``, ``horizonGrowth(_:periods:)``). The mean is the weighted average of the
/// members' means; its variance is that of the weighted mixture of their forecast distributions (their
/// variances plus their disagreement about the mean, ``mixture(_:horizon:)``). Members that cannot fit the
/// series are left out; the combination fails only when all of them do.
public struct Combination: ForecastModel {
    /// How members are weighted.
    public enum Weighting: Sendable, Equatable {
        /// Every member weighs the same (the mixture of their forecast distributions, uncalibrated).
        case equal
        /// Inverse mean squared error over the last `periods` observations.
        case validation(periods: Int)
    }

    /// The models combined (at least one).
    public let members: [any ForecastModel]
    /// Equal weights, or inverse validation MSE with calibrated intervals.
    public let weighting: Weighting
    /// The command-line name (`combo`, `auto`, `combo:a+b`).
    public let name: String

    /// A combination of `members` weighted by `weighting`, reported as `name`.
    public init(_ members: [any ForecastModel], weighting: Weighting = .equal, name: String = "combo") {
        self.members = members
        self.weighting = weighting
        self.name = name
    }

    /// The combined forecast with intervals at `levels` (percent); members are fitted afresh.
    /// - Throws: ``ForecastingError`` for a bad horizon or level, or the first member's error when no member fits.
    public func forecast(_ series: TimeSeries, horizon: Int, levels: [Double]) throws(ForecastingError) -> Forecast {
        try forecast(series, horizon: horizon, levels: levels, memo: ForecastMemo())
    }

    /// The combination, taking from `memo` the members already fitted to this series (and leaving there the
    /// ones it fits).
    public func forecast(_ series: TimeSeries, horizon: Int, levels: [Double], memo: ForecastMemo) throws(ForecastingError) -> Forecast {
        try Self.check(series, horizon: horizon, levels: levels)
        var forecasts: [(Forecast, Double, String)] = []
        var firstError: ForecastingError?
        let validation = validate(series)
        let periods = if case .validation(let periods) = weighting { periods } else { 0 }
        let weights = validation?.weights
        for (index, member) in members.enumerated() where weights?[index] ?? 1 > 0 {
            do {
                let forecast = try member.forecast(series, horizon: horizon, levels: [], memo: memo)
                forecasts.append((forecast, weights?[index] ?? 1, member.name))
            } catch {
                firstError = firstError ?? error
            }
        }
        guard !forecasts.isEmpty else { throw firstError ?? .allMissing }
        let total = forecasts.reduce(0) { $0 + $1.1 }
        let (mean, mixtureSD) = Self.mixture(forecasts.map { ($0.0, $0.1) }, horizon: horizon)
        let inflation = validation?.inflation ?? 1
        let label = forecasts.map { weights == nil ? $0.0.model : "\($0.0.model) ×\(String(format: "%.2f", $0.1 / total))" }
        // With a scale calibrated on the holdout, the predictive distribution is a Student t with as many degrees
        // of freedom as the errors and pseudo-observations behind that scale.
        let student = validation.map { StudentT(degreesOfFreedom: $0.degreesOfFreedom) }
        let quantile: (Double) -> Double = { p in student?.quantile(p) ?? NormalQuantile.value(p) }
        var combined = Forecast(model: "Combination of " + label.joined(separator: ", "), start: series.end,
                                mean: mean, standardDeviation: mixtureSD.enumerated().map { h, sd in
                                    validation == nil ? sd : sd * inflation * Self.horizonGrowth(h + 1, periods: periods) },
                                levels: levels, quantile: quantile)
        for (forecast, weight, member) in forecasts {
            combined.parameters["\(member).weight"] = weight / total
            for (key, value) in forecast.parameters { combined.parameters["\(member).\(key)"] = value }
        }
        if validation != nil { combined.parameters["interval.inflation"] = inflation }
        return combined
    }

    /// The weighted mean of the members' forecasts and the standard deviation of the weighted mixture of their
    /// forecast distributions: the members' variances plus their disagreement about the mean (the law of total
    /// variance, as in Bayesian model averaging; Hoeting et al. 1999, eq. 2).
    static func mixture(_ members: [(Forecast, Double)], horizon: Int) -> (mean: [Double], standardDeviation: [Double]) {
        let total = members.reduce(0) { $0 + $1.1 }
        let mean = (0..<horizon).map { h in members.reduce(0) { $0 + $1.0.mean[h] * $1.1 } / total }
        let sd = (0..<horizon).map { h -> Double in
            (members.reduce(0) { sum, member in
                let deviation = member.0.mean[h] - mean[h]
                return sum + member.1 * (member.0.standardDeviation[h] * member.0.standardDeviation[h] + deviation * deviation)
            } / total).squareRoot()
        }
        return (mean, sd)
    }

    /// How much faster than the members claim the errors grow beyond the middle of the holdout: g(h) =
    /// max(1, √(h / m)) with m = (periods + 1) / 2, the holdout's mean horizon (2 for three years).
    ///
    /// The members' standard deviations grow about like √h (a random walk's), while the errors of yearly
    /// forecasts grow nearer to h, because a trend that is wrong by δ is wrong by δh after h years (Chatfield,
    /// 1993, on intervals that are too narrow out of sample). Every model of both tools shows it: their 95%
    /// coverage falls year by year on the M3, M1 and Tourism yearly series (ACCURACY.md). The holdout's scale
    /// r measures the claims at its mean horizon; g carries it beyond, and is never below 1, so no interval is
    /// narrower than the members state.
    static func horizonGrowth(_ h: Int, periods: Int) -> Double {
        max(1, (2 * Double(h) / Double(periods + 1)).squareRoot())
    }

    /// With validation weights: each member forecasts the last `periods` observations from the data before
    /// them; its weight is the inverse of its mean squared error there. The same holdout calibrates the
    /// intervals: when the combination's errors there exceed its stated standard deviations, scaled by
    /// ``horizonGrowth(_:periods:)`` (root mean squared standardised error r > 1), every standard deviation
    /// of the final forecast is multiplied by r and by the growth at its horizon, and the intervals use
    /// Student t quantiles with the degrees of freedom of that estimate (errors plus prior).
    /// `nil` for equal weights or when the series is too short to hold any out.
    func validate(_ series: TimeSeries) -> (weights: [Double], inflation: Double, degreesOfFreedom: Double)? {
        guard case .validation(let periods) = weighting else { return nil }
        let trimmed = series.trimmed()
        guard periods >= 1, trimmed.count > periods + 5 else { return nil }
        let training = trimmed.prefix(trimmed.count - periods)
        let actual = Array(trimmed.values.suffix(periods))
        // Each member's holdout forecast and mean squared error (nil where it cannot fit or be scored).
        let scored = members.map { member -> (forecast: Forecast, mse: Double)? in
            guard let f = try? member.screening.forecast(training, horizon: periods, levels: []) else { return nil }
            var sse = 0.0, count = 0
            for (a, p) in zip(actual, f.mean) { if let a { sse += (a - p) * (a - p); count += 1 } }
            guard count > 0, sse.isFinite, f.mean.allSatisfy(\.isFinite) else { return nil }
            return (f, sse / Double(count))
        }
        // Weights ∝ 1/MSE, scaled by the smallest MSE so that they stay in [0, 1] (no overflow when a member is
        // nearly exact); members with an exact holdout share the weight when there are any.
        let smallest = scored.compactMap { $0?.mse }.min()
        let weights = scored.map { entry -> Double in
            guard let entry, let smallest else { return 0 }
            if smallest == 0 { return entry.mse == 0 ? 1 : 0 }
            return smallest / entry.mse
        }
        let fitted = zip(scored, weights).compactMap { entry, weight in entry.map { ($0.forecast, weight) } }.filter { $0.1 > 0 }
        guard weights.contains(where: { $0 > 0 }) else { return nil }
        let (mean, sd) = Self.mixture(fitted, horizon: periods)
        var squares = 0.0, count = 0
        for h in 0..<periods {
            let stated = sd[h] * Self.horizonGrowth(h + 1, periods: periods)
            if let a = actual[h], stated > 0 { squares += (a - mean[h]) * (a - mean[h]) / (stated * stated); count += 1 }
        }
        // The holdout's mean squared standardised error, shrunk towards the members' own claim (1) with equal
        // weight (three pseudo-observations), and never below it.
        let prior = 3.0
        return (weights, max(1, ((prior + squares) / (prior + Double(count))).squareRoot()), prior + Double(count))
    }
}
