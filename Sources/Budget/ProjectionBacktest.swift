public import Store

/// One past biennium of one line, projected as it would have been mid-way and set against what happened.
public struct ProjectionBacktestRow: Sendable, Equatable, Codable {
    /// The line's series id.
    public let line: String
    /// The biennium, e.g. `2018/19`.
    public let biennium: String
    /// The day the projection stands on: 30 June of the biennium's second year.
    public let asOf: String
    /// The biennium's years published by then (actuals in the projection).
    public let actualYears: [Int]
    /// The projected biennium total (actuals plus central projection), in the series' unit.
    public let projected: Double
    /// The biennium total from the latest data.
    public let outcome: Double
    /// `100 · (projected − outcome) / outcome`.
    public let errorPercent: Double
    /// The 2.5% and 97.5% quantiles of the simulated biennium totals.
    public let interval95: [Double]
    /// Whether `outcome` lies inside `interval95` (bounds included).
    public let covered: Bool
    /// The projection with the naive model (last value carried forward), for reference.
    public let naiveProjected: Double
    /// `100 · (naiveProjected − outcome) / outcome`.
    public let naiveErrorPercent: Double
    /// How the remaining years were projected, in words (model and history, or the fallback assumption).
    public let method: String
}

/// The projection method on past bienniums: standing on 30 June of each biennium's second year, with only
/// the data published by then (the store's vintages), each modelled line is projected to the biennium's end
/// by its model as `compare` projects it (same models, same simulation), and set against the total the latest
/// data show. A line whose record on the day is too short for its model carries its last level, where `compare`
/// would apply the line's own assumption (a ratio to applications, say). The naive projection (last published value for every remaining year) runs beside it.
public enum ProjectionBacktest {
    /// `models(day)` gives the line models with what was known on `day` (regressors included).
    public static func run(store: any SeriesStore, lines: [SeriesID], bienniums: [Biennium],
                           models: (CalendarDay) async throws -> [SeriesID: LineModel],
                           naive: LineModel, paths: Int = 4000, seed: UInt64 = 20_201_231) async throws -> [ProjectionBacktestRow] {
        let catalog = try await store.catalog()
        var rows: [ProjectionBacktestRow] = []
        var modelsOn: [CalendarDay: [SeriesID: LineModel]] = [:]      // the same day's models serve every line
        for id in lines {
            guard let series = catalog[id] else { throw BudgetError.missingData(line: id.rawValue, reason: "not in the store's catalog") }
            let latest = try await BudgetData.actuals(of: id, in: store, asOf: nil)
            for biennium in bienniums {
                guard let first = latest[biennium.years[0]], let second = latest[biennium.years[1]] else { continue }
                let outcome = first + second
                let day = CalendarDay(year: biennium.years[1], month: 6, day: 30)
                let history = try await BudgetData.actuals(of: id, in: store, asOf: day, through: biennium.years[1])
                let definition = BudgetLineDefinition(id: id, kind: .demand, budgetSeries: id, rule: .model)
                let data = BudgetData(biennium: biennium, asOf: day, lines: [
                    LineData(definition: definition, unit: series.unit, budget: outcome, budgetSource: "outcome", history: history)])
                let scenario = [Scenario(name: "base")]
                let known: [SeriesID: LineModel]
                if let cached = modelsOn[day] { known = cached } else {
                    known = try await models(day)
                    modelsOn[day] = known
                }
                guard let projected = try projectedLine(data, scenario, known, paths: paths, seed: seed),
                      let reference = try projectedLine(data, scenario, [id: naive], paths: paths, seed: seed)
                else { continue }
                rows.append(ProjectionBacktestRow(
                    line: id.rawValue, biennium: biennium.description, asOf: day.description, actualYears: projected.actualYears,
                    projected: projected.projectedTotal, outcome: outcome, errorPercent: 100 * (projected.projectedTotal - outcome) / outcome,
                    interval95: projected.interval95, covered: projected.interval95[0] <= outcome && outcome <= projected.interval95[1],
                    naiveProjected: reference.projectedTotal, naiveErrorPercent: 100 * (reference.projectedTotal - outcome) / outcome,
                    method: projected.method))
            }
        }
        return rows
    }

    /// The line of a one-line projection, or `nil` when nothing could be projected on the day (the line had no
    /// figure published yet): that biennium is skipped, as one without an outcome is.
    static func projectedLine(_ data: BudgetData, _ scenarios: [Scenario], _ models: [SeriesID: LineModel],
                              paths: Int, seed: UInt64) throws -> ComparisonLine? {
        do {
            return try BudgetProjection(data: data, scenarios: scenarios, models: models).compare(paths: paths, seed: seed).lines.first
        } catch .nothingToProject {
            return nil
        }
    }

}
