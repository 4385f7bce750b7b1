import Regression

/// The JSON form of a regression result. Undefined figures (an aliased coefficient's estimate, an F test
/// without slopes, a non-finite statistic) are `null`.
struct RegressionDocument: Encodable {
    struct CoefficientRow: Encodable {
        let name: String
        let estimate: Double?
        let stdError: Double?
        let tValue: Double?
        let pValue: Double?
        let confidenceInterval: [Double]?
        let aliased: Bool
    }

    struct LjungBox: Encodable {
        let lag: Int
        let statistic: Double?
        let pValue: Double?
    }

    struct JarqueBera: Encodable {
        let statistic: Double?
        let pValue: Double?
        let skewness: Double?
        let kurtosis: Double?
    }

    struct PredictionRow: Encodable {
        let mean: Double
        let meanStdError: Double
        let confidenceInterval: [Double]
        let predictionInterval: [Double]
    }

    let formula: String
    let method: String
    let rho: Double?
    let covariance: String
    let confidenceLevel: Double
    let n: Int
    let rank: Int
    let residualDegreesOfFreedom: Int
    let coefficients: [CoefficientRow]
    let aliased: [String]
    let rSquared: Double?
    let adjRSquared: Double?
    let sigma: Double?
    let fStatistic: Double?
    let fPValue: Double?
    let logLikelihood: Double?
    let aic: Double?
    let aicc: Double?
    let bic: Double?
    let durbinWatson: Double?
    let ljungBox: LjungBox
    let jarqueBera: JarqueBera
    let conditionNumber: Double?
    let scaledConditionNumber: Double?
    let solver: String
    let refinementSteps: Int
    let predictions: [PredictionRow]?

    init(_ result: RegressionResult, predictions: [Prediction]?) {
        formula = result.design.formula.description
        switch result.method {
        case .ordinaryLeastSquares: method = "ols"; rho = nil
        case .weightedLeastSquares: method = "wls"; rho = nil
        case .praisWinsten(let value, _): method = "gls-ar1"; rho = value
        }
        covariance = result.options.covariance.description
        confidenceLevel = result.options.confidenceLevel
        n = result.n
        rank = result.rank
        residualDegreesOfFreedom = result.residualDegreesOfFreedom
        coefficients = result.coefficients.map { c in
            CoefficientRow(name: c.name, estimate: finite(c.estimate), stdError: finite(c.standardError),
                           tValue: finite(c.tValue), pValue: finite(c.pValue),
                           confidenceInterval: c.lower.flatMap { lower in c.upper.map { [lower, $0] } },
                           aliased: c.isAliased)
        }
        aliased = result.aliasedNames
        rSquared = finite(result.rSquared)
        adjRSquared = finite(result.adjustedRSquared)
        sigma = finite(result.sigma)
        fStatistic = finite(result.fStatistic)
        fPValue = finite(result.fPValue)
        logLikelihood = finite(result.logLikelihood)
        aic = finite(result.aic)
        aicc = finite(result.aicc)
        bic = finite(result.bic)
        durbinWatson = finite(result.durbinWatson)
        ljungBox = LjungBox(lag: result.ljungBoxLag, statistic: finite(result.ljungBox.statistic), pValue: finite(result.ljungBox.pValue))
        jarqueBera = JarqueBera(statistic: finite(result.jarqueBera.statistic), pValue: finite(result.jarqueBera.pValue),
                                skewness: finite(result.residualSkewness), kurtosis: finite(result.residualKurtosis))
        conditionNumber = finite(result.conditionNumber)
        scaledConditionNumber = finite(result.scaledConditionNumber)
        solver = result.solverMethod.rawValue
        refinementSteps = result.refinementSteps
        self.predictions = predictions?.map {
            PredictionRow(mean: $0.mean, meanStdError: $0.meanStandardError,
                          confidenceInterval: [$0.confidenceLower, $0.confidenceUpper],
                          predictionInterval: [$0.predictionLower, $0.predictionUpper])
        }
    }
}

/// `value` when it is a finite number, otherwise `nil` (JSON `null`).
func finite(_ value: Double?) -> Double? {
    guard let value, value.isFinite else { return nil }
    return value
}
