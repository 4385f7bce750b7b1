/// A guard for the YAML parser, which recurses once per level of nesting: a short file of thousands of nested
/// brackets would exhaust the stack. Scenario files and model specifications are refused beyond
/// ``maximumDepth`` levels, which neither needs.
enum YAMLNesting {
    /// The deepest nesting accepted.
    static let maximumDepth = 32
    /// The most opening brackets a file may hold at all: a bound on its depth that nothing in the text (quotes,
    /// comments) can hide; the files Biennium reads hold a handful.
    static let maximumBrackets = 1000
    /// What the refusal says.
    static let refusal = "nests deeper than \(maximumDepth) levels or holds more than \(maximumBrackets) brackets"

    /// The line where brackets or indentation nest deeper than ``maximumDepth``, or where the file's opening
    /// brackets pass ``maximumBrackets``, if any. Brackets are counted wherever they are, in quoted strings and
    /// comments too: a string of many brackets is refused with the rest, where a scan that skipped quotes could be
    /// misled by a quote in a comment.
    static func excessive(_ text: String) -> Int? {
        var depth = 0, opened = 0, line = 1
        for character in text {
            switch character {
            case "\n": line += 1
            case "[", "{":
                depth += 1
                opened += 1
                if depth > maximumDepth || opened > maximumBrackets { return line }
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
