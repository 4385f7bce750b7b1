import Yams

/// A specification's or scenario's YAML text composed into a node tree with the checks both readers need, in
/// order: nesting within bounds (``YAMLNesting``), valid YAML, an expansion through aliases within bounds
/// (``YAMLExpansion``), and no key repeated within a mapping (``YAMLRepeatedKeys``). Each reader words the
/// problems its own way.
enum YAMLDocument {
    /// Why a text was refused.
    enum Problem: Error {
        /// Brackets or indentation nest too deep, or too many brackets, from this line.
        case nesting(line: Int)
        /// Not YAML: the parser's message.
        case invalid(String)
        /// The document expands beyond ``YAMLExpansion/maximumValues`` values.
        case expansion
        /// A key given twice in one mapping, as a dotted path, with the line of its second appearance.
        case repeatedKey(String, line: Int?)
    }

    /// The root node of `text` (`nil` for an empty document), checked.
    static func compose(_ text: String) throws(Problem) -> Node? {
        if let line = YAMLNesting.excessive(text) { throw .nesting(line: line) }
        let node: Node?
        do { node = try Yams.compose(yaml: text) } catch { throw .invalid("\(error)") }
        guard let node else { return nil }
        if YAMLExpansion.excessive(node) { throw .expansion }
        if let (key, line) = YAMLRepeatedKeys.first(in: node) { throw .repeatedKey(key, line: line) }
        return node
    }
}
