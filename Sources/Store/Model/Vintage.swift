/// When a figure was published, at the precision the source gives: a day (`2021-04-15`), a month
/// (`2021-04`) or a year (`2021`).
///
/// As-of queries compare with ``knownBy``, the last day of that period: a figure published "in 2021" is
/// certainly known on 2021-12-31, and treating it as known earlier would leak it into a past that did not
/// have it. A vintage therefore never makes a real-time backtest optimistic.
public struct Vintage: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The text as given.
    public let text: String
    /// The last day of the stated period.
    public let knownBy: CalendarDay

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `nil` otherwise.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        switch parts.count {
        case 1:
            guard parts[0].count == 4, let y = Int(parts[0]), y >= 1000 else { return nil }
            knownBy = CalendarDay(year: y, month: 12, day: 31)
        case 2:
            guard parts[0].count == 4, parts[1].count == 2, let y = Int(parts[0]), let m = Int(parts[1]), (1...12).contains(m) else { return nil }
            knownBy = CalendarDay(year: y, month: m, day: CalendarDay.days(inMonth: m, year: y))
        case 3:
            guard let day = CalendarDay(iso: text) else { return nil }
            knownBy = day
        default:
            return nil
        }
        self.text = text
    }

    /// A vintage of one day.
    public init(day: CalendarDay) {
        text = day.description
        knownBy = day
    }

    /// The first day of the stated period (a year's 1 January, a month's 1st): the earliest the figure can
    /// have been published.
    public var firstDay: CalendarDay {
        switch text.count {
        case 4: return CalendarDay(year: knownBy.year, month: 1, day: 1)
        case 7: return CalendarDay(year: knownBy.year, month: knownBy.month, day: 1)
        default: return knownBy
        }
    }

    /// Why this vintage cannot be stored on `today`, or `nil`: a publication date cannot begin after today.
    public func futureProblem(today: CalendarDay) -> String? {
        firstDay > today ? "vintage \(text) is in the future (today is \(today)); a vintage is the date a figure was published" : nil
    }

    public var description: String { text }

    public static func < (a: Vintage, b: Vintage) -> Bool { a.knownBy < b.knownBy }
}
