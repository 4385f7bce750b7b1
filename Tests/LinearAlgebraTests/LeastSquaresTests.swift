import Testing
@testable import LinearAlgebra

@Suite("Least squares") struct LeastSquaresTests {
    @Test("an exact fit is recovered with zero residual")
    func exactFit() throws {
        let x = try Matrix(columns: [[1, 1, 1, 1], [0, 1, 2, 3]])
        let solution = try LeastSquares.solve(x, [1, 3, 5, 7])
        #expect(solution.coefficients == [1, 2])
        #expect(solution.residualSumOfSquares == 0)
        #expect(solution.rank == 2 && solution.aliased.isEmpty)
    }

    @Test("a column that repeats another is reported aliased — the later of the two, as R's lm — and the fit uses the rest")
    func duplicateColumnIsAliased() throws {
        let x = try Matrix(columns: [[1, 1, 1, 1, 1], [1, 2, 3, 4, 6], [2, 4, 6, 8, 12]])
        let solution = try LeastSquares.solve(x, [2, 4.1, 5.9, 8.2, 11.8])
        #expect(solution.rank == 2)
        #expect(solution.aliased == [2])
        #expect(solution.coefficients[2] == 0)
        #expect(solution.covarianceFactor?.rows == 2)
        // The larger column first: still the later one is aliased, whatever the norms.
        let swapped = try LeastSquares.solve(try Matrix(columns: [[1, 1, 1, 1, 1], [2, 4, 6, 8, 12], [1, 2, 3, 4, 6]]), [2, 4.1, 5.9, 8.2, 11.8])
        #expect(swapped.aliased == [2])
    }

    @Test("several dependencies: each later column of one is aliased, in the design's order")
    func severalDependencies() throws {
        // Values whose sums are exact in binary64, so the dependencies hold exactly (extended precision sees through rounding).
        let x = [1.0, 2, 3, 4, 6, 7, 9], z = [0.5, -1, 2, 0.25, 1, -2, 0.75], one = [Double](repeating: 1, count: 7)
        // 1, x, 2x, 1 again, z, x + z: columns 2, 3 and 5 depend on those before them.
        let a = try Matrix(columns: [one, x, x.map { 2 * $0 }, one, z, zip(x, z).map(+)])
        let solution = try LeastSquares.solve(a, [2, 4.1, 5.9, 8.2, 11.8, 14.1, 18.3])
        #expect(solution.rank == 3 && solution.aliased == [2, 3, 5], "\(solution.aliased)")
    }

    @Test("a constant regressor is aliased, not the intercept before it, at any scale")
    func constantRegressorAfterIntercept() throws {
        let y = [1.0, 2, 3, 4, 6], x = [0.3, 0.1, 0.7, 0.2, 0.9]
        let without = try LeastSquares.solve(try Matrix(columns: [[1, 1, 1, 1, 1], x]), y)
        for c in [5.0, 0.5, 3e6, 7e-9] {
            let solution = try LeastSquares.solve(try Matrix(columns: [[1, 1, 1, 1, 1], x, [c, c, c, c, c]]), y)
            #expect(solution.aliased == [2], "c = \(c)")
            #expect(abs(solution.coefficients[0] - without.coefficients[0]) < 1e-12 && abs(solution.coefficients[1] - without.coefficients[1]) < 1e-12)
        }
    }

    @Test("a zero column is aliased")
    func zeroColumnIsAliased() throws {
        let x = try Matrix(columns: [[1, 1, 1], [0, 0, 0], [1, 2, 4]])
        let solution = try LeastSquares.solve(x, [1, 2, 3.5])
        #expect(solution.aliased == [1])
    }

    @Test("columns 20 orders of magnitude apart are fitted, not declared deficient")
    func wildlyScaledColumnsAreFitted() throws {
        let t: [Double] = [1, 2, 3, 4, 5, 6, 7, 8]
        let x = try Matrix(columns: [[Double](repeating: 1, count: 8), t.map { $0 * 1e-10 }, t.map { $0 * $0 * 1e10 }])
        let y = t.map { 3 + 2e10 * ($0 * 1e-10) + 5e-10 * ($0 * $0 * 1e10) }
        let solution = try LeastSquares.solve(x, y)
        #expect(solution.rank == 3)
        #expect(solution.conditionNumber > 1e17)
        #expect(abs(solution.coefficients[1] - 2e10) / 2e10 < 1e-13)
        #expect(abs(solution.coefficients[2] - 5e-10) / 5e-10 < 1e-13)
    }

    @Test("beyond binary64 the double-double factorization fits a full-rank design")
    func doubleDoubleFallback() throws {
        // Degree-6 monomials of calendar years: the equilibrated condition number is near 1e16.
        let years = (0..<20).map { 2001.0 + Double($0) }
        let columns = (0...6).map { k in years.map { Term.power($0, k) } }
        let x = try Matrix(columns: columns)
        let y = years.map { 1000 + 3 * ($0 - 2000) + Double(Int($0) % 3) }
        let solution = try LeastSquares.solve(x, y)
        #expect(solution.rank == 7)
        #expect(solution.aliased.isEmpty)
    }

    @Test("bad input is refused with the position")
    func badInputIsRefused() throws {
        let x = try Matrix(columns: [[1, 1], [1, 2]])
        #expect(throws: LinearAlgebraError.nonFiniteValue(row: 1, column: 2)) { try LeastSquares.solve(x, [1, .infinity]) }
        #expect(throws: LinearAlgebraError.self) { try LeastSquares.solve(x, [1, 2, 3]) }
    }
}

/// `x^k` computed in double-double then rounded: the same rule the Regression target uses for `I(x^k)`.
enum Term {
    static func power(_ x: Double, _ k: Int) -> Double {
        var result = DoubleDouble(1)
        for _ in 0..<k { result = result * x }
        return result.doubleValue
    }
}
