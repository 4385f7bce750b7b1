import Budget
import Forecasting

/// A rolling-origin backtest as the service returns it: the result's own fields (series, horizon, realTime, scores,
/// skipped, lateOrigins) and, with `baseline=MODEL`, `versusBaseline`: every model against that one, origin by origin.
struct BacktestBody: Encodable {
    let result: RollingOriginResult
    let versusBaseline: BaselineComparison?

    private enum Keys: String, CodingKey { case versusBaseline }

    /// The backtest (the baseline's model among its models) and, if `baseline` names one, the comparison with
    /// every model the backtest scored.
    init(_ result: RollingOriginResult, baseline: (any ForecastModel)?) {
        self.result = result
        versusBaseline = baseline.map { reference in
            BaselineComparison(baseline: reference.name, models: result.modelNames,
                               scores: result.scores.map(\.unitScore))
        }
    }

    func encode(to encoder: any Encoder) throws {
        try result.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encodeIfPresent(versusBaseline, forKey: .versusBaseline)
    }

    /// `models` with the model of the query parameter `baseline` appended when it is not among them; the baseline.
    static func adding(baseline name: String?, to models: [any ForecastModel]) throws -> (models: [any ForecastModel], baseline: (any ForecastModel)?) {
        guard let name else { return (models, nil) }
        let reference = try ForecastRoutes.model(name, parameter: "baseline")
        return (BaselineComparison.including(reference, in: models), reference)
    }
}
