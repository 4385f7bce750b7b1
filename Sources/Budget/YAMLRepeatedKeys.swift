import Yams

/// Repeated keys in a YAML document. Yams keeps the last of a repeated key without a word; in a scenario or a
/// model specification, naming a key twice is a mistake, so both readers refuse it with this one check.
enum YAMLRepeatedKeys {
    /// The first key repeated within one mapping, anywhere in the document, as a dotted path from the root
    /// (`evaluation.horizon`, `demand[1].system`), with the line of its second appearance.
    static func first(in node: Node, prefix: String = "") -> (key: String, line: Int?)? {
        if let mapping = node.mapping {
            var seen: Set<String> = []
            for (key, value) in mapping {
                let name = prefix + (key.scalar?.string ?? "")
                if !seen.insert(name).inserted { return (name, key.mark?.line) }
                if let inner = first(in: value, prefix: name + ".") { return inner }
            }
        } else if let sequence = node.sequence {
            let list = prefix.hasSuffix(".") ? String(prefix.dropLast()) : prefix
            for (index, item) in sequence.enumerated() {
                if let inner = first(in: item, prefix: "\(list)[\(index)].") { return inner }
            }
        }
        return nil
    }
}
