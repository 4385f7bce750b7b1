import Foundation
import LinearAlgebra

/// One explanatory series of a regression, aligned with the response: `values[i]` belongs to the response's
/// period `start + i`; `nil` where it is missing.
public struct Regressor: Sendable, Equatable {
    /// The regressor's series id, used to label its coefficient (`beta.<name>`).
    public let name: String
    /// One value per response period from the response's `start`; `nil` where missing.
    public let values: [Double?]

    /// A regressor named `name` with one value (or a gap) per period of the response.
    public init(name: String, values: [Double?]) {
        self.name = name
        self.values = values
    }
}

/// Linear regression with ARIMA errors (Hyndman & Athanasopoulos, *Forecasting: Principles and Practice*,
/// 3rd ed., ch. 10; Harvey 1989, §3.4.1):
///
/// ```
/// yₜ = c·sₜ + β′xₜ + ηₜ,   φ(B)(1 − B)ᵈ ηₜ = θ(B) εₜ,   εₜ ~ N(0, σ²)
/// ```
/// with `sₜ = 1` (an intercept, d = 0) or `sₜ = t` (a drift, d = 1) when a constant is included. The model is
/// estimated on the d-times differenced response and regressors by exact Gaussian maximum likelihood: for each
/// candidate (φ, θ) the Kalman filter whitens the response and the regressors and β is their generalised
/// least-squares fit, so the likelihood is concentrated in β and σ² and only (φ, θ) are searched.
/// With no order given, d comes from KPSS tests on the residuals of the regression on levels and p, q and the
/// constant from the Hyndman–Khandakar stepwise search by AICc, as for ``ARIMA``.
///
/// Forecasts need the future values of every regressor — the scenario's paths — and add `β′xₜ₊ₕ` to the
/// ARIMA forecast of the errors ηₜ. Intervals are those of the error model, widened by the estimation
/// uncertainty of the constant and β (given φ and θ; R's `forecast::Arima` leaves it out) and by the
/// uncertainty of regressor paths that are themselves forecasts when their standard deviations are given.
public struct RegressionWithARIMAErrors: Sendable {
    /// A fixed order for the errors, or `nil` to choose it.
    public let order: ARIMAOrder?
    /// The intercept (d = 0) or drift (d = 1): `false` leaves it out; otherwise a fixed order with d ≤ 1 includes it
    /// and the search chooses it by AICc.
    public let constant: Bool?

    /// A fixed error order and constant, or `nil` to choose them (KPSS and the stepwise AICc search).
    public init(order: ARIMAOrder? = nil, constant: Bool? = nil) {
        self.order = order
        self.constant = constant
    }

    /// Fits the response on `regressors` (each as long as the series).
    public func fit(_ series: TimeSeries, regressors: [Regressor]) throws(ForecastingError) -> RegressionWithARIMAErrorsFit {
        for regressor in regressors where regressor.values.count != series.count {
            throw .invalidRegressor(name: regressor.name,
                                    reason: "has \(regressor.values.count) values; the series has \(series.count) periods")
        }
        var names = Set<String>()
        for regressor in regressors where !names.insert(regressor.name).inserted {
            throw .invalidRegressor(name: regressor.name, reason: "is given twice; each regressor enters the regression once")
        }
        let y = series.values.map { $0 ?? .nan }
        let x = regressors.map { $0.values.map { $0 ?? .nan } }
        let complete = y.indices.filter { t in !y[t].isNaN && x.allSatisfy { !$0[t].isNaN } }
        guard !complete.isEmpty else { throw series.observedCount == 0 ? .allMissing : .invalidRegressor(
            name: regressors.first { $0.values.allSatisfy { $0 == nil } }?.name ?? regressors.first?.name ?? "",
            reason: "no period has both the response and every regressor") }
        let minimum = regressors.count + 4
        guard complete.count >= minimum else {
            throw .tooShort(model: "regression with ARIMA errors", observed: complete.count, minimum: minimum)
        }
        let d: Int
        if let order { d = order.d } else { d = Self.differencing(y, x) }
        let w = ARIMA.difference(y, d)
        let observations = Double(ARIMA.observedCount(w))
        // The differenced design without and with the constant, built once for every candidate order.
        let designs = [false, true].map { Self.differencedColumns(x, length: y.count, d: d, withConstant: $0) }
        func estimate(_ p: Int, _ q: Int, _ withConstant: Bool) -> ARIMAFit? {
            let columns = designs[withConstant ? 1 : 0]
            let (ar, ma, converged) = ARIMA.maximumLikelihoodCoefficients(p: p, q: q, observations: observations) { ar, ma in
                ARMAStateSpace(ar: ar, ma: ma).logLikelihood(w, regressors: columns)?.logLikelihood
            }
            guard let ll = ARMAStateSpace(ar: ar, ma: ma).logLikelihood(w, regressors: columns) else { return nil }
            return Self.errorModel(order: ARIMAOrder(p, d, q), withConstant: withConstant, ar: ar, ma: ma, at: ll,
                                   parameters: columns.count, converged: converged)
        }
        let errors: ARIMAFit
        if let order {
            guard let fit = estimate(order.p, order.q, (constant ?? true) && order.d <= 1) else {
                throw .noAdmissibleFit(model: "regression with \(order) errors")
            }
            errors = fit
        } else {
            let differenced = x.map { ARIMA.difference($0, d) }
            let count = w.indices.filter { t in !w[t].isNaN && differenced.allSatisfy { !$0[t].isNaN } }.count
            errors = try ARIMA.stepwise(observations: count - regressors.count, seriesLength: complete.count, allowConstant: d <= 1 && constant != false) { p, q, c in
                estimate(p, q, c && constant != false)
            }
        }
        return try Self.fit(series, regressors: regressors, order: errors.order, withConstant: errors.hasConstant,
                            ar: errors.ar, ma: errors.ma, converged: errors.converged)
    }

    /// The regression at given AR and MA coefficients: the constant and β by generalised least squares, σ² by
    /// maximum likelihood, and the covariance of the estimates, `σ²(X̃ᵀX̃)⁻¹` (X̃ the whitened regressors).
    /// - Throws: ``ForecastingError/noAdmissibleFit(model:)`` for a non-stationary AR part or a design of
    ///   dependent columns.
    static func fit(_ series: TimeSeries, regressors: [Regressor], order: ARIMAOrder, withConstant: Bool,
                    ar: [Double], ma: [Double], converged: Bool = true) throws(ForecastingError) -> RegressionWithARIMAErrorsFit {
        let y = series.values.map { $0 ?? .nan }
        let columns = differencedColumns(regressors.map { $0.values.map { $0 ?? .nan } }, length: y.count, d: order.d,
                                         withConstant: withConstant)
        guard let ll = ARMAStateSpace(ar: ar, ma: ma).logLikelihood(ARIMA.difference(y, order.d), regressors: columns, covariance: true),
              columns.isEmpty || ll.covarianceFactor?.rows == columns.count else {
            throw .noAdmissibleFit(model: "regression with \(order) errors")
        }
        let errors = errorModel(order: order, withConstant: withConstant, ar: ar, ma: ma, at: ll, parameters: columns.count, converged: converged)
        let covariance = (0..<columns.count).map { i in (0..<columns.count).map { j in ll.sigma2 * ll.covarianceFactor![i, j] } }
        return RegressionWithARIMAErrorsFit(series: series, regressors: regressors, errors: errors,
                                            constantCoefficient: withConstant ? ll.beta[0] : nil,
                                            coefficients: Array(ll.beta.dropFirst(withConstant ? 1 : 0)),
                                            coefficientCovariance: covariance)
    }

    /// The columns of the regression on the d-times differenced scale: the constant's (ones for d = 0, the
    /// differenced time index t = 1, 2, … for d = 1) when included, then the regressors' (NaN at gaps).
    static func differencedColumns(_ x: [[Double]], length: Int, d: Int, withConstant: Bool) -> [[Double]] {
        let time = (0..<length).map { Double($0 + 1) }
        return (withConstant ? [ARIMA.difference(d == 0 ? time.map { _ in 1 } : time, d)] : []) + x.map { ARIMA.difference($0, d) }
    }

    /// The error model's fit from the concentrated likelihood at its coefficients; `parameters` counts the
    /// regression's columns (the constant among them) for the AICc.
    static func errorModel(order: ARIMAOrder, withConstant: Bool, ar: [Double], ma: [Double],
                           at ll: (logLikelihood: Double, beta: [Double], sigma2: Double, n: Int, covarianceFactor: Matrix?),
                           parameters: Int, converged: Bool) -> ARIMAFit {
        ARIMAFit(order: order, hasConstant: withConstant, ar: ar, ma: ma, constant: withConstant ? ll.beta[0] : 0,
                 sigma2: ll.sigma2, logLikelihood: ll.logLikelihood, observations: ll.n,
                 aicc: ARIMA.aicc(ll.logLikelihood, parameters: order.p + order.q + parameters + 1, observations: ll.n),
                 converged: converged)
    }

    /// Differences needed by the errors: KPSS at 5% on the residuals of the least-squares regression of `y` on
    /// an intercept and `x`, repeated on their differences up to d = 2.
    static func differencing(_ y: [Double], _ x: [[Double]]) -> Int {
        let rows = y.indices.filter { t in !y[t].isNaN && x.allSatisfy { !$0[t].isNaN } }
        let columns = [rows.map { _ in 1.0 }] + x.map { column in rows.map { column[$0] } }
        guard let design = try? Matrix(columns: columns),
              let fit = try? LeastSquares.solve(design, rows.map { y[$0] }, options: .init(computeCovariance: false)) else { return 1 }
        var residuals = [Double](repeating: .nan, count: y.count)
        for (row, t) in rows.enumerated() { residuals[t] = fit.residuals[row] }
        var d = 0
        var e = residuals
        while d < 2, ARIMA.kpss(e.filter { !$0.isNaN }) > 0.463 {
            d += 1
            e = ARIMA.difference(residuals, d)
        }
        return d
    }
}

/// A fitted regression with ARIMA errors.
public struct RegressionWithARIMAErrorsFit: Sendable {
    /// The response as fitted.
    public let series: TimeSeries
    /// The regressors as fitted, aligned with `series`.
    public let regressors: [Regressor]
    /// The error model; its `constant` is the intercept (d = 0) or drift (d = 1) when one was estimated.
    public let errors: ARIMAFit
    /// The intercept (d = 0) or drift per period (d = 1), when one was estimated.
    public let constantCoefficient: Double?
    /// β, in the order of `regressors`.
    public let coefficients: [Double]
    /// The covariance of the estimates — the constant first when there is one, then β in the order of
    /// `regressors` — `σ²(X̃ᵀX̃)⁻¹` at the fitted φ and θ (generalised least squares, X̃ the whitened regressors).
    public let coefficientCovariance: [[Double]]

    /// The estimates' names as the forecast's parameters give them: `intercept` (d = 0) or `drift` (d = 1) when a
    /// constant was estimated, then `beta.<regressor>`; the order of `coefficientCovariance`.
    public var coefficientNames: [String] {
        (constantCoefficient == nil ? [] : [errors.order.d == 0 ? "intercept" : "drift"]) + regressors.map { "beta." + $0.name }
    }

    /// The standard error of each estimate by its name in ``coefficientNames``: the square root of its variance in
    /// `coefficientCovariance`, given the fitted φ and θ.
    public var standardErrors: [String: Double] {
        Dictionary(coefficientNames.enumerated().map { ($1, coefficientCovariance[$0][$0].squareRoot()) }) { first, _ in first }
    }

    /// E.g. `Regression on pct.applications with ARIMA(0,1,0) errors`.
    public var label: String {
        "Regression on \(regressors.map(\.name).joined(separator: ", ")) with \(errors.order) errors"
            + (errors.hasConstant ? (errors.order.d == 0 ? " and intercept" : " and drift") : "")
    }

    /// Forecasts `horizon` periods given each regressor's future values (by name, at least `horizon` each).
    /// When the last periods of the sample lack a regressor (a figure not yet published), the errors are
    /// forecast from the last period with both, through those periods, as a backtest forecasts across a
    /// missing origin figure.
    ///
    /// The variance of each forecast is the error model's plus that of the estimated constant and β carried to
    /// the step (`gᵀ·coefficientCovariance·g`, g the forecast's derivatives in the coefficients;
    /// ``ARIMA/regressorSensitivity(errors:column:future:gap:)``). Future values given as known (a scenario's
    /// path) add nothing more: the intervals are conditional on the path. Where they are
    /// themselves forecasts, `futureStandardDeviation` gives each such regressor's standard deviation per period
    /// (0 where a value is known), and the variance of the forecast adds `β²·sd²` for each — the regressors'
    /// forecast errors taken as independent of each other and of the errors' (Hyndman & Athanasopoulos, FPP3
    /// §10.3, on ex-ante forecasts, whose intervals otherwise ignore that uncertainty).
    public func forecast(horizon: Int, future: [String: [Double]], levels: [Double],
                         futureStandardDeviation: [String: [Double]] = [:]) throws(ForecastingError) -> Forecast {
        guard horizon >= 1 else { throw .invalidHorizon(horizon) }
        if let bad = levels.first(where: { !IntervalLevel.isValid($0) }) { throw .invalidLevel(bad) }
        var paths: [[Double]] = []
        for regressor in regressors {
            guard let path = future[regressor.name] else {
                throw .invalidRegressor(name: regressor.name, reason: "no future values were given; forecasts need its path")
            }
            guard path.count >= horizon, path.prefix(horizon).allSatisfy(\.isFinite) else {
                throw .invalidRegressor(name: regressor.name,
                                        reason: "needs \(horizon) finite future values; got \(path.filter(\.isFinite).count)")
            }
            paths.append(Array(path.prefix(horizon)))
        }
        let n = series.count
        let step = errors.order.d == 0 ? { (_: Int) in 1.0 } : { (t: Int) in Double(t + 1) }
        func systematic(_ t: Int, _ x: [Double]) -> Double {
            zip(coefficients, x).reduce((constantCoefficient ?? 0) * (constantCoefficient == nil ? 0 : step(t))) { $0 + $1.0 * $1.1 }
        }
        // The errors ηₜ = yₜ − c·sₜ − β′xₜ on levels (missing where anything is), forecast by the error model.
        let eta: [Double?] = (0..<n).map { t in
            guard let value = series.values[t] else { return nil }
            let x = regressors.map { $0.values[t] }
            guard x.allSatisfy({ $0 != nil }) else { return nil }
            return value - systematic(t, x.map { $0! })
        }
        // Periods at the end with no ηₜ (a regressor not yet known) are forecast through, not filtered as gaps:
        // the forecasts then count their steps from the last ηₜ.
        let gap = eta.reversed().prefix { $0 == nil }.count
        guard gap < n else { throw .invalidRegressor(name: regressors.first?.name ?? "", reason: "has no value together with the series") }
        let etaSeries = TimeSeries(frequency: series.frequency, start: series.start, values: Array(eta.dropLast(gap)))
        let errorModel = ARIMAFit(order: errors.order, hasConstant: false, ar: errors.ar, ma: errors.ma, constant: 0,
                                  sigma2: errors.sigma2, logLikelihood: errors.logLikelihood,
                                  observations: errors.observations, aicc: errors.aicc, converged: errors.converged)
        let etaForecast = ARIMA.forecast(errorModel, series: etaSeries, start: etaSeries.end, horizon: horizon + gap, levels: [])
        let mean = (0..<horizon).map { h in etaForecast.mean[gap + h] + systematic(n + h, paths.map { $0[h] }) }
        // Each coefficient's column on levels where ηₜ is known, and its future values: the constant's sₜ, then
        // the regressors'; their forecasts' derivatives carry the coefficients' covariance to each step.
        var columns: [(past: [Double?], future: [Double])] = []
        if constantCoefficient != nil { columns.append(((0..<n).map { step($0) }, (0..<horizon).map { step(n + $0) })) }
        for (regressor, path) in zip(regressors, paths) { columns.append((regressor.values, path)) }
        let sensitivities = columns.map { column in
            ARIMA.regressorSensitivity(errors: errorModel, column: TimeSeries(
                frequency: series.frequency, start: series.start,
                values: zip(column.past, eta.dropLast(gap)).map { value, known in known == nil ? nil : value }),
                                       future: column.future, gap: gap)
        }
        var sd: [Double] = []
        for h in 0..<horizon {
            var variance = etaForecast.standardDeviation[gap + h] * etaForecast.standardDeviation[gap + h]
            for (i, gi) in sensitivities.enumerated() {
                for (j, gj) in sensitivities.enumerated() { variance += gi[h] * coefficientCovariance[i][j] * gj[h] }
            }
            for (regressor, beta) in zip(regressors, coefficients) {
                guard let spread = futureStandardDeviation[regressor.name], h < spread.count else { continue }
                guard spread[h].isFinite, spread[h] >= 0 else {
                    throw .invalidRegressor(name: regressor.name, reason: "the standard deviation of its forecast for step \(h + 1) is \(spread[h])")
                }
                variance += beta * beta * spread[h] * spread[h]
            }
            sd.append(variance.squareRoot())
        }
        var forecast = Forecast(model: label, start: series.end, mean: mean, standardDeviation: sd, levels: levels)
        forecast.parameters = etaForecast.parameters
        forecast.armaTerms = etaForecast.armaTerms
        forecast.recordStatistic("aicc", errors.aicc)
        forecast.parameters.removeValue(forKey: "constant")
        let errors = standardErrors
        for (name, value) in zip(coefficientNames, (constantCoefficient.map { [$0] } ?? []) + coefficients) {
            forecast.parameters[name] = value
            if let error = errors[name], error.isFinite { forecast.parameters["se." + name] = error }
        }
        // With the regressors known at t, yₜ's one-step error is ηₜ's: ŷₜ = yₜ − (ηₜ − η̂ₜ).
        let residuals = etaForecast.inSample.residuals + Array(repeating: nil, count: gap)
        forecast.inSample = .init(series: series, fitted: zip(series.values, residuals).map { value, v in
            guard let value, let v else { return nil }
            return value - v
        })
        return forecast
    }
}
