/// One line of the comparison under one scenario, in the line's unit.
public struct ComparisonLine: Sendable, Equatable, Codable {
    /// The series id of the line (`pct.applications`, `madrid.fee_income`, `pct.program_expenditure`).
    public let line: String
    public let scenario: String
    public let kind: String
    public let unit: String
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
    public let series: String
    public let scenario: String
    public let unit: String
    public let year: Int
    /// The last published level and its year.
    public let anchorYear: Int
    public let anchorValue: Double
    /// The central projection (or the actual, when published).
    public let projected: Double
    public let interval95: [Double]
    public let basis: String
    public let method: String
}

/// A line that could not be projected on the date, and why.
public struct OmittedLine: Sendable, Equatable, Codable {
    public let line: String
    public let reason: String
}

/// The projection-versus-budget comparison of a biennium under a set of scenarios.
public struct BudgetComparison: Sendable, Equatable, Codable {
    /// `2020/21`.
    public let biennium: String
    /// The date the data was read as of (`nil`: everything stored).
    public let asOf: String?
    public let scenarios: [String]
    public let paths: Int
    public let seed: UInt64
    public let lines: [ComparisonLine]
    /// Unit costs at the end of the biennium: the published level moved by projected cost over projected output.
    public let unitCosts: [UnitCostProjection]
    public let omitted: [OmittedLine]
}
