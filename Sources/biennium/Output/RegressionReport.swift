import Regression

/// The regression summary as text an economist recognises (R's `summary.lm`, statsmodels' `summary()`).
enum RegressionReport {
    static func table(_ result: RegressionResult, source: String, predictions: [Prediction]?) -> String {
        typealias F = NumberFormatting
        var lines: [String] = []
        lines.append("Linear regression, \(result.method)")
        lines.append("Formula: \(result.design.formula)")
        lines.append("Data:    \(source) (\(result.n) observations used)")
        lines.append("")
        let level = Int((result.options.confidenceLevel * 100).rounded())
        lines.append("Coefficients (\(result.options.covariance) standard errors):")
        let headers = ["", "Estimate", "Std. Error", "t value", "Pr(>|t|)", "", "[\(level)% conf.", "interval]"]
        var rows: [[String]] = [headers]
        for c in result.coefficients {
            rows.append([c.name, F.significant(c.estimate), F.significant(c.standardError),
                         c.tValue.map { F.significant($0, digits: 4) } ?? "NA", F.pValue(c.pValue), F.stars(c.pValue),
                         F.significant(c.lower), F.significant(c.upper)])
        }
        let widths = (0..<headers.count).map { j in rows.map { $0[j].count }.max() ?? 0 }
        for row in rows {
            var parts = [F.left(row[0], widths[0])]
            for j in 1..<row.count { parts.append(j == 5 ? F.left(row[j], widths[j]) : F.right(row[j], widths[j])) }
            lines.append(parts.joined(separator: "  "))
        }
        lines.append("---")
        lines.append("Signif. codes:  0 '***' 0.001 '**' 0.01 '*' 0.05 '.' 0.1 ' ' 1")
        if !result.aliasedNames.isEmpty {
            lines.append("Not estimable (aliased: linearly dependent on the other columns): \(result.aliasedNames.joined(separator: ", "))")
        }
        lines.append("")
        lines.append("Residual standard error: \(F.significant(result.sigma, digits: 6)) on \(result.residualDegreesOfFreedom) degrees of freedom")
        if result.isEssentiallyPerfectFit { lines.append("Warning: \(RegressionReport.perfectFitWarning)") }
        lines.append("Multiple R-squared: \(F.significant(result.rSquared, digits: 6)),  Adjusted R-squared: \(F.significant(result.adjustedRSquared, digits: 6))")
        if let f = result.fStatistic {
            lines.append("F-statistic: \(F.significant(f, digits: 6)) on \(result.fNumeratorDegreesOfFreedom) and \(result.residualDegreesOfFreedom) DF,  p-value: \(F.pValue(result.fPValue))")
        }
        lines.append("Log-likelihood: \(F.significant(result.logLikelihood, digits: 8)),  AIC: \(F.significant(result.aic, digits: 8)),  AICc: \(F.significant(result.aicc, digits: 8)),  BIC: \(F.significant(result.bic, digits: 8))")
        lines.append("Durbin-Watson: \(F.significant(result.durbinWatson, digits: 4)),  Ljung-Box Q(\(result.ljungBoxLag)): \(F.significant(result.ljungBox.statistic, digits: 4)) (p = \(F.pValue(result.ljungBox.pValue))),  Jarque-Bera: \(F.significant(result.jarqueBera.statistic, digits: 4)) (p = \(F.pValue(result.jarqueBera.pValue)))")
        lines.append("Condition number: \(F.significant(result.conditionNumber, digits: 3)) raw, \(F.significant(result.scaledConditionNumber, digits: 3)) with columns equilibrated; solver: \(result.solverMethod.rawValue)")
        if result.scaledConditionNumber > 1e15 {
            lines.append("Warning: even with equilibrated columns the design's condition number exceeds 1e15; the estimates depend on digits beyond binary64 input precision.")
        }
        if let predictions {
            lines.append("")
            lines.append("Predictions (\(level)% intervals):")
            let header = ["row", "mean", "std. error", "conf. lower", "conf. upper", "pred. lower", "pred. upper"]
            var rows: [[String]] = [header]
            for (index, p) in predictions.enumerated() {
                rows.append(["\(index + 1)", F.significant(p.mean), F.significant(p.meanStandardError),
                             F.significant(p.confidenceLower), F.significant(p.confidenceUpper),
                             F.significant(p.predictionLower), F.significant(p.predictionUpper)])
            }
            let widths = (0..<header.count).map { j in rows.map { $0[j].count }.max() ?? 0 }
            for row in rows { lines.append(zip(row, widths).map { F.right($0, $1) }.joined(separator: "  ")) }
        }
        return lines.joined(separator: "\n")
    }

    /// What an essentially perfect fit means for the inference printed beside it.
    static let perfectFitWarning = "essentially perfect fit: the residuals are rounding error, so the standard errors, t and p values are unreliable"

    /// The coefficient table as CSV, one row per coefficient, full precision.
    static func csv(_ result: RegressionResult) -> String {
        var lines = ["term,estimate,stdError,tValue,pValue,confLower,confUpper,aliased"]
        func cell(_ value: Double?) -> String { value.flatMap { $0.isFinite ? "\($0)" : nil } ?? "" }
        for c in result.coefficients {
            lines.append([SeriesOutput.csvField(c.name), cell(c.estimate), cell(c.standardError), cell(c.tValue), cell(c.pValue),
                          cell(c.lower), cell(c.upper), c.isAliased ? "true" : "false"].joined(separator: ","))
        }
        return lines.joined(separator: "\n")
    }

    /// The predictions for new rows as CSV, one row per new row in file order, full precision.
    static func predictionsCSV(_ predictions: [Prediction]) -> String {
        var lines = ["row,mean,meanStdError,confLower,confUpper,obsStdError,predLower,predUpper"]
        func cell(_ value: Double) -> String { value.isFinite ? "\(value)" : "" }
        for (index, p) in predictions.enumerated() {
            lines.append(([String(index + 1)] + [p.mean, p.meanStandardError, p.confidenceLower, p.confidenceUpper,
                                                  p.observationStandardError, p.predictionLower, p.predictionUpper].map(cell))
                .joined(separator: ","))
        }
        return lines.joined(separator: "\n")
    }
}

import Foundation
