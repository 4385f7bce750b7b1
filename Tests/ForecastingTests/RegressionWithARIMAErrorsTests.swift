import Foundation
import Testing
import TestSupport
@testable import Forecasting

/// Regression with ARIMA errors against statsmodels' SARIMAX with simple differencing
/// (Tests/Fixtures/statsmodels/regarima.json, made by Tools/reference/make_regarima_fixtures.py).
@Suite("Regression with ARIMA errors") struct RegressionWithARIMAErrorsTests {
    static let document = try! JSONValue.load("statsmodels/regarima.json")
    static let cases = document["cases"].array

    static func setUp(_ entry: JSONValue) -> (series: TimeSeries, regressors: [Regressor], future: [String: [Double]]) {
        let n = document["n"].int
        let data = document["data"]
        let y = Array(data[entry["response"].string].doubles.prefix(n))
        let regressors = entry["regressors"].strings.map { Regressor(name: $0, values: data[$0].doubles.prefix(n).map(Optional.some)) }
        let future = Dictionary(uniqueKeysWithValues: entry["regressors"].strings.map { ($0, Array(data[$0].doubles.dropFirst(n))) })
        return (TimeSeries(start: 1, observed: y), regressors, future)
    }

    /// The fit with its coefficients' covariance set to zero: forecasts with the error model's variance alone.
    static func withKnownCoefficients(_ fit: RegressionWithARIMAErrorsFit) -> RegressionWithARIMAErrorsFit {
        RegressionWithARIMAErrorsFit(series: fit.series, regressors: fit.regressors, errors: fit.errors,
                                     constantCoefficient: fit.constantCoefficient, coefficients: fit.coefficients,
                                     coefficientCovariance: fit.coefficientCovariance.map { $0.map { _ in 0 } })
    }

    static func order(_ entry: JSONValue) -> ARIMAOrder {
        let o = entry["order"].array.map(\.int)
        return ARIMAOrder(o[0], o[1], o[2])
    }

    @Test("the concentrated likelihood at statsmodels' ARMA coefficients equals its maximised likelihood (1e-6)",
          arguments: cases.indices)
    func likelihoodEquation(_ index: Int) throws {
        let entry = Self.cases[index]
        let (series, regressors, _) = Self.setUp(entry)
        let order = Self.order(entry)
        let params = entry["params"]
        let ar = (0..<order.p).map { params["ar.L\($0 + 1)"].double }
        let ma = (0..<order.q).map { params["ma.L\($0 + 1)"].double }
        let y = ARIMA.difference(series.values.map { $0! }, order.d)
        let time = (1...series.count).map(Double.init)
        var columns = regressors.map { ARIMA.difference($0.values.map { $0! }, order.d) }
        if entry["constant"].bool { columns.insert(ARIMA.difference(order.d == 0 ? time.map { _ in 1 } : time, order.d), at: 0) }
        let got = try #require(ARMAStateSpace(ar: ar, ma: ma).logLikelihood(y, regressors: columns))
        #expect(abs(got.logLikelihood - entry["llf"].double) <= 1e-6 * abs(entry["llf"].double),
                "\(entry["name"].string): \(got.logLikelihood) vs \(entry["llf"].double)")
        // β̂ at those coefficients is statsmodels' β (the exogenous parameters come first, in column order), to its
        // optimiser's convergence (1e-4).
        let names = entry["paramNames"].strings
        for (j, beta) in got.beta.enumerated() {
            let want = params[names[j]].double
            #expect(abs(beta - want) <= 1e-4 * max(1, abs(want)), "\(entry["name"].string) β\(j): \(beta) vs \(want)")
        }
    }

    @Test("the fitted likelihood reaches statsmodels' best, with the same coefficients and forecasts", arguments: cases.indices)
    func estimation(_ index: Int) throws {
        let entry = Self.cases[index]
        let (series, regressors, future) = Self.setUp(entry)
        let fit = try RegressionWithARIMAErrors(order: Self.order(entry), constant: entry["constant"].bool)
            .fit(series, regressors: regressors)
        let name = entry["name"].string
        #expect(fit.errors.logLikelihood >= entry["llf"].double - 1e-6, "\(name): \(fit.errors.logLikelihood) vs \(entry["llf"].double)")
        let names = entry["paramNames"].strings
        let params = entry["params"]
        let offset = entry["constant"].bool ? 1 : 0
        if entry["constant"].bool {
            #expect(abs(fit.constantCoefficient! - params[names[0]].double) <= 1e-3 * max(1, abs(params[names[0]].double)), "\(name) constant")
        }
        for (j, beta) in fit.coefficients.enumerated() {
            let want = params[names[j + offset]].double
            #expect(abs(beta - want) <= 1e-3 * max(1, abs(want)), "\(name) β\(j): \(beta) vs \(want)")
        }
        guard entry.has("forecast") else { return }
        let forecast = try fit.forecast(horizon: 4, future: future, levels: [80, 95])
        for (got, want) in zip(forecast.mean, entry["forecast"]["mean"].doubles) {
            #expect(abs(got - want) <= 1e-3 * abs(want), "\(name) mean \(got) vs \(want)")
        }
        // One step ahead the state is known up to the MA part, so the standard errors agree closely: with the
        // coefficients known, as SARIMAX forecasts, and with their estimation uncertainty added, as Biennium does.
        let se = entry["forecast"]["se"].doubles
        let known = try Self.withKnownCoefficients(fit).forecast(horizon: 4, future: future, levels: [80, 95])
        #expect(abs(known.standardDeviation[0] - se[0]) <= 0.02 * se[0], "\(name) se(1) \(known.standardDeviation[0]) vs \(se[0])")
        let estimated = entry["estimated"]["se"].doubles
        #expect(abs(forecast.standardDeviation[0] - estimated[0]) <= 0.02 * estimated[0],
                "\(name) se(1) \(forecast.standardDeviation[0]) vs \(estimated[0])")
    }

    @Test("automatic selection: KPSS on the regression residuals sets d, the stepwise search finds the AICc optimum")
    func automaticSelection() throws {
        // y0 has stationary AR(1) errors: d = 0 and the search does at least as well as the true order.
        let stationary = Self.cases[0]
        let (series, regressors, future) = Self.setUp(stationary)
        let auto = try RegressionWithARIMAErrors().fit(series, regressors: regressors)
        let fixed = try RegressionWithARIMAErrors(order: ARIMAOrder(1, 0, 0)).fit(series, regressors: regressors)
        #expect(auto.errors.order.d == 0, "\(auto.label)")
        #expect(auto.errors.aicc <= fixed.errors.aicc + 1e-9, "\(auto.label): \(auto.errors.aicc) vs \(fixed.errors.aicc)")
        #expect(try auto.forecast(horizon: 4, future: future, levels: [95]).mean.allSatisfy(\.isFinite))
        // y1's residuals on (1, x) have KPSS 0.197 at lag 3 (statsmodels agrees), below 0.463: no differencing,
        // as R's auto.arima would decide on the same residuals.
        let integrated = Self.cases[2]
        let (series1, regressors1, _) = Self.setUp(integrated)
        let y = series1.values.map { $0! }
        #expect(RegressionWithARIMAErrors.differencing(y, regressors1.map { $0.values.map { $0! } }) == 0)
    }

    @Test("bad regressors are named: wrong length, missing future, short future, too few rows")
    func badInput() throws {
        let entry = Self.cases[0]
        let (series, regressors, _) = Self.setUp(entry)
        #expect(throws: ForecastingError.invalidRegressor(name: "x", reason: "has 3 values; the series has 40 periods")) {
            try RegressionWithARIMAErrors().fit(series, regressors: [Regressor(name: "x", values: [1, 2, 3])])
        }
        let fit = try RegressionWithARIMAErrors(order: ARIMAOrder(1, 0, 0)).fit(series, regressors: regressors)
        #expect(throws: ForecastingError.invalidRegressor(name: "x", reason: "no future values were given; forecasts need its path")) {
            try fit.forecast(horizon: 2, future: [:], levels: [95])
        }
        #expect(throws: ForecastingError.invalidRegressor(name: "x", reason: "needs 3 finite future values; got 1")) {
            try fit.forecast(horizon: 3, future: ["x": [1], "z": [0, 0, 0]], levels: [95])
        }
        #expect(throws: ForecastingError.invalidHorizon(0)) { try fit.forecast(horizon: 0, future: [:], levels: [95]) }
        let short = TimeSeries(start: 1, observed: [1, 2, 3, 4])
        #expect(throws: ForecastingError.tooShort(model: "regression with ARIMA errors", observed: 4, minimum: 5)) {
            try RegressionWithARIMAErrors().fit(short, regressors: [Regressor(name: "x", values: [1, 3, 2, 5])])
        }
    }

    @Test("a gap in the response or a regressor is skipped by the likelihood, not filled")
    func gaps() throws {
        let entry = Self.cases[0]
        let (series, regressors, future) = Self.setUp(entry)
        var values = series.values
        values[10] = nil
        var x = regressors[0].values
        x[20] = nil
        let gappy = TimeSeries(start: 1, values: values)
        let fit = try RegressionWithARIMAErrors(order: ARIMAOrder(1, 0, 0)).fit(gappy, regressors: [Regressor(name: "x", values: x), regressors[1]])
        #expect(fit.errors.observations == 38)
        let forecast = try fit.forecast(horizon: 4, future: future, levels: [95])
        let reference = entry["forecast"]["mean"].doubles
        for (got, want) in zip(forecast.mean, reference) { #expect(abs(got - want) <= 0.05 * abs(want)) }
    }

    @Test("a regressor's forecast uncertainty widens the intervals by β²·sd², known values leave them as they were")
    func regressorUncertainty() throws {
        let entry = Self.cases[0]
        let (series, regressors, future) = Self.setUp(entry)
        let fit = try RegressionWithARIMAErrors(order: ARIMAOrder(1, 0, 0)).fit(series, regressors: regressors)
        let known = try fit.forecast(horizon: 4, future: future, levels: [95])
        let spread = [0.0, 0.5, 1.0, 2.0]
        let uncertain = try fit.forecast(horizon: 4, future: future, levels: [95], futureStandardDeviation: ["x": spread])
        let beta = fit.coefficients[0]
        #expect(uncertain.mean == known.mean)
        for h in 0..<4 {
            let expected = (known.standardDeviation[h] * known.standardDeviation[h] + beta * beta * spread[h] * spread[h]).squareRoot()
            #expect(abs(uncertain.standardDeviation[h] - expected) <= 1e-12 * expected)
        }
        #expect(uncertain.standardDeviation[0] == known.standardDeviation[0])
        let zero = try fit.forecast(horizon: 4, future: future, levels: [95], futureStandardDeviation: ["x": [0, 0, 0, 0]])
        #expect(zero.standardDeviation == known.standardDeviation)
    }

    @Test("a regressor given twice is refused, naming it")
    func repeatedRegressor() throws {
        let (series, regressors, _) = Self.setUp(Self.cases[0])
        #expect(throws: ForecastingError.invalidRegressor(name: "x", reason: "is given twice; each regressor enters the regression once")) {
            try RegressionWithARIMAErrors(order: ARIMAOrder(1, 0, 0)).fit(series, regressors: [regressors[0], regressors[0]])
        }
    }

    @Test("a regressor missing in the last period: the errors are forecast through it, one more step ahead")
    func regressorNotYetKnown() throws {
        let entry = Self.cases[0]
        let (series, regressors, future) = Self.setUp(entry)
        var x = regressors[0].values
        x[x.count - 1] = nil
        let fit = try RegressionWithARIMAErrors(order: ARIMAOrder(1, 0, 0)).fit(series, regressors: [Regressor(name: "x", values: x), regressors[1]])
        let forecast = try Self.withKnownCoefficients(fit).forecast(horizon: 3, future: future, levels: [95])
        let phi = fit.errors.ar[0], sigma = fit.errors.sigma2.squareRoot()
        // One step after the sample is two steps after the last error known: σ√(1 + φ²), then σ√(1 + φ² + φ⁴)
        // (with the coefficients taken as known; EstimationUncertaintyTests checks what their estimation adds).
        #expect(abs(forecast.standardDeviation[0] - sigma * (1 + phi * phi).squareRoot()) <= 1e-9 * sigma)
        #expect(abs(forecast.standardDeviation[1] - sigma * (1 + phi * phi + pow(phi, 4)).squareRoot()) <= 1e-9 * sigma)
        #expect(forecast.inSample.fitted.count == series.count && forecast.inSample.fitted.last! == nil)
    }
}
