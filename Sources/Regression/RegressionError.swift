public import LinearAlgebra

/// Why a regression could not be specified or fitted. Each case names the column, row or parameter at fault.
public enum RegressionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A formula or option names a column the data does not have.
    case unknownColumn(String, available: [String])
    /// A value is NaN or infinite (row is 0-based within the data).
    case nonFiniteValue(column: String, row: Int)
    /// `log()` met a value ≤ 0.
    case nonPositiveLogArgument(term: String, row: Int, value: Double)
    /// A weight is not a positive finite number.
    case invalidWeight(row: Int, value: Double)
    /// Fewer usable rows than estimated parameters (or none left for the residual variance).
    case tooFewObservations(rows: Int, parameters: Int)
    /// The data has no rows or no columns.
    case emptyData
    /// Column lengths differ.
    case raggedColumns(String)
    /// The formula did not parse.
    case formula(FormulaError)
    /// A term needs a time index (`trend`, `step`, `pulse`) and none is set.
    case missingTimeIndex(term: String)
    /// An option is out of range, with a sentence saying what is allowed.
    case invalidOption(String)
    /// Prais–Winsten's AR(1) coefficient reached the unit circle.
    case nonStationaryAutocorrelation(rho: Double)
    /// Prais–Winsten's residuals are all zero (the regressors fit the response exactly), so ρ is undefined.
    case exactFitWithoutAutocorrelation
    /// No row has a value for every term of the formula (lags and missing values remove rows).
    case noCompleteRows(rows: Int)
    /// The numerical core refused the problem.
    case linearAlgebra(LinearAlgebraError)

    public var description: String {
        switch self {
        case .unknownColumn(let name, let available):
            return "unknown column '\(name)'; the data has: \(available.joined(separator: ", "))"
        case .nonFiniteValue(let column, let row):
            return "column '\(column)' holds a NaN or infinite value in data row \(row + 1)"
        case .nonPositiveLogArgument(let term, let row, let value):
            return "\(term): log of \(value) in data row \(row + 1); log() needs positive values"
        case .invalidWeight(let row, let value):
            return "weight \(value) in data row \(row + 1) is not a positive finite number"
        case .tooFewObservations(let rows, let parameters):
            return "\(rows) usable rows cannot estimate \(parameters) coefficients and a residual variance; at least \(parameters + 1) are needed"
        case .emptyData:
            return "the data has no rows"
        case .noCompleteRows(let rows):
            return "none of the \(rows) rows has a value for every term of the formula (lag(x, k) has none in the first k rows)"
        case .exactFitWithoutAutocorrelation:
            return "Prais–Winsten: the regressors fit the response exactly (every residual is 0), so the errors have no autocorrelation to estimate; fit without --ar1"
        case .raggedColumns(let detail):
            return "columns differ in length: \(detail)"
        case .formula(let error):
            return error.description
        case .missingTimeIndex(let term):
            return "\(term) needs a time index: name a time column (such as 'year')"
        case .invalidOption(let sentence):
            return sentence
        case .nonStationaryAutocorrelation(let rho):
            return "Prais–Winsten: the AR(1) coefficient estimate \(rho) is not inside (−1, 1); the errors look non-stationary — difference the data or add a trend"
        case .linearAlgebra(let error):
            return error.description
        }
    }
}
