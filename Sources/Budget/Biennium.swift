public import Store

/// A two-year budget period of the Program and Budget, such as 2020/21.
public struct Biennium: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The first calendar year (2020 for 2020/21).
    public let firstYear: Int

    /// The biennium that starts in `firstYear` (2020 for 2020/21).
    public init(firstYear: Int) { self.firstYear = firstYear }

    /// Parses `2020/21`, `2020-21`, `2020/2021` or `2020-2021`; `nil` for anything else, two years that do not
    /// follow, or a first year that is odd (WIPO's bienniums start in even years: 2018/19, 2020/21).
    public init?(_ text: String) {
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == "-" }).map(String.init)
        guard parts.count == 2, parts[0].count == 4, let first = Int(parts[0]), let second = Int(parts[1]) else { return nil }
        let end = parts[1].count == 2 ? first / 100 * 100 + second : (parts[1].count == 4 ? second : -1)
        guard end == first + 1 || (parts[1].count == 2 && second == (first + 1) % 100) else { return nil }
        guard first.isMultiple(of: 2) else { return nil }
        firstYear = first
    }

    /// How a biennium is written, for messages.
    public static let syntax = "two following years starting in an even year, like 2020/21"

    /// The two calendar years.
    public var years: [Int] { [firstYear, firstYear + 1] }
    /// `2020/21`.
    public var description: String {
        let end = (firstYear + 1) % 100
        return "\(firstYear)/\(end < 10 ? "0" : "")\(end)"
    }
    /// The store's period for biennial figures (`2020-2021`).
    public var period: Period { .biennium(firstYear: firstYear) }

    public static func < (a: Biennium, b: Biennium) -> Bool { a.firstYear < b.firstYear }
}
