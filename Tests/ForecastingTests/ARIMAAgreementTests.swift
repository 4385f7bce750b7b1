import Foundation
import Testing
import TestSupport
@testable import Forecasting

/// ARIMA against statsmodels 0.15 (Tests/Fixtures/statsmodels/arima.json, made by
/// Tools/reference/make_arima_fixtures.py). Integrated models are compared with the exact likelihood of the
/// differenced series (the fixture's `exact` blocks), not statsmodels' default approximate diffuse prior.
@Suite("ARIMA agreement with statsmodels") struct ARIMAAgreementTests {
    static let series = try! JSONValue.load("statsmodels/arima.json")["series"].array

    static func reference(_ fit: JSONValue) -> JSONValue { fit["order"].array[1].int == 0 ? fit : fit["exact"] }

    static func coefficients(_ params: JSONValue, prefix: String) -> [Double] {
        (1...5).compactMap { lag in params.has("\(prefix).L\(lag)") ? params["\(prefix).L\(lag)"].double : nil }
    }

    @Test("the exact likelihood at fixed parameters equals statsmodels' to 1e-8", arguments: series.indices)
    func likelihoodEquation(_ index: Int) throws {
        let entry = Self.series[index]
        let y = entry["train"].doubles
        for fit in entry["fits"].array {
            let order = fit["order"].array.map(\.int)
            let fixed = Self.reference(fit)["fixed"]
            let params = fixed["params"]
            let mean = params.has("x1") ? params["x1"].double : (params.has("const") ? params["const"].double : 0)
            let w = ARIMA.difference(y, order[1]).enumerated().filter { $0.offset >= order[1] }.map(\.element)
            let model = ARMAStateSpace(ar: Self.coefficients(params, prefix: "ar"), ma: Self.coefficients(params, prefix: "ma"))
            let got = try #require(model.logLikelihood(w, mean: mean, sigma2: params["sigma2"].double))
            let want = fixed["llf"].double
            #expect(abs(got - want) <= 1e-8 * abs(want), "\(entry["id"].string) \(fit["label"].string): \(got) vs \(want)")
        }
    }

    @Test("the fitted likelihood is at least statsmodels' best (within 1e-3), and forecasts agree where the optima do",
          arguments: series.indices)
    func estimation(_ index: Int) throws {
        let entry = Self.series[index]
        let series = TimeSeries(start: 1, observed: entry["train"].doubles)
        var compared = 0
        defer { #expect(compared >= 3, "\(entry["id"].string): only \(compared) fits were comparable") }
        for fit in entry["fits"].array {
            let order = fit["order"].array.map(\.int)
            let reference = Self.reference(fit)
            let hasConstant = reference["params"].has("x1") || reference["params"].has("const")
            let id = "\(entry["id"].string) \(fit["label"].string)"
            // Optima with an MA root on or next to the unit circle (modulus < 1.005) lie outside Biennium's invertible region
            // by design (partial autocorrelations |tanh u| ≤ 0.9993): not comparable.
            if Self.smallestMARootModulus(Self.coefficients(reference["params"], prefix: "ma")) < 1.005 { continue }
            let ours = try ARIMA(order: ARIMAOrder(order[0], order[1], order[2]), constant: hasConstant).fit(series)
            compared += 1
            #expect(ours.logLikelihood >= reference["llf"].double - 1e-3, "\(id): \(ours.logLikelihood) vs \(reference["llf"].double)")
            // AICc as statsmodels counts it (σ² and the constant among the k parameters, n the differences), at ours.
            let k = Double(fit["dfModel"].int), n = Double(reference["nobs"].int)
            let aicc = -2 * ours.logLikelihood + 2 * k * n / (n - k - 1)
            #expect(abs(ours.aicc - aicc) <= 1e-12 * abs(aicc), "\(id) AICc \(ours.aicc) vs \(aicc)")
            if abs(ours.logLikelihood - reference["llf"].double) < 1e-4 {
                #expect(abs(ours.aicc - reference["aicc"].double) < 1e-3, "\(id) AICc \(ours.aicc) vs statsmodels' \(reference["aicc"].double)")
            }
            if abs(ours.logLikelihood - reference["llf"].double) < 1e-4 {
                // Same optimum: point forecasts agree to 1e-2 relative (the likelihood is flat near the optimum);
                // one-step standard errors to 10%. Biennium's ψ-weight variances omit the state uncertainty of
                // a short sample that statsmodels' Kalman forecasts include, so longer horizons are not compared.
                let forecast = ARIMA.forecast(ours, series: series, start: series.end, horizon: 6, levels: [95])
                let scale = series.observed.reduce(0) { $0 + abs($1) } / Double(series.observedCount)
                for (got, want) in zip(forecast.mean, reference["forecast"]["mean"].doubles) {
                    #expect(abs(got - want) <= 1e-2 * max(abs(want), scale), "\(id) mean \(got) vs \(want)")
                }
                let se1 = reference["forecast"]["se"].doubles[0]
                #expect(abs(forecast.standardDeviation[0] - se1) <= 0.1 * se1, "\(id) se(1) \(forecast.standardDeviation[0]) vs \(se1)")
            }
        }
    }

    @Test("forecasts at statsmodels' estimates: means at every horizon to 1e-8, and AR(1) variances, by its Kalman filter",
          arguments: series.indices)
    func forecastsAtReferenceEstimates(_ index: Int) throws {
        let entry = Self.series[index]
        let y = entry["train"].doubles
        let series = TimeSeries(start: 1, observed: y)
        let scale = y.reduce(0) { $0 + abs($1) } / Double(y.count)
        for fit in entry["fits"].array {
            let order = fit["order"].array.map(\.int)
            let reference = Self.reference(fit)
            let params = reference["params"]
            let constantName = params.has("x1") ? "x1" : (params.has("const") ? "const" : nil)
            let constant = constantName.map { params[$0].double } ?? 0
            let model = ARIMAFit(order: ARIMAOrder(order[0], order[1], order[2]), hasConstant: constantName != nil,
                                 ar: Self.coefficients(params, prefix: "ar"), ma: Self.coefficients(params, prefix: "ma"),
                                 constant: constant, sigma2: params["sigma2"].double,
                                 logLikelihood: reference["llf"].double, observations: reference["nobs"].int, aicc: 0)
            let forecast = ARIMA.forecast(model, series: series, start: series.end, horizon: 6, levels: [95])
            // The `exact` block's forecasts are of the levels, from the exact-diffuse state space model at its estimates.
            let want = reference["forecast"]["mean"].doubles
            let id = "\(entry["id"].string) \(fit["label"].string)"
            for (h, (got, expected)) in zip(forecast.mean, want).enumerated() {
                #expect(abs(got - expected) <= 1e-8 * scale, "\(id) mean h=\(h + 1): \(got) vs \(expected)")
            }
            // For an AR(1) in levels the final state is known exactly, so the Kalman forecast variance is σ²Σψ²;
            // Biennium adds the uncertainty of the estimated mean, which statsmodels leaves out, so that part is
            // compared on the series less its mean, fitted without one.
            if order == [1, 0, 0] {
                let centred = TimeSeries(start: 1, observed: y.map { $0 - constant })
                let noMean = ARIMAFit(order: model.order, hasConstant: false, ar: model.ar, ma: [], constant: 0, sigma2: model.sigma2,
                                      logLikelihood: model.logLikelihood, observations: model.observations, aicc: 0)
                let spread = ARIMA.forecast(noMean, series: centred, start: centred.end, horizon: 6, levels: [95]).standardDeviation
                for (h, (got, expected)) in zip(spread, reference["forecast"]["se"].doubles).enumerated() {
                    #expect(abs(got - expected) <= 1e-8 * expected, "\(id) se h=\(h + 1): \(got) vs \(expected)")
                }
            }
        }
    }

    @Test("coefficient standard errors at statsmodels' estimates equal its numerical-Hessian ones (cov_params_approx), 3e-3",
          arguments: series.indices)
    func standardErrors(_ index: Int) throws {
        let entry = Self.series[index]
        let y = entry["train"].doubles
        var compared = 0
        for fit in entry["fits"].array {
            let order = fit["order"].array.map(\.int)
            let reference = Self.reference(fit)
            let params = reference["params"], want = reference["standardErrorsHessian"]
            let ar = Self.coefficients(params, prefix: "ar"), ma = Self.coefficients(params, prefix: "ma")
            let constantName = params.has("x1") ? "x1" : (params.has("const") ? "const" : nil)
            let model = ARIMAFit(order: ARIMAOrder(order[0], order[1], order[2]), hasConstant: constantName != nil, ar: ar, ma: ma,
                                 constant: constantName.map { params[$0].double } ?? 0, sigma2: params["sigma2"].double,
                                 logLikelihood: reference["llf"].double, observations: reference["nobs"].int, aicc: 0)
            let got = ARIMA.standardErrors(of: model, differences: ARIMA.difference(y, order[1]))
            let id = "\(entry["id"].string) \(fit["label"].string)"
            // An optimum on the invertibility boundary (statsmodels' errors there are in the tens): none reported.
            if Self.smallestMARootModulus(ma) < 1.005 {
                #expect(got.isEmpty, "\(id): \(got)")
                continue
            }
            let names = ar.indices.map { ("se.ar\($0 + 1)", "ar.L\($0 + 1)") } + ma.indices.map { ("se.ma\($0 + 1)", "ma.L\($0 + 1)") }
                + (constantName.map { [("se.constant", $0)] } ?? [])
            #expect(got.count == names.count, "\(id): \(got)")
            for (ours, theirs) in names {
                let value = try #require(got[ours], "\(id) \(ours)")
                // Biennium differentiates the likelihood with σ² profiled out, statsmodels the full one; the two
                // inverses agree exactly at the optimum, and statsmodels' estimates are its optimiser's (1.4e-3 apart
                // at most here).
                #expect(abs(value - want[theirs].double) <= 3e-3 * want[theirs].double, "\(id) \(ours): \(value) vs \(want[theirs].double)")
            }
            compared += 1
        }
        #expect(compared >= 3, "\(entry["id"].string): only \(compared) fits compared")
    }

    /// The smallest modulus of the roots of 1 + θ₁z + θ₂z² (MA orders up to 2).
    static func smallestMARootModulus(_ theta: [Double]) -> Double {
        switch theta.count {
        case 0: return .infinity
        case 1: return theta[0] == 0 ? .infinity : 1 / abs(theta[0])
        default:
            let (a, b, c) = (theta[1], theta[0], 1.0)
            if a == 0 { return b == 0 ? .infinity : abs(c / b) }
            let discriminant = b * b - 4 * a * c
            if discriminant >= 0 {
                let r1 = (-b + discriminant.squareRoot()) / (2 * a), r2 = (-b - discriminant.squareRoot()) / (2 * a)
                return min(abs(r1), abs(r2))
            }
            return (c / a).squareRoot()                  // complex pair: |z|² = c/a
        }
    }

    @Test("at the bandwidth cap of n − 1 lags the KPSS statistic is ½ whatever the data (the documented degenerate case)")
    func kpssAtTheCap() {
        // With all n − 1 lags the Bartlett long-run variance of a centred sample is s² = Σₜ,ₛ(n − |t − s|)eₜeₛ/n² =
        // 2Σₖ Sₖ²/n² (Sₖ the partial sums), and η = Σₖ Sₖ²/n²: η/s² = ½.
        for n in [5, 13, 19, 40] {
            let x = (0..<n).map { t in sin(Double(t * t) * 0.7) * 10 + Double(t % 3) }
            #expect(abs(ARIMA.kpss(x, lags: n - 1) - 0.5) < 1e-12, "n = \(n)")
        }
    }

    @Test("KPSS statistics equal statsmodels' kpss(regression='c') at the same lag, to 1e-10")
    func kpss() throws {
        for entry in Self.series {
            for variant in ["legacy", "auto", "statsforecastLag"] {
                let reference = entry["kpss"][variant]
                let got = ARIMA.kpss(entry["train"].doubles, lags: reference["lags"].int)
                let want = reference["statistic"].double
                #expect(abs(got - want) <= 1e-10 * want, "\(entry["id"].string) \(variant): \(got) vs \(want)")
            }
        }
    }
}

extension ARIMAAgreementTests {
    @Test("the Newey-West bandwidth equals statsmodels' kpss(nlags='auto') given its pilot n^(2/9), on the series and their differences")
    func automaticBandwidth() throws {
        for entry in Self.series {
            let y = entry["train"].doubles
            let differenced = zip(y.dropFirst(), y).map { $0 - $1 }
            for (x, reference) in [(y, entry["kpss"]["auto"]), (differenced, entry["kpss"]["diff1"]["auto"])] {
                let mean = x.reduce(0, +) / Double(x.count)
                let lags = ARIMA.automaticLags(x.map { $0 - mean }, pilot: Int(pow(Double(x.count), 2.0 / 9)))
                #expect(lags == reference["lags"].int, "\(entry["id"].string): \(lags) vs \(reference["lags"].int)")
            }
        }
    }

    @Test("the bandwidth at the edges: no variance, a negative long-run variance at the pilot, a bandwidth past the sample")
    func bandwidthEdges() {
        #expect(ARIMA.automaticLags([0, 0, 0, 0], pilot: 2) == 0)
        #expect(ARIMA.automaticLags([], pilot: 2) == 0)
        // Alternating signs: ŝ₀ = −2/3 and ŝ₁ = −3, so 1.1447·4.5^(2/3)·12^(1/3) = 7.14 (as statsmodels computes it).
        let alternating = (0..<12).map { $0 % 2 == 0 ? 1.0 : -1.0 }
        #expect(ARIMA.automaticLags(alternating, pilot: 3) == 7)
        // A straight line with the pilot at its length: the plug-in is about 1.7e12, capped at n − 1.
        let slow = (0..<12).map { (Double($0) - 5.5) * 1e-150 }
        #expect(ARIMA.automaticLags(slow, pilot: 11) == 11)
    }
}

@Suite("ARIMA automatic search details") struct ARIMASearchTests {
    @Test("root check: real and complex roots just inside or outside the 1.01 circle")
    func rootCheck() {
        func ar(roots r1: Double, _ r2: Double) -> [Double] { [1 / r1 + 1 / r2, -1 / (r1 * r2)] }
        #expect(!ARIMA.rootsOutside(ar(roots: 1.005, 3), radius: 1.01))
        #expect(ARIMA.rootsOutside(ar(roots: 1.005, 3), radius: 1.0))
        #expect(ARIMA.rootsOutside(ar(roots: 1.02, -4), radius: 1.01))
        #expect(!ARIMA.rootsOutside(ar(roots: -1.009, 2), radius: 1.01))
        for (modulus, outside) in [(1.005, false), (1.02, true)] {
            let angle = 0.7
            #expect(ARIMA.rootsOutside([2 * cos(angle) / modulus, -1 / (modulus * modulus)], radius: 1.01) == outside, "modulus \(modulus)")
        }
        #expect(ARIMA.rootsOutside([], radius: 1.01))
        #expect(ARIMA.rootsOutside([0.5, 0, 0], radius: 1.01), "trailing zeros are not roots")
    }

    /// Runs the stepwise search over a table of AICc values (candidates not in it fail), recording the order in
    /// which candidates were fitted.
    static func search(_ table: [String: Double], observations: Int = 30, seriesLength: Int = 31) throws -> (chosen: String, tried: [String]) {
        var tried: [String] = []
        let best = try ARIMA.stepwise(observations: observations, seriesLength: seriesLength, allowConstant: true) { p, q, c in
            let key = "\(p)\(q)\(c ? "c" : "")"
            tried.append(key)
            return table[key].map {
                ARIMAFit(order: ARIMAOrder(p, 1, q), hasConstant: c, ar: [], ma: [], constant: 0, sigma2: 1,
                         logLikelihood: 0, observations: observations, aicc: $0)
            }
        }
        return ("\(best.order.p)\(best.order.q)\(best.hasConstant ? "c" : "")", tried)
    }

    @Test("after (0,d,0) without the constant wins the starts, the moves keep the constant (R's auto.arima, statsforecast)")
    func constantOfTheMoves() throws {
        // The trace statsforecast 2.1.1 prints for M3's N0150 has this shape: (2,2), (0,0), (1,0), (0,1) with
        // drift, (0,0) without — the best — then only (1,1) with drift; (0,1) without drift, lower still, is never
        // fitted, because no move from (0,0) changes both the MA order and the constant.
        let table = ["22c": 446.5, "00c": 434.4, "10c": 435.2, "01c": 432.3, "00": 432.1, "11c": 435.3, "01": 429.8, "10": 433.0]
        let (chosen, tried) = try Self.search(table)
        #expect(tried == ["22c", "00c", "10c", "01c", "00", "11c"])
        #expect(chosen == "00")
        // Once toggling the constant wins, the moves continue without it.
        let toggled = ["22c": 450, "00c": 441, "10c": 440, "01c": 442, "00": 445, "20c": 442.5, "11c": 443, "21c": 444,
                       "10": 439, "20": 438, "30": 461, "21": 460]
        let second = try Self.search(toggled)
        #expect(second.chosen == "20")
        #expect(second.tried == ["22c", "00c", "10c", "01c", "00", "20c", "11c", "21c", "10", "20", "30", "21", "11", "31"])
    }

    @Test("a series of fewer than ten values starts from (1,d,1), as R's auto.arima does; ten or more from (2,d,2)")
    func shortSeriesStart() throws {
        let table = ["11c": 50.0, "22c": 40.0, "00c": 60, "10c": 61, "01c": 62, "00": 63]
        #expect(try Self.search(table, observations: 8, seriesLength: 9).tried.first == "11c")
        #expect(try Self.search(table, observations: 9, seriesLength: 10).tried.first == "22c")
    }

    @Test("an automatically chosen model's forecast variance uses σ² with degrees of freedom, n/(n − p − q − constant)")
    func degreesOfFreedom() throws {
        let series = TimeSeries(start: 1, observed: (0..<30).map { (t: Int) -> Double in 100 + 3 * Double(t) + (t % 3 == 0 ? 4 : -2) })
        let auto = try ARIMA().fit(series)
        let fixed = try ARIMA(order: auto.order, constant: auto.hasConstant).fit(series)
        let k = Double(auto.order.p + auto.order.q + (auto.hasConstant ? 1 : 0))
        let n = Double(auto.observations)
        // The automatic fit refines the search's optimum, the fixed one starts from zero: the same maximum to the
        // optimiser's tolerance, hence 1e-4.
        #expect(abs(auto.sigma2 - fixed.sigma2 * n / (n - k)) <= 1e-4 * auto.sigma2, "\(auto.label)")
    }
}

@Suite("ARIMA parametrisation") struct ARIMAParametrisationTests {
    @Test("partial autocorrelations and AR coefficients convert both ways (1e-12)")
    func partialRoundTrip() {
        for partial in [[0.5], [0.3, -0.6], [0.9, 0.2, -0.4], [-0.95, 0.5, 0.1, 0.7]] {
            let phi = ARIMA.fromPartial(partial)
            let back = ARIMA.toPartial(phi)
            #expect(back.count == partial.count)
            for (a, b) in zip(back, partial) { #expect(abs(a - b) < 1e-12, "\(partial) → \(phi) → \(back)") }
        }
    }
}
