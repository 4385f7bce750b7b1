/// One stored fit of a model specification: what was fitted, to which data, with what result. Each refit of
/// a specification adds a version; the previous ones stay, so a refit can say what changed.
public struct FitRecord: Sendable, Equatable {
    /// The specification's name (its file name without `.yaml`).
    public let name: String
    /// 1 for the first fit, then one more per refit; set by the store.
    public let version: Int
    /// UTC timestamp, ISO 8601.
    public let fittedAt: String
    /// The series the model was fitted to (the specification's `series`).
    public let series: SeriesID
    /// The model as named in the specification (`combo`, `ets:AAdN`).
    public let model: String
    /// The fitted model's label (`ETS(A,Ad,N)`, `Combination of …`).
    public let fitted: String
    /// The as-of day of the data, when the fit was not on today's data.
    public let asOf: String?
    /// The last period of the data the model saw.
    public let lastPeriod: String
    /// Number of annual observations the model saw (years with a value; gaps not counted).
    public let observations: Int
    /// The fitted model's parameters by name (e.g. `alpha`, `phi`, `l0` for ETS); empty when it reports none.
    public let parameters: [String: Double]
    /// Point forecasts for the specification's horizon, from the period after `lastPeriod`.
    public let forecast: [Double]

    /// A fit record; leave `version` at 0: ``SeriesStore/saveFit(_:)`` assigns the next version.
    public init(name: String, version: Int = 0, fittedAt: String, series: SeriesID, model: String, fitted: String,
                asOf: String?, lastPeriod: String, observations: Int, parameters: [String: Double], forecast: [Double]) {
        self.name = name
        self.version = version
        self.fittedAt = fittedAt
        self.series = series
        self.model = model
        self.fitted = fitted
        self.asOf = asOf
        self.lastPeriod = lastPeriod
        self.observations = observations
        self.parameters = parameters
        self.forecast = forecast
    }

    func withVersion(_ version: Int) -> FitRecord {
        FitRecord(name: name, version: version, fittedAt: fittedAt, series: series, model: model, fitted: fitted, asOf: asOf,
                  lastPeriod: lastPeriod, observations: observations, parameters: parameters, forecast: forecast)
    }
}

import Foundation

/// The JSON columns of a fit record.
enum FitRecordCoding {
    static func encode(_ parameters: [String: Double]) -> String {
        let sorted = parameters.keys.sorted().map { key in "\"\(key)\":\(parameters[key]!)" }
        return "{" + sorted.joined(separator: ",") + "}"
    }

    static func encode(_ forecast: [Double]) -> String {
        "[" + forecast.map { "\($0)" }.joined(separator: ",") + "]"
    }

    static func parameters(_ text: String) -> [String: Double] {
        (try? JSONDecoder().decode([String: Double].self, from: Data(text.utf8))) ?? [:]
    }

    static func forecast(_ text: String) -> [Double] {
        (try? JSONDecoder().decode([Double].self, from: Data(text.utf8))) ?? []
    }
}
