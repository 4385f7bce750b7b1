public import Forecasting
public import Store

/// The forecast model of a line, as the caller's model specifications define it (Models/*.yaml): a label for
/// the report and a function from the line's history to a forecast. `regressorPaths` are the scenario's
/// future values of the regressors the specification names (empty when it names none).
public struct LineModel: Sendable {
    /// How the model is named in the report's method text (e.g. `drift (Models/pct-applications.yaml)`, `naive`).
    public let label: String
    /// Forecasts `horizon` years (≥ 1) after `history`, the line's annual series; `regressorPaths` gives the
    /// scenario's future regressor values by series and year. Throws when the model cannot fit the history.
    public let forecast: @Sendable (_ history: TimeSeries, _ horizon: Int, _ regressorPaths: [SeriesID: [Int: Double]]) throws -> Forecast
    /// The regressors whose future values the model reads from a scenario's `regressors` paths.
    public let regressors: Set<SeriesID>
    /// The unit of each of those regressors that counts something (``SeriesDefinition/isCount``): a scenario's
    /// path for it must not go below zero.
    public let countedRegressors: [SeriesID: String]

    /// A model from a forecasting function that reads the scenario paths of `regressors`; `countedRegressors`
    /// gives the unit of those that count things.
    public init(label: String, regressors: Set<SeriesID> = [], countedRegressors: [SeriesID: String] = [:],
                forecast: @escaping @Sendable (_ history: TimeSeries, _ horizon: Int, _ regressorPaths: [SeriesID: [Int: Double]]) throws -> Forecast) {
        self.label = label
        self.regressors = regressors
        self.countedRegressors = countedRegressors
        self.forecast = forecast
    }

    /// A model from the catalog (no regressors).
    public init(label: String, model: any ForecastModel) {
        self.init(label: label) { history, horizon, _ in try model.forecast(history, horizon: horizon, levels: []) }
    }

    /// Fewest annual observations a modelled line needs; with fewer it rests on its last observed level.
    public static let minimumHistory = 5
}
