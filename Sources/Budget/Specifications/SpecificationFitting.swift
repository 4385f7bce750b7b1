import Forecasting
import Foundation
public import Store

/// The fit of one specification: the stored record (with its version), the previous version, or why it
/// could not be fitted.
public struct SpecificationFit: Sendable {
    /// The specification fitted.
    public let spec: ModelSpec
    /// The stored fit with its new version; `nil` when the specification could not be fitted.
    public let record: FitRecord?
    /// The latest fit stored before this one; `nil` on the first fit or when nothing was fitted.
    public let previous: FitRecord?
    /// Why nothing was fitted, in words; `nil` on success.
    public let error: String?

    /// Whether the fitted model differs from the previous version's in kind — another ETS form or ARIMA order,
    /// other combination members — rather than only in the figures a label carries that move on every refit
    /// (combination weights `×0.43`, Akaike weights `67%`, an interval calibration `(×1.23)`), which the
    /// parameters report. Members are compared in the label's order — by weight in an Akaike-weighted average,
    /// so one whose leading member changes has changed; fixed in a combination. `nil` without both fits.
    public var modelChanged: Bool? {
        guard let record, let previous else { return nil }
        return Self.structure(of: record.fitted) != Self.structure(of: previous.fitted)
    }

    /// A fitted model's label without its weights and calibration factors.
    static func structure(of label: String) -> String {
        label.replacing(#/ \(×[0-9.]+\)| ×[0-9.]+| [0-9.]+%/#, with: "")
    }
}

/// Fits model specifications to the stored series and stores each fit as a new version — what `biennium fit`
/// and `refit` and the service's fit route share.
public enum SpecificationFitting {
    /// Fits each specification on the data known on `asOf` (all data when `nil`). A series without annual
    /// observations or a model that cannot fit it is reported in the result, not thrown; a series missing
    /// from the catalog or a store failure is thrown. The models are fitted on `executor` (inline by default).
    public static func fit(_ specs: [ModelSpec], store: any SeriesStore, asOf: CalendarDay?,
                           executor: any ComputeExecutor = InlineCompute()) async throws -> [SpecificationFit] {
        var results: [SpecificationFit] = []
        let catalog = try await store.catalog()
        for spec in specs {
            let histories = try await SpecificationForecast(spec).histories(in: store, asOf: asOf)
            guard let stored = StoredSeries.annual(histories.response) else {
                let periods = histories.response.first.map { "its periods are not years (\($0.period)); this version fits annual series only" }
                results.append(SpecificationFit(spec: spec, record: nil, previous: nil, error: periods ?? "no observations"))
                continue
            }
            do {
                let series = stored.series, regressors = histories.regressors
                let forecast = try await executor.run {
                    try SpecificationForecast(spec).forecast(series, regressors: regressors, horizon: spec.horizon, levels: spec.levels)
                }
                guard forecast.mean.allSatisfy(\.isFinite), forecast.parameters.values.allSatisfy(\.isFinite) else {
                    results.append(SpecificationFit(spec: spec, record: nil, previous: nil,
                                                    error: "the fitted model's forecast or parameters are not finite numbers; nothing was stored"))
                    continue
                }
                let previous = try await store.latestFit(named: spec.name)
                if let previous, previous.series != spec.series {
                    results.append(SpecificationFit(spec: spec, record: nil, previous: nil, error:
                        "the fits stored as '\(spec.name)' are of \(previous.series), this specification is of \(spec.series); "
                        + "nothing was stored (give the file another name to start a history of its own)"))
                    continue
                }
                let record = try await store.saveFit(FitRecord(
                    name: spec.name, fittedAt: ISO8601DateFormatter().string(from: Date()), series: spec.series, model: spec.model,
                    fitted: forecast.model, asOf: asOf?.description, lastPeriod: String(stored.lastYear), observations: stored.count,
                    parameters: forecast.parameters, forecast: catalog[spec.series].map { forecast.shown(in: $0.unit) }.map(\.mean) ?? forecast.mean))
                results.append(SpecificationFit(spec: spec, record: record, previous: previous, error: nil))
            } catch let error as ForecastingError {
                results.append(SpecificationFit(spec: spec, record: nil, previous: nil, error: error.description))
            }
        }
        return results
    }
}
