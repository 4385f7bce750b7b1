/// One line of the comparison under one scenario, in the line's unit.
public struct ComparisonLine: Sendable, Equatable, Codable {
    /// The series id of the line (`pct.applications`, `madrid.fee_income`, `pct.program_expenditure`).
    public let line: String
    /// The scenario's name (`base`, `low`, `high`, or a stored or file scenario's name).
    public let scenario: String
    /// What the line measures: `demand`, `fee-income` or `expenditure` (``LineKind`` raw values).
    public let kind: String
    /// The line series' unit from the catalog (e.g. `applications`, `million CHF`); every figure of the row is in it.
    public let unit: String
    /// The biennium's budget figure, in `unit`; never 0 (a zero budget leaves the line out of the comparison).
    public let budget: Double
    /// Where the budget figure was published.
    public let budgetSource: String
    /// The sum of the actuals of the biennium's years published by the date.
    public let actualToDate: Double
    /// The biennium's years the actuals cover.
    public let actualYears: [Int]
    /// Actuals plus the central projection (no draw: the models' means and the scenario's assumptions).
    public let projectedTotal: Double
    /// `projectedTotal / budget`.
    public let shareOfBudget: Double
    /// `projectedTotal − budget`.
    public let variance: Double
    /// `100 · variance / budget`.
    public let variancePercent: Double
    /// The 2.5% and 97.5% quantiles of the simulated biennium totals.
    public let interval95: [Double]
    /// The share of simulated biennium totals below the budget.
    public let shortfallProbability: Double
    /// `actual` (every year published), `model` (a fitted model projects the rest) or `assumption` (a stated
    /// assumption does).
    public let basis: String
    /// How the remaining years were projected, in words.
    public let method: String
}

/// A unit cost projected to the last year of the biennium under one scenario.
public struct UnitCostProjection: Sendable, Equatable, Codable {
    /// The unit cost series' id (`pct.unit_cost.per_publication`, `madrid.unit_cost.per_registration`, …).
    public let series: String
    /// The scenario's name.
    public let scenario: String
    /// The unit cost series' unit from the catalog; `anchorValue`, `projected` and `interval95` are in it.
    public let unit: String
    /// The year projected to: the biennium's second (last) year.
    public let year: Int
    /// The last published level and its year.
    public let anchorYear: Int
    /// The unit cost published for `anchorYear`, in `unit`: the level u₀ that the projection moves.
    public let anchorValue: Double
    /// The central projection (or the actual, when published).
    public let projected: Double
    /// The 2.5% and 97.5% quantiles of the simulated unit costs in `year`.
    public let interval95: [Double]
    /// `actual` (published for `year`), `model`, or `assumption` (when the cost or output line rests on one).
    public let basis: String
    /// How the unit cost was projected, in words (the anchor level times projected cost over projected output).
    public let method: String
}

/// A line that could not be projected on the date, and why.
public struct OmittedLine: Sendable, Equatable, Codable {
    /// The series id of the budget line or unit cost left out.
    public let line: String
    /// Why it could not be projected, in words (e.g. `its driver pct.applications cannot be projected`).
    public let reason: String
}

/// The projection-versus-budget comparison of a biennium under a set of scenarios.
public struct BudgetComparison: Sendable, Equatable, Codable {
    /// `2020/21`.
    public let biennium: String
    /// The date the data was read as of (`nil`: everything stored).
    public let asOf: String?
    /// The names of the scenarios compared, in the order given.
    public let scenarios: [String]
    /// Simulated joint paths per scenario (≥ 1).
    public let paths: Int
    /// The random seed, the same for every scenario (common random numbers); 20201231 by default.
    public let seed: UInt64
    /// The comparison rows, in layout order, each line's scenarios side by side in `scenarios` order.
    public let lines: [ComparisonLine]
    /// Unit costs at the end of the biennium: the published level moved by projected cost over projected output.
    public let unitCosts: [UnitCostProjection]
    /// Budget lines and unit costs that could not be projected on the date, with the reason.
    public let omitted: [OmittedLine]
}
