/// A guard for the YAML parser, which recurses once per level of nesting: a short file of thousands of nested
/// brackets would exhaust the stack. Scenario files and model specifications are refused beyond
/// ``maximumDepth`` levels, which neither needs.
enum YAMLNesting {
    /// The deepest nesting accepted.
    static let maximumDepth = 32

    /// The line where brackets or indentation nest deeper than ``maximumDepth``, if any.
    static func excessive(_ text: String) -> Int? {
        var depth = 0, line = 1, quote: Character?
        for character in text {
            if character == "\n" { line += 1; continue }
            if let open = quote { if character == open { quote = nil }; continue }
            switch character {
            case "\"", "'": quote = character
            case "[", "{": depth += 1; if depth > maximumDepth { return line }
            case "]", "}": depth = max(0, depth - 1)
            default: break
            }
        }
        line = 1
        for text in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if text.prefix(while: { $0 == " " || $0 == "-" }).count > 2 * maximumDepth { return line }
            line += 1
        }
        return nil
    }
}
