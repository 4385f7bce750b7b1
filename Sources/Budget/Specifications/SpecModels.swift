import Forecasting
public import Store

/// The forecast models of Models/*.yaml as the budget layer uses them: one per series.
public enum SpecModels {
    /// The line model of each specified series, with the regressors' histories read as known on `asOf`.
    /// - Throws: ``InputError`` when two specifications name the same series (the projection needs one model per
    ///   series), or for an unknown series or regressor.
    public static func lineModels(_ specs: [ModelSpec], store: any SeriesStore, asOf: CalendarDay?) async throws -> [SeriesID: LineModel] {
        var models: [SeriesID: LineModel] = [:]
        var files: [SeriesID: String] = [:]
        let catalog = try await store.catalog()
        for spec in specs {
            if let other = files[spec.series] {
                throw InputError(file: spec.path, "key 'series': \(other) specifies \(spec.series) too; the budget projection takes one model "
                                 + "per series, so keep one of the two in the folder")
            }
            files[spec.series] = spec.path
            let forecaster = SpecificationForecast(spec)
            let regressors = try await forecaster.histories(in: store, asOf: asOf).regressors
            // The file's name, not its path: the service's comparison is public, and its folder is the server's.
            let label = "\(spec.model)\(spec.regressors.isEmpty ? "" : " on " + spec.regressors.map(\.rawValue).joined(separator: ", ")) (\(spec.name).yaml)"
            let counted = BudgetProjection.countedUnits(of: spec.regressors, in: catalog)
            models[spec.series] = LineModel(label: label, regressors: Set(spec.regressors), countedRegressors: counted) { history, horizon, paths in
                try forecaster.forecast(history, regressors: regressors, horizon: horizon, levels: [], regressorPaths: paths)
            }
        }
        return models
    }
}
