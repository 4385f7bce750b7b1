import Forecasting
public import Store

/// The forecast models of Models/*.yaml as the budget layer uses them: one per series, the first
/// specification naming a series wins (files are read in name order).
public enum SpecModels {
    /// The line model of each specified series, with the regressors' histories read as known on `asOf`.
    public static func lineModels(_ specs: [ModelSpec], store: any SeriesStore, asOf: CalendarDay?) async throws -> [SeriesID: LineModel] {
        var models: [SeriesID: LineModel] = [:]
        for spec in specs where models[spec.series] == nil {
            let forecaster = SpecificationForecast(spec)
            let regressors = try await forecaster.histories(in: store, asOf: asOf).regressors
            let label = "\(spec.model)\(spec.regressors.isEmpty ? "" : " on " + spec.regressors.map(\.rawValue).joined(separator: ", ")) (\(spec.path))"
            models[spec.series] = LineModel(label: label, regressors: Set(spec.regressors)) { history, horizon, paths in
                try forecaster.forecast(history, regressors: regressors, horizon: horizon, levels: [], regressorPaths: paths)
            }
        }
        return models
    }
}
