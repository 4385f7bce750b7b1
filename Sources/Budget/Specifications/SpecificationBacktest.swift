public import Forecasting
public import Store

/// The rolling-origin backtest a specification asks for (`evaluation:`), with a caller's overrides: what
/// `biennium backtest --spec` and the service's `GET /v1/models/{name}/backtest` both run.
///
/// A specification with regressors is evaluated as it forecasts: beside the models compared (which see the
/// response alone; by default naive, drift and the specification's model without regressors, so that the
/// regressors' worth shows), its regression with ARIMA errors is scored under ``regressionName``. At each
/// origin the regression sees the regressors as known there, through the origin year only; their later values
/// come from each regressor's own `auto` forecast made at that origin, so no figure published after the origin
/// enters (an ex-ante evaluation).
public struct SpecificationBacktest: Sendable {
    /// Why a specification's backtest cannot run.
    public enum Refusal: Error, Sendable, CustomStringConvertible {
        /// Neither the specification nor the caller names origins.
        case noOrigins(specification: String)

        public var description: String {
            switch self {
            case .noOrigins(let name): return "\(name) has no evaluation.origins to backtest over"
            }
        }
    }

    /// The specification.
    public let spec: ModelSpec
    /// The origin years.
    public let origins: ClosedRange<Int>
    /// Years ahead scored at each origin.
    public let horizon: Int
    /// Whether each origin sees the data as first published by then.
    public let realTime: Bool
    /// The models compared, by catalog name.
    public let modelNames: [String]

    /// The specification's backtest, each setting overridden where the caller gives one.
    /// - Throws: ``Refusal`` for a specification without origins when none are given.
    public init(_ spec: ModelSpec, origins: ClosedRange<Int>? = nil, horizon: Int? = nil, realTime: Bool? = nil,
                modelNames: [String]? = nil) throws(Refusal) {
        guard let range = origins ?? spec.origins else { throw .noOrigins(specification: spec.name) }
        self.spec = spec
        self.origins = range
        self.horizon = horizon ?? spec.evaluationHorizon
        self.realTime = realTime ?? spec.realTime
        self.modelNames = modelNames ?? spec.evaluationModels
    }

    /// The name the regression of a specification with regressors is scored under, e.g.
    /// `arima:010 on pct.applications`; `nil` without regressors.
    public var regressionName: String? {
        spec.regressors.isEmpty ? nil : "\(spec.model) on \(spec.regressors.map(\.rawValue).joined(separator: ", "))"
    }

    /// Scores `models` (those of ``modelNames``, as the caller built them) and, with regressors, the
    /// specification's regression (above) on the specification's series in `store`.
    /// The models are fitted on `executor` (inline by default).
    /// - Throws: ``InputError`` naming the file when the series or a regressor is not in the store's catalog, and
    ///   what ``RollingOriginRunner/run(origins:modelsAt:)`` throws.
    public func run(in store: any SeriesStore, models: [any ForecastModel],
                    executor: any ComputeExecutor = InlineCompute()) async throws -> RollingOriginResult {
        try spec.checkSeries(in: try await store.catalog())
        var runner = RollingOriginRunner(store: store, series: spec.series, horizon: horizon, realTime: realTime)
        runner.executor = executor
        guard let regressionName else { return try await runner.run(origins: Array(origins), models: models) }
        let forecaster = SpecificationForecast(spec)
        var read: [CalendarDay?: [SeriesID: [Observation]]] = [:]     // today's data is read once for every origin
        return try await runner.run(origins: Array(origins)) { origin, asOf in
            if read[asOf] == nil { read[asOf] = try await forecaster.regressorHistories(in: store, asOf: asOf) }
            let known = read[asOf]!.mapValues { observations in
                observations.filter { if case .year(let year) = $0.period { year <= origin } else { false } }
            }
            return models + [SpecificationRegressionModel(forecaster, regressors: known, name: regressionName)]
        }
    }
}
