/// Recursive-descent parser for ``Formula``.
///
/// Grammar:
/// ```
/// formula  := term '~' rhs
/// rhs      := ['-'] summand (('+' | '-') summand)*
/// summand  := '0' | '1' | term
/// term     := NAME | 'trend' | 'I' '(' term ('^' | '**') INT ')' | 'log' '(' term ')'
///           | 'lag' '(' term ',' INT ')' | 'step' '(' NUMBER ')' | 'pulse' '(' NUMBER ')'
///           | 'dummy' '(' NAME ',' NUMBER ')'
/// NAME     := [A-Za-z_.][A-Za-z0-9_.]* | '`' any text '`'
/// ```
struct FormulaParser {
    private let text: String
    private let characters: [Character]
    private var index = 0

    init(_ text: String) {
        self.text = text
        self.characters = Array(text)
    }

    mutating func parse() throws(FormulaError) -> Formula {
        skipSpaces()
        guard index < characters.count else { throw error("empty formula; expected 'response ~ terms'") }
        let response = try term()
        try expect("~", what: "'~' after the response")
        var terms: [Term] = []
        var hasIntercept = true
        var sign = 1
        skipSpaces()
        if peek() == "-" { index += 1; sign = -1 }
        while true {
            skipSpaces()
            let start = index
            if let number = peekNumberLiteral(), number == "0" || number == "1" {
                index += number.count
                let keeps = (number == "1") == (sign > 0)
                hasIntercept = keeps
            } else {
                let parsed = try term()
                if sign > 0 {
                    if parsed == response { throw FormulaError(formula: text, position: start, message: "the response '\(response)' cannot also be a regressor") }
                    if !terms.contains(parsed) { terms.append(parsed) }
                } else {
                    guard let at = terms.firstIndex(of: parsed) else {
                        throw FormulaError(formula: text, position: start, message: "cannot remove '\(parsed)': it is not among the terms before it")
                    }
                    terms.remove(at: at)
                }
            }
            skipSpaces()
            guard let next = peek() else { break }
            switch next {
            case "+": sign = 1; index += 1
            case "-": sign = -1; index += 1
            default: throw error("expected '+', '-' or the end of the formula")
            }
        }
        return Formula(response: response, terms: terms, hasIntercept: hasIntercept)
    }

    private mutating func term() throws(FormulaError) -> Term {
        skipSpaces()
        let start = index
        guard let first = peek() else { throw error("expected a term") }
        if first == "`" {
            index += 1
            var name = ""
            while let c = peek(), c != "`" { name.append(c); index += 1 }
            try expect("`", what: "closing '`'")
            return .variable(name)
        }
        guard first.isLetter || first == "_" || first == "." else {
            throw error("expected a column name or a function such as log(), I(), lag()")
        }
        var name = ""
        while let c = peek(), c.isLetter || c.isNumber || c == "_" || c == "." { name.append(c); index += 1 }
        skipSpaces()
        guard peek() == "(" else {
            return name == "trend" ? .trend : .variable(name)
        }
        index += 1
        let result: Term
        switch name {
        case "I":
            let base = try term()
            skipSpaces()
            if peek() == "^" { index += 1 } else if peek() == "*" && peek(offset: 1) == "*" { index += 2 } else {
                throw error("expected '^' in I(x^k)")
            }
            let k = try integer(what: "a whole power from 0 to 30")
            guard (0...30).contains(k) else { throw FormulaError(formula: text, position: index - 1, message: "power \(k) is out of range 0…30") }
            result = .power(base, k)
        case "log":
            result = .log(try term())
        case "lag":
            let inner = try term()
            try expect(",", what: "',' and the lag, as in lag(x, 1)")
            let k = try integer(what: "a lag of at least 1")
            guard k >= 1 else { throw FormulaError(formula: text, position: index - 1, message: "a lag must be at least 1") }
            result = .lag(inner, k)
        case "step":
            result = .step(try number())
        case "pulse":
            result = .pulse(try number())
        case "dummy":
            let inner = try term()
            guard case .variable(let column) = inner else {
                throw FormulaError(formula: text, position: start, message: "dummy() takes a column name")
            }
            try expect(",", what: "',' and the level, as in dummy(quarter, 2)")
            result = .dummy(column, level: try number())
        default:
            throw FormulaError(formula: text, position: start,
                               message: "unknown function '\(name)'; use I(), log(), lag(), step(), pulse() or dummy()")
        }
        try expect(")", what: "')'")
        return result
    }

    private mutating func integer(what: String) throws(FormulaError) -> Int {
        skipSpaces()
        let start = index
        var digits = ""
        while let c = peek(), c.isASCII, c.isNumber { digits.append(c); index += 1 }
        guard let value = Int(digits) else { index = start; throw error("expected \(what)") }
        return value
    }

    private mutating func number() throws(FormulaError) -> Double {
        skipSpaces()
        let start = index
        var literal = ""
        if peek() == "-" { literal.append("-"); index += 1 }
        while let c = peek(), c.isASCII, c.isNumber || c == "." || c == "e" || c == "E" { literal.append(c); index += 1 }
        guard let value = Double(literal), value.isFinite else { index = start; throw error("expected a number such as 2020") }
        return value
    }

    private func peekNumberLiteral() -> String? {
        var i = index
        var literal = ""
        while i < characters.count, characters[i].isASCII, characters[i].isNumber { literal.append(characters[i]); i += 1 }
        if i < characters.count, characters[i].isLetter || characters[i] == "_" || characters[i] == "." { return nil }
        return literal.isEmpty ? nil : literal
    }

    private mutating func expect(_ token: Character, what: String) throws(FormulaError) {
        skipSpaces()
        guard peek() == token else { throw error("expected \(what)") }
        index += 1
    }

    private mutating func skipSpaces() {
        while let c = peek(), c.isWhitespace { index += 1 }
    }

    private func peek(offset: Int = 0) -> Character? {
        index + offset < characters.count ? characters[index + offset] : nil
    }

    private func error(_ message: String) -> FormulaError {
        FormulaError(formula: text, position: min(index, characters.count), message: message)
    }
}
