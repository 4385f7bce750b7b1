public import Store

/// A set of assumptions under which a biennium is projected: demand shocks, regressor paths, fee changes,
/// cost growth, an exchange-rate factor and the uncertainty bands of the lines that rest on assumptions.
/// Scenarios are written as YAML (``ScenarioFile``); `base`, `low` and `high` ship in Models/scenarios/.
public struct Scenario: Sendable, Equatable {
    /// A percentage change of a system's demand from a year on (applied to its modelled and level lines;
    /// ratio lines, subtotals and fee income follow).
    public struct DemandShock: Sendable, Equatable {
        /// The system shocked, lower case (`pct`, `madrid` or `hague` in scenario files).
        public let system: String
        /// The first year the shock applies; it stays in force for every later year.
        public let fromYear: Int
        /// The change in percent (−99.9 to 1000 in scenario files): demand is multiplied by `1 + percent/100`.
        public let percent: Double
    }

    /// A change of the fee income per unit of a system between two days (both inclusive; open-ended without
    /// `until`), as a percentage or as CHF per unit. A year partly covered gets the change pro rata by day.
    public struct FeeChange: Sendable, Equatable {
        /// The system whose fees change, lower case (`pct`, `madrid` or `hague` in scenario files).
        public let system: String
        /// The first day of the change (inclusive; a bare year in a file means its 1 January).
        public let from: CalendarDay
        /// The last day of the change (inclusive); `nil` when open-ended.
        public let until: CalendarDay?
        /// Change of income per unit in percent (−99.9 to 1000 in files; 0 when only `chfPerUnit` is given).
        public let percent: Double
        /// CHF added to the income per unit (−10⁶ to 10⁶ in files; 0 when only `percent` is given).
        public let chfPerUnit: Double
    }

    /// One standard deviation, in percent, of the lines resting on assumptions (item 2 of the method).
    public struct Bands: Sendable, Equatable {
        /// Band of the income per unit of fee-income lines, percent (0–100 in files; default 3).
        public var incomePerUnit = 3.0
        /// Band of the ratio of a line to its driver, percent (0–100 in files; default 3).
        public var ratio = 3.0
        /// Band of lines resting on their last observed level, percent (0–100 in files; default 5).
        public var level = 5.0
        /// Band of program expenditure, percent (0–100 in files; default 3).
        public var cost = 3.0

        /// The default bands: income per unit ±3%, ratios ±3%, levels ±5%, expenditure ±3%.
        public init() {}
    }

    /// The scenario's name: its file name without `.yaml`, or its stored name.
    public let name: String
    /// Free text from the YAML's `description` key; empty when none.
    public let description: String
    /// Demand shocks; the factor of a system in a year is the product over the shocks in force.
    public let demandShocks: [DemandShock]
    /// Future values of regressors named in model specifications, by series and year.
    public let regressorPaths: [SeriesID: [Int: Double]]
    /// Fee changes, in file order (``ScenarioFile`` rejects overlapping periods of one system).
    public let feeChanges: [FeeChange]
    /// Growth of program expenditure per year, percent.
    public let costGrowthPercent: Double
    /// Multiplies fee income (CHF value of fees set or paid in other currencies); 1 leaves it unchanged.
    public let exchangeRateFactor: Double
    /// The factors a scenario file may give: fee income halved to doubled by exchange rates over a biennium is
    /// beyond any movement of the Swiss franc on record, and a value such as 98 is a percentage typed as a factor.
    public static let exchangeRateFactorRange = 0.5...2.0
    /// One standard deviation of each assumption-based line, percent.
    public let bands: Bands

    /// A scenario; every assumption defaults to neutral (no shock, fees and exchange rates unchanged, flat costs).
    public init(name: String, description: String = "", demandShocks: [DemandShock] = [], regressorPaths: [SeriesID: [Int: Double]] = [:],
                feeChanges: [FeeChange] = [], costGrowthPercent: Double = 0, exchangeRateFactor: Double = 1, bands: Bands = Bands()) {
        self.name = name
        self.description = description
        self.demandShocks = demandShocks
        self.regressorPaths = regressorPaths
        self.feeChanges = feeChanges
        self.costGrowthPercent = costGrowthPercent
        self.exchangeRateFactor = exchangeRateFactor
        self.bands = bands
    }

    /// The factor on a system's demand in `year`: the product of `1 + percent/100` over the shocks in force.
    public func demandFactor(system: String, year: Int) -> Double {
        demandShocks.filter { $0.system == system && year >= $0.fromYear }.reduce(1) { $0 * (1 + $1.percent / 100) }
    }

    /// The fee changes of a system in `year`: the multiplicative factor on income per unit and the CHF per unit
    /// added, each weighted by the share of the year's days the change covers.
    public func feeAdjustment(system: String, year: Int) -> (factor: Double, chfPerUnit: Double) {
        var factor = 1.0, chf = 0.0
        let first = CalendarDay(year: year, month: 1, day: 1), last = CalendarDay(year: year, month: 12, day: 31)
        for change in feeChanges where change.system == system {
            let start = max(change.from, first), end = min(change.until ?? last, last)
            guard start <= end else { continue }
            let share = Double(end.daysSinceEpoch - start.daysSinceEpoch + 1) / Double(last.daysSinceEpoch - first.daysSinceEpoch + 1)
            factor += share * change.percent / 100
            chf += share * change.chfPerUnit
        }
        return (factor, chf)
    }

    /// The scenario in words, for `biennium scenario show`.
    public var explanation: String {
        var lines = ["Scenario '\(name)'" + (description.isEmpty ? "" : ": \(description)")]
        if demandShocks.isEmpty { lines.append("- Demand: as the models and the last observed levels project it, no shock.") }
        for shock in demandShocks {
            lines.append("- Demand: \(shock.system) \(Self.signed(shock.percent))% from \(shock.fromYear) on, against the projection.")
        }
        for (series, path) in regressorPaths.sorted(by: { $0.key < $1.key }) {
            let values = path.sorted { $0.key < $1.key }.map { "\($0.key): \(Self.number($0.value))" }.joined(separator: ", ")
            lines.append("- Regressor \(series) follows \(values).")
        }
        if feeChanges.isEmpty { lines.append("- Fees: unchanged.") }
        for change in feeChanges {
            var parts: [String] = []
            if change.percent != 0 { parts.append("\(Self.signed(change.percent))% per unit") }
            if change.chfPerUnit != 0 { parts.append("\(Self.signed(change.chfPerUnit)) CHF per unit") }
            let period = "from \(change.from)" + (change.until.map { " until \($0)" } ?? " on")
            lines.append("- Fees: \(change.system) \(parts.joined(separator: " and ")) \(period), pro rata by day.")
        }
        lines.append("- Program expenditure grows \(Self.signed(costGrowthPercent))% a year from its last actual.")
        lines.append(exchangeRateFactor == 1 ? "- Exchange rates: fee income unchanged (factor 1)."
                     : "- Exchange rates: fee income × \(Self.number(exchangeRateFactor)).")
        lines.append("- Uncertainty of the lines resting on assumptions (one standard deviation): income per unit ±\(Self.number(bands.incomePerUnit))%, "
                     + "ratios to a driver ±\(Self.number(bands.ratio))%, last observed levels ±\(Self.number(bands.level))%, expenditure ±\(Self.number(bands.cost))%.")
        return lines.joined(separator: "\n")
    }

    static func number(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x) }
    static func signed(_ x: Double) -> String { (x >= 0 ? "+" : "") + number(x) }
}
