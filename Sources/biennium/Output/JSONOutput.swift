import Foundation

/// The one JSON style of the CLI: pretty-printed, keys sorted, slashes unescaped.
enum JSONOutput {
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // A non-finite figure (an exploding model's far horizon, a division by a zero budget) is written as the
        // string the service sends, not turned into an encoding error.
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
