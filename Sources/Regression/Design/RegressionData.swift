/// Named numeric columns of equal length: the data a formula is evaluated on.
///
/// Rows are observations in time order (lags and Prais–Winsten rely on it). The optional time column gives
/// the period of each row for `step(2020)` and `pulse(2020)`.
public struct RegressionData: Sendable {
    /// Column names in their original order.
    public let names: [String]
    /// The columns, in the order of `names`.
    public let columns: [[Double]]
    /// Number of rows.
    public let rowCount: Int
    /// The column holding each row's period (a calendar year, say), if any.
    public let timeColumn: String?
    /// The time column with its step, when its periods are finite, distinct and a whole number of steps apart
    /// (the step being ``trendStep`` when set, else the smallest gap between two of them: 1 for years, 2 for
    /// bienniums); `nil` otherwise, and `trend` and `lag` count rows. Found once (and again when `trendStep` is
    /// set), for every term that reads it.
    public private(set) var periods: (time: [Double], step: Double)?
    /// The period whose `trend` is 1 when these rows continue earlier data (new rows to predict from a fit):
    /// the fit's first period. `nil`: the first period of these rows.
    public var trendFirstPeriod: Double?
    /// The length of one period when these rows continue earlier data (the fit's step: 2 for bienniums).
    /// `nil`: the smallest gap between these rows' periods.
    public var trendStep: Double? {
        didSet {
            guard let time = try? timeIndex() else { return }
            periods = Self.periods(time, step: trendStep)
        }
    }
    /// Without a time column, the number of rows before these (the fit's, for new rows to predict), so that
    /// `trend` continues n + 1, n + 2, …; 0 by default.
    public var rowsBefore = 0

    /// - Throws: `.raggedColumns` when lengths differ, `.unknownColumn` for a missing time column.
    public init(names: [String], columns: [[Double]], timeColumn: String? = nil) throws(RegressionError) {
        guard names.count == columns.count else {
            throw .raggedColumns("\(names.count) names for \(columns.count) columns")
        }
        let count = columns.first?.count ?? 0
        if let bad = columns.firstIndex(where: { $0.count != count }) {
            throw .raggedColumns("'\(names[bad])' has \(columns[bad].count) values, '\(names[0])' has \(count)")
        }
        if let timeColumn, !names.contains(timeColumn) {
            throw .unknownColumn(timeColumn, available: names)
        }
        self.names = names
        self.columns = columns
        self.rowCount = count
        self.timeColumn = timeColumn
        if let timeColumn { periods = Self.periods(columns[names.firstIndex(of: timeColumn)!]) } else { periods = nil }
    }

    /// The values of column `name`.
    public func column(_ name: String) throws(RegressionError) -> [Double] {
        guard let index = names.firstIndex(of: name) else { throw .unknownColumn(name, available: names) }
        return columns[index]
    }

    /// The time index: the time column when set, otherwise `nil`.
    public func timeIndex() throws(RegressionError) -> [Double]? {
        guard let timeColumn else { return nil }
        return try column(timeColumn)
    }

    /// `time` with its step, when its values are finite, distinct and a whole number of `step`s apart (by default
    /// the smallest gap between two of them); `nil` otherwise.
    public static func periods(_ time: [Double], step given: Double? = nil) -> (time: [Double], step: Double)? {
        guard time.allSatisfy(\.isFinite), Set(time).count == time.count else { return nil }
        let sorted = time.sorted()
        let step = given ?? zip(sorted.dropFirst(), sorted).map { $0 - $1 }.min() ?? 1
        guard step > 0, sorted.allSatisfy({ (($0 - sorted[0]) / step).rounded() == ($0 - sorted[0]) / step }) else { return nil }
        return (time, step)
    }
}
