import Foundation
import Forecasting
import Store

/// One simulated path of every line: the scenario's factors, the draws, and the quantiles of the totals.
extension BudgetProjection {
    /// The scenario's factors for each line and year of the biennium, computed once per scenario.
    struct Factors {
        /// `[line · 2 + k]`: demand shock factor, fee factor and CHF per unit of the line's system in year k.
        var demand: [Double], fee: [Double], chf: [Double]
        /// `[line · 2 + k]`: the cost growth factor from the anchor year.
        var growth: [Double]
        /// `[line · 2 + k]`: the published actual, NaN where none.
        var actual: [Double] = []
        /// `[line · 2 + k]`: the scenario's regressor path for the line's series in year k, NaN where it gives none —
        /// the value the regressions on that series read, so the line itself takes it too.
        var path: [Double] = []
    }

    /// The scenario's demand, fee and cost-growth factors and the published actuals, for every line and year.
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
                f.path.append(scenario.regressorPaths[line.definition.id]?[year] ?? .nan)
                if case .cost(let anchor, _)? = plans[index]?.plan {
                    f.growth.append(pow(1 + scenario.costGrowthPercent / 100, Double(year - anchor)))
                } else {
                    f.growth.append(1)
                }
            }
        }
        return f
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
            // A scenario's path for this series is the value its regressions read; the line takes it as well (no
            // draw), so one scenario has one value of the series. A published actual still wins.
            for k in 0..<2 where !f.path[base + k].isNaN { values[base + k] = f.path[base + k] }
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
