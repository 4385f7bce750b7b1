import Yams

/// The size of a YAML document once its aliases are expanded. An alias stands for the whole node its anchor
/// names, so ten lines of anchors, each listing the previous one ten times, stand for ten billion values
/// ("billion laughs"), and any walk over the document — the repeated-key check, the conversion to values —
/// would run for hours. Specifications and scenarios hold a few dozen values; both readers refuse a document
/// that expands beyond ``maximumValues`` before walking it.
enum YAMLExpansion {
    /// The most values (scalars, mappings and sequences, keys included) a document may expand to.
    static let maximumValues = 10_000
    /// What the refusal says.
    static let refusal = "expands to more than \(maximumValues) values (through YAML anchors and aliases?)"

    /// Whether `node` expands to more than ``maximumValues`` values; visits at most that many.
    static func excessive(_ node: Node) -> Bool {
        var remaining = maximumValues
        func visit(_ node: Node) -> Bool {
            remaining -= 1
            guard remaining >= 0 else { return false }
            if let mapping = node.mapping {
                for (key, value) in mapping where !visit(key) || !visit(value) { return false }
            } else if let sequence = node.sequence {
                for item in sequence where !visit(item) { return false }
            }
            return true
        }
        return !visit(node)
    }
}
