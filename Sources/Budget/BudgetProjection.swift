import Foundation
import Forecasting
public import Store

/// Projects every line of a biennium to its end under each scenario and sets the totals against the budget.
///
/// Construction fits the models (the slow part, once); ``compare(paths:seed:)`` then simulates the joint
/// distribution of the biennium totals (fast, repeatable). For each line, the years of the biennium with a
/// published actual count as actuals; the others are projected by the line's rule (``ProjectionRule``):
///
/// - **model** — the line's forecast model. A path's forecast errors accumulate like a random walk with the
///   model's h-step standard deviations σₕ: eₕ = eₕ₋₁ + √(σₕ² − σₕ₋₁²)·zₕ, exact for the random walk with drift and
///   ETS(A,N,N) with α = 1, and a stated approximation otherwise;
/// - **level**, **ratio**, **income per unit**, **cost** — assumptions from the last year with data, each drawn
///   once per path with the scenario's band (one standard deviation, percent), the same draw for both years;
/// - **sum** — the sum of its lines, path by path.
///
/// A scenario's regressor path for a line's own series fixes that line in the years it gives (no draw): the value
/// the regressions on the series read is the value the line reports, so one scenario has one value of it.
///
/// Lines are simulated together: registrations projected by their ratio move with the applications of the same
/// path, fee income with the demand of the same path, subtotals with their parts. Systems are independent of each other. Every
/// scenario uses the same seed (common random numbers), so differences between scenarios are not noise.
public struct BudgetProjection: Sendable {
    enum Plan: Sendable {
        case actualOnly
        case model(firstYear: Int, mean: [Double], standardDeviation: [Double])
        case level(anchorYear: Int, value: Double)
        case ratio(driver: Int, ratio: Double)
        case sum([Int])
        case income(driver: Int, perUnit: Double, scale: Double)
        case cost(anchorYear: Int, value: Double)
    }

    struct Prepared: Sendable {
        let plan: Plan
        let basis: String
        let method: String
    }

    /// The inputs: budget figures and actuals as known on the date.
    public let data: BudgetData
    /// The scenarios projected under, in comparison order.
    public let scenarios: [Scenario]
    /// `[scenario][line]`; `nil` where the line cannot be projected on the date.
    let prepared: [[Prepared?]]
    /// Lines with a budget that cannot be projected on the date (under some scenario), with the reason.
    public let omitted: [OmittedLine]
    /// Whether each line of `data` counts things (``SeriesDefinition/countsThings(unit:)``), so its paths stop at zero.
    let countsThings: [Bool]

    /// Fits the models of the modelled lines (once per distinct set of regressor paths) and fixes the
    /// assumptions of the others.
    /// - Throws: ``BudgetError/invalidScenario(name:reason:)`` before any model is fitted when a scenario's regressor
    ///   paths name a series no model reads, or give a counted regressor a negative value.
    public init(data: BudgetData, scenarios: [Scenario], models: [SeriesID: LineModel]) throws(BudgetError) {
        self.data = data
        self.scenarios = scenarios
        // Only the models of the budget's lines read a scenario's paths.
        let lineIDs = Set(data.lines.map(\.definition.id))
        self.countsThings = data.lines.map { SeriesDefinition.countsThings(unit: $0.unit) }
        let lineModels = models.filter { lineIDs.contains($0.key) }.values
        // Every regressor some line's model reads from a scenario's paths, and the unit of those that count something.
        let modelRegressors: Set<SeriesID> = lineModels.reduce(into: []) { $0.formUnion($1.regressors) }
        let countedRegressors: [SeriesID: String] = lineModels.reduce(into: [:]) { $0.merge($1.countedRegressors) { first, _ in first } }
        for scenario in scenarios { try Self.checkRegressorPaths(scenario, read: modelRegressors, counted: countedRegressors) }
        var omitted: [String: String] = [:]
        var cache: [[SeriesID: [Int: Double]]: [Prepared?]] = [:]
        var prepared: [[Prepared?]] = []
        for scenario in scenarios {
            if let known = cache[scenario.regressorPaths] {
                prepared.append(known)
                continue
            }
            var lines: [Prepared?] = []
            for line in data.lines {
                switch Self.prepare(line, data: data, earlier: lines, models: models, regressorPaths: scenario.regressorPaths) {
                case .success(let plan): lines.append(plan)
                case .failure(let reason):
                    lines.append(nil)
                    omitted[line.definition.id.rawValue] = reason.reason
                }
            }
            cache[scenario.regressorPaths] = lines
            prepared.append(lines)
        }
        self.prepared = prepared
        self.omitted = data.lines.compactMap { line in
            guard line.budget != nil, let reason = omitted[line.definition.id.rawValue] else { return nil }
            return OmittedLine(line: line.definition.id.rawValue, reason: reason)
        }
    }

    /// Simulates `paths` joint paths per scenario (seeded, the same seed for every scenario) and returns the
    /// comparison, line by line with the scenarios side by side.
    public func compare(paths: Int, seed: UInt64 = 20_201_231) throws(BudgetError) -> BudgetComparison {
        guard paths >= 1 else { throw .invalidPaths(paths) }
        var rows: [[ComparisonLine]] = Array(repeating: [], count: data.lines.count)
        var unitRows: [[UnitCostProjection]] = Array(repeating: [], count: data.unitCosts.count)
        var unitOmitted: [String: String] = [:]
        for (s, scenario) in scenarios.enumerated() {
            let plans = prepared[s]
            let unitPlans = data.unitCosts.map { unitCostPlan($0, plans: plans) }
            for (plan, unitCost) in zip(unitPlans, data.unitCosts) {
                if case .failure(let omission) = plan { unitOmitted[unitCost.definition.id.rawValue] = omission.reason }
            }
            var totals = Array(repeating: [Double](repeating: 0, count: paths), count: data.lines.count)
            var unitDraws = Array(repeating: [Double](repeating: 0, count: paths), count: data.unitCosts.count)
            var generator = NormalGenerator(seed: seed)
            let factors = self.factors(plans, scenario: scenario)
            try check(scenario, plans: plans, factors: factors)
            var values = [Double](repeating: 0, count: data.lines.count * 2)
            for p in 0..<paths {
                evaluate(plans, scenario: scenario, factors: factors, into: &values) { generator.normal() }
                for line in data.lines.indices { totals[line][p] = values[line * 2] + values[line * 2 + 1] }
                for (u, plan) in unitPlans.enumerated() {
                    if case .success(let plan) = plan { unitDraws[u][p] = plan.value(values) }
                }
            }
            var central = [Double](repeating: 0, count: data.lines.count * 2)
            evaluate(plans, scenario: scenario, factors: factors, into: &central) { 0 }
            for (u, plan) in unitPlans.enumerated() {
                guard case .success(let plan) = plan else { continue }
                let unitCost = data.unitCosts[u]
                var sorted = unitDraws[u]
                sorted.sort()
                unitRows[u].append(UnitCostProjection(
                    series: unitCost.definition.id.rawValue, scenario: scenario.name, unit: unitCost.unit, year: data.biennium.years[1],
                    anchorYear: plan.anchorYear, anchorValue: plan.anchorValue, projected: plan.value(central),
                    interval95: [Self.quantile(sorted, 0.025), Self.quantile(sorted, 0.975)], basis: plan.basis, method: plan.method))
            }
            for (index, line) in data.lines.enumerated() {
                guard let budget = line.budget, budget != 0, let plan = plans[index] else { continue }
                let actualYears = data.biennium.years.filter { line.history[$0] != nil }
                let actual = actualYears.reduce(0) { $0 + line.history[$1]! }
                let total = central[index * 2] + central[index * 2 + 1]
                var sorted = totals[index]
                sorted.sort()
                rows[index].append(ComparisonLine(
                    line: line.definition.id.rawValue, scenario: scenario.name, kind: line.definition.kind.rawValue, unit: line.unit,
                    budget: budget, budgetSource: line.budgetSource ?? "", actualToDate: actual, actualYears: actualYears,
                    projectedTotal: total, shareOfBudget: total / budget, variance: total - budget,
                    variancePercent: 100 * (total - budget) / budget,
                    interval95: [Self.quantile(sorted, 0.025), Self.quantile(sorted, 0.975)],
                    shortfallProbability: Double(sorted.partitioningIndex { $0 >= budget }) / Double(paths),
                    basis: plan.basis, method: plan.method))
            }
        }
        let omittedUnitCosts = data.unitCosts.compactMap { unitCost in
            unitOmitted[unitCost.definition.id.rawValue].map { OmittedLine(line: unitCost.definition.id.rawValue, reason: $0) }
        }
        guard rows.contains(where: { !$0.isEmpty }) else {
            let reasons = omitted.prefix(3).map { "\($0.line): \($0.reason)" } + (omitted.count > 3 ? ["…"] : [])
            throw .nothingToProject(biennium: data.biennium.description, asOf: data.asOf?.description, reasons: reasons)
        }
        return BudgetComparison(biennium: data.biennium.description, asOf: data.asOf?.description, scenarios: scenarios.map(\.name),
                                paths: paths, seed: seed, lines: rows.flatMap { $0 }, unitCosts: unitRows.flatMap { $0 },
                                omitted: omitted + omittedUnitCosts)
    }

    /// Fewest simulated paths a comparison takes from a user: with fewer, the 2.5% and 97.5% quantiles of a
    /// 95% interval rest on a handful of paths each, and a shortfall probability moves in steps of 1/paths.
    public static let minimumPaths = 1_000

    /// ``checkRegressorPaths(_:read:counted:)`` against the regressors of `specs`, with the units from `catalog`
    /// (a regressor missing from it is not checked for sign): what `scenario check` and the service's scenario
    /// upload check before a comparison would.
    public static func checkRegressorPaths(_ scenario: Scenario, specs: [ModelSpec], catalog: [SeriesID: SeriesDefinition]) throws(BudgetError) {
        guard !scenario.regressorPaths.isEmpty else { return }
        let read = Set(specs.flatMap(\.regressors))
        try checkRegressorPaths(scenario, read: read, counted: countedUnits(of: read, in: catalog))
    }

    /// The unit of each of `ids` that counts things (``SeriesDefinition/isCount``), from `catalog`.
    static func countedUnits(of ids: some Sequence<SeriesID>, in catalog: [SeriesID: SeriesDefinition]) -> [SeriesID: String] {
        ids.reduce(into: [SeriesID: String]()) { units, id in
            if let definition = catalog[id], definition.isCount { units[id] = definition.unit }
        }
    }

    /// Refuses a scenario whose regressor paths name a series no model reads (a misspelt id would otherwise be
    /// ignored, and the comparison would silently be the base case's) or give a regressor that counts things a
    /// negative value.
    static func checkRegressorPaths(_ scenario: Scenario, read: Set<SeriesID>, counted: [SeriesID: String]) throws(BudgetError) {
        if let unread = scenario.regressorPaths.keys.filter({ !read.contains($0) }).map(\.rawValue).sorted().first {
            let names = read.map(\.rawValue).sorted()
            throw .invalidScenario(name: scenario.name, reason: "key 'regressors.\(unread)': no model specification has \(unread) among its regressors ("
                + (names.isEmpty ? "none names any" : "they name \(names.joined(separator: ", "))") + "), so its path would be ignored")
        }
        for (id, path) in scenario.regressorPaths.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            guard let unit = counted[id], let (year, value) = path.sorted(by: { $0.key < $1.key }).first(where: { $0.value < 0 }) else { continue }
            throw .invalidScenario(name: scenario.name, reason: "key 'regressors.\(id).\(year)': \(id) counts \(unit); \(Scenario.number(value)) is negative")
        }
    }

    /// Refuses a scenario whose fee changes take a line's income per unit to zero or below in a year of the biennium.
    func check(_ scenario: Scenario, plans: [Prepared?], factors f: Factors) throws(BudgetError) {
        for (index, line) in data.lines.enumerated() {
            guard case .income(_, let perUnit, let scale)? = plans[index]?.plan else { continue }
            for (k, year) in data.biennium.years.enumerated() where f.actual[index * 2 + k].isNaN {
                let chf = perUnit * scale * f.fee[index * 2 + k] + f.chf[index * 2 + k]
                guard chf <= 0 else { continue }
                throw .invalidScenario(name: scenario.name, reason: "key 'fees': the fee change for \(line.definition.system) takes income per unit "
                    + "from \(String(format: "%.2f", perUnit * scale)) CHF to \(String(format: "%.2f", chf)) CHF in \(year); it must stay above 0")
            }
        }
    }
}
