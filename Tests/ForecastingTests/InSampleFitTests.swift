import Foundation
import Testing
@testable import Forecasting

/// Every model's one-step-ahead fitted values and residuals, against the closed forms they must equal.
@Suite("In-sample fit") struct InSampleFitTests {
    static let values: [Double] = [112, 118, 121, 130, 127, 139, 146, 151, 149, 160, 171, 168, 180, 186, 191, 199]
    static let series = TimeSeries(start: 2000, observed: values)

    /// Residuals are yₜ − ŷₜ wherever both exist, and the fit covers every period of the series.
    static func checkResiduals(_ fit: Forecast.InSampleFit, _ series: TimeSeries) {
        #expect(fit.start == series.start && fit.fitted.count == series.count && fit.residuals.count == series.count)
        for t in series.values.indices {
            if let y = series.values[t], let f = fit.fitted[t] {
                #expect(fit.residuals[t] == y - f)
            } else {
                #expect(fit.residuals[t] == nil)
            }
        }
    }

    @Test("naive and drift: the previous value (plus the slope); none for the first value or after a gap")
    func benchmarks() throws {
        let gappy = TimeSeries(start: 2000, values: [10, 12, nil, 15, 16, 18, 21, 22])
        let naive = try BenchmarkModel(.naive).forecast(gappy, horizon: 1, levels: []).inSample
        #expect(naive.fitted == [nil, 10, 12, nil, 15, 16, 18, 21])
        Self.checkResiduals(naive, gappy)
        let drift = try BenchmarkModel(.drift).forecast(gappy, horizon: 1, levels: [])
        let slope = try #require(drift.parameters["slope"])
        #expect(abs(slope - 12.0 / 7) < 1e-12)
        #expect(drift.inSample.fitted == [nil, 10 + slope, 12 + slope, nil, 15 + slope, 16 + slope, 18 + slope, 21 + slope])
        let mean = try BenchmarkModel(.mean).forecast(gappy, horizon: 1, levels: []).inSample
        #expect(mean.fitted.compactMap { $0 }.allSatisfy { abs($0 - 114.0 / 7) < 1e-12 } && mean.fitted[2] == nil)
    }

    @Test("ARIMA(1,0,0) with mean: ŷₜ = μ + φ(yₜ₋₁ − μ) after the first value, μ at the first")
    func autoregressive() throws {
        let forecast = try ARIMA(order: ARIMAOrder(1, 0, 0)).forecast(Self.series, horizon: 2, levels: [])
        let phi = try #require(forecast.parameters["ar1"]), mu = try #require(forecast.parameters["constant"])
        let fitted = forecast.inSample.fitted.map { $0! }
        #expect(abs(fitted[0] - mu) < 1e-9 * abs(mu))
        for t in 1..<Self.values.count {
            #expect(abs(fitted[t] - (mu + phi * (Self.values[t - 1] - mu))) < 1e-9 * abs(mu), "t = \(t)")
        }
        Self.checkResiduals(forecast.inSample, Self.series)
        #expect(forecast.parameters["loglik"] != nil)
    }

    @Test("ARIMA(0,1,0) with drift: ŷₜ = yₜ₋₁ + drift; ARIMA(0,2,0): ŷₜ = 2yₜ₋₁ − yₜ₋₂; none for the first d values")
    func integrated() throws {
        let drift = try ARIMA(order: ARIMAOrder(0, 1, 0)).forecast(Self.series, horizon: 2, levels: [])
        let c = try #require(drift.parameters["constant"])
        #expect(drift.inSample.fitted[0] == nil)
        for t in 1..<Self.values.count { #expect(abs(drift.inSample.fitted[t]! - (Self.values[t - 1] + c)) < 1e-9 * Self.values[t]) }
        let twice = try ARIMA(order: ARIMAOrder(0, 2, 0)).forecast(Self.series, horizon: 2, levels: [])
        #expect(twice.inSample.fitted[0] == nil && twice.inSample.fitted[1] == nil)
        for t in 2..<Self.values.count {
            #expect(abs(twice.inSample.fitted[t]! - (2 * Self.values[t - 1] - Self.values[t - 2])) < 1e-9 * Self.values[t])
        }
        Self.checkResiduals(twice.inSample, Self.series)
    }

    @Test("ETS: the fit's own one-step fitted values, and its log-likelihood among the parameters")
    func exponentialSmoothing() throws {
        let fit = try ETS(ETSSpec(error: .additive, trend: .additive)).fit(Self.series)
        let forecast = try ETS(ETSSpec(error: .additive, trend: .additive)).forecast(Self.series, horizon: 2, levels: [])
        #expect(forecast.inSample.fitted == fit.fitted)
        #expect(forecast.parameters["loglik"] == fit.logLikelihood)
        Self.checkResiduals(forecast.inSample, Self.series)
        // The one-step errors of additive ETS are the residuals: σ² = Σεₜ²/(n − k − 1).
        let sse = forecast.inSample.residuals.reduce(0) { $0 + $1! * $1! }
        #expect(abs(sse / Double(Self.values.count - fit.parameters - 1) - fit.sigma2) < 1e-9 * fit.sigma2)
    }

    @Test("Theta: the residuals from the second value on are the errors its σ² is estimated from")
    func theta() throws {
        let forecast = try Theta(.standard).forecast(Self.series, horizon: 2, levels: [])
        Self.checkResiduals(forecast.inSample, Self.series)
        // The standard model conditions on the first value: ŷ₁ = y₁.
        #expect(abs(forecast.inSample.residuals[0]!) < 1e-9 * Self.values[0])
        let sse = forecast.inSample.residuals.dropFirst().reduce(0) { $0 + $1! * $1! }
        #expect(abs(sse / Double(Self.values.count - 2) - forecast.parameters["sigma2"]!) < 1e-9 * forecast.parameters["sigma2"]!)
    }

    @Test("dynamic Theta models condition on the first value: ℓ₀ = y₁/θ, so ŷ₁ = ŷ₂ = y₁ whatever α and θ",
          arguments: [Theta.Variant.dynamic, .dynamicOptimized])
    func dynamicTheta(_ variant: Theta.Variant) throws {
        let forecast = try Theta(variant).forecast(Self.series, horizon: 2, levels: [])
        let theta = try #require(forecast.parameters["theta"]), alpha = try #require(forecast.parameters["alpha"])
        #expect(abs(forecast.parameters["l0"]! - Self.values[0] / theta) < 1e-12 * Self.values[0])
        #expect(alpha >= 0.1 && alpha <= 0.99)
        for t in 0..<2 { #expect(abs(forecast.inSample.residuals[t]! - (Self.values[t] - Self.values[0])) < 1e-9 * Self.values[0]) }
        Self.checkResiduals(forecast.inSample, Self.series)
        // The recursions themselves: with ℓ₀ = y₁/θ the second one-step forecast is y₁ for any α and θ.
        for alpha in [0.1, 0.37, 0.99] {
            for theta in [1.0, 2.0, 7.5] {
                let path = Theta.run(Self.series.values, level0: Self.values[0] / theta, alpha: alpha, theta: theta, variant: variant,
                                     line: Theta.line(Self.series.values), horizon: 1)
                #expect(abs(path.fitted[1] - Self.values[0]) < 1e-9 * Self.values[0], "α \(alpha), θ \(theta): \(path.fitted[1])")
            }
        }
    }

    @Test("combinations and etsw average their members' fitted values with their weights; calibration keeps them")
    func combinations() throws {
        let naive = try BenchmarkModel(.naive).forecast(Self.series, horizon: 2, levels: []).inSample
        let drift = try BenchmarkModel(.drift).forecast(Self.series, horizon: 2, levels: []).inSample
        let combo = try Combination([BenchmarkModel(.naive), BenchmarkModel(.drift)]).forecast(Self.series, horizon: 2, levels: [95])
        #expect(combo.inSample.fitted[0] == nil)
        for t in 1..<Self.values.count { #expect(abs(combo.inSample.fitted[t]! - (naive.fitted[t]! + drift.fitted[t]!) / 2) < 1e-9) }
        let weighted = try AkaikeWeightedETS().fit(Self.series, horizon: 2)
        let etsw = try AkaikeWeightedETS().forecast(Self.series, horizon: 2, levels: [])
        for t in Self.values.indices {
            let expected = weighted.reduce(0) { $0 + $1.weight * $1.fit.fitted[t]! }
            #expect(abs(etsw.inSample.fitted[t]! - expected) < 1e-9 * Self.values[t])
        }
        let calibrated = try Calibrated(BenchmarkModel(.drift)).forecast(Self.series, horizon: 2, levels: [95])
        #expect(calibrated.inSample == drift)
        let auto = try ModelCatalog.model(named: "auto").forecast(Self.series, horizon: 2, levels: [95])
        Self.checkResiduals(auto.inSample, Self.series)
        #expect(auto.inSample.fitted.dropFirst().allSatisfy { $0 != nil })
    }

    @Test("regression with ARIMA(0,0,0) errors: the fitted values are the least-squares line's")
    func regression() throws {
        let x: [Double] = (0..<16).map { (t: Int) -> Double in
            let wobble = Double((t * 7) % 5)
            return 50 + 3 * Double(t) + wobble
        }
        let y: [Double] = zip(x, Self.values).map { (a: Double, b: Double) -> Double in 2 * a + 0.1 * b }
        let series = TimeSeries(start: 2000, observed: y)
        let fit = try RegressionWithARIMAErrors(order: ARIMAOrder(0, 0, 0), constant: true)
            .fit(series, regressors: [Regressor(name: "x", values: x)])
        let forecast = try fit.forecast(horizon: 1, future: ["x": [100]], levels: [])
        let beta = fit.coefficients[0], intercept = try #require(fit.constantCoefficient)
        for t in y.indices { #expect(abs(forecast.inSample.fitted[t]! - (intercept + beta * x[t])) < 1e-8 * abs(y[t])) }
        Self.checkResiduals(forecast.inSample, series)
    }
}
