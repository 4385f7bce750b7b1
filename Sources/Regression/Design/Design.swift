public import LinearAlgebra

/// A design matrix and response built from a formula and data, with the rows that were usable.
public struct Design: Sendable {
    /// The regressor columns, named by `names`.
    public let matrix: Matrix
    /// The response in the usable rows.
    public let response: [Double]
    /// Column labels, e.g. `["(Intercept)", "x", "I(x^2)"]`.
    public let names: [String]
    /// 0-based data rows used (rows lost to lags are skipped).
    public let rows: [Int]
    /// Whether the first column is the intercept.
    public let hasIntercept: Bool
    /// The formula it came from.
    public let formula: Formula

    /// Evaluates every term of `formula` on `data`, keeping rows where all of them are available.
    /// - Throws: any term's evaluation error; `.emptyData` without rows, `.noCompleteRows` when no row has every term.
    public init(formula: Formula, data: RegressionData) throws(RegressionError) {
        guard data.rowCount > 0 else { throw .emptyData }
        let terms = formula.designTerms
        let responseValues = try formula.response.evaluate(on: data)
        var columns: [[Double?]] = []
        for term in terms { columns.append(try term.evaluate(on: data)) }
        let usable = (0..<data.rowCount).filter { row in
            responseValues[row] != nil && columns.allSatisfy { $0[row] != nil }
        }
        guard !usable.isEmpty else { throw .noCompleteRows(rows: data.rowCount) }
        var elements: [Double] = []
        elements.reserveCapacity(usable.count * terms.count)
        for column in columns { for row in usable { elements.append(column[row]!) } }
        do {
            matrix = try Matrix(rows: usable.count, columns: terms.count, columnMajor: elements)
        } catch {
            throw .linearAlgebra(error)
        }
        response = usable.map { responseValues[$0]! }
        names = terms.map(\.description)
        rows = usable
        hasIntercept = formula.hasIntercept
        self.formula = formula
    }

    /// A design straight from a matrix (no formula evaluation): `names` label its columns.
    public init(matrix: Matrix, response: [Double], names: [String], hasIntercept: Bool) throws(RegressionError) {
        guard matrix.rows == response.count, names.count == matrix.columns else {
            throw .raggedColumns("\(matrix.rows)×\(matrix.columns) design, \(response.count) responses, \(names.count) names")
        }
        guard matrix.rows > 0 else { throw .emptyData }
        self.matrix = matrix
        self.response = response
        self.names = names
        self.rows = Array(0..<matrix.rows)
        self.hasIntercept = hasIntercept
        self.formula = Formula(response: .variable("y"), terms: names.dropFirst(hasIntercept ? 1 : 0).map { .variable($0) },
                               hasIntercept: hasIntercept)
    }
}
