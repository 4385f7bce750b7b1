import Regression

/// The JSON form of a regression result. Undefined figures (an aliased coefficient's estimate, an F test
/// without slopes, a non-finite statistic) are `null`.
struct RegressionDocument: Encodable {
    struct CoefficientRow: Encodable {
        let name: String
        let estimate: JSONNumber
        let stdError: JSONNumber
        let tValue: JSONNumber
        let pValue: JSONNumber
        let confidenceInterval: [JSONNumber]?
        let aliased: Bool
    }

    struct LjungBox: Encodable {
        let lag: Int
        let statistic: JSONNumber
        let pValue: JSONNumber
    }

    struct JarqueBera: Encodable {
        let statistic: JSONNumber
        let pValue: JSONNumber
        let skewness: JSONNumber
        let kurtosis: JSONNumber
    }

    struct PredictionRow: Encodable {
        let mean: JSONNumber
        let meanStdError: JSONNumber
        let confidenceInterval: [JSONNumber]
        let predictionInterval: [JSONNumber]
    }

    let formula: String
    let method: String
    let rho: JSONNumber
    let covariance: String
    let confidenceLevel: Double
    let n: Int
    let rank: Int
    let residualDegreesOfFreedom: Int
    let coefficients: [CoefficientRow]
    let aliased: [String]
    let rSquared: JSONNumber
    let adjRSquared: JSONNumber
    let sigma: JSONNumber
    let fStatistic: JSONNumber
    let fPValue: JSONNumber
    let logLikelihood: JSONNumber
    let aic: JSONNumber
    let aicc: JSONNumber
    let bic: JSONNumber
    let durbinWatson: JSONNumber
    let ljungBox: LjungBox
    let jarqueBera: JarqueBera
    let conditionNumber: JSONNumber
    let scaledConditionNumber: JSONNumber
    let solver: String
    let refinementSteps: Int
    let warnings: [String]?
    let predictions: [PredictionRow]?

    init(_ result: RegressionResult, predictions: [Prediction]?) {
        formula = result.design.formula.description
        switch result.method {
        case .ordinaryLeastSquares: method = "ols"; rho = JSONNumber(nil)
        case .weightedLeastSquares: method = "wls"; rho = JSONNumber(nil)
        case .praisWinsten(let value, _): method = "gls-ar1"; rho = JSONNumber(value)
        }
        covariance = result.options.covariance.description
        confidenceLevel = result.options.confidenceLevel
        n = result.n
        rank = result.rank
        residualDegreesOfFreedom = result.residualDegreesOfFreedom
        coefficients = result.coefficients.map { c in
            CoefficientRow(name: c.name, estimate: JSONNumber(c.estimate), stdError: JSONNumber(c.standardError),
                           tValue: JSONNumber(c.tValue), pValue: JSONNumber(c.pValue),
                           confidenceInterval: c.lower.flatMap { lower in c.upper.map { [JSONNumber(lower), JSONNumber($0)] } },
                           aliased: c.isAliased)
        }
        aliased = result.aliasedNames
        rSquared = JSONNumber(result.rSquared)
        adjRSquared = JSONNumber(result.adjustedRSquared)
        sigma = JSONNumber(result.sigma)
        fStatistic = JSONNumber(result.fStatistic)
        fPValue = JSONNumber(result.fPValue)
        logLikelihood = JSONNumber(result.logLikelihood)
        aic = JSONNumber(result.aic)
        aicc = JSONNumber(result.aicc)
        bic = JSONNumber(result.bic)
        durbinWatson = JSONNumber(result.durbinWatson)
        ljungBox = LjungBox(lag: result.ljungBoxLag, statistic: JSONNumber(result.ljungBox.statistic), pValue: JSONNumber(result.ljungBox.pValue))
        jarqueBera = JarqueBera(statistic: JSONNumber(result.jarqueBera.statistic), pValue: JSONNumber(result.jarqueBera.pValue),
                                skewness: JSONNumber(result.residualSkewness), kurtosis: JSONNumber(result.residualKurtosis))
        conditionNumber = JSONNumber(result.conditionNumber)
        scaledConditionNumber = JSONNumber(result.scaledConditionNumber)
        solver = result.solverMethod.rawValue
        refinementSteps = result.refinementSteps
        warnings = result.isEssentiallyPerfectFit ? [RegressionReport.perfectFitWarning] : nil
        self.predictions = predictions?.map {
            PredictionRow(mean: JSONNumber($0.mean), meanStdError: JSONNumber($0.meanStandardError),
                          confidenceInterval: [JSONNumber($0.confidenceLower), JSONNumber($0.confidenceUpper)],
                          predictionInterval: [JSONNumber($0.predictionLower), JSONNumber($0.predictionUpper)])
        }
    }
}

/// A number in JSON output: written as a number when finite, as an explicit `null` otherwise (JSON has
/// no NaN or infinity), so that every documented key is always present.
struct JSONNumber: Encodable {
    let value: Double?

    init(_ value: Double?) { self.value = value }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let value, value.isFinite { try container.encode(value) } else { try container.encodeNil() }
    }
}
