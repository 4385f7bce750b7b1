/// How a figure came about.
public enum ObservationStatus: String, Sendable, CaseIterable, Codable {
    /// As published.
    case reported
    /// Published as an estimate, provisional or approximate figure, or a budget figure.
    case estimate
    /// A later publication for the same period that differs from the first release.
    case revised
    /// Computed from other series; the catalog's derivation says how.
    case derived
}

/// One published figure: a value for a period of a series, with its provenance and publication date.
public struct Observation: Hashable, Sendable {
    public let series: SeriesID
    public let period: Period
    public let value: Double
    public let status: ObservationStatus
    /// Document and table, e.g. `WO/PBC/32/2, Table 3`.
    public let source: String
    public let vintage: Vintage
    public let note: String

    public init(series: SeriesID, period: Period, value: Double, status: ObservationStatus, source: String,
                vintage: Vintage, note: String = "") {
        self.series = series
        self.period = period
        self.value = value
        self.status = status
        self.source = source
        self.vintage = vintage
        self.note = note
    }
}

/// A catalog entry: what a series measures and where its numbers come from.
public struct SeriesDefinition: Hashable, Sendable {
    public let id: SeriesID
    public let system: String
    public let metric: String
    public let unit: String
    /// annual, quarterly, monthly or biennial.
    public let frequency: String
    public let definition: String
    /// For derived series, the formula; empty for published figures.
    public let derivation: String
    /// Where sources disagree, which one won and why.
    public let sourceChoice: String

    public init(id: SeriesID, system: String, metric: String, unit: String, frequency: String, definition: String,
                derivation: String = "", sourceChoice: String = "") {
        self.id = id
        self.system = system
        self.metric = metric
        self.unit = unit
        self.frequency = frequency
        self.definition = definition
        self.derivation = derivation
        self.sourceChoice = sourceChoice
    }

    /// Whether values must be non-negative: every unit but percentages and money (a surplus can be negative).
    public var isCount: Bool {
        !(unit.contains("percent") || unit.contains("%") || unit.contains("CHF"))
    }
}

/// A series as listed: its definition and what the store holds for it.
public struct SeriesSummary: Sendable {
    public let definition: SeriesDefinition
    public let observationCount: Int
    public let firstPeriod: String?
    public let lastPeriod: String?
    public let latestVintage: String?
}
