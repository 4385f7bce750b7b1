public import Forecasting
public import Store

/// One model's forecast from one origin, scored against today's figures.
public struct OriginScore: Sendable, Codable {
    /// The origin year: the last year the model may see; it forecasts `origin + 1 … origin + horizon`.
    public let origin: Int
    /// The model's command-line name (`ets`, `theta`, `drift`).
    public let model: String
    /// The fitted model's label, e.g. `ETS(A,Ad,N)`.
    public let fitted: String
    /// In real time, the day the data was read as known on (the origin year's first publication); else `nil`.
    public let asOf: String?
    /// Point forecasts for `origin + 1 … origin + horizon`, in the series' unit.
    public let forecasts: [Double]
    /// The 80% and 95% intervals of the forecasts (bounds per year), as the coverage and Winkler scores read them.
    public let intervals: [PredictionInterval]
    /// Today's figures for the same years.
    public let actuals: [Double]
    /// Mean absolute scaled error against in-sample naive (below 1 beats it); `nil` when that scale is 0.
    public let mase: Double?
    /// Symmetric MAPE in percent, 0–200: mean `200·|a − f|/(|a| + |f|)`.
    public let smape: Double
    /// Mean absolute percentage error; `nil` when an actual is zero.
    public let mape: Double?
    /// Root mean squared error, in the series' unit.
    public let rmse: Double
    /// Share of actuals inside the 80% interval, in [0, 1]; `nil` when the model gives no such interval.
    public let coverage80: Double?
    /// Share of actuals inside the 95% interval, in [0, 1]; `nil` when the model gives no such interval.
    public let coverage95: Double?
    /// Mean Winkler score of the 95% interval: width plus 2/0.05 times any miss, in the series' unit; lower is better.
    /// `nil` when the model gives no 95% interval.
    public let winkler95: Double?
}

extension OriginScore {
    /// This score as one unit of a paired comparison (``BaselineComparison``): the origin is the unit.
    public var unitScore: BaselineComparison.UnitScore { .init(model: model, unit: "\(origin)", mase: mase, smape: smape) }
}

/// The scores of a rolling-origin backtest of one stored series, and the origins or models that were skipped.
public struct RollingOriginResult: Sendable, Codable {
    /// The series id.
    public let series: String
    /// Years ahead forecast and scored at each origin.
    public let horizon: Int
    /// Whether each origin saw the data as first published (true) or today's data (false).
    public let realTime: Bool
    /// One score per origin and model that could be scored, in origin order.
    public let scores: [OriginScore]
    /// Origins or models not scored, each with why (e.g. `2015: no data`).
    public let skipped: [String]
    /// Real-time origins scored on a view published long after them: the origin year's first stored figure came
    /// out after the following year had ended (only a later revision is stored), so the models saw data a
    /// forecaster at the time did not have. Each with its publication day (e.g. `2009: first figure of 2020-04-30`).
    public let lateOrigins: [String]

    /// The models scored at some origin, in the order they first were (the order asked for).
    public var modelNames: [String] {
        var seen: Set<String> = []
        return scores.map(\.model).filter { seen.insert($0).inserted }
    }
}

/// Rolling-origin evaluation of a stored annual series with an expanding window.
///
/// At each origin year the models see the series up to that year — as it is known today, or, in real time,
/// as it was known on the day that year's first figure was published (the earliest vintage of the origin
/// period): the view a forecaster actually had. Forecasts are scored against today's figures.
public struct RollingOriginRunner {
    /// The store the series and its vintages are read from.
    public let store: any SeriesStore
    /// The annual series backtested.
    public let series: SeriesID
    /// Years ahead forecast at each origin, at least 1.
    public let horizon: Int
    /// Whether each origin sees the data as known when its figure was first published, rather than today's.
    public let realTime: Bool
    /// Where the models are fitted at each origin: inline unless the caller gives its own threads (the service does).
    public var executor: any ComputeExecutor = InlineCompute()

    /// A backtest of `series` in `store`, `horizon` years ahead, on today's data or in real time.
    public init(store: any SeriesStore, series: SeriesID, horizon: Int, realTime: Bool) {
        self.store = store
        self.series = series
        self.horizon = horizon
        self.realTime = realTime
    }

    /// The origin years written `FIRST...LAST`: four-digit years, the first not after the last, at most 100 apart;
    /// `nil` otherwise. The one reading of `--origins`, the service's `origins` and a specification's
    /// `evaluation.origins`.
    public static func origins(_ text: String) -> ClosedRange<Int>? {
        let parts = text.components(separatedBy: "...")
        guard parts.count == 2, parts.allSatisfy({ $0.count == 4 }), let first = Int(parts[0]), let last = Int(parts[1]),
              (1000...9999).contains(first), (1000...9999).contains(last), first <= last, last - first <= 100 else { return nil }
        return first...last
    }

    /// What ``origins(_:)`` accepts, for error messages.
    public static let originsSyntax = "FIRST...LAST with four-digit years at most 100 apart, e.g. 2008...2018"

    /// Scores `models` at each origin year; origins that cannot be scored are listed in the result's `skipped`.
    /// - Throws: ``ForecastingError/invalidHorizon(_:)`` for a horizon below 1,
    ///   ``BudgetError/nothingToBacktest(series:reason:)`` when the series is not annual or no origin could be
    ///   scored, and the store's errors.
    public func run(origins: [Int], models: [any ForecastModel]) async throws -> RollingOriginResult {
        try await run(origins: origins) { _, _ in models }
    }

    /// Scores the models `modelsAt(origin, asOf)` gives for each origin year (`asOf`: the day its data is read as
    /// known on in real time, else `nil`) — a specification with regressors adds its regression there, built
    /// from the regressors as known at that origin.
    /// - Throws: as ``run(origins:models:)``, and what `modelsAt` throws.
    public func run(origins: [Int],
                    modelsAt: (_ origin: Int, _ asOf: CalendarDay?) async throws -> [any ForecastModel]) async throws -> RollingOriginResult {
        guard horizon >= 1 else { throw ForecastingError.invalidHorizon(horizon) }
        let latest = try await store.observations(of: series, asOf: nil)
        // The import stores a series' periods at its catalog frequency only, so its periods say whether it is annual.
        if let other = latest.first(where: { if case .year = $0.period { false } else { true } }) {
            throw BudgetError.nothingToBacktest(series: series.rawValue, reason: "its periods are not years (\(other.period)); backtests are of annual series")
        }
        var actual: [Int: Double] = [:]
        for o in latest { if case .year(let y) = o.period { actual[y] = o.value } }
        // Forecasts are written and scored as `forecast` shows them (a count's stop at zero).
        let unit = try await store.catalog()[series]?.unit ?? ""
        let vintages = try await store.vintages(of: series)
        var scores: [OriginScore] = []
        var skipped: [String] = [], late: [String] = []
        for origin in origins {
            var asOf: CalendarDay?
            if realTime {
                asOf = vintages.filter { $0.period == .year(origin) }.map(\.vintage.knownBy).min()
                if asOf == nil { skipped.append("\(origin): no published figure for the origin year"); continue }
            }
            let known = try await store.observations(of: series, asOf: asOf)
            guard let stored = StoredSeries.annual(known, through: origin) else { skipped.append("\(origin): no data"); continue }
            // Through the origin itself, a gap if its figure was not known yet.
            let training = TimeSeries(frequency: .annual, start: stored.series.start,
                                      values: stored.series.values + Array(repeating: nil, count: origin - stored.lastYear))
            let future = (1...horizon).map { actual[origin + $0] }
            guard future.allSatisfy({ $0 != nil }) else {
                let missing = (1...horizon).map { origin + $0 }.filter { actual[$0] == nil }
                let latest = actual.keys.max() ?? origin
                let gaps = missing.filter { $0 <= latest }, ahead = missing.filter { $0 > latest }
                let reasons = (gaps.isEmpty ? [] : ["no actual (a gap in the series) for " + Self.years(gaps)])
                    + (ahead.isEmpty ? [] : ["no actuals yet for " + Self.years(ahead)])
                skipped.append("\(origin): " + reasons.joined(separator: "; "))
                continue
            }
            let truth = future.map { $0! }
            let scoredBefore = scores.count
            let models = try await modelsAt(origin, asOf)
            let horizon = self.horizon, readOn = asOf
            let (scored, failures) = try await executor.run { () -> ([OriginScore], [String]) in
                var scored: [OriginScore] = [], failures: [String] = []
                for model in models {
                    do {
                        let f = try model.forecastAcrossTrailingGap(training, horizon: horizon, levels: [80, 95]).shown(in: unit)
                        scored.append(OriginScore(
                            origin: origin, model: model.name, fitted: f.model, asOf: readOn?.description, forecasts: f.mean,
                            intervals: f.intervals, actuals: truth,
                            mase: AccuracyMeasures.mase(actual: truth, forecast: f.mean, training: training.values),
                            smape: AccuracyMeasures.smape(actual: truth, forecast: f.mean),
                            mape: AccuracyMeasures.mape(actual: truth, forecast: f.mean),
                            rmse: AccuracyMeasures.rmse(actual: truth, forecast: f.mean),
                            coverage80: f.interval(80).map { AccuracyMeasures.coverage(actual: truth, interval: $0) },
                            coverage95: f.interval(95).map { AccuracyMeasures.coverage(actual: truth, interval: $0) },
                            winkler95: f.interval(95).map { AccuracyMeasures.winkler(actual: truth, interval: $0) }))
                    } catch {
                        failures.append("\(origin) \(model.name): \(error)")
                    }
                }
                return (scored, failures)
            }
            scores += scored
            skipped += failures
            // Scored in real time on a view published after the next year ended: say so.
            if scores.count > scoredBefore, let day = asOf, day > Period.year(origin + 1).lastDay {
                late.append("\(origin): first figure of \(day)")
            }
        }
        guard !scores.isEmpty else {
            throw BudgetError.nothingToBacktest(series: series.rawValue, reason: "no origin could be scored (\(skipped.joined(separator: "; ")))")
        }
        return RollingOriginResult(series: series.rawValue, horizon: horizon, realTime: realTime, scores: scores, skipped: skipped,
                                   lateOrigins: late)
    }

    /// Years as a list, a run of three or more written `first…last` (`2002, 2021…2030`).
    static func years(_ list: [Int]) -> String {
        var parts: [String] = [], index = 0
        while index < list.count {
            var end = index
            while end + 1 < list.count && list[end + 1] == list[end] + 1 { end += 1 }
            parts.append(end - index >= 2 ? "\(list[index])…\(list[end])" : list[index...end].map(String.init).joined(separator: ", "))
            index = end + 1
        }
        return parts.joined(separator: ", ")
    }
}
