import LinearAlgebra
import Regression
import Testing

@Suite("Design matrices from terms") struct DesignTests {
    static let data = try! RegressionData(names: ["year", "y", "x"],
                                          columns: [[2017, 2018, 2019, 2020, 2021], [10, 12, 15, 11, 14], [1, 2, 4, 8, 16]],
                                          timeColumn: "year")

    @Test("lags drop the rows they cannot fill; trend, step and pulse follow the time index")
    func termsAndRows() throws {
        let design = try Design(formula: Formula(parsing: "y ~ lag(x, 1) + trend + step(2020) + pulse(2019)"), data: Self.data)
        #expect(design.rows == [1, 2, 3, 4])
        #expect(design.names == ["(Intercept)", "lag(x, 1)", "trend", "step(2020)", "pulse(2019)"])
        #expect(design.matrix.column(1) == [1, 2, 4, 8])
        #expect(design.matrix.column(2) == [2, 3, 4, 5])
        #expect(design.matrix.column(3) == [0, 0, 1, 1])
        #expect(design.matrix.column(4) == [0, 1, 0, 0])
        #expect(design.response == [12, 15, 11, 14])
    }

    @Test("with a gap in the time index, trend counts periods and a lag never reaches across the gap")
    func gapInTime() throws {
        // 2019 is missing: trend jumps from 2 to 4, and 2020's lag (2019) is unavailable, so its row is dropped.
        let data = try RegressionData(names: ["year", "y", "x"],
                                      columns: [[2017, 2018, 2020, 2021], [10, 12, 11, 14], [1, 2, 8, 16]], timeColumn: "year")
        let trend = try Design(formula: Formula(parsing: "y ~ trend"), data: data)
        #expect(trend.matrix.column(1) == [1, 2, 4, 5])
        let lagged = try Design(formula: Formula(parsing: "y ~ lag(x, 1)"), data: data)
        #expect(lagged.rows == [1, 3] && lagged.matrix.column(1) == [1, 8])
        // Without a time column both count rows, as R's tslm does.
        let rows = try RegressionData(names: ["y", "x"], columns: [[10, 12, 11, 14], [1, 2, 8, 16]])
        #expect(try Design(formula: Formula(parsing: "y ~ trend"), data: rows).matrix.column(1) == [1, 2, 3, 4])
        // Periods two years apart (bienniums): the step is 2, so trend counts bienniums and a lag of 1 is one biennium.
        let biennial = try RegressionData(names: ["year", "y", "x"], columns: [[2008, 2010, 2014], [1, 2, 3], [5, 6, 7]], timeColumn: "year")
        #expect(try Term.trend.evaluate(on: biennial) == [1, 2, 4])
        #expect(try Term.lag(.variable("x"), 1).evaluate(on: biennial) == [nil, 5, nil])
        // New rows to predict continue the fit's count: by period from its first, or by row after its n.
        var next = try RegressionData(names: ["year", "y"], columns: [[2022, 2023], [0, 0]], timeColumn: "year")
        next.trendFirstPeriod = 2017
        #expect(try Term.trend.evaluate(on: next) == [6, 7])
        var nextRows = try RegressionData(names: ["y"], columns: [[0, 0]])
        nextRows.rowsBefore = 4
        #expect(try Term.trend.evaluate(on: nextRows) == [5, 6])
    }

    @Test("powers are computed in extra precision and rounded once")
    func powersAreCorrectlyRounded() throws {
        let data = try RegressionData(names: ["y", "year"], columns: [[1, 2], [2019, 2020]])
        let design = try Design(formula: Formula(parsing: "y ~ I(year^7) - 1"), data: data)
        // 2020⁷ = 137 233 325 069 697 280 000 000 exactly; Python's float(2020**7), correctly rounded:
        #expect(design.matrix[1, 0] == 1.3723332506969728e+23)
    }

    @Test("log of a non-positive value names the term and the row")
    func logOfNonPositive() throws {
        let data = try RegressionData(names: ["y", "z"], columns: [[1, 2, 3], [1, 0, 2]])
        #expect(throws: RegressionError.nonPositiveLogArgument(term: "log(z)", row: 1, value: 0)) {
            try Design(formula: Formula(parsing: "y ~ log(z)"), data: data)
        }
    }

    @Test("step without a time column says what to do")
    func stepNeedsTime() throws {
        let data = try RegressionData(names: ["y", "x"], columns: [[1, 2, 3], [1, 2, 4]])
        #expect(throws: RegressionError.missingTimeIndex(term: "step(2020)")) {
            try Design(formula: Formula(parsing: "y ~ x + step(2020)"), data: data)
        }
    }

    @Test("an unknown column lists the ones there are")
    func unknownColumn() throws {
        #expect(throws: RegressionError.unknownColumn("w", available: ["year", "y", "x"])) {
            try Design(formula: Formula(parsing: "y ~ w"), data: Self.data)
        }
    }

    @Test("fewer rows than coefficients is refused before any fit")
    func tooFewRows() throws {
        let design = try Design(formula: Formula(parsing: "y ~ x + I(x^2) + I(x^3) + I(x^4)"), data: Self.data)
        #expect(throws: RegressionError.tooFewObservations(rows: 5, parameters: 5)) { try LinearRegression.fit(design) }
    }

    @Test("a non-positive weight names its row")
    func invalidWeight() throws {
        let design = try Design(formula: Formula(parsing: "y ~ x"), data: Self.data)
        #expect(throws: RegressionError.invalidWeight(row: 2, value: 0)) {
            try LinearRegression.fit(design, weights: [1, 1, 0, 1, 1])
        }
    }

    @Test("a dummy trap is fitted with the aliased column reported, not as garbage")
    func dummyTrap() throws {
        let data = try RegressionData(names: ["y", "a", "b"], columns: [[1, 2, 3, 4, 5, 7], [1, 1, 1, 0, 0, 0], [0, 0, 0, 1, 1, 1]])
        let result = try LinearRegression.fit(Design(formula: Formula(parsing: "y ~ a + b"), data: data))
        #expect(result.rank == 2)
        #expect(result.aliasedNames == ["b"])                      // the later column, as R's lm(y ~ a + b)
        #expect(result.coefficients.filter(\.isAliased).allSatisfy { $0.standardError == nil && $0.pValue == nil })
        #expect(abs(result.fittedValues[5] - 16.0 / 3) < 1e-13)
    }
}
