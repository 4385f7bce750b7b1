/// How often a series is observed. Seasonal periods (4, 12) are representable; the models of this
/// version are non-seasonal.
public enum Frequency: Int, Sendable, Codable, CaseIterable {
    /// One observation a year.
    case annual = 1
    /// Four a year.
    case quarterly = 4
    /// Twelve a year.
    case monthly = 12

    /// Observations per year, the seasonal period `m`.
    public var periodsPerYear: Int { rawValue }
}

/// A regularly spaced series with explicit gaps: `values[i]` is `nil` where nothing was published.
///
/// Time is the index `start + i` in units of the frequency, so a series knows the label of every point
/// (the Store's periods map to it) without depending on the store.
public struct TimeSeries: Sendable, Equatable {
    /// Observations per year (annual, quarterly or monthly).
    public let frequency: Frequency
    /// Index of the first value: a year for annual data, `year·4 + quarter − 1` or `year·12 + month − 1` otherwise.
    public let start: Int
    /// The values from `start` on, one per period; `nil` where nothing was published.
    public let values: [Double?]

    /// A series whose gaps are the `nil` entries of `values`.
    public init(frequency: Frequency = .annual, start: Int, values: [Double?]) {
        self.frequency = frequency
        self.start = start
        self.values = values
    }

    /// A series without gaps.
    public init(frequency: Frequency = .annual, start: Int, observed: [Double]) {
        self.init(frequency: frequency, start: start, values: observed.map(Optional.some))
    }

    /// Number of periods from `start` to the last value, gaps included.
    public var count: Int { values.count }
    /// The observed values, gaps removed.
    public var observed: [Double] { values.compactMap { $0 } }
    /// Number of periods with a value.
    public var observedCount: Int { values.reduce(0) { $0 + ($1 == nil ? 0 : 1) } }
    /// Whether any period between `start` and the last value is missing.
    public var hasGaps: Bool { values.contains { $0 == nil } }
    /// Index one past the last value: where forecasts begin.
    public var end: Int { start + values.count }

    /// The first `count` points.
    public func prefix(_ count: Int) -> TimeSeries {
        TimeSeries(frequency: frequency, start: start, values: Array(values.prefix(count)))
    }

    /// Number of missing periods after the last observation.
    public var trailingGap: Int { values.count - (values.lastIndex { $0 != nil }.map { $0 + 1 } ?? 0) }

    /// The series up to its last observation.
    public func droppingTrailingGap() -> TimeSeries { prefix(count - trailingGap) }

    /// A series without leading and trailing gaps.
    public func trimmed() -> TimeSeries {
        guard let first = values.firstIndex(where: { $0 != nil }), let last = values.lastIndex(where: { $0 != nil }) else {
            return TimeSeries(frequency: frequency, start: start, values: [])
        }
        return TimeSeries(frequency: frequency, start: start + first, values: Array(values[first...last]))
    }
}
