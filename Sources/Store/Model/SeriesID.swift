/// A series identifier from the catalog, e.g. `pct.applications` or `madrid.unit_cost.per_registration`:
/// lower-case words of letters, digits and underscores, joined by dots.
public struct SeriesID: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    /// The identifier text, e.g. `pct.applications`.
    public let rawValue: String

    /// `nil` when `text` is not of the form `word.word...`.
    public init?(_ text: String) {
        let words = text.split(separator: ".", omittingEmptySubsequences: false)
        guard words.count >= 2, words.allSatisfy({ word in
            !word.isEmpty && word.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
        }) else { return nil }
        rawValue = text
    }

    /// The system, the first word: `pct`, `madrid`, `hague`, `wipo`.
    public var system: String { String(rawValue.prefix { $0 != "." }) }

    public var description: String { rawValue }

    public static func < (a: SeriesID, b: SeriesID) -> Bool { a.rawValue < b.rawValue }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let id = SeriesID(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a series id"))
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
