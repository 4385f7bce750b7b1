/// A day of the Gregorian calendar, with its ISO text `YYYY-MM-DD`. No time zones: vintages and as-of
/// dates are publication days.
public struct CalendarDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Year of the Gregorian calendar, e.g. 2021.
    public let year: Int
    /// Month of the year, 1–12.
    public let month: Int
    /// Day of the month: 1 to ``days(inMonth:year:)`` for a day that exists.
    public let day: Int

    /// The day with these parts, not checked: use ``init(iso:)`` for a day that must exist.
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` (digits only, years 1000–9999), checking the day exists.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), y >= 1000,
              (1...12).contains(m), (1...CalendarDay.days(inMonth: m, year: y)).contains(d) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var description: String {
        func pad(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(year)-\(pad(month))-\(pad(day))"
    }

    public static func < (a: CalendarDay, b: CalendarDay) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// Days in a month, leap years included.
    public static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Today in UTC.
    public static func today() -> CalendarDay {
        let seconds = Int(Date().timeIntervalSince1970)
        return CalendarDay(daysSinceEpoch: seconds / 86_400)
    }

    /// The civil date `days` after 1970-01-01 (Howard Hinnant's algorithm).
    init(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    /// Days since 1970-01-01 (negative before it): the inverse of `init(daysSinceEpoch:)`, so that the number
    /// of days between two dates is a subtraction.
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}

import Foundation
