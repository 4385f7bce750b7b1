import Foundation

/// Exponential smoothing averaged over models rather than selected: every admissible non-seasonal ETS model
/// is fitted by maximum likelihood, and their forecasts are combined with Akaike weights
/// `wᵢ ∝ exp(−½(AICcᵢ − AICc_min))` (Burnham & Anderson, *Model Selection and Multimodel Inference*, 2002, §2.9;
/// Kolassa, "Combining exponential smoothing forecasts using Akaike weights", IJF 27, 2011).
///
/// Selection keeps the smallest AICc even when another model is nearly as good and forecasts very differently;
/// the average hedges in proportion to the evidence. The mean is the weighted mean of the models' means and the
/// interval is the normal one with the weighted mixture's variance (the models' variances plus their
/// disagreement, as ``Combination``). The models are fitted as the selection ranks them (tolerance 1e-6), which
/// the weights do not need to be finer than. Multiplicative-error models whose point forecasts reach zero within
/// the horizon are left out, as from ``ETS``'s selection (all are kept, with a note, if none is defined there).
public struct AkaikeWeightedETS: ForecastModel {
    let effort: ETS.Effort

    /// The average of every admissible model, each fitted as the automatic selection ranks them.
    public init() { effort = .ranking }

    init(effort: ETS.Effort) { self.effort = effort }

    /// `etsw` on the command line.
    public var name: String { "etsw" }

    /// For a holdout score: multiplicative models on profiled initial states (``ETS/Effort/screening``).
    public var screening: any ForecastModel { AkaikeWeightedETS(effort: .screening) }

    /// The fitted models and their weights (summing to 1), largest weight first; with a `horizon`, only the
    /// models defined over it (``ETSFit/isDefined(over:)``).
    public func fit(_ series: TimeSeries, horizon: Int? = nil) throws(ForecastingError) -> [(fit: ETSFit, weight: Double)] {
        try fit(series, horizon: horizon, memo: nil)
    }

    /// ``fit(_:horizon:)``, taking the ranked candidates from `memo` (shared with ``ETS``) when given and ranking.
    func fit(_ series: TimeSeries, horizon: Int?, memo: ForecastMemo?) throws(ForecastingError) -> [(fit: ETSFit, weight: Double)] {
        let trimmed = series.trimmed()
        guard trimmed.observedCount > 0 else { throw .allMissing }
        let effort = self.effort
        let fits = ETS.definedOver(try ETS.candidates(trimmed.values, effort: effort, memo: memo), horizon: horizon)
        let smallest = fits.map(\.aicc).min()!
        let raw = fits.map { exp(-0.5 * ($0.aicc - smallest)) }
        let total = raw.reduce(0, +)
        return zip(fits, raw).map { ($0, $1 / total) }.sorted { $0.weight > $1.weight }
    }

    /// The weighted mean of the models' forecasts, with normal intervals from the mixture's variance.
    public func forecast(_ series: TimeSeries, horizon: Int, levels: [Double]) throws(ForecastingError) -> Forecast {
        try Self.check(series, horizon: horizon, levels: levels)
        return try weightedForecast(series, horizon: horizon, levels: levels, memo: nil)
    }

    /// The forecast through a memo, whose ranked candidates it shares with ``ETS``.
    public func forecast(_ series: TimeSeries, horizon: Int, levels: [Double], memo: ForecastMemo) throws(ForecastingError) -> Forecast {
        try remembered(series, horizon: horizon, levels: levels, in: memo) { () throws(ForecastingError) in
            try weightedForecast(series, horizon: horizon, levels: levels, memo: memo)
        }
    }

    /// The forecast for checked arguments, with the candidates from `memo` when given.
    private func weightedForecast(_ series: TimeSeries, horizon: Int, levels: [Double], memo: ForecastMemo?) throws(ForecastingError) -> Forecast {
        let weighted = try fit(series, horizon: horizon, memo: memo)
        let members = weighted.map { ($0.fit.forecast(start: series.end, horizon: horizon, levels: []), $0.weight) }
        let (mean, sd) = Combination.mixture(members, horizon: horizon)
        // e.g. "Akaike-weighted ETS [ETS(A,A,N) 67%, ETS(M,A,N) 29%, ETS(A,Ad,N) 3%, 3 below 1%]"
        let shown = weighted.filter { $0.weight >= 0.01 }
        var parts = shown.map { "\($0.fit.spec) \(String(format: "%.0f", 100 * $0.weight))%" }
        if shown.count < weighted.count { parts.append("\(weighted.count - shown.count) below 1%") }
        var forecast = Forecast(model: "Akaike-weighted ETS [" + parts.joined(separator: ", ") + "]", start: series.end, mean: mean,
                                standardDeviation: sd, levels: levels)
        for (fit, weight) in weighted {
            forecast.parameters["\(fit.spec).weight"] = weight
            forecast.recordStatistic("\(fit.spec).aicc", fit.aicc)
        }
        forecast.notes += weighted.filter { $0.weight >= 0.01 && !$0.fit.converged }.map { Forecast.unconverged("\($0.fit.spec)") }
            + weighted.filter { $0.weight >= 0.01 }.compactMap { $0.fit.undefinedNote(horizon: horizon) }
        // The in-sample fit averaged with the same weights.
        let trimmed = series.trimmed()
        forecast.inSample = Combination.inSample(weighted.map { (.init(series: trimmed, fitted: $0.fit.fitted), $0.weight) }, of: trimmed)
        return forecast
    }
}
