/// Forecasts already made from one series, by model name and horizon, so that a model asked for twice in
/// one run — alone and as a member of a combination, as in `backtest --models ets,auto` — is fitted once.
///
/// A memo belongs to one series and is used by one thread; models with equal names must be the same model (as
/// the names of ``ModelCatalog`` are — a model's `screening` variant shares its name, so it must never be given
/// the memo of the full model). Forecasts are kept per name and horizon. Failures of a fit are remembered too,
/// so a model that cannot fit the series is not tried again; arguments are checked before the memo is asked.
public final class ForecastMemo {
    /// What was made, by key: `Result<T, ForecastingError>` for the `T` its maker returned.
    private var made: [String: Any] = [:]

    /// An empty memo, for one series.
    public init() {}

    /// The remembered result of `make` under `key`, or `make()`'s (a value or a failure), remembered.
    private func remembered<T>(_ key: String, _ make: () throws(ForecastingError) -> T) throws(ForecastingError) -> T {
        if let result = made[key] as? Result<T, ForecastingError> { return try result.get() }
        let result: Result<T, ForecastingError>
        do { result = .success(try make()) } catch { result = .failure(error) }
        made[key] = result
        return try result.get()
    }

    /// The forecast of the model named `name` at `levels`: the remembered one, its intervals redrawn at `levels`
    /// from its distribution (normal, or Student t) if they differ, or else `make()`'s, remembered.
    func forecast(named name: String, horizon: Int, levels: [Double],
                  _ make: () throws(ForecastingError) -> Forecast) throws(ForecastingError) -> Forecast {
        let forecast = try remembered("forecast \(name) \(horizon)", make)
        guard forecast.intervals.map(\.level) != levels else { return forecast }
        return forecast.redrawn(levels: levels)
    }

    /// Every ETS model fitted to this series as the automatic selection ranks them: the remembered ones, or
    /// `make()`'s — shared by ``ETS`` (which completes the winner) and ``AkaikeWeightedETS`` (which averages them).
    func etsCandidates(_ make: () throws(ForecastingError) -> [ETSFit]) throws(ForecastingError) -> [ETSFit] {
        try remembered("ranked ETS candidates", make)
    }
}
