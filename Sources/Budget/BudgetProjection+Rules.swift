import Foundation
import Forecasting
import Store

/// Each line's projection rule, fixed once per set of regressor paths: its model's forecast, or the assumption
/// from its last year with data.
extension BudgetProjection {
    /// Why a line cannot be projected on the date; reported among the comparison's omitted lines.
    struct Omission: Error { let reason: String }

    /// The plan of `line` under a scenario's regressor paths: actuals where both years are published, else its rule
    /// (a model with enough history and a specification replaces a level or ratio assumption); `earlier` holds
    /// the plans of the lines before it, which ratios, sums and income lines build on.
    static func prepare(_ line: LineData, data: BudgetData, earlier: [Prepared?], models: [SeriesID: LineModel],
                        regressorPaths: [SeriesID: [Int: Double]]) -> Result<Prepared, Omission> {
        let years = data.biennium.years
        // Years the scenario fixes by a regressor path (and no actual does): the method says the line takes them.
        let prepared = rule(line, data: data, earlier: earlier, models: models, regressorPaths: regressorPaths)
        let path = regressorPaths[line.definition.id] ?? [:]
        let fixed = years.filter { line.history[$0] == nil && path[$0] != nil }
        guard !fixed.isEmpty else { return prepared }
        let given = fixed.map { "\($0): \(Self.format(path[$0]!))" }.joined(separator: ", ")
        return prepared.map { Prepared(plan: $0.plan, basis: $0.basis, method: $0.method + "; the scenario's regressor path fixes \(given)") }
    }

    /// ``prepare(_:data:earlier:models:regressorPaths:)`` before a scenario's regressor path is laid over it.
    static func rule(_ line: LineData, data: BudgetData, earlier: [Prepared?], models: [SeriesID: LineModel],
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
        if models[line.definition.id] != nil, history.count >= LineModel.minimumHistory, rule != .model, rule.takesAModel {
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

    /// A figure for a method's text: an integer as it is, otherwise with `digits` decimals.
    static func format(_ x: Double, digits: Int = 1) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(format: "%.\(digits)f", x)
    }
}
