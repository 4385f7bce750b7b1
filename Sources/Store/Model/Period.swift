/// What an observation is about: a year, a quarter, a month, or a biennium.
///
/// Text forms: `2020`, `2020-Q3`, `2020-07`, `2020-2021` (two consecutive years). Periods order by their
/// first day.
public enum Period: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// A calendar year, e.g. `2020`.
    case year(Int)
    /// A quarter 1–4 of a year, e.g. `2020-Q3`.
    case quarter(year: Int, quarter: Int)
    /// A month 1–12 of a year, e.g. `2020-07`.
    case month(year: Int, month: Int)
    /// A two-year budget period starting in `firstYear`.
    case biennium(firstYear: Int)

    /// Parses the text forms above; `nil` otherwise.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, first.count == 4, let year = Int(first), year >= 1000 else { return nil }
        switch parts.count {
        case 1:
            self = .year(year)
        case 2 where parts[1].hasPrefix("Q"):
            guard parts[1].count == 2, let q = Int(parts[1].dropFirst()), (1...4).contains(q) else { return nil }
            self = .quarter(year: year, quarter: q)
        case 2 where parts[1].count == 2:
            guard let month = Int(parts[1]), (1...12).contains(month) else { return nil }
            self = .month(year: year, month: month)
        case 2 where parts[1].count == 4:
            guard let second = Int(parts[1]), second == year + 1 else { return nil }
            self = .biennium(firstYear: year)
        default:
            return nil
        }
    }

    public var description: String {
        switch self {
        case .year(let y): return String(y)
        case .quarter(let y, let q): return "\(y)-Q\(q)"
        case .month(let y, let m): return m < 10 ? "\(y)-0\(m)" : "\(y)-\(m)"
        case .biennium(let y): return "\(y)-\(y + 1)"
        }
    }

    /// The frequency name used by the catalog: annual, quarterly, monthly, biennial.
    public var frequency: String {
        switch self {
        case .year: return "annual"
        case .quarter: return "quarterly"
        case .month: return "monthly"
        case .biennium: return "biennial"
        }
    }

    /// The first day, `YYYY-MM-DD`: the sort key.
    public var startDate: String {
        switch self {
        case .year(let y), .biennium(let y): return "\(y)-01-01"
        case .quarter(let y, let q): return CalendarDay(year: y, month: 3 * q - 2, day: 1).description
        case .month(let y, let m): return CalendarDay(year: y, month: m, day: 1).description
        }
    }

    /// Why the period cannot be given as new data, or `nil`: a biennium of the Program and Budget starts in an even
    /// year (2018-2019, 2020-2021). Checked where figures come in (import, the service), not where stored rows are
    /// read back, so rows stored before the rule stay readable.
    public var inputProblem: String? {
        guard case .biennium(let first) = self, !first.isMultiple(of: 2) else { return nil }
        return "a biennium starts in an even year, as the Program and Budget's do (\(first - 1)-\(first) or \(first + 1)-\(first + 2)); got \(self)"
    }

    /// The last day: 31 December of a year (of the second year of a biennium), the end of a quarter or month.
    public var lastDay: CalendarDay {
        switch self {
        case .year(let y): return CalendarDay(year: y, month: 12, day: 31)
        case .biennium(let y): return CalendarDay(year: y + 1, month: 12, day: 31)
        case .quarter(let y, let q): return CalendarDay(year: y, month: 3 * q, day: CalendarDay.days(inMonth: 3 * q, year: y))
        case .month(let y, let m): return CalendarDay(year: y, month: m, day: CalendarDay.days(inMonth: m, year: y))
        }
    }

    public static func < (a: Period, b: Period) -> Bool {
        a.startDate == b.startDate ? a.description < b.description : a.startDate < b.startDate
    }
}
