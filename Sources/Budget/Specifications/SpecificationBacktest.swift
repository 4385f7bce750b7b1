public import Store

/// The rolling-origin backtest a specification asks for (`evaluation:`), with a caller's overrides: what
/// `biennium backtest --spec` and the service's `GET /v1/models/{name}/backtest` both run.
public struct SpecificationBacktest: Sendable {
    /// Why a specification's backtest cannot run.
    public enum Refusal: Error, Sendable, CustomStringConvertible {
        /// The specification regresses on other series, whose paths would have to be replayed at each origin.
        case regressors(specification: String)
        /// Neither the specification nor the caller names origins.
        case noOrigins(specification: String)

        public var description: String {
            switch self {
            case .regressors(let name):
                return "\(name) has regressors; backtests of such specifications are not supported yet (the regressors' paths would have to be replayed at each origin)"
            case .noOrigins(let name):
                return "\(name) has no evaluation.origins to backtest over"
            }
        }
    }

    /// The series backtested.
    public let series: SeriesID
    /// The origin years.
    public let origins: ClosedRange<Int>
    /// Years ahead scored at each origin.
    public let horizon: Int
    /// Whether each origin sees the data as first published by then.
    public let realTime: Bool
    /// The models compared, by catalog name.
    public let modelNames: [String]

    /// The specification's backtest, each setting overridden where the caller gives one.
    /// - Throws: ``Refusal`` for a specification with regressors, or without origins when none are given.
    public init(_ spec: ModelSpec, origins: ClosedRange<Int>? = nil, horizon: Int? = nil, realTime: Bool? = nil,
                modelNames: [String]? = nil) throws(Refusal) {
        guard spec.regressors.isEmpty else { throw .regressors(specification: spec.name) }
        guard let range = origins ?? spec.origins else { throw .noOrigins(specification: spec.name) }
        series = spec.series
        self.origins = range
        self.horizon = horizon ?? spec.evaluationHorizon
        self.realTime = realTime ?? spec.realTime
        self.modelNames = modelNames ?? spec.evaluationModels
    }
}
