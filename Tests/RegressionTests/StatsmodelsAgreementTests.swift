import LinearAlgebra
import Regression
import Testing
import TestSupport

/// Inference beyond the coefficients against statsmodels 0.15 (Tests/Fixtures/statsmodels/inference.json,
/// made by Tools/reference/make_statsmodels_fixtures.py). Where the fixture carries 50-digit values of the
/// same formulas (`highPrecision`), the tolerance is 1e-9 relative; against statsmodels' own binary64
/// output it is 1e-6, looser than the ~5.7 digits statsmodels reaches on Longley's HAC covariance.
@Suite("Agreement with statsmodels") struct StatsmodelsAgreementTests {
    static let fixture = try! JSONValue.load("statsmodels/inference.json")

    static func fit(_ caseName: String, covariance: CovarianceType = .classical, weighted: Bool = false) throws -> RegressionResult {
        let reference = fixture["cases"][caseName]
        let table = try Fixtures.numericTable("statsmodels/\(reference["data"].string)")
        let column = { (name: String) in table.columns[table.names.firstIndex(of: name)!] }
        let y = column(reference["response"].string)
        let regressors = reference["regressors"].strings.map(column)
        let design = try Design(matrix: Matrix(columns: [[Double](repeating: 1, count: y.count)] + regressors), response: y,
                                names: reference["names"].strings, hasIntercept: true)
        let weights = weighted ? column(reference["weights"].string) : nil
        return try LinearRegression.fit(design, weights: weights, options: RegressionOptions(covariance: covariance))
    }

    static func close(_ got: Double, _ want: Double, _ tolerance: Double) -> Bool {
        abs(got - want) <= tolerance * max(abs(want), 1e-300)
    }

    @Test("classical inference matches statsmodels OLS", arguments: ["longley", "trend_ar1"])
    func classicalInference(_ caseName: String) throws {
        let result = try Self.fit(caseName)
        let ols = Self.fixture["cases"][caseName]["ols"]
        for (index, c) in result.coefficients.enumerated() {
            #expect(Self.close(c.standardError!, ols["bse"].doubles[index], 1e-9), "\(c.name) SE")
            #expect(Self.close(c.tValue!, ols["tvalues"].doubles[index], 1e-9), "\(c.name) t")
            #expect(Self.close(c.pValue!, ols["pvalues"].doubles[index], 1e-7), "\(c.name) p")
            #expect(Self.close(c.lower!, ols["confInt"].matrix[index][0], 1e-9), "\(c.name) lower")
            #expect(Self.close(c.upper!, ols["confInt"].matrix[index][1], 1e-9), "\(c.name) upper")
        }
        #expect(Self.close(result.rSquared, ols["rsquared"].double, 1e-12))
        #expect(Self.close(result.adjustedRSquared, ols["rsquared_adj"].double, 1e-12))
        #expect(Self.close(result.fStatistic!, ols["fvalue"].double, 1e-9))
        #expect(Self.close(result.fPValue!, ols["f_pvalue"].double, 1e-7))
        #expect(Self.close(result.logLikelihood, ols["llf"].double, 1e-11))
        // statsmodels counts k coefficients in AIC/BIC; Biennium also counts σ² (as R's logLik): +2 and +ln n.
        #expect(Self.close(result.aic, ols["aic"].double + 2, 1e-11))
        #expect(Self.close(result.bic, ols["bic"].double + Foundation.log(Double(result.n)), 1e-11))
        #expect(Self.close(result.residualSumOfSquares, Self.fixture["cases"][caseName]["highPrecision"]["ssr"].double, 1e-12))
    }

    @Test("HC0–HC3 covariances match the 50-digit evaluation of statsmodels' formulas", arguments: ["longley", "trend_ar1"])
    func heteroskedasticityConsistent(_ caseName: String) throws {
        let reference = Self.fixture["cases"][caseName]["highPrecision"]["HC"]
        for (name, type) in [("HC0", CovarianceType.hc0), ("HC1", .hc1), ("HC2", .hc2), ("HC3", .hc3)] {
            let result = try Self.fit(caseName, covariance: type)
            for (index, c) in result.coefficients.enumerated() {
                #expect(Self.close(c.standardError!, reference[name]["bse"].doubles[index], 1e-9), "\(caseName) \(name) \(c.name)")
            }
        }
    }

    @Test("Newey–West covariances match statsmodels' HAC (no small-sample factor)", arguments: ["longley", "trend_ar1"])
    func neweyWest(_ caseName: String) throws {
        let reference = Self.fixture["cases"][caseName]["highPrecision"]["HAC"]
        for lag in 1...3 {
            let result = try Self.fit(caseName, covariance: .neweyWest(lag: lag))
            let want = reference["maxlags=\(lag)"]
            let bse = want["use_correction=False"]["bse"].doubles
            for (index, c) in result.coefficients.enumerated() {
                #expect(Self.close(c.standardError!, bse[index], 1e-9), "\(caseName) lag \(lag) \(c.name): \(c.standardError!) vs \(bse[index])")
            }
        }
    }

    @Test("Durbin–Watson, Jarque–Bera and Ljung–Box match statsmodels", arguments: ["longley", "trend_ar1"])
    func residualDiagnostics(_ caseName: String) throws {
        let reference = Self.fixture["cases"][caseName]
        let result = try Self.fit(caseName)
        #expect(Self.close(result.durbinWatson, reference["durbinWatson"].double, 1e-9))
        #expect(Self.close(result.jarqueBera.statistic, reference["jarqueBera"]["stat"].double, 1e-8))
        #expect(Self.close(result.jarqueBera.pValue, reference["jarqueBera"]["pvalue"].double, 1e-8))
        #expect(Self.close(result.residualSkewness, reference["jarqueBera"]["skew"].double, 1e-8))
        #expect(Self.close(result.residualKurtosis, reference["jarqueBera"]["kurtosis"].double, 1e-8))
        #expect(result.ljungBoxLag == reference["ljungBox"]["maxLag"].int)
        #expect(Self.close(result.ljungBox.statistic, reference["ljungBox"]["Q"].doubles.last!, 1e-8))
        #expect(Self.close(result.ljungBox.pValue, reference["ljungBox"]["pvalue"].doubles.last!, 1e-8))
    }

    @Test("Ljung–Box and Box–Pierce at every lag of a plain series")
    func portmanteauTests() throws {
        let reference = Self.fixture["cases"]["ljungbox_series"]
        let series = try Fixtures.numericTable("statsmodels/\(reference["data"].string)").columns[0]
        for (index, lag) in reference["ljungBox"]["lags"].array.map(\.int).enumerated() {
            let lb = ResidualDiagnostics.ljungBox(series, lag: lag)
            let bp = ResidualDiagnostics.boxPierce(series, lag: lag)
            #expect(Self.close(lb.statistic, reference["ljungBox"]["Q"].doubles[index], 1e-10), "Q(\(lag))")
            #expect(Self.close(lb.pValue, reference["ljungBox"]["pvalue"].doubles[index], 1e-9), "p(\(lag))")
            #expect(Self.close(bp.statistic, reference["ljungBox"]["boxPierceQ"].doubles[index], 1e-10))
            #expect(Self.close(bp.pValue, reference["ljungBox"]["boxPiercePvalue"].doubles[index], 1e-9))
        }
        let jb = ResidualDiagnostics.jarqueBera(series)
        #expect(Self.close(jb.test.statistic, reference["jarqueBera"]["stat"].double, 1e-10))
    }

    @Test("confidence and prediction intervals for new rows match get_prediction", arguments: ["longley", "trend_ar1", "wls"])
    func predictionIntervals(_ caseName: String) throws {
        let reference = Self.fixture["cases"][caseName]["predictions"]
        let result = try Self.fit(caseName, weighted: caseName == "wls")
        let rows = try Matrix(reference["rows"].array.map { [1] + $0["x"].doubles })
        let predictions = try result.predict(rows, level: 1 - reference["alpha"].double)
        for (index, p) in predictions.enumerated() {
            #expect(Self.close(p.mean, reference["mean"].doubles[index], 1e-11))
            #expect(Self.close(p.meanStandardError, reference["mean_se"].doubles[index], 1e-9))
            #expect(Self.close(p.confidenceLower, reference["mean_ci_lower"].doubles[index], 1e-9))
            #expect(Self.close(p.confidenceUpper, reference["mean_ci_upper"].doubles[index], 1e-9))
            #expect(Self.close(p.predictionLower, reference["obs_ci_lower"].doubles[index], 1e-9))
            #expect(Self.close(p.predictionUpper, reference["obs_ci_upper"].doubles[index], 1e-9))
        }
    }

    @Test("weighted least squares matches statsmodels WLS")
    func weightedLeastSquares() throws {
        let reference = Self.fixture["cases"]["wls"]["wls"]
        let result = try Self.fit("wls", weighted: true)
        for (index, c) in result.coefficients.enumerated() {
            #expect(Self.close(c.estimate!, reference["params"].doubles[index], 1e-11))
            #expect(Self.close(c.standardError!, reference["bse"].doubles[index], 1e-9))
        }
        #expect(Self.close(result.rSquared, reference["rsquared"].double, 1e-11))
        #expect(Self.close(result.logLikelihood, reference["llf"].double, 1e-11))
        #expect(Self.close(result.residualSumOfSquares, reference["ssr"].double, 1e-11))
    }

    @Test("iterated Prais–Winsten matches GLS with the converged AR(1) correlation")
    func praisWinsten() throws {
        let reference = Self.fixture["cases"]["trend_ar1"]["praisWinsten"]
        let ols = try Self.fit("trend_ar1")
        let result = try LinearRegression.praisWinsten(ols.design)
        guard case .praisWinsten(let rho, let iterations) = result.method else { Issue.record("not Prais-Winsten"); return }
        #expect(Self.close(rho, reference["rho"].double, 1e-10))
        #expect(iterations == reference["iterations"].int)
        for (index, c) in result.coefficients.enumerated() {
            #expect(Self.close(c.estimate!, reference["params"].doubles[index], 1e-10), "\(c.name)")
            #expect(Self.close(c.standardError!, reference["bse"].doubles[index], 1e-9), "\(c.name) SE")
        }
        #expect(Self.close(result.residualSumOfSquares, reference["ssrPraisWinsten"].double, 1e-10))
        // A new row's prediction: the mean's standard error is √(x₀ᵀVx₀), V the GLS covariance (for a unit row, the
        // coefficient's own standard error); a new observation adds the AR(1) errors' marginal variance σ²/(1 − ρ²),
        // σ² = the Prais–Winsten SSR over the residual degrees of freedom. That is statsmodels' GLS scale, whose Σ is
        // the correlation matrix ρ^|i−j|: all from the fixture, none from the fit under test.
        let columns = result.design.matrix.columns
        let rows = try Matrix(columns: (0..<columns).map { j in (0..<columns).map { $0 == j ? 1.0 : 0 } })
        let predictions = try result.predict(rows, level: 0.95)
        let marginal = reference["ssrPraisWinsten"].double / reference["df_resid"].double / (1 - reference["rho"].double * reference["rho"].double)
        try #require(Self.close(marginal, reference["scale"].double, 1e-9), "the fixture's own scale: a precondition of the checks below")
        for (j, prediction) in predictions.enumerated() {
            let se = reference["bse"].doubles[j]
            #expect(Self.close(prediction.meanStandardError, se, 1e-9), "column \(j) mean SE")
            #expect(Self.close(prediction.observationStandardError, (se * se + marginal).squareRoot(), 1e-9), "column \(j) observation SE")
        }
    }
}

import Foundation
