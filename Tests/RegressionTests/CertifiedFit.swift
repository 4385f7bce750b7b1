import LinearAlgebra
import Regression
import TestSupport

/// Fits `y` on every other column of a certified CSV (NIST StRD format) and scores the result.
struct CertifiedFit {
    let result: RegressionResult
    let names: [String]

    init(csv relativePath: String, intercept: Bool) throws {
        let table = try Fixtures.numericTable(relativePath)
        let yIndex = table.names.firstIndex(of: "y")!
        let regressors = table.names.indices.filter { $0 != yIndex }
        let columns = (intercept ? [[Double](repeating: 1, count: table.columns[yIndex].count)] : [])
            + regressors.map { table.columns[$0] }
        names = (intercept ? ["(Intercept)"] : []) + regressors.map { table.names[$0] }
        let design = try Design(matrix: Matrix(columns: columns), response: table.columns[yIndex], names: names,
                                hasIntercept: intercept)
        result = try LinearRegression.fit(design)
    }

    /// Each certified quantity's log relative error, named as in the NIST README.
    func scores(against certified: JSONValue) -> [(quantity: String, lre: Double)] {
        var scores: [(String, Double)] = []
        for entry in certified["coefficients"].array {
            let name = entry["name"].string
            let coefficient = result.coefficients.first { $0.name == name }!
            scores.append(("estimate \(name)", logRelativeError(coefficient.estimate ?? .nan, certified: entry["estimate"].double)))
            scores.append(("SE \(name)", logRelativeError(coefficient.standardError ?? .nan, certified: entry["stdError"].double)))
        }
        scores.append(("residual SD", logRelativeError(result.sigma, certified: certified["residualSD"].double)))
        scores.append(("R-squared", logRelativeError(result.rSquared, certified: certified["rSquared"].double)))
        return scores
    }
}

extension Array where Element == (quantity: String, lre: Double) {
    /// The worst-scored quantity.
    var worst: (quantity: String, lre: Double) { self.min { $0.lre < $1.lre }! }
}
