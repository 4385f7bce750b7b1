import Regression
import Testing

@Suite("Formula") struct FormulaTests {
    @Test("parses the terms economists type", arguments: [
        ("y ~ x", "y ~ x"),
        ("y ~ x + I(x^2) + log(z)", "y ~ x + I(x^2) + log(z)"),
        ("log(y) ~ trend + step(2009) + pulse(2020)", "log(y) ~ trend + step(2009) + pulse(2020)"),
        ("y ~ lag(x, 1) + lag(y, 2) - 1", "y ~ lag(x, 1) + lag(y, 2) - 1"),
        ("y ~ 0 + x", "y ~ x - 1"),
        ("y~x+z-z", "y ~ x"),
        ("y ~ I(year**3) + dummy(q, 2)", "y ~ I(year^3) + dummy(q, 2)"),
        ("y ~ `unit cost` + log(lag(x,1))", "y ~ unit cost + log(lag(x, 1))"),
    ])
    func parses(_ text: String, _ canonical: String) throws {
        #expect(try Formula(parsing: text).description == canonical)
    }

    @Test("intercept flags", arguments: [("y ~ x", true), ("y ~ x - 1", false), ("y ~ 0 + x", false), ("y ~ -1 + x", false), ("y ~ x + 1", true)])
    func intercept(_ text: String, _ expected: Bool) throws {
        #expect(try Formula(parsing: text).hasIntercept == expected)
    }

    @Test("a formula that does not parse says where", arguments: [
        ("y x", 2, "expected '~'"),
        ("y ~ log(x", 9, "expected ')'"),
        ("y ~ x +", 7, "expected a term"),
        ("y ~ sqrt(x)", 4, "unknown function 'sqrt'"),
        ("y ~ I(x^k)", 8, "expected a whole power"),
        ("y ~ lag(x, 0)", 11, "a lag must be at least 1"),
        ("y ~ x * z", 6, "expected '+', '-' or the end"),
        ("", 0, "empty formula"),
        ("y ~ y", 4, "cannot also be a regressor"),
    ])
    func reportsPosition(_ text: String, _ position: Int, _ message: String) {
        do {
            _ = try Formula(parsing: text)
            Issue.record("'\(text)' parsed")
        } catch {
            #expect(error.position == position, "\(error.description)")
            #expect(error.message.contains(message), "\(error.message)")
            #expect(error.description.contains("^"))
        }
    }
}
