/// Forecasts already made from one series at one horizon, by model name, so that a model asked for twice in
/// one run — alone and as a member of a combination, as in `backtest --models ets,auto` — is fitted once.
///
/// A memo belongs to one series and is used by one thread; models with equal names must be the same model (as
/// the names of ``ModelCatalog`` are — a model's `screening` variant shares its name, so it must never be given
/// the memo of the full model). Forecasts are kept per name and horizon. Failures of a fit are remembered too,
/// so a model that cannot fit the series is not tried again; arguments are checked before the memo is asked.
public final class ForecastMemo {
    private var entries: [String: Result<Forecast, ForecastingError>] = [:]
    private var rankedETS: Result<[ETSFit], ForecastingError>?

    /// An empty memo, for one series.
    public init() {}

    /// The forecast of the model named `name` at `levels`: the remembered one, its normal intervals redrawn at
    /// `levels` if they differ, or else `make()`'s, remembered.
    func forecast(named name: String, horizon: Int, levels: [Double],
                  _ make: () throws(ForecastingError) -> Forecast) throws(ForecastingError) -> Forecast {
        let key = "\(name)|\(horizon)"
        let remembered: Result<Forecast, ForecastingError>
        if let entry = entries[key] {
            remembered = entry
        } else {
            do { remembered = .success(try make()) } catch { remembered = .failure(error) }
            entries[key] = remembered
        }
        let forecast = try remembered.get()
        guard forecast.intervals.map(\.level) != levels else { return forecast }
        var redrawn = Forecast(model: forecast.model, start: forecast.start, mean: forecast.mean,
                               standardDeviation: forecast.standardDeviation, levels: levels)
        redrawn.parameters = forecast.parameters
        return redrawn
    }

    /// Every ETS model fitted to this series as the automatic selection ranks them: the remembered ones, or
    /// `make()`'s — shared by ``ETS`` (which completes the winner) and ``AkaikeWeightedETS`` (which averages them).
    func etsCandidates(_ make: () throws(ForecastingError) -> [ETSFit]) throws(ForecastingError) -> [ETSFit] {
        if let rankedETS { return try rankedETS.get() }
        let made: Result<[ETSFit], ForecastingError>
        do { made = .success(try make()) } catch { made = .failure(error) }
        rankedETS = made
        return try made.get()
    }
}
