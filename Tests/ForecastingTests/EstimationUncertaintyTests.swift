import Foundation
import Testing
import TestSupport
@testable import Forecasting

/// The forecast variance from estimating an ARIMA model's mean or drift and a regression's coefficients, against
/// closed forms and against statsmodels' SARIMAX with the coefficients as Kalman-filter states
/// (Tests/Fixtures/statsmodels/regarima.json, `estimated`; Tools/reference/make_regarima_fixtures.py).
@Suite("Estimation uncertainty of the constant and β") struct EstimationUncertaintyTests {
    static let wiggle: [Double] = [0.3, -1.1, 0.8, 0.2, -0.6, 1.4, -0.9, 0.1, 0.5, -0.4, 1.0, -1.3, 0.7, -0.2, 0.9]

    @Test("random walk with drift: σ²(h + h²/m) over m observed differences, the drift method's variance, with and without a gap")
    func drift() throws {
        var values: [Double?] = Self.wiggle.indices.map { 50 + 2 * Double($0) + Self.wiggle[$0] }
        for gap in [false, true] {
            if gap { values[6] = nil }
            let series = TimeSeries(start: 1, values: values)
            let fit = try ARIMA(order: ARIMAOrder(0, 1, 0), constant: true).fit(series)
            let forecast = ARIMA.forecast(fit, series: series, start: series.end, horizon: 5, levels: [95])
            let m = Double(gap ? values.count - 3 : values.count - 1)
            #expect(fit.observations == Int(m))
            for h in 1...5 {
                let want = (fit.sigma2 * (Double(h) + Double(h * h) / m)).squareRoot()
                #expect(abs(forecast.standardDeviation[h - 1] - want) <= 1e-12 * want, "gap \(gap), h = \(h)")
            }
        }
    }

    @Test("ARIMA's forecast carries its coefficients' standard errors among its parameters")
    func standardErrorsInParameters() throws {
        var y = [10.0]
        for e in Self.wiggle.dropFirst() { y.append(10 + 0.6 * (y.last! - 10) + e) }
        let forecast = try ARIMA(order: ARIMAOrder(1, 0, 0), constant: true).forecast(TimeSeries(start: 1, observed: y), horizon: 2, levels: [95])
        #expect((forecast.parameters["se.ar1"] ?? 0) > 0 && (forecast.parameters["se.constant"] ?? 0) > 0, "\(forecast.parameters)")
    }

    @Test("white noise with a mean: σ²(1 + 1/n), the mean method's variance")
    func mean() throws {
        let series = TimeSeries(start: 1, observed: Self.wiggle.map { 10 + $0 })
        let fit = try ARIMA(order: ARIMAOrder(0, 0, 0), constant: true).fit(series)
        let forecast = ARIMA.forecast(fit, series: series, start: series.end, horizon: 3, levels: [95])
        let want = (fit.sigma2 * (1 + 1 / Double(Self.wiggle.count))).squareRoot()
        for sd in forecast.standardDeviation { #expect(abs(sd - want) <= 1e-12 * want) }
    }

    @Test("AR(1) with a mean: ψ-weights plus (1 − φʰ)²/((1 − φ²) + (n − 1)(1 − φ)²), the GLS variance of the mean carried h steps")
    func autoregressive() throws {
        var y = [10.0]
        for e in Self.wiggle.dropFirst() { y.append(10 + 0.6 * (y.last! - 10) + e) }
        let series = TimeSeries(start: 1, observed: y)
        let fit = try ARIMA(order: ARIMAOrder(1, 0, 0), constant: true).fit(series)
        let phi = fit.ar[0], n = Double(y.count)
        let forecast = ARIMA.forecast(fit, series: series, start: series.end, horizon: 6, levels: [95])
        let information = (1 - phi * phi) + (n - 1) * (1 - phi) * (1 - phi)
        for h in 1...6 {
            let psi = (0..<h).reduce(0.0) { $0 + pow(phi, 2 * Double($1)) }
            let carried = pow(1 - pow(phi, Double(h)), 2) / information
            let want = (fit.sigma2 * (psi + carried)).squareRoot()
            #expect(abs(forecast.standardDeviation[h - 1] - want) <= 1e-12 * want, "h = \(h)")
        }
    }

    @Test("without a constant nothing is added: ARIMA(1,1,0)'s variances are its ψ-weights'")
    func noConstant() throws {
        let series = TimeSeries(start: 1, observed: Self.wiggle.indices.map { 50 + 2 * Double($0) + Self.wiggle[$0] })
        let fit = try ARIMA(order: ARIMAOrder(1, 1, 0), constant: false).fit(series)
        let forecast = ARIMA.forecast(fit, series: series, start: series.end, horizon: 3, levels: [95])
        let phi = fit.ar[0]
        let psi = [1, 1 + phi, 1 + phi + phi * phi]
        for h in 0..<3 {
            let want = (fit.sigma2 * psi.prefix(h + 1).reduce(0) { $0 + $1 * $1 }).squareRoot()
            #expect(abs(forecast.standardDeviation[h] - want) <= 1e-12 * want)
        }
    }

    @Test("ARIMA with a constant and MA terms adds what the regression on no regressors adds, at the same φ and θ",
          arguments: [ARIMAOrder(1, 0, 1), ARIMAOrder(1, 1, 1), ARIMAOrder(0, 1, 2)])
    func sameAsRegression(_ order: ARIMAOrder) throws {
        let series = TimeSeries(start: 1, observed: Self.wiggle.indices.map { 50 + 2 * Double($0) + 3 * Self.wiggle[$0] })
        let arima = try ARIMA(order: order, constant: true).fit(series)
        let own = ARIMA.forecast(arima, series: series, start: series.end, horizon: 5, levels: [95])
        let regression = try RegressionWithARIMAErrors.fit(series, regressors: [], order: order, withConstant: true, ar: arima.ar, ma: arima.ma)
        let other = try regression.forecast(horizon: 5, future: [:], levels: [95])
        for h in 0..<5 {
            #expect(abs(own.mean[h] - other.mean[h]) <= 1e-8 * abs(own.mean[h]), "\(order) mean, h = \(h + 1)")
            #expect(abs(own.standardDeviation[h] - other.standardDeviation[h]) <= 1e-7 * own.standardDeviation[h],
                    "\(order) sd, h = \(h + 1): \(own.standardDeviation[h]) vs \(other.standardDeviation[h])")
        }
    }

    @Test("a regressor missing in the last period: the coefficients' terms count their steps from the last period with all, 1 − φᵏ and x − φᵏ·x_last")
    func regressorNotYetKnown() throws {
        let entry = RegressionWithARIMAErrorsTests.cases[0]                // AR(1) errors, intercept, x and z
        let (series, regressors, future) = RegressionWithARIMAErrorsTests.setUp(entry)
        var x = regressors[0].values
        x[x.count - 1] = nil
        let fit = try RegressionWithARIMAErrors(order: ARIMAOrder(1, 0, 0))
            .fit(series, regressors: [Regressor(name: "x", values: x), regressors[1]])
        let forecast = try fit.forecast(horizon: 3, future: future, levels: [95])
        let phi = fit.errors.ar[0]
        let last = series.count - 2                                          // the last period with every regressor
        let lastX = try #require(x[last]), lastZ = try #require(regressors[1].values[last])
        let futureX = try #require(future["x"]), futureZ = try #require(future["z"])
        for h in 1...3 {
            let steps = 1 + h, decay = pow(phi, Double(steps))
            let g = [1 - decay, futureX[h - 1] - decay * lastX, futureZ[h - 1] - decay * lastZ]
            var variance = fit.errors.sigma2 * (0..<steps).reduce(0.0) { $0 + pow(phi, 2 * Double($1)) }
            for i in 0..<3 { for j in 0..<3 { variance += g[i] * fit.coefficientCovariance[i][j] * g[j] } }
            #expect(abs(forecast.standardDeviation[h - 1] - variance.squareRoot()) <= 1e-9 * variance.squareRoot(), "h = \(h)")
        }
    }

    @Test("regression with ARIMA errors at statsmodels' ARMA coefficients: means, forecast and coefficient standard errors",
          arguments: RegressionWithARIMAErrorsTests.cases.indices)
    func regression(_ index: Int) throws {
        let entry = RegressionWithARIMAErrorsTests.cases[index]
        let (series, regressors, future) = RegressionWithARIMAErrorsTests.setUp(entry)
        let order = RegressionWithARIMAErrorsTests.order(entry)
        let params = entry["params"]
        let fit = try RegressionWithARIMAErrors.fit(series, regressors: regressors, order: order, withConstant: entry["constant"].bool,
                                                    ar: (0..<order.p).map { params["ar.L\($0 + 1)"].double },
                                                    ma: (0..<order.q).map { params["ma.L\($0 + 1)"].double })
        let forecast = try fit.forecast(horizon: 4, future: future, levels: [95])
        let want = entry["estimated"]
        let name = entry["name"].string
        // statsmodels' coefficient states start from an approximately diffuse prior and its σ² is its optimiser's
        // (means agree to 6e-8); with an MA part its Kalman forecast also carries the last state's uncertainty,
        // which Biennium's ψ-weights leave out (4e-6 at n = 40).
        for (got, expected) in zip(forecast.mean, want["mean"].doubles) {
            #expect(abs(got - expected) <= 1e-7 * abs(expected), "\(name) mean \(got) vs \(expected)")
        }
        for (got, expected) in zip(forecast.standardDeviation, want["se"].doubles) {
            #expect(abs(got - expected) <= 1e-5 * expected, "\(name) se \(got) vs \(expected)")
        }
        // The coefficients' standard errors: the square roots of the coefficient states' final covariance.
        let standardErrors = want["coefficientSE"].doubles
        #expect(fit.coefficientNames.count == standardErrors.count)
        for (key, expected) in zip(fit.coefficientNames, standardErrors) {
            let got = try #require(forecast.parameters["se." + key])
            #expect(abs(got - expected) <= 1e-5 * expected, "\(name) se.\(key) \(got) vs \(expected)")
            #expect(got == fit.standardErrors[key])
        }
    }
}
