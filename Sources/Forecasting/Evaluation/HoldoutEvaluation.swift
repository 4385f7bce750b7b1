import Dispatch
import Foundation
import Synchronization

/// One model's scores on one series.
public struct SeriesScore: Sendable {
    /// The series' id in the input file.
    public let series: String
    /// The model's command-line name (`ets`, `auto`).
    public let model: String
    /// Mean absolute scaled error over the holdout (``AccuracyMeasures/mase(actual:forecast:training:seasonality:)``);
    /// `nil` when the training values never change (no scale).
    public let mase: Double?
    /// Symmetric MAPE over the holdout, in percent: mean of 200·|a − f| / (|a| + |f|).
    public let smape: Double
    /// Share of held-out values inside the 95% interval (0…1); `nil` when the model gave no interval.
    public let coverage95: Double?
    /// Whether each held-out value fell inside the 95% interval, by horizon.
    public let inside95: [Bool]?
    /// Mean 95% Winkler (interval) score over the holdout, in the series' units; `nil` without an interval.
    public let winkler95: Double?
    /// The model that fitted, e.g. `ETS(M,Ad,N)`, or the error when it could not.
    public let detail: String
    /// Whether the model failed here and the naive forecast was scored in its place.
    public let failed: Bool
}

/// One model's means over all series.
public struct ModelSummary: Sendable {
    /// The model's command-line name.
    public let name: String
    /// Mean of the series' MASE (series without a scale left out: ``maseSeries`` counts those it is over).
    public let mase: Double
    /// The series the MASE mean is over: those whose in-sample one-step naive error is not zero (a series constant
    /// in its training part has no MASE scale); the other means are over every series scored.
    public let maseSeries: Int
    /// Mean of the series' sMAPE, in percent.
    public let smape: Double
    /// Mean of the series' 95% coverage (0…1).
    public let coverage95: Double
    /// The share of held-out values inside the 95% interval at each horizon 1…H: intervals that are right on
    /// average can still be too wide near and too narrow far.
    public let coverage95ByHorizon: [Double]
    /// Mean of the series' 95% Winkler scores (each in its own series' units).
    public let winkler95: Double
    /// Wall-clock seconds spent fitting and forecasting with this model, summed over the workers. A fit shared
    /// with another model of the run (a combination's member also asked for alone) is charged to the first.
    public let seconds: Double
    /// Series on which the model failed and the benchmark (naive) forecast was scored instead.
    public let fallbacks: Int
}

/// The M-competition evaluation: for each series the last `horizon` values are held out, every model
/// forecasts them from the rest, and the scores are averaged over series. A model that cannot fit a series
/// is replaced there by the naive forecast (as statsforecast's fallback), and the count is reported.
public struct HoldoutEvaluation: Sendable {
    /// Values held out at the end of each series and forecast (≥ 1).
    public let horizon: Int
    /// The models scored, in the order reported.
    public let models: [any ForecastModel]
    /// Worker threads (≥ 1); series are shared out in chunks.
    public let jobs: Int

    /// An evaluation holding out `horizon` values per series; `jobs` below 1 counts as 1.
    public init(horizon: Int, models: [any ForecastModel], jobs: Int = 1) {
        self.horizon = horizon
        self.models = models
        self.jobs = max(1, jobs)
    }

    /// Scores every model on every series; `progress(done, total)` is called as series finish.
    /// Series that no model (not even the naive fallback) can score — a gap among the held-out values, or too few
    /// before them — are skipped and listed.
    public func run(_ series: [(id: String, values: TimeSeries)], progress: @Sendable (Int, Int) -> Void = { _, _ in })
        -> (summaries: [ModelSummary], scores: [SeriesScore], skipped: [String]) {
        let results = Mutex([[SeriesScore]?](repeating: nil, count: series.count))
        let timings = Mutex([Double](repeating: 0, count: models.count))
        let done = Mutex(0)
        let models = self.models, horizon = self.horizon
        let chunk = max(1, series.count / (jobs * 8))
        let chunks = (series.count + chunk - 1) / chunk
        DispatchQueue.concurrentPerform(iterations: jobs == 1 ? 1 : chunks) { c in
            let range = jobs == 1 ? 0..<series.count : (c * chunk)..<min(series.count, (c + 1) * chunk)
            var localTimes = [Double](repeating: 0, count: models.count)
            for index in range {
                let (id, full) = series[index]
                var scores: [SeriesScore] = []
                guard full.count > horizon else { continue }
                let training = full.prefix(full.count - horizon)
                let actual = full.values.suffix(horizon).map { $0 ?? .nan }
                // Models that share members (ets and auto) fit them once per series; the time is the first's.
                let memo = ForecastMemo()
                for (m, model) in models.enumerated() {
                    let start = DispatchTime.now().uptimeNanoseconds
                    var forecast: Forecast?
                    var detail = ""
                    do { forecast = try model.forecastAcrossTrailingGap(training, horizon: horizon, levels: [95], memo: memo); detail = forecast!.model } catch {
                        detail = String(describing: error)
                    }
                    localTimes[m] += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                    let failed = forecast == nil
                    if forecast == nil { forecast = try? BenchmarkModel(.naive).forecastAcrossTrailingGap(training, horizon: horizon, levels: [95]) }
                    guard let f = forecast, !actual.contains(where: \.isNaN) else { continue }
                    let interval = f.interval(95)
                    scores.append(SeriesScore(series: id, model: model.name,
                                              mase: AccuracyMeasures.mase(actual: actual, forecast: f.mean, training: training.values),
                                              smape: AccuracyMeasures.smape(actual: actual, forecast: f.mean),
                                              coverage95: interval.map { AccuracyMeasures.coverage(actual: actual, interval: $0) },
                                              inside95: interval.map { AccuracyMeasures.inside(actual: actual, interval: $0) },
                                              winkler95: interval.map { AccuracyMeasures.winkler(actual: actual, interval: $0) },
                                              detail: detail, failed: failed))
                }
                results.withLock { $0[index] = scores }
                let finished = done.withLock { value -> Int in value += 1; return value }
                progress(finished, series.count)
            }
            let snapshot = localTimes
            timings.withLock { totals in for m in 0..<totals.count { totals[m] += snapshot[m] } }
        }
        let scores = results.withLock { $0.compactMap { $0 }.flatMap { $0 } }
        let scored = Set(scores.map(\.series))
        let skipped = series.map(\.id).filter { !scored.contains($0) }
        let seconds = timings.withLock { $0 }
        let summaries = models.enumerated().map { m, model -> ModelSummary in
            let mine = scores.filter { $0.model == model.name }
            let mases = mine.compactMap(\.mase)
            let coverages = mine.compactMap(\.coverage95)
            let winklers = mine.compactMap(\.winkler95)
            func mean(_ v: [Double]) -> Double { v.isEmpty ? .nan : v.reduce(0, +) / Double(v.count) }
            let hits = mine.compactMap(\.inside95)
            let byHorizon = (0..<horizon).map { h in mean(hits.map { $0[h] ? 1 : 0 }) }
            return ModelSummary(name: model.name, mase: mean(mases), maseSeries: mases.count, smape: mean(mine.map(\.smape)), coverage95: mean(coverages),
                                coverage95ByHorizon: byHorizon,
                                winkler95: mean(winklers), seconds: seconds[m], fallbacks: mine.filter(\.failed).count)
        }
        return (summaries, scores, skipped)
    }
}
