import Foundation
import Synchronization
import Testing
@testable import Budget
import Forecasting
import Store

/// The budget simulation against closed forms worked by hand, on a small made-up budget whose figures make the
/// arithmetic plain: each assumption rule's central value, the normal bands' intervals and shortfall
/// probabilities, and a model line's error accumulated over two years.
@Suite("Budget projection: closed forms") struct ProjectionClosedFormTests {
    static let paths = 40_000
    /// The standard normal's 0.975 quantile.
    static let z975 = 1.959963984540054

    static func line(_ id: String, _ kind: LineKind, _ rule: ProjectionRule, unit: String, budget: Double, history: [Int: Double]) -> LineData {
        let series = SeriesID(id)!
        return LineData(definition: BudgetLineDefinition(id: series, kind: kind, budgetSeries: series, rule: rule),
                        unit: unit, budget: budget, budgetSource: "made up", history: history)
    }

    /// 2019 known, 2020 and 2021 projected: PCT demand on its last level (200,000), a ratio line of 50,000 (0.25 of
    /// demand), fee income of 260 million CHF (1,300 CHF per application), expenditure of 100 million CHF, and Madrid
    /// demand by drift on ten years.
    static let data = BudgetData(biennium: Biennium(firstYear: 2020), asOf: nil, lines: [
        line("pct.applications", .demand, .level, unit: "applications", budget: 405_600, history: [2019: 200_000]),
        line("pct.registrations", .demand, .ratio(to: SeriesID("pct.applications")!), unit: "registrations", budget: 100_000,
             history: [2019: 50_000]),
        line("pct.fee_income", .feeIncome, .incomePerUnit(driver: SeriesID("pct.applications")!), unit: "million CHF", budget: 500,
             history: [2019: 260]),
        line("pct.program_expenditure", .expenditure, .cost, unit: "million CHF", budget: 200, history: [2019: 100]),
        line("madrid.applications", .demand, .model, unit: "applications", budget: 130_000,
             history: Dictionary(uniqueKeysWithValues: zip(2010...2019, [50_000.0, 52_000, 55_000, 54_000, 57_000, 60_000, 59_000, 62_000, 64_000, 63_000]))),
    ])
    static let models = [SeriesID("madrid.applications")!: LineModel(label: "drift", model: BenchmarkModel(.drift))]

    static func comparison(_ yaml: String) throws -> BudgetComparison {
        let scenario = try ScenarioFile.parse(yaml, name: "s", file: "s.yaml")
        return try BudgetProjection(data: data, scenarios: [scenario], models: models).compare(paths: paths, seed: 11)
    }

    static let bands = "bands: {level: 4, ratio: 3, income-per-unit: 2, cost: 5}\n"

    @Test("central values: demand shock, ratio, fee change in percent with the exchange rate, cost growth")
    func centralValues() throws {
        let result = try Self.comparison(Self.bands + """
        demand: [{system: pct, from: 2021, percent: -5}]
        fees: [{system: pct, from: 2021-01-01, percent: 10}]
        exchange-rate-factor: 0.98
        cost-growth-percent: 2
        """)
        func total(_ id: String) -> Double { result.lines.first { $0.line == id }!.projectedTotal }
        // Demand: 200,000 in 2020, 190,000 in 2021 (−5%).
        #expect(abs(total("pct.applications") - 390_000) < 1e-6)
        // Ratio 50,000 / 200,000 = 0.25 of demand each year.
        #expect(abs(total("pct.registrations") - 97_500) < 1e-6)
        // 1,300 CHF × 200,000 × 0.98 = 254.8 million; 1,300 × 1.10 × 190,000 × 0.98 = 266.266 million.
        #expect(abs(total("pct.fee_income") - (254.8 + 266.266)) < 1e-9)
        // 100 × 1.02 = 102, 100 × 1.02² = 104.04.
        #expect(abs(total("pct.program_expenditure") - 206.04) < 1e-9)
    }

    @Test("a fee change in CHF per unit applies pro rata by day and in CHF, not in the line's millions")
    func feeInCHF() throws {
        let result = try Self.comparison("fees: [{system: pct, from: 2021-07-01, chf-per-unit: 100}]\n")
        // 2020: 260. 2021: (1,300 + 100 × 184/365) CHF × 200,000 = 260 + 0.02 × 184/365 × 1,000 million CHF.
        let income = result.lines.first { $0.line == "pct.fee_income" }!.projectedTotal
        #expect(abs(income - (520 + 100 * 184.0 / 365 * 200_000 / 1e6)) < 1e-9, "\(income)")
    }

    @Test("a band's interval and shortfall probability are those of the normal it draws (level and cost lines)")
    func bands() throws {
        let result = try Self.comparison(Self.bands + "cost-growth-percent: 2\n")
        // Demand: 400,000 × (1 + 0.04 Z), both years moved by the same draw.
        let demand = result.lines.first { $0.line == "pct.applications" }!
        let sd = 400_000 * 0.04
        #expect(abs(demand.interval95[0] - (400_000 - Self.z975 * sd)) < 0.05 * sd, "\(demand.interval95)")
        #expect(abs(demand.interval95[1] - (400_000 + Self.z975 * sd)) < 0.05 * sd, "\(demand.interval95)")
        // Budget 405,600 lies 0.35 band above 400,000: P(total < budget) = Φ(0.35); the simulation's standard error
        // is √(p(1 − p)/N) ≈ 0.0024, so 0.01 is four of them.
        let p = 0.6368306511756191   // Φ(0.35), scipy.stats.norm.cdf
        #expect(abs(demand.shortfallProbability - p) < 0.01, "\(demand.shortfallProbability)")
        // Expenditure: 206.04 × (1 + 0.05 Z); budget 200 lies (200 − 206.04)/(0.05 · 206.04) band below.
        let cost = result.lines.first { $0.line == "pct.program_expenditure" }!
        let costSD = 206.04 * 0.05
        #expect(abs(cost.interval95[0] - (206.04 - Self.z975 * costSD)) < 0.05 * costSD)
        #expect(abs(cost.interval95[1] - (206.04 + Self.z975 * costSD)) < 0.05 * costSD)
        let below = 0.27883900687868296     // Φ((200 − 206.04)/(0.05 · 206.04)) = Φ(−0.5863), scipy.stats.norm.cdf
        #expect(abs(cost.shortfallProbability - below) < 0.01, "\(cost.shortfallProbability)")
    }

    @Test("a scenario's regressor paths are refused before any model is fitted")
    func refusedBeforeFitting() {
        let fits = Mutex(0)
        let regressor = SeriesID("pct.applications")!
        let recording = LineModel(label: "recording", regressors: [regressor], countedRegressors: [regressor: "applications"]) { history, horizon, _ in
            fits.withLock { $0 += 1 }
            return try BenchmarkModel(.drift).forecast(history, horizon: horizon, levels: [])
        }
        let negative = Scenario(name: "negative", regressorPaths: [regressor: [2021: -1]])
        #expect(throws: BudgetError.self) {
            _ = try BudgetProjection(data: Self.data, scenarios: [negative], models: [SeriesID("madrid.applications")!: recording])
        }
        #expect(fits.withLock { $0 } == 0)
        // The same model with an admissible path is fitted (so the count above could have moved).
        let fine = Scenario(name: "fine", regressorPaths: [regressor: [2021: 1]])
        #expect(throws: Never.self) {
            _ = try BudgetProjection(data: Self.data, scenarios: [fine], models: [SeriesID("madrid.applications")!: recording])
        }
        #expect(fits.withLock { $0 } > 0)
    }

    @Test("a model line two years ahead: the two years' errors are those of one path, so the total's variance is 3σ₁² + σ₂²")
    func twoYearsOfModelError() throws {
        let result = try Self.comparison("")
        let history = Self.data.line(SeriesID("madrid.applications")!)!.history
        let forecast = try BenchmarkModel(.drift).forecast(TimeSeries(start: 2010, values: (2010...2019).map { history[$0] }),
                                                          horizon: 2, levels: [])
        // e₁ = σ₁Z₁, e₂ = σ₁Z₁ + √(σ₂² − σ₁²)Z₂, so e₁ + e₂ = 2σ₁Z₁ + √(σ₂² − σ₁²)Z₂ with variance 3σ₁² + σ₂².
        let s1 = forecast.standardDeviation[0], s2 = forecast.standardDeviation[1]
        let sd = (3 * s1 * s1 + s2 * s2).squareRoot()
        let centre = forecast.mean[0] + forecast.mean[1]
        let row = result.lines.first { $0.line == "madrid.applications" }!
        #expect(abs(row.projectedTotal - centre) < 1e-6)
        #expect(abs(row.interval95[0] - (centre - Self.z975 * sd)) < 0.05 * sd, "\(row.interval95) vs ±\(Self.z975 * sd)")
        #expect(abs(row.interval95[1] - (centre + Self.z975 * sd)) < 0.05 * sd, "\(row.interval95) vs ±\(Self.z975 * sd)")
        // Had the years been drawn independently, the interval would be ±1.96√(σ₁² + σ₂²): narrower by a margin
        // the tolerance above cannot hide.
        try #require(Self.z975 * (sd - (s1 * s1 + s2 * s2).squareRoot()) > 0.2 * sd, "a precondition of this test's power, not a check of the code")
    }
}
