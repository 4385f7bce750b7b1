import Forecasting
public import Store

/// The forecast models of Models/*.yaml as the budget layer uses them: one per series, the first
/// specification naming a series wins (files are read in name order).
public enum SpecModels {
    /// The line model of each specified series.
    public static func lineModels(_ specs: [ModelSpec]) throws -> [SeriesID: LineModel] {
        var models: [SeriesID: LineModel] = [:]
        for spec in specs where models[spec.series] == nil {
            let model = try ModelCatalog.model(named: spec.model)
            models[spec.series] = LineModel(label: "\(spec.model) (\(spec.path))", model: model)
        }
        return models
    }
}
