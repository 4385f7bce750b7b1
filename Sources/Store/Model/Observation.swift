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
    /// The series the figure belongs to.
    public let series: SeriesID
    /// The period the figure is for; on import its frequency must match the series's.
    public let period: Period
    /// The figure, in the series's ``SeriesDefinition/unit``; finite, and ≥ 0 when ``SeriesDefinition/isCount``.
    public let value: Double
    /// How the figure came about: reported, estimate, revised or derived.
    public let status: ObservationStatus
    /// Document and table, e.g. `WO/PBC/32/2, Table 3`.
    public let source: String
    /// When the figure was published; on import, the import day when the file gives none.
    public let vintage: Vintage
    /// Free text from the file's optional `note` column; empty when none.
    public let note: String

    /// An observation as given, not validated (``Importer`` validates import files).
    public init(series: SeriesID, period: Period, value: Double, status: ObservationStatus, source: String,
                vintage: Vintage, note: String = "") {
        self.series = series
        self.period = period
        self.value = value == 0 ? 0 : value         // −0 stored as 0: SQLite and PostgreSQL would read it back differently
        self.status = status
        self.source = source
        self.vintage = vintage
        self.note = note
    }
}

/// A catalog entry: what a series measures and where its numbers come from.
public struct SeriesDefinition: Hashable, Sendable {
    /// The catalog id, e.g. `pct.applications`.
    public let id: SeriesID
    /// The system as the catalog names it, e.g. `PCT`, `Madrid`, `Hague`, `Lisbon`, `WIPO`.
    public let system: String
    /// What is measured, in words, e.g. `international applications filed`.
    public let metric: String
    /// Unit of the values, e.g. `applications`, `million CHF`, `CHF`, `percent`; decides ``isCount``.
    public let unit: String
    /// annual, quarterly, monthly or biennial.
    public let frequency: String
    /// The full definition in prose: scope, sources, and where vintages come from.
    public let definition: String
    /// For derived series, the formula; empty for published figures.
    public let derivation: String
    /// Where sources disagree, which one won and why.
    public let sourceChoice: String

    /// A catalog entry; `derivation` and `sourceChoice` default to empty.
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
        isCount = Self.countsThings(unit: unit)
    }

    /// Whether values must be non-negative: every unit but percentages and money (a surplus can be negative).
    /// Decided once from the unit, as import asks it of every row.
    public let isCount: Bool

    /// Whether a series in `unit` counts things (applications, registrations, staff), so that no value can be
    /// negative: every unit but percentages and money.
    public static func countsThings(unit: String) -> Bool {
        !(unit.contains("percent") || unit.contains("%") || unit.contains("CHF"))
    }
}

/// A series as listed: its definition and what the store holds for it.
public struct SeriesSummary: Sendable {
    /// The series's catalog entry.
    public let definition: SeriesDefinition
    /// Number of stored observations, every vintage counted; 0 when none.
    public let observationCount: Int
    /// Text of the earliest period with an observation (e.g. `2003`); `nil` when none.
    public let firstPeriod: String?
    /// Text of the latest period with an observation (e.g. `2020`); `nil` when none.
    public let lastPeriod: String?
    /// The greatest stored vintage text, compared as text (e.g. `2021-04-15`); `nil` when none.
    public let latestVintage: String?
}

extension Observation {
    /// Whether the figure was published after its period ended, so it can stand for the period's outcome; an
    /// estimate published during or before the period (a forecast, a budget figure, a mid-year count) cannot.
    public var isPublishedAfterPeriod: Bool { vintage.knownBy >= period.lastDay }

    /// How many years beyond its publication an estimate may reach.
    public static let maximumYearsAhead = 10

    /// Why a figure of `status` for `period` cannot carry `vintage`, or `nil` when it can: an outcome (`reported`,
    /// `revised`, `derived`) cannot be known before its period has ended — as-of views would show it before it
    /// could have been read. Forecasts and budget figures, published ahead, are `estimate`s and may.
    public static func publicationProblem(period: Period, status: ObservationStatus, vintage: Vintage) -> String? {
        // Even an estimate looks a few years ahead at most (a budget for the next biennium, a medium-term forecast):
        // a figure for 9999 published in 2021 is a typo, and once stored it would end every series in 9999.
        let ahead = period.lastDay.year - vintage.knownBy.year
        if ahead > maximumYearsAhead {
            return "a figure for \(period) published by \(vintage.knownBy) would look \(ahead) years ahead; estimates reach at most "
                + "\(maximumYearsAhead) years beyond their publication"
        }
        guard status != .estimate, vintage.knownBy < period.lastDay else { return nil }
        return "a \(status.rawValue) figure for \(period) cannot be known by \(vintage.knownBy), before the period ends "
            + "(\(period.lastDay)); a forecast or budget figure published ahead is an estimate"
    }
}
