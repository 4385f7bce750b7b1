public import Forecasting
public import Store

/// Stored annual observations as a forecasting series: one value per year from the first to the last
/// observed year (or `through`), missing years as gaps.
public enum StoredSeries {
    /// The annual series of `observations` through the year `last` (all years when `nil`); `nil` when there is none.
    public static func annual(_ observations: [Observation], through last: Int? = nil) -> (series: TimeSeries, lastYear: Int, count: Int)? {
        var byYear: [Int: Double] = [:]
        for o in observations {
            if case .year(let y) = o.period, y <= (last ?? .max) { byYear[y] = o.value }
        }
        guard let first = byYear.keys.min(), let end = byYear.keys.max() else { return nil }
        return (TimeSeries(frequency: .annual, start: first, values: (first...end).map { byYear[$0] }), end, byYear.count)
    }
}
