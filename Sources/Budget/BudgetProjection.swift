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
/// Lines are simulated together: registrations move with the applications of the same path, fee income with
/// the demand of the same path, subtotals with their parts. Systems are independent of each other. Every
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
    /// Every regressor some line's model reads from a scenario's paths.
    let modelRegressors: Set<SeriesID>
    /// The unit of each of those regressors that counts something.
    let countedRegressors: [SeriesID: String]
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
        self.modelRegressors = lineModels.reduce(into: []) { $0.formUnion($1.regressors) }
        self.countedRegressors = lineModels.reduce(into: [:]) { $0.merge($1.countedRegressors) { first, _ in first } }
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

    struct Omission: Error { let reason: String }

    static func prepare(_ line: LineData, data: BudgetData, earlier: [Prepared?], models: [SeriesID: LineModel],
                        regressorPaths: [SeriesID: [Int: Double]]) -> Result<Prepared, Omission> {
        let years = data.biennium.years
        let history = line.history
        if years.allSatisfy({ history[$0] != nil }) {
            return .success(Prepared(plan: .actualOnly, basis: "actual", method: "actuals for \(years.map(String.init).joined(separator: " and "))"))
        }
        func stale(_ year: Int) -> String {
            year < years[0] - 1 ? "; \(years[0] - year) years before the biennium: stale" : ""
        }
        func index(_ id: SeriesID) -> Int? { data.lines.firstIndex { $0.definition.id == id } }
        func level(_ why: String) -> Result<Prepared, Omission> {
            guard let anchor = history.keys.max() else { return .failure(Omission(reason: "no actual is known on the date")) }
            return .success(Prepared(plan: .level(anchorYear: anchor, value: history[anchor]!), basis: "assumption",
                                     method: "\(why)last observed level (\(anchor): \(Self.format(history[anchor]!))\(stale(anchor))), with the scenario's level band"))
        }
        func anchor(with driver: LineData) -> Int? {
            history.keys.filter { driver.history[$0] != nil && driver.history[$0]! != 0 }.max()
        }
        var rule = line.definition.rule
        if models[line.definition.id] != nil, history.count >= LineModel.minimumHistory, rule == .level || {
            if case .ratio = rule { return true } else { return false } }() {
            rule = .model    // a specification and enough history: the model replaces the assumption
        }
        switch rule {
        case .model:
            guard let model = models[line.definition.id] else { return level("no model specification; ") }
            guard history.count >= LineModel.minimumHistory, let first = history.keys.min(), let last = history.keys.max() else {
                return level("\(history.count) annual observations, fewer than the \(LineModel.minimumHistory) a model needs; ")
            }
            let series = TimeSeries(start: first, values: (first...last).map { history[$0] })
            let horizon = years[years.count - 1] - last
            guard horizon >= 1 else { return level("") }
            do {
                let forecast = try model.forecast(series, horizon, regressorPaths)
                return .success(Prepared(plan: .model(firstYear: last + 1, mean: forecast.mean, standardDeviation: forecast.errorStandardDeviation),
                                         basis: "model", method: "\(model.label): \(forecast.model) on \(history.count) years to \(last)"))
            } catch {
                return level("the model failed (\(error)); ")
            }
        case .level:
            return level("")
        case .ratio(let driverID):
            guard let driverIndex = index(driverID), earlier.indices.contains(driverIndex), earlier[driverIndex] != nil else {
                return .failure(Omission(reason: "its driver \(driverID) cannot be projected"))
            }
            let driver = data.lines[driverIndex]
            guard let year = anchor(with: driver) else { return level("no year with both it and \(driverID); ") }
            let ratio = history[year]! / driver.history[year]!
            return .success(Prepared(plan: .ratio(driver: driverIndex, ratio: ratio), basis: "assumption",
                                     method: "last observed ratio to \(driverID) (\(year): \(Self.format(ratio, digits: 4))\(stale(year))) times its projection, with the scenario's ratio band"))
        case .sum(let parts):
            let indices = parts.compactMap(index)
            guard indices.count == parts.count, indices.allSatisfy({ earlier.indices.contains($0) && earlier[$0] != nil }) else {
                return .failure(Omission(reason: "a part of the subtotal cannot be projected"))
            }
            let basis = indices.contains { earlier[$0]!.basis == "assumption" } ? "assumption" : "model"
            return .success(Prepared(plan: .sum(indices), basis: basis,
                                     method: "sum of \(parts.map(\.rawValue).joined(separator: " and "))"))
        case .incomePerUnit(let driverID):
            guard let driverIndex = index(driverID), earlier.indices.contains(driverIndex), earlier[driverIndex] != nil else {
                return .failure(Omission(reason: "its driver \(driverID) cannot be projected"))
            }
            let driver = data.lines[driverIndex]
            guard let year = anchor(with: driver) else {
                return .failure(Omission(reason: "no year on the date with both its actual and \(driverID)'s: income per unit is unknown"))
            }
            let scale = Self.chfPerUnitScale(line.unit)
            let perUnit = history[year]! / driver.history[year]!
            return .success(Prepared(plan: .income(driver: driverIndex, perUnit: perUnit, scale: scale), basis: "assumption",
                                     method: "last observed income per unit of \(driverID) (\(year): \(Self.format(perUnit * scale, digits: 1)) CHF) times its projection, "
                                        + "with the scenario's fee changes, exchange-rate factor and income-per-unit band"))
        case .cost:
            guard let anchor = history.keys.max() else { return .failure(Omission(reason: "no expenditure is known on the date")) }
            return .success(Prepared(plan: .cost(anchorYear: anchor, value: history[anchor]!), basis: "assumption",
                                     method: "last expenditure (\(anchor): \(Self.format(history[anchor]!))) grown at the scenario's cost growth, with its cost band"))
        }
    }

    /// CHF in one unit of a money unit (`million CHF` → 10⁶).
    static func chfPerUnitScale(_ unit: String) -> Double {
        unit.hasPrefix("million") ? 1e6 : unit.hasPrefix("thousand") ? 1e3 : 1
    }

    static func format(_ x: Double, digits: Int = 1) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(format: "%.\(digits)f", x)
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

    /// How a unit cost is carried to the biennium's last year: its last published level `u₀` (year 0), the cost
    /// and output lines' actuals that year, and their values in the last year of each path.
    struct UnitCostPlan {
        let anchorYear: Int
        let anchorValue: Double
        let actual: Double?
        let cost: (index: Int, anchor: Double)
        let output: (index: Int, anchor: Double)
        let basis: String
        let method: String

        /// `u₀ · (C / C₀) / (Q / Q₀)` with C and Q the cost and output of the biennium's last year in `values`.
        func value(_ values: [Double]) -> Double {
            if let actual { return actual }
            return anchorValue * (values[cost.index * 2 + 1] / cost.anchor) / (values[output.index * 2 + 1] / output.anchor)
        }
    }

    func unitCostPlan(_ unitCost: (definition: UnitCostDefinition, unit: String, history: [Int: Double]),
                      plans: [Prepared?]) -> Result<UnitCostPlan, Omission> {
        let definition = unitCost.definition
        let last = data.biennium.years[1]
        guard let costIndex = data.lines.firstIndex(where: { $0.definition.id == definition.cost }),
              let outputIndex = data.lines.firstIndex(where: { $0.definition.id == definition.output }),
              let costPlan = plans[costIndex], let outputPlan = plans[outputIndex] else {
            return .failure(Omission(reason: "its cost line \(definition.cost) or output line \(definition.output) cannot be projected"))
        }
        let costHistory = data.lines[costIndex].history, outputHistory = data.lines[outputIndex].history
        guard let anchor = unitCost.history.keys.filter({ costHistory[$0] != nil && (outputHistory[$0] ?? 0) != 0 && $0 <= last }).max() else {
            return .failure(Omission(reason: "no year on the date with the unit cost, \(definition.cost) and \(definition.output) all published"))
        }
        let basis = unitCost.history[last] != nil ? "actual" : ([costPlan.basis, outputPlan.basis].contains("assumption") ? "assumption" : "model")
        return .success(UnitCostPlan(
            anchorYear: anchor, anchorValue: unitCost.history[anchor]!, actual: unitCost.history[last],
            cost: (costIndex, costHistory[anchor]!), output: (outputIndex, outputHistory[anchor]!), basis: basis,
            method: "published \(anchor) level \(Self.format(unitCost.history[anchor]!)) × projected \(definition.cost) / \(anchor) actual "
                + "÷ projected \(definition.output) / \(anchor) actual"))
    }

    /// The scenario's factors for each line and year of the biennium, computed once per scenario.
    struct Factors {
        /// `[line · 2 + k]`: demand shock factor, fee factor and CHF per unit of the line's system in year k.
        var demand: [Double], fee: [Double], chf: [Double]
        /// `[line · 2 + k]`: the cost growth factor from the anchor year.
        var growth: [Double]
        /// `[line · 2 + k]`: the published actual, NaN where none.
        var actual: [Double] = []
    }

    func factors(_ plans: [Prepared?], scenario: Scenario) -> Factors {
        let years = data.biennium.years
        var f = Factors(demand: [], fee: [], chf: [], growth: [])
        for (index, line) in data.lines.enumerated() {
            for year in years {
                let system = line.definition.system
                let fees = scenario.feeAdjustment(system: system, year: year)
                f.demand.append(scenario.demandFactor(system: system, year: year))
                f.fee.append(fees.factor)
                f.chf.append(fees.chfPerUnit)
                f.actual.append(line.history[year] ?? .nan)
                if case .cost(let anchor, _)? = plans[index]?.plan {
                    f.growth.append(pow(1 + scenario.costGrowthPercent / 100, Double(year - anchor)))
                } else {
                    f.growth.append(1)
                }
            }
        }
        return f
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

    /// One path: the value of every line in each year of the biennium (actuals where published), written to
    /// `values[line · 2 + k]`. `draw` gives the standard normal draws (0 for the central projection).
    func evaluate(_ plans: [Prepared?], scenario: Scenario, factors f: Factors, into values: inout [Double], draw: () -> Double) {
        let years = data.biennium.years
        let bands = scenario.bands
        for index in data.lines.indices {
            guard let plan = plans[index]?.plan else { continue }
            let base = index * 2
            switch plan {
            case .actualOnly:
                break
            case .model(let first, let mean, let sd):
                var error = 0.0, previous = 0.0
                for h in mean.indices {
                    error += (max(sd[h] * sd[h] - previous * previous, 0)).squareRoot() * draw()
                    previous = sd[h]
                    if let k = years.firstIndex(of: first + h) { values[base + k] = (mean[h] + error) * f.demand[base + k] }
                }
            case .level(_, let value):
                let shock = 1 + bands.level / 100 * draw()
                for k in 0..<2 { values[base + k] = value * shock * f.demand[base + k] }
            case .ratio(let driver, let ratio):
                let shock = 1 + bands.ratio / 100 * draw()
                for k in 0..<2 { values[base + k] = ratio * shock * values[driver * 2 + k] }
            case .sum(let parts):
                for k in 0..<2 { values[base + k] = parts.reduce(0) { $0 + values[$1 * 2 + k] } }
            case .income(let driver, let perUnit, let scale):
                let shock = 1 + bands.incomePerUnit / 100 * draw()
                for k in 0..<2 {
                    values[base + k] = (perUnit * shock * f.fee[base + k] + f.chf[base + k] / scale) * values[driver * 2 + k] * scenario.exchangeRateFactor
                }
            case .cost(_, let value):
                let shock = 1 + bands.cost / 100 * draw()
                for k in 0..<2 { values[base + k] = value * f.growth[base + k] * shock }
            }
            // A line that counts things cannot go below zero; a draw that takes it there is cut at zero, and the
            // lines that depend on it (ratios, income) see the cut value.
            if countsThings[index] { for k in 0..<2 where values[base + k] < 0 { values[base + k] = 0 } }      // NaN stays NaN
            for k in 0..<2 where !f.actual[base + k].isNaN { values[base + k] = f.actual[base + k] }
        }
    }

    /// The `p`-quantile of sorted values, linearly interpolated (Hyndman & Fan type 7).
    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        let position = p * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down)), upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (position - Double(lower)) * (sorted[upper] - sorted[lower])
    }
}

extension Array where Element == Double {
    /// The first index whose element satisfies `predicate`, for a sorted array and a monotone predicate.
    func partitioningIndex(where predicate: (Double) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if predicate(self[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
