import Foundation
import Synchronization
import Testing
@testable import Forecasting

/// The contract every model keeps (after statsforecast's `assert_class`): h forecasts, finite values,
/// nested intervals around the mean, and clear errors on input no model can use.
@Suite("Model contract") struct ModelContractTests {
    static let names = ModelCatalog.names + ["ets:ANN", "ets:AAdN", "ets:MAN", "combo:ets+theta", "calibrated:ets", "calibrated:combo:ets+theta"]
    static let series = TimeSeries(start: 1990, observed: [120, 131, 128, 140, 152, 149, 163, 170, 168, 181, 190, 197, 205, 203, 214])

    @Test("h finite forecasts, and 80% intervals inside 95% intervals around the mean", arguments: names)
    func forecastsAndNestedIntervals(_ name: String) throws {
        let f = try ModelCatalog.model(named: name).forecast(Self.series, horizon: 5, levels: [80, 95])
        #expect(f.mean.count == 5 && f.start == 2005)
        #expect(f.mean.allSatisfy { $0.isFinite })
        let i80 = f.interval(80)!, i95 = f.interval(95)!
        for h in 0..<5 {
            #expect(i95.lower[h] <= i80.lower[h] && i80.lower[h] <= f.mean[h] && f.mean[h] <= i80.upper[h] && i80.upper[h] <= i95.upper[h],
                    "\(name) h=\(h + 1)")
        }
    }

    @Test("a constant series is forecast as constant by every model; ARIMA fits it exactly, as R's auto.arima does")
    func constantSeries() throws {
        let constant = TimeSeries(start: 2000, observed: [Double](repeating: 42, count: 12))
        for name in ["naive", "drift", "mean", "ets", "etsw", "theta", "dotheta", "arima", "arima:000", "arima:010", "combo", "auto"] {
            let f = try ModelCatalog.model(named: name).forecast(constant, horizon: 3, levels: [95])
            #expect(f.mean.allSatisfy { abs($0 - 42) < 1e-6 }, "\(name): \(f.mean)")
        }
        let arima = try ARIMA().forecast(constant, horizon: 3, levels: [95])
        #expect(arima.model == "ARIMA(0,0,0) with non-zero mean" && arima.standardDeviation == [0, 0, 0])
        #expect(arima.parameters["loglik"] == nil && arima.parameters["aicc"] == nil && arima.parameters.values.allSatisfy(\.isFinite))
        // A straight line: ARIMA(0,1,0) with its drift, continued exactly; all zeros: the zero mean.
        let line = TimeSeries(start: 2000, observed: (0..<12).map { 10 + 2.5 * Double($0) })
        let continued = try ARIMA().forecast(line, horizon: 2, levels: [95])
        #expect(continued.model == "ARIMA(0,1,0) with drift" && continued.mean == [10 + 2.5 * 12, 10 + 2.5 * 13])
        #expect(try ARIMA().forecast(TimeSeries(start: 2000, observed: [Double](repeating: 0, count: 12)), horizon: 1, levels: []).mean == [0])
        // AR or MA terms have nothing to estimate there: said so, with the order that fits.
        #expect(throws: ForecastingError.exactlyConstant(model: "ARIMA(1,0,0)", differences: 0, value: 42)) {
            try ARIMA(order: ARIMAOrder(1, 0, 0)).forecast(constant, horizon: 1, levels: [])
        }
        #expect(throws: ForecastingError.exactlyConstant(model: "ARIMA(0,1,1)", differences: 1, value: 2.5)) {
            try ARIMA(order: ARIMAOrder(0, 1, 1)).forecast(line, horizon: 1, levels: [])
        }
    }

    @Test("a forecast does not depend on the data's units: the same model and forecasts in CHF as in millions or millionths",
          arguments: ["ets", "etsw", "arima", "arima:111", "theta", "otheta", "dotheta", "auto"])
    func unitInvariance(_ name: String) throws {
        let model = try ModelCatalog.model(named: name)
        let wandering = TimeSeries(start: 1980, observed: [5120, 5390, 5275, 5630, 6010, 5890, 6240, 6710, 6655, 7020, 7480, 7390, 7150,
                                                           7610, 8090, 8530, 8420, 8910, 9360, 9240, 9800, 10410])
        for series in [Self.series, wandering] {
            let reference = try model.forecast(series, horizon: 4, levels: [95])
            for scale in [1e-6, 1e3, 1e6] {
                let scaled = TimeSeries(start: series.start, values: series.values.map { $0.map { $0 * scale } })
                let f = try model.forecast(scaled, horizon: 4, levels: [95])
                #expect(f.model == reference.model, "\(name) ×\(scale): \(f.model) vs \(reference.model)")
                for (a, b) in zip(f.mean, reference.mean) { #expect(abs(a / scale - b) <= 1e-6 * abs(b), "\(name) ×\(scale): \(a / scale) vs \(b)") }
                for (a, b) in zip(f.standardDeviation, reference.standardDeviation) {
                    #expect(abs(a / scale - b) <= 1e-5 * b, "\(name) ×\(scale) sd: \(a / scale) vs \(b)")
                }
            }
        }
    }

    @Test("ETS fits through a gap by its likelihood; Theta carries its recursions through it")
    func gaps() throws {
        var values: [Double?] = Self.series.values
        values[6] = nil
        let gappy = TimeSeries(start: 1990, values: values)
        let fit = try ETS(ETSSpec(error: .additive, trend: .additive)).fit(gappy)
        #expect(fit.observations == 14)
        #expect(fit.fitted[6] != nil && fit.residuals[6] == nil)
        for variant in Theta.Variant.allCases {
            let f = try Theta(variant).forecast(gappy, horizon: 2, levels: [95])
            #expect(f.mean.allSatisfy { $0.isFinite && $0 > 150 }, "\(variant): \(f.mean)")
        }
    }

    @Test("bad input gets the model's reason")
    func badInput() throws {
        let short = TimeSeries(start: 2000, observed: [1, 2, 3])
        #expect(throws: ForecastingError.tooShort(model: "ETS(A,Ad,N)", observed: 3, minimum: 7)) {
            try ETS(ETSSpec(error: .additive, trend: .damped)).forecast(short, horizon: 2, levels: [])
        }
        let negative = TimeSeries(start: 2000, observed: [5, 3, -1, 4, 6, 7, 8, 9])
        #expect(throws: ForecastingError.nonPositiveData(model: "ETS(M,N,N)")) {
            try ETS(ETSSpec(error: .multiplicative, trend: .none)).forecast(negative, horizon: 2, levels: [])
        }
        #expect(throws: ForecastingError.invalidHorizon(-1)) { try ETS().forecast(Self.series, horizon: -1, levels: []) }
        #expect(throws: ForecastingError.allMissing) { try ETS().forecast(TimeSeries(start: 2000, values: [nil, nil, nil]), horizon: 1, levels: []) }
        #expect(throws: ForecastingError.self) { try ModelCatalog.model(named: "arima-ish") }
        #expect(throws: ForecastingError.self) { try ModelCatalog.model(named: "combo:ets+ets") }       // a member twice
        // A combination none of whose members fits names itself and each member's reason.
        let two = TimeSeries(start: 2000, observed: [1, 2])
        for name in ["combo", "auto", "combo:theta+drift"] {
            let model = try ModelCatalog.model(named: name)
            let error = #expect(throws: ForecastingError.self) { try model.forecast(two, horizon: 1, levels: [95]) }
            guard case .noMemberFits(let named, let reasons)? = error else { Issue.record("\(name): \(String(describing: error))"); continue }
            #expect(named == name)
            #expect(reasons.count == (model as? Combination)?.members.count, "\(reasons)")
            #expect(error?.description.hasPrefix("\(name) cannot forecast the series") == true, "\(String(describing: error))")
            #expect(reasons.contains { $0.hasPrefix("drift: Drift needs at least 3 observations") }, "\(reasons)")
        }
        // The automatic ETS leaves multiplicative models out on non-positive data rather than failing.
        #expect(try ETS().fit(negative).spec.error == .additive)
    }

    @Test("four observations fit ETS(A,N,N), but choosing by AICc needs five: the selection says so and names the fixed models")
    func selectionNeedsOneMore() throws {
        let four = TimeSeries(start: 2000, observed: [10, 12, 11, 14])
        #expect(try ETS(ETSSpec(error: .additive, trend: .none)).fit(four).aicc == .infinity)       // 2k(k+1)/(n−k−1), k = 3, n = 4
        let error = ForecastingError.tooShortToSelect(model: "ETS", observed: 4, minimum: 5, fixed: "ets:ANN or ets:MNN")
        #expect(throws: error) { try ETS().forecast(four, horizon: 2, levels: [95]) }
        #expect(throws: error) { try AkaikeWeightedETS().forecast(four, horizon: 2, levels: [95]) }
        #expect(error.description == "ETS needs at least 5 observations to choose a model by AICc; the series has 4, which ets:ANN or ets:MNN can fit")
        #expect(throws: ForecastingError.tooShortToSelect(model: "ETS", observed: 4, minimum: 5, fixed: "ets:ANN")) {
            try ETS().forecast(TimeSeries(start: 2000, observed: [1, -2, 1, 3]), horizon: 1, levels: [])
        }
        #expect(throws: ForecastingError.tooShort(model: "ETS", observed: 3, minimum: 5)) {
            try ETS().forecast(TimeSeries(start: 2000, observed: [10, 12, 11]), horizon: 1, levels: [])
        }
        #expect(try ETS().fit(TimeSeries(start: 2000, observed: [10, 12, 11, 14, 15])).aicc.isFinite)
    }

    @Test("a trending series observed every other year has no first differences: ARIMA says gaps, not length, are why")
    func arimaAlternateYears() throws {
        // 100 + 10t with a small wobble, at even t only.
        let values: [Double?] = (0..<31).map { (t: Int) -> Double? in
            guard t.isMultiple(of: 2) else { return nil }
            let wobble: Double = (t / 2).isMultiple(of: 3) ? 3 : -2
            return 100 + 10 * Double(t) + wobble
        }
        let series = TimeSeries(start: 1900, values: values)
        #expect(series.observedCount == 16)
        let error = #expect(throws: ForecastingError.self) { try ARIMA().forecast(series, horizon: 2, levels: [95]) }
        guard case .tooFewDifferences(_, let order, let available, let minimum)? = error else {
            Issue.record("\(String(describing: error))"); return
        }
        #expect(order >= 1 && available == 0 && minimum == 4)
        #expect(error?.description.contains("each gap costs the differences across it") == true)
    }

    @Test("the optimiser minimises a bounded quadratic to its constrained optimum")
    func nelderMead() {
        let result = NelderMead(lower: [-1, 0], upper: [1, 5]).minimize({ p in (p[0] - 0.3) * (p[0] - 0.3) + (p[1] - 7) * (p[1] - 7) }, from: [0, 1])
        #expect(abs(result.point[0] - 0.3) < 1e-4 && abs(result.point[1] - 5) < 1e-4)
        #expect(result.converged)
    }

    @Test("accuracy measures on a hand-checked example")
    func measures() {
        let actual = [10.0, 12, 14], forecast = [11.0, 12, 12]
        #expect(AccuracyMeasures.smape(actual: actual, forecast: forecast) == (200.0 / 21 + 0 + 400.0 / 26) / 3)
        // Training 1, 3, 2, 5: mean |Δ| = (2 + 1 + 3)/3 = 2; MAE = 1.
        #expect(AccuracyMeasures.mase(actual: actual, forecast: forecast, training: [1, 3, 2, 5]) == 0.5)
        let interval = PredictionInterval(level: 95, lower: [9, 11, 13], upper: [11, 13, 13.5])
        #expect(AccuracyMeasures.coverage(actual: actual, interval: interval) == 2.0 / 3)
        #expect(abs(AccuracyMeasures.winkler(actual: actual, interval: interval) - ((2 + 2 + 0.5) + 2 / 0.05 * 0.5) / 3) < 1e-12)
    }
}

@Suite("Combinations") struct CombinationTests {
    @Test("validation weights are the inverse holdout MSEs, worked by hand; the mixture's variance is the law of total variance")
    func validationWeightsByHand() throws {
        // Training 2, 4, 2, 4, 2, 4 (six years, the least a holdout of three leaves); held out 3, 3, 5. Naive forecasts 4:
        // errors −1, −1, 1, MSE 1. Mean forecasts 3: errors 0, 0, 2, MSE 4/3. Weights ∝ 1/MSE, scaled by the smallest
        // MSE: naive 1, mean 3/4.
        let series = TimeSeries(start: 2001, observed: [2, 4, 2, 4, 2, 4, 3, 3, 5])
        let combination = Combination([BenchmarkModel(.naive), BenchmarkModel(.mean)], weighting: .validation(periods: 3))
        let weights = try #require(combination.validate(series)).weights
        #expect(abs(weights[0] - 1) < 1e-12 && abs(weights[1] - 0.75) < 1e-12, "\(weights)")
        // On the whole series naive forecasts 5 and mean 29/9; the combination weighs them 4/7 and 3/7.
        let forecast = try combination.forecast(series, horizon: 1, levels: [95])
        #expect(abs(forecast.mean[0] - (4.0 / 7 * 5 + 3.0 / 7 * 29 / 9)) < 1e-12)
        #expect(abs(forecast.parameters["naive.weight"]! - 4.0 / 7) < 1e-12)
        // Weights 1/4 and 3/4 on N(5, 3) and N(1, 1): mean 2, variance ¼(3 + 3²) + ¾(1 + 1²) = 4.5.
        let a = Forecast(model: "a", start: 0, mean: [5], standardDeviation: [(3.0).squareRoot()], levels: [])
        let b = Forecast(model: "b", start: 0, mean: [1], standardDeviation: [1], levels: [])
        let mixture = Combination.mixture([(a, 1), (b, 3)], horizon: 1)
        #expect(mixture.mean == [2] && abs(mixture.standardDeviation[0] - (4.5).squareRoot()) < 1e-14)
    }

    @Test("validation weights favour the member that forecast the held-out values better")
    func validationWeights() throws {
        let trending = TimeSeries(start: 2000, observed: (0..<20).map { 100 + 5 * Double($0) + Double($0 % 3) })
        let combination = Combination([BenchmarkModel(.drift), BenchmarkModel(.mean)], weighting: .validation(periods: 3))
        let weights = try #require(combination.validate(trending)).weights
        #expect(weights[0] > 10 * weights[1], "drift should dominate on a trending series: \(weights)")
        let forecast = try combination.forecast(trending, horizon: 2, levels: [95])
        let drift = try BenchmarkModel(.drift).forecast(trending, horizon: 2, levels: [])
        #expect(abs(forecast.mean[0] - drift.mean[0]) < abs(forecast.mean[0] - 150))
    }

    @Test("an equal-weight combination is the average of its members")
    func equalWeights() throws {
        let series = TimeSeries(start: 2000, observed: [3, 5, 4, 6, 8, 7, 9, 11])
        let combined = try Combination([BenchmarkModel(.naive), BenchmarkModel(.drift)]).forecast(series, horizon: 3, levels: [])
        let naive = try BenchmarkModel(.naive).forecast(series, horizon: 3, levels: [])
        let drift = try BenchmarkModel(.drift).forecast(series, horizon: 3, levels: [])
        for h in 0..<3 { #expect(abs(combined.mean[h] - (naive.mean[h] + drift.mean[h]) / 2) < 1e-12) }
        // The interval is the mixture's: mean of the members' variances plus the variance of their means.
        for h in 0..<3 {
            let spread = (naive.mean[h] - drift.mean[h]) / 2
            let variance = (naive.standardDeviation[h] * naive.standardDeviation[h] + drift.standardDeviation[h] * drift.standardDeviation[h]) / 2
                + spread * spread
            #expect(abs(combined.standardDeviation[h] - variance.squareRoot()) < 1e-12)
        }
    }

    @Test("validation calibrates the intervals: never narrower, wider when the holdout errors exceed the stated ones")
    func calibration() throws {
        // A steady trend that breaks in the last three years: the holdout errors are far beyond the members' claims.
        let trend: [Double] = (0..<17).map { (t: Int) -> Double in 100 + 2 * Double(t) + Double(t % 2) }
        let broken = TimeSeries(start: 2000, observed: trend + [160, 175, 190])
        let combination = Combination([BenchmarkModel(.drift), BenchmarkModel(.naive)], weighting: .validation(periods: 3))
        let inflation = try #require(combination.validate(broken)).calibration.inflation
        #expect(inflation > 2)
        let forecast = try combination.forecast(broken, horizon: 2, levels: [95])
        #expect(forecast.parameters["interval.inflation"] == inflation)
        // Student t intervals with 3 holdout errors + 3 pseudo-observations = 6 degrees of freedom (t₀.₉₇₅,₆ = 2.446912).
        let interval = try #require(forecast.interval(95))
        for h in 0..<2 {
            #expect(abs((interval.upper[h] - forecast.mean[h]) / forecast.standardDeviation[h] - 2.446911851144969) < 1e-9)
            // The error's standard deviation is the t scale times √(ν/(ν − 2)) = √(6/4); the distribution stays t when
            // the intervals are redrawn at other levels (a memo asked for 80%).
            #expect(forecast.degreesOfFreedom == 6 && abs(forecast.errorStandardDeviation[h] / forecast.standardDeviation[h] - 1.5.squareRoot()) < 1e-15)
            let redrawn = try #require(forecast.redrawn(levels: [80]).interval(80))
            #expect(abs((redrawn.upper[h] - forecast.mean[h]) / forecast.standardDeviation[h] - 1.4397557472651481) < 1e-9)
        }
        let steadyValues: [Double] = (0..<20).map { (t: Int) -> Double in 100 + 2 * Double(t) + Double(t % 2) }
        let steady = TimeSeries(start: 2000, observed: steadyValues)
        // On the steady trend drift forecasts the holdout within its claims: the floor holds r at exactly 1.
        #expect(try #require(combination.validate(steady)).calibration.inflation == 1)
    }

    @Test("beyond the holdout's mean horizon the calibrated standard deviations grow by √(h/2), never shrink")
    func calibrationGrowsWithHorizon() throws {
        #expect([1, 2, 3, 6].map { IntervalCalibration.horizonGrowth($0, periods: 3) } == [1, 1, 1.5.squareRoot(), 3.0.squareRoot()])
        #expect(IntervalCalibration.horizonGrowth(1, periods: 1) == 1 && IntervalCalibration.horizonGrowth(4, periods: 1) == 2)
        let values: [Double] = (0..<20).map { (t: Int) -> Double in 100 + 2 * Double(t) + Double(t % 3) * 1.5 + (t > 16 ? 9 : 0) }
        let series = TimeSeries(start: 2000, observed: values)
        let members: [any ForecastModel] = [BenchmarkModel(.drift), BenchmarkModel(.naive)]
        let combination = Combination(members, weighting: .validation(periods: 3))
        let validation = try #require(combination.validate(series))
        let forecast = try combination.forecast(series, horizon: 6, levels: [95])
        // The same mixture, rebuilt from the members' own forecasts and the validation weights.
        let own = try members.map { try $0.forecast(series, horizon: 6, levels: []) }
        let (_, mixtureSD) = Combination.mixture(Array(zip(own, validation.weights)), horizon: 6)
        for h in 0..<6 {
            let expected = mixtureSD[h] * validation.calibration.inflation * IntervalCalibration.horizonGrowth(h + 1, periods: 3)
            #expect(abs(forecast.standardDeviation[h] / expected - 1) < 1e-12, "h = \(h + 1)")
        }
    }

    @Test("validation weights stay finite when a member forecasts the holdout exactly: a constant series, a cubic")
    func exactMembers() throws {
        let auto = try ModelCatalog.model(named: "auto")
        let constant = try auto.forecast(TimeSeries(start: 2000, observed: Array(repeating: 5, count: 12)), horizon: 3, levels: [95])
        #expect(constant.mean.allSatisfy { abs($0 - 5) < 1e-9 }, "\(constant.mean)")
        let cubicValues: [Double] = (0..<15).map { (t: Int) -> Double in Double(t * t * t) }
        let cubic = try auto.forecast(TimeSeries(start: 2000, observed: cubicValues), horizon: 3, levels: [95])
        #expect(cubic.mean.allSatisfy(\.isFinite) && cubic.standardDeviation.allSatisfy(\.isFinite), "\(cubic.mean)")
        let weights = try #require(Combination([BenchmarkModel(.naive), BenchmarkModel(.drift)], weighting: .validation(periods: 3))
            .validate(TimeSeries(start: 2000, observed: (0..<12).map(Double.init)))).weights
        #expect(weights == [0, 1], "drift is exact on a straight line and takes all the weight: \(weights)")
    }

    @Test("through a memo, a combination reuses the fit of a member made alone, and forecasts exactly as without it")
    func memo() throws {
        let series = TimeSeries(start: 1990, observed: (0..<24).map { 200 + 4 * Double($0) + 6 * sin(Double($0)) })
        let auto = try ModelCatalog.model(named: "auto")
        let memo = ForecastMemo()
        let ets = try ETS().forecast(series, horizon: 4, levels: [80, 95], memo: memo)
        #expect(ets == (try ETS().forecast(series, horizon: 4, levels: [80, 95])))
        // Asked again at other levels, the remembered fit's normal intervals are redrawn.
        let again = try ETS().forecast(series, horizon: 4, levels: [95], memo: memo)
        #expect(again.mean == ets.mean && again.interval(95) == ets.interval(95) && again.interval(80) == nil)
        #expect(try auto.forecast(series, horizon: 4, levels: [95], memo: memo) == (try auto.forecast(series, horizon: 4, levels: [95])))
        // A failure to fit is remembered: the model is not run again. Bad arguments are refused before the memo is
        // asked, and another horizon is another forecast.
        let counting = CountingModel()
        let short = TimeSeries(start: 2000, observed: [1, 2, 3])
        let shortMemo = ForecastMemo()
        #expect(throws: ForecastingError.self) { try counting.forecast(short, horizon: 2, levels: [], memo: shortMemo) }
        #expect(throws: ForecastingError.self) { try counting.forecast(short, horizon: 2, levels: [95], memo: shortMemo) }
        #expect(counting.calls.load(ordering: .relaxed) == 1)
        #expect(throws: ForecastingError.invalidLevel(150)) { try ETS().forecast(series, horizon: 4, levels: [150], memo: memo) }
        let longer = try ETS().forecast(series, horizon: 6, levels: [95], memo: memo)
        #expect(longer.horizon == 6 && Array(longer.mean.prefix(4)) == ets.mean)
    }

    /// A model that fails, counting how often it was asked.
    final class CountingModel: ForecastModel {
        let calls = Atomic<Int>(0)
        var name: String { "counting" }
        func forecast(_ series: TimeSeries, horizon: Int, levels: [Double]) throws(ForecastingError) -> Forecast {
            calls.add(1, ordering: .relaxed)
            throw .tooShort(model: "counting", observed: series.observedCount, minimum: 10)
        }
    }

    @Test("etsw averages every admissible ETS model with Akaike weights; through a memo it shares their fits with ets")
    func akaikeWeights() throws {
        let values: [Double] = (0..<28).map { (t: Int) -> Double in
            let x = Double(t)
            return 50 + 2.5 * x + 4 * sin(x * 1.3)
        }
        let series = TimeSeries(start: 1980, observed: values)
        let weighted = try AkaikeWeightedETS().fit(series)
        #expect(weighted.count == 6)
        #expect(abs(weighted.reduce(0) { $0 + $1.weight } - 1) < 1e-12)
        let best = weighted[0]
        for other in weighted.dropFirst() {
            #expect(other.fit.aicc >= best.fit.aicc)
            #expect(abs(other.weight / best.weight - exp(-0.5 * (other.fit.aicc - best.fit.aicc))) < 1e-9)
        }
        let forecast = try AkaikeWeightedETS().forecast(series, horizon: 3, levels: [95])
        for h in 0..<3 {
            let mean = weighted.reduce(0) { $0 + $1.weight * $1.fit.forecast(start: series.end, horizon: 3, levels: []).mean[h] }
            #expect(abs(forecast.mean[h] - mean) < 1e-9 * abs(mean))
        }
        #expect(forecast.parameters["\(best.fit.spec).weight"] == best.weight)
        // One memo for both: the same forecasts as each alone.
        let memo = ForecastMemo()
        #expect(try AkaikeWeightedETS().forecast(series, horizon: 3, levels: [95], memo: memo) == forecast)
        #expect(try ETS().forecast(series, horizon: 3, levels: [95], memo: memo) == (try ETS().forecast(series, horizon: 3, levels: [95])))
    }

    @Test("a screening ETS fit ranks multiplicative models on profiled states, and forecasts close to the full fit")
    func screeningETS() throws {
        let series = TimeSeries(start: 1990, observed: (0..<30).map { 100 * pow(1.04, Double($0)) * (1 + 0.03 * sin(Double($0) * 2.1)) })
        let spec = try #require(ETSSpec("MAdN"))
        let y = series.values
        let full = try #require(ETS.estimate(y, spec: spec, effort: .ranking))
        let screened = try #require(ETS.estimate(y, spec: spec, effort: .screening))
        // The profiled states are feasible, not optimal: the criterion is at least the full search's, and close.
        #expect(screened.criterion >= full.criterion - 1e-6)
        #expect(screened.criterion - full.criterion < 2, "\(screened.criterion) vs \(full.criterion)")
        let a = full.forecast(start: series.end, horizon: 3, levels: []), b = screened.forecast(start: series.end, horizon: 3, levels: [])
        for h in 0..<3 { #expect(abs(a.mean[h] - b.mean[h]) < 0.02 * a.mean[h]) }
    }

    @Test("a fitted ETS model asked for no steps, or a negative number, gives an empty forecast rather than crashing")
    func etsFitWithoutSteps() throws {
        let values: [Double] = (0..<20).map { (t: Int) -> Double in 100 + 2 * Double(t) + (t % 2 == 0 ? 1 : -1) }
        let series = TimeSeries(start: 1990, observed: values)
        for code in ["ANN", "MAdN"] {
            let spec = try #require(ETSSpec(code))
            let fit = try #require(ETS.estimate(series.values, spec: spec, effort: .ranking))
            for horizon in [0, -3] {
                let forecast = fit.forecast(start: series.end, horizon: horizon, levels: [95])
                #expect(forecast.mean.isEmpty && forecast.standardDeviation.isEmpty, "\(code), horizon \(horizon)")
            }
        }
    }
}
