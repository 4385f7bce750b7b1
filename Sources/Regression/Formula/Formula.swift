/// A model formula in the R style economists type every day: `y ~ x + I(x^2) + log(z) - 1`.
///
/// Supported: `+` to add a term, `- term` to remove one, `- 1` or `+ 0` for no intercept, `I(x^k)`,
/// `log(x)`, `lag(x, k)`, `trend`, `step(2020)`, `pulse(2020)`, `dummy(x, level)`, and any nesting of
/// these (`log(lag(y, 1))`). A response such as `log(y)` is a term too.
public struct Formula: Sendable, Equatable, CustomStringConvertible {
    /// The left-hand side.
    public var response: Term
    /// The regressors in order, without the intercept.
    public var terms: [Term]
    /// Whether the model has an intercept.
    public var hasIntercept: Bool

    /// A formula from its parts: `response ~ terms`, with an intercept unless `hasIntercept` is false.
    public init(response: Term, terms: [Term], hasIntercept: Bool = true) {
        self.response = response
        self.terms = terms
        self.hasIntercept = hasIntercept
    }

    /// Parses formula text.
    /// - Throws: `FormulaError` with the column where parsing stopped.
    public init(parsing text: String) throws(FormulaError) {
        var parser = FormulaParser(text)
        self = try parser.parse()
    }

    /// Every regressor column of the design, the intercept first when present.
    public var designTerms: [Term] { (hasIntercept ? [.intercept] : []) + terms }

    public var description: String {
        let right = terms.map(\.description) + (hasIntercept ? [] : ["-1"])
        return "\(response) ~ \(right.isEmpty ? "1" : right.joined(separator: " + "))"
            .replacingOccurrences(of: "+ -1", with: "- 1")
    }
}

/// A formula that did not parse: what was expected, and where.
public struct FormulaError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The formula text.
    public let formula: String
    /// 0-based character offset where the problem was found.
    public let position: Int
    /// What was wrong, as a short phrase.
    public let message: String

    public var description: String {
        let caret = String(repeating: " ", count: position) + "^"
        return "formula: \(message) at column \(position + 1)\n  \(formula)\n  \(caret)"
    }
}
